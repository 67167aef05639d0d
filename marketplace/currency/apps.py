from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurrencyConfig(AppConfig):
    name = "marketplace.currency"
    label = "currency"
    verbose_name = _("Currencies")

    def ready(self):
        from marketplace.core import page_cache
        from marketplace.currency.selection import page_variant

        page_cache.vary_on(page_variant)
