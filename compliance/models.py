"""Import regimes and duty rates: how each destination taxes a parcel, as dated rows."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

country_validator = RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter ISO country code."))


class DatedQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class ImportRegime(models.Model):
    """How a country taxes an imported parcel of Moroccan goods, between two dates.

    Thresholds are in the regime's currency and compare with the parcel's goods value; an empty
    threshold means "none" (e.g. the US has had no duty-free de minimis since 29 Aug 2025).
    """

    country = models.CharField(_("Country"), max_length=2, validators=[country_validator])
    valid_from = models.DateField(_("Valid from"))
    valid_to = models.DateField(_("Valid to"), null=True, blank=True)
    currency = models.CharField(_("Currency"), max_length=3)
    tax_name = models.CharField(_("Tax name"), max_length=30, default="VAT")
    tax_rate = models.DecimalField(_("Tax rate (%)"), max_digits=5, decimal_places=2, default=0)
    tax_free_up_to = models.DecimalField(
        _("Tax-free up to"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    tax_at_checkout_up_to = models.DecimalField(
        _("Tax collected at checkout up to"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("e.g. EU IOSS (EUR 150) or UK VAT at the point of sale (GBP 135)."),
    )
    duty_free_up_to = models.DecimalField(
        _("Duty-free up to"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    flat_duty_per_item_type = models.DecimalField(
        _("Flat duty per item type"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    flat_duty_up_to = models.DecimalField(
        _("Flat duty applies up to"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    moroccan_origin_duty_free = models.BooleanField(
        _("Moroccan origin enters duty-free"),
        default=False,
        help_text=_("A trade agreement with an origin proof (EU, UK)."),
    )
    origin_surcharge_rate = models.DecimalField(
        _("Surcharge on Moroccan goods (%)"), max_digits=5, decimal_places=2, default=0
    )
    notes = models.TextField(_("Notes"), blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["country", "valid_from"]
        verbose_name = _("Import regime")
        verbose_name_plural = _("Import regimes")

    def __str__(self):
        return f"{self.country} {self.valid_from}–{self.valid_to or '…'}"


class DutyRate(models.Model):
    """A country's duty rate on an HS heading (the longest matching prefix wins)."""

    country = models.CharField(_("Country"), max_length=2, validators=[country_validator])
    hs_prefix = models.CharField(_("HS code prefix"), max_length=10, blank=True)
    rate = models.DecimalField(_("Duty rate (%)"), max_digits=5, decimal_places=2)
    valid_from = models.DateField(_("Valid from"))
    valid_to = models.DateField(_("Valid to"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["country", "hs_prefix", "valid_from"]
        verbose_name = _("Duty rate")
        verbose_name_plural = _("Duty rates")

    def __str__(self):
        return f"{self.country} {self.hs_prefix or '*'}: {self.rate}%"


class RuleChange(models.Model):
    """One edit of a destination rule, import regime or duty rate made in the dashboard: who,
    when, and each changed field's value before and after. Rows are only ever added."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")

    model = models.CharField(_("Table"), max_length=60, db_index=True)
    object_id = models.PositiveIntegerField(_("Row"), db_index=True)
    object_repr = models.CharField(_("Row as shown"), max_length=200)
    action = models.CharField(_("Action"), max_length=10, choices=Action.choices)
    changes = models.JSONField(_("Changes"), default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("By"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    user_repr = models.CharField(_("By (as recorded)"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("At"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Rule change")
        verbose_name_plural = _("Rule changes")

    def __str__(self):
        return f"{self.model} {self.object_id} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Rule changes are history: they cannot be changed.")
        super().save(*args, **kwargs)
