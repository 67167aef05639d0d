"""The craft menu shown on every storefront page, cached per language."""

from django.core.cache import cache
from django.utils.translation import get_language
from oscar.core.loading import get_model

MENU_TIMEOUT = 600


def menu_cache_key(language):
    return f"craft-menu:{language}"


def craft_menu():
    """Top-level craft branches with their URLs, as plain dicts (cheap to cache)."""
    key = menu_cache_key(get_language())
    items = cache.get(key)
    if items is None:
        Category = get_model("catalogue", "Category")
        roots = Category.objects.browsable().filter(depth=1, exclude_from_menu=False)
        items = [{"name": c.name, "url": c.get_absolute_url()} for c in roots.order_by("path")]
        cache.set(key, items, MENU_TIMEOUT)
    return items


def clear_craft_menu(**kwargs):
    from django.conf import settings

    cache.delete_many([menu_cache_key(code) for code, _name in settings.LANGUAGES])
