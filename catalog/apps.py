import oscar.apps.catalogue.apps as oscar_apps
from django.urls import path
from oscar.core.loading import get_class


class CatalogueConfig(oscar_apps.CatalogueConfig):
    name = "catalog"

    def ready(self):
        super().ready()
        from catalog import image_signals, lookups  # noqa: F401 (lookups registers)
        from catalog.search import signals

        signals.connect()
        image_signals.connect()
        self.seller_view = get_class("catalogue.views", "SellerView")

    def get_urls(self):
        urls = super().get_urls()
        urls += [path("sellers/<slug:slug>/", self.seller_view.as_view(), name="seller")]
        return self.post_process_urls(urls)
