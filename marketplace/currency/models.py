"""Exchange rates from MAD (the sellers' currency) to the buyers' currencies, as dated data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.currency.money import BUYER_CURRENCIES


class ExchangeRate(models.Model):
    """Units of ``currency`` for one Moroccan dirham, as published on ``date``."""

    currency = models.CharField(
        _("Currency"), max_length=3, choices=[(c, c) for c in BUYER_CURRENCIES], unique=True
    )
    rate = models.DecimalField(_("Rate per MAD"), max_digits=18, decimal_places=8)
    date = models.DateField(_("Rate date"))
    source = models.CharField(_("Source"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    class Meta:
        ordering = ["currency"]
        verbose_name = _("Exchange rate")
        verbose_name_plural = _("Exchange rates")

    def __str__(self):
        return f"1 MAD = {self.rate} {self.currency} ({self.date})"
