"""The craft menu shown on every storefront page, kept per language until a craft changes."""

from django.utils.translation import get_language
from oscar.core.loading import get_model

from marketplace.core.cache import VOCABULARY, versioned

MENU_TIMEOUT = 600


def craft_menu():
    """Top-level craft branches with their URLs, as plain dicts (cheap to cache)."""

    def read():
        Category = get_model("catalogue", "Category")
        roots = Category.objects.browsable().filter(depth=1, exclude_from_menu=False)
        return [{"name": c.name, "url": c.get_absolute_url()} for c in roots.order_by("path")]

    return versioned(VOCABULARY, f"craft-menu:{get_language()}", read, MENU_TIMEOUT)
