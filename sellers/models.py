"""Partner fork: a seller is a verified artisan or cooperative (law 50.17, law 112.12)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord


class Partner(AbstractPartner):
    """A seller. Oscar's code keeps calling it Partner; the domain calls it Seller."""

    class Kind(models.TextChoices):
        ARTISAN = "artisan", _("Artisan")
        MASTER_ARTISAN = "master_artisan", _("Master artisan (maâlem)")
        COOPERATIVE = "cooperative", _("Cooperative")
        ENTERPRISE = "enterprise", _("Craft enterprise")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        NEEDS_INFO = "needs_info", _("Needs information")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    slug = models.SlugField(_("Slug"), max_length=128, unique=True, null=True, blank=True)
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices, default=Kind.ARTISAN)
    status = models.CharField(
        _("Verification status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    verified_at = models.DateTimeField(_("Verified at"), null=True, blank=True)
    region = models.ForeignKey(
        "catalogue.Region",
        verbose_name=_("Region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sellers",
    )
    city = models.CharField(_("City"), max_length=80, blank=True)
    story = models.TextField(_("Story"), blank=True)

    @property
    def is_verified(self):
        return self.status == self.Status.VERIFIED

    @property
    def is_cooperative(self):
        return self.kind == self.Kind.COOPERATIVE

    def get_absolute_url(self):
        return reverse("catalogue:seller", kwargs={"slug": self.slug}) if self.slug else ""


Seller = Partner


class StockRecord(AbstractStockRecord):
    class Meta(AbstractStockRecord.Meta):
        constraints = [
            models.UniqueConstraint(fields=["product"], name="one_seller_stockrecord_per_product")
        ]


from oscar.apps.partner.models import *  # noqa: E402
