"""The trust pages linked in every page's footer: shipping and returns, FAQ, contact, terms and
privacy, found by their English slug (a stable marker curators keep when they retitle or
translate a page), kept per language until a page is published, unpublished or deleted (the
pages version: a product change does not read them again).
"""

from django.utils.translation import get_language
from wagtail.models import Page

from marketplace.core.cache import PAGES, versioned

# In footer order. The demo seed (demo.cms_texts.STANDARD_PAGES) creates them with these slugs.
TRUST_PAGE_SLUGS = ("shipping-and-returns", "faq", "contact", "terms", "privacy")
TRUST_TIMEOUT = 3600
HOME_DEPTH = 2  # the site's home page sits under Wagtail's root node; trust pages are its children


def trust_links():
    """``[{"title", "url"}]`` of the live trust pages under the default site's home, in footer
    order and the current language; an empty list when none exist (the footer shows nothing).

    One query when the pages version changes: a page without a view restriction of its own
    (its parent is the home page, which is public), outside any site it has no URL and is left out.
    """

    def read():
        pages = Page.objects.live().filter(
            depth=HOME_DEPTH + 1, slug_en__in=TRUST_PAGE_SLUGS, view_restrictions__isnull=True
        )
        by_slug = {page.slug_en: page for page in pages}
        links = []
        for slug in TRUST_PAGE_SLUGS:
            page = by_slug.get(slug)
            url = page.get_url() if page is not None else None
            if url:
                links.append({"title": page.title, "url": url})
        return links

    return versioned(PAGES, f"trust-links:{get_language()}", read, TRUST_TIMEOUT)
