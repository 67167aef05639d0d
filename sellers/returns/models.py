"""Returns policies, return requests with their lines and photos, and each request's history."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.uploads import RETURN_PHOTO, CheckedFileField
from sellers.documents import get_private_storage


class Reason(models.TextChoices):
    DAMAGED = "damaged", _("Arrived damaged or broken")
    NOT_AS_DESCRIBED = "not_as_described", _("Not as described")
    WRONG_ITEM = "wrong_item", _("Wrong piece received")
    CHANGED_MIND = "changed_mind", _("Changed my mind")


# Reasons where the seller is at fault: the outbound shipping and duties go back with the pieces.
SELLER_FAULT = frozenset({Reason.DAMAGED, Reason.NOT_AS_DESCRIBED, Reason.WRONG_ITEM})


class Payer(models.TextChoices):
    BUYER = "buyer", _("The buyer")
    SELLER = "seller", _("The seller")


class ReturnPolicy(models.Model):
    """A seller's own returns policy; a seller without one follows the marketplace default
    (``RETURNS_DEFAULT_POLICY``), read by ``sellers.returns.policy.policy_for``."""

    seller = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="return_policy"
    )
    window_days = models.PositiveSmallIntegerField(
        _("Return window (days after delivery)"),
        default=14,
        validators=[MaxValueValidator(365)],
    )
    reasons = models.JSONField(_("Accepted reasons"), default=list)
    return_shipping_paid_by = models.CharField(
        _("Return shipping paid by"), max_length=10, choices=Payer.choices, default=Payer.BUYER
    )
    unique_pieces_returnable = models.BooleanField(_("Unique pieces may be returned"), default=True)
    made_to_order_returnable = models.BooleanField(
        _("Made-to-order pieces may be returned"), default=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Returns policy")
        verbose_name_plural = _("Returns policies")

    def __str__(self):
        return f"{self.seller}: {self.window_days}"


class ReturnRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")
        ESCALATED = "escalated", _("With a curator")
        SHIPPED = "shipped", _("Sent back")
        RECEIVED = "received", _("Received by the seller")
        REFUNDED = "refunded", _("Refunded")
        REPLACED = "replaced", _("Replacement sent")

    class Outcome(models.TextChoices):
        REFUND = "refund", _("A refund")
        REPLACEMENT = "replacement", _("A replacement")

    order = models.ForeignKey("order.Order", on_delete=models.PROTECT, related_name="returns")
    seller = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="returns")
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.REQUESTED, db_index=True
    )
    reason = models.CharField(_("Reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("What happened"), max_length=2000, blank=True)
    outcome = models.CharField(
        _("Preferred outcome"), max_length=20, choices=Outcome.choices, default=Outcome.REFUND
    )
    buyer_language = models.CharField(max_length=10)
    respond_by = models.DateTimeField(_("Seller answers by"))
    escalated_at = models.DateTimeField(null=True, blank=True)
    return_carrier = models.CharField(_("Return carrier"), max_length=80, blank=True)
    return_tracking = models.CharField(_("Return tracking number"), max_length=64, blank=True)
    refund_shipping = models.BooleanField(default=False)
    # What the buyer paid to send the pieces back, in the order's charged currency (entered with
    # the tracking, or by a curator); refunded, up to ``sellers.returns.services.postage_cap``,
    # when the seller pays return shipping: by its policy, or by a curator's decision
    # (``return_postage_paid_by``, blank to follow the policy).
    return_postage = models.DecimalField(
        _("Return postage paid"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    return_postage_currency = models.CharField(max_length=3, blank=True)
    return_postage_paid_by = models.CharField(
        _("Return postage paid by"), max_length=10, choices=Payer.choices, blank=True
    )
    return_postage_refunded = models.DecimalField(
        _("Return postage refunded"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Return request")
        verbose_name_plural = _("Return requests")

    def __str__(self):
        return f"{self.order.number}/{self.pk}: {self.status}"

    @property
    def reference(self):
        return f"R{self.order.number}-{self.pk}"


class ReturnLine(models.Model):
    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey("order.Line", on_delete=models.PROTECT, related_name="return_lines")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "line"], name="return_line_once"),
        ]

    def __str__(self):
        return f"{self.request_id}: {self.line_id}"


class ReturnPhoto(models.Model):
    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="photos")
    image = CheckedFileField(
        _("Photo"), upload_to="returns/%Y/", storage=get_private_storage, validator=RETURN_PHOTO
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.request_id}: {self.image.name}"


class ReturnEvent(models.Model):
    """One transition of a return: from which state to which, by whom (and as what), why."""

    class Role(models.TextChoices):
        BUYER = "buyer", _("Buyer")
        SELLER = "seller", _("Seller")
        CURATOR = "curator", _("Curator")
        SYSTEM = "system", _("Marketplace")

    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, choices=ReturnRequest.Status.choices)
    role = models.CharField(_("By"), max_length=10, choices=Role.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    note = models.TextField(_("Why"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("When"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request_id}: {self.from_status} → {self.to_status}"
