"""Sitemaps with hreflang alternates in every language, and robots.txt.

URLs are built on the host the crawler asked for (like the pages' canonical links), so one
configuration serves every environment.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, override
from django.views.decorators.cache import cache_page
from oscar.core.loading import get_model
from wagtail.models import Page

from marketplace.core.translated_urls import cms_page_url


class TranslatedSitemap(Sitemap):
    """One <url> per language, each listing the page in every language (and x-default)."""

    i18n = True
    alternates = True
    x_default = True
    limit = 10000

    def _urls(self, page, protocol, domain):
        """Point x-default at the default language's URL, as the pages' own hreflang links do."""
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            by_language = {alt["lang_code"]: alt for alt in url.get("alternates", [])}
            if "x-default" in by_language:
                default = by_language[settings.LANGUAGE_CODE]["location"]
                by_language["x-default"]["location"] = default
        return urls


class CmsPageSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).order_by("path")

    def location(self, item):
        """The page's URL in the language the sitemap is listing (its translated slugs)."""
        return cms_page_url(item, get_language())

    def lastmod(self, item):
        return item.last_published_at


class ProductSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        Product = get_model("catalogue", "Product")
        return Product.objects.sellable().only("pk", "slug", "date_updated").order_by("pk")

    def lastmod(self, item):
        return item.date_updated


class CategorySitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        return get_model("catalogue", "Category").objects.browsable().order_by("path")


SITEMAPS = {"pages": CmsPageSitemap, "products": ProductSitemap, "crafts": CategorySitemap}
SITEMAP_CACHE_SECONDS = 3600


@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_index(request):
    """The sitemap index: one entry per section page."""
    locations = []
    for section, sitemap_class in SITEMAPS.items():
        path = reverse("sitemap_section", kwargs={"section": section})
        pages = sitemap_class().paginator.num_pages
        for number in range(1, pages + 1):
            suffix = f"?p={number}" if number > 1 else ""
            locations.append({"location": request.build_absolute_uri(path) + suffix})
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": locations}, content_type="application/xml"
    )


@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_section(request, section):
    sitemap_class = SITEMAPS.get(section)
    if sitemap_class is None:
        raise Http404
    try:
        with override(settings.LANGUAGE_CODE):
            urls = sitemap_class().get_urls(
                page=request.GET.get("p", 1), site=RequestSite(request), protocol=request.scheme
            )
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404 from exc
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )


ROBOTS_DISALLOW = ("/dashboard/", "/cms/", "/django-admin/")
ROBOTS_DISALLOW_PER_LANGUAGE = ("basket/", "checkout/", "accounts/", "search/")


def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/{path}" for path in ROBOTS_DISALLOW_PER_LANGUAGE]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
