"""Oscar's root app config, rearranged for a site Wagtail shares.

Oscar's own URL list opens with ``path("", redirect)`` and mounts the dashboard inside it;
here ``home`` is the CMS home page, the dashboard is mounted by ``marketplace.urls`` at
``/dashboard/`` and search is our database search.
"""

from django.urls import include, path
from oscar.config import Shop as OscarShop


class Shop(OscarShop):
    def get_urls(self):
        from catalog import search_page
        from marketplace.cms import views as cms_views

        excluded = {"", "dashboard/", "search/"}
        urls = [u for u in super().get_urls() if str(u.pattern) not in excluded]
        return [
            path("", cms_views.serve, name="home"),
            path("search/", include((search_page.urlpatterns, "search"))),
            *urls,
        ]
