"""Business buyers (a company, its contacts and delivery locations, the staff reviews of its
registration number) and sellers' wholesale offers (price tiers, MOQ, case pack, lead time,
samples) on a listing's stock record."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wholesale import rules
from wholesale.numbers import SCHEMES


class Company(models.Model):
    PENDING, VERIFIED, REFUSED = "pending", "verified", "refused"
    STATUSES = [
        (PENDING, _("Waiting for review")),
        (VERIFIED, _("Verified")),
        (REFUSED, _("Refused")),
    ]

    name = models.CharField(_("company name"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    number_scheme = models.CharField(_("kind of number"), max_length=10, choices=SCHEMES)
    number = models.CharField(_("registration number"), max_length=32)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    # The last review; every review is kept in CompanyReview.
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["number_scheme", "number"], name="wholesale_company_number_unique"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_verified(self):
        return self.status == self.VERIFIED


class CompanyContact(models.Model):
    """A user acting for a company (a user belongs to one company at most)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_contact"
    )
    role = models.CharField(_("role"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    is_admin = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("company contact")

    def __str__(self):
        return f"{self.user} ({self.company})"


class DeliveryLocation(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("location name"), max_length=100)
    line1 = models.CharField(_("address"), max_length=255)
    line2 = models.CharField(_("address (continued)"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2)
    has_loading_dock = models.BooleanField(_("takes pallets (loading dock)"), default=False)

    class Meta:
        verbose_name = _("delivery location")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name}, {self.city} ({self.country})"


class CompanyReview(models.Model):
    """One staff decision on a company: who, when, what and why."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(max_length=10, choices=Company.STATUSES)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.company}: {self.decision}"


class WholesaleOffer(models.Model):
    """A seller's wholesale terms for one listing (its stock record); prices in MAD."""

    stockrecord = models.OneToOneField(
        "partner.StockRecord", on_delete=models.CASCADE, related_name="wholesale_offer"
    )
    minimum_quantity = models.PositiveIntegerField(
        _("minimum order quantity"), validators=[MinValueValidator(1)]
    )
    case_pack = models.PositiveIntegerField(
        _("case pack"), default=1, validators=[MinValueValidator(1)]
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("production lead time (days)"), null=True, blank=True
    )
    sells_samples = models.BooleanField(_("sells samples"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("wholesale offer")

    def __str__(self):
        return f"{self.stockrecord} wholesale"

    def rule_tiers(self):
        return [rules.Tier(t.min_quantity, t.unit_price) for t in self.tiers.all()]

    def unit_price(self, quantity):
        return rules.unit_price(self.rule_tiers(), quantity)

    def quantity_errors(self, quantity):
        return rules.quantity_errors(quantity, self.minimum_quantity, self.case_pack)


class WholesaleTier(models.Model):
    offer = models.ForeignKey(WholesaleOffer, on_delete=models.CASCADE, related_name="tiers")
    min_quantity = models.PositiveIntegerField(_("from quantity"))
    unit_price = models.DecimalField(_("unit price (MAD)"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["min_quantity"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "min_quantity"], name="wholesale_tier_quantity_unique"
            )
        ]

    def __str__(self):
        return f"{self.min_quantity}+: {self.unit_price} MAD"


INCOTERMS = [
    ("EXW", _("EXW: ex works (the workshop)")),
    ("FCA", _("FCA: free carrier, Casablanca")),
    ("FOB", _("FOB: free on board, Casablanca")),
    ("CIF", _("CIF: cost, insurance and freight")),
    ("DAP", _("DAP: delivered at place")),
    ("DDP", _("DDP: delivered duty paid")),
]


class QuoteRequest(models.Model):
    """A verified company's request, sent to each seller of its lines (one SellerQuote each)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="quote_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    destination = models.ForeignKey(DeliveryLocation, on_delete=models.PROTECT)
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=INCOTERMS)
    target_date = models.DateField(_("wanted by"))
    note = models.TextField(_("note"), blank=True)
    # The page language the buyer asked in: the buyer's emails about the quote use it.
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Quote request {self.pk} ({self.company})"


class SellerQuote(models.Model):
    """One seller's part of a request: asked -> answered -> accepted, declined or expired."""

    ASKED, ANSWERED, ACCEPTED, DECLINED, EXPIRED = (
        "asked",
        "answered",
        "accepted",
        "declined",
        "expired",
    )
    STATUSES = [
        (ASKED, _("Asked")),
        (ANSWERED, _("Answered")),
        (ACCEPTED, _("Accepted")),
        (DECLINED, _("Declined")),
        (EXPIRED, _("Expired")),
    ]

    request = models.ForeignKey(QuoteRequest, on_delete=models.CASCADE, related_name="quotes")
    seller = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=STATUSES, default=ASKED)
    lead_time_days = models.PositiveSmallIntegerField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "seller"], name="wholesale_quote_seller")
        ]

    def __str__(self):
        return f"{self.request} / {self.seller}: {self.status}"


class QuoteLine(models.Model):
    quote = models.ForeignKey(SellerQuote, on_delete=models.CASCADE, related_name="lines")
    stockrecord = models.ForeignKey("partner.StockRecord", on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.quantity} x {self.stockrecord}"

    @property
    def line_total(self):
        return (self.unit_price or 0) * self.quantity


class QuoteMessage(models.Model):
    """A message between the buyer's company and the seller about one seller's quote, kept with
    it whatever its state."""

    MAX_LENGTH = 4000

    quote = models.ForeignKey(SellerQuote, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_seller = models.BooleanField()
    body = models.TextField(_("message"), max_length=MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Message {self.pk} on {self.quote}"


class WholesaleOrder(models.Model):
    """The order a company places from the accepted quotes of one request, paid by bank
    transfer against its pro-forma invoice, in full or as a deposit and a balance."""

    DEPOSIT_CHOICES = [
        (0, _("Pay in full before production")),
        (30, _("Deposit of 30% now to start production, 70% before shipment")),
        (50, _("Deposit of 50% now to start production, 50% before shipment")),
    ]

    request = models.OneToOneField(QuoteRequest, on_delete=models.PROTECT, related_name="order")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="orders")
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    deposit_percent = models.PositiveSmallIntegerField(
        _("payment terms"), choices=DEPOSIT_CHOICES, default=30
    )
    total = models.DecimalField(_("total (MAD)"), max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        """What the buyer writes on its bank transfer."""
        return f"WO-{self.pk:06d}"


class WholesalePayment(models.Model):
    """One payment due on a wholesale order, confirmed by staff once the transfer arrives (or
    settled by card). ``freight`` is due before shipment once the order's freight is quoted,
    when the sellers pay the main carriage (CIF, DAP, DDP)."""

    FULL, DEPOSIT, BALANCE, FREIGHT = "full", "deposit", "balance", "freight"
    KINDS = [
        (FULL, _("Full payment")),
        (DEPOSIT, _("Deposit")),
        (BALANCE, _("Balance")),
        (FREIGHT, _("Freight")),
    ]

    order = models.ForeignKey(WholesaleOrder, on_delete=models.CASCADE, related_name="payments")
    kind = models.CharField(max_length=10, choices=KINDS)
    amount = models.DecimalField(_("amount (MAD)"), max_digits=12, decimal_places=2)
    paid_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bank_reference = models.CharField(_("bank reference"), max_length=64, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["order", "kind"], name="wholesale_payment_kind")
        ]

    def __str__(self):
        return f"{self.order} {self.kind} {self.amount}"


class WholesaleCardPayment(models.Model):
    """One attempt at paying a ``WholesalePayment`` by card: a Stripe PaymentIntent for exactly
    that payment's amount, converted to the buyer's currency at the rate of the moment the
    attempt started (frozen here, as a checkout freezes its rate).

    At most one attempt of a payment is pending or succeeded (a double click or a second tab
    finds it and pays nothing twice); a declined card closes its attempt, and the next try opens
    another. The ``payment_intent.succeeded`` webhook and the buyer's return both settle it.
    """

    PENDING, SUCCEEDED, FAILED, CANCELED, REFUNDED = (
        "pending",
        "succeeded",
        "failed",
        "canceled",
        "refunded",
    )
    STATUSES = [
        (PENDING, _("Awaiting payment")),
        (SUCCEEDED, _("Paid")),
        (FAILED, _("Failed")),
        (CANCELED, _("Canceled")),
        (REFUNDED, _("Refunded: received already")),
    ]
    LIVE = (PENDING, SUCCEEDED)

    payment = models.ForeignKey(
        WholesalePayment, on_delete=models.PROTECT, related_name="card_payments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    currency = models.CharField(max_length=3)
    rate = models.DecimalField(max_digits=18, decimal_places=8)
    rate_date = models.DateField(null=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    stripe_payment_intent = models.CharField(max_length=255, unique=True, null=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    failure_message = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["payment"],
                condition=models.Q(status__in=("pending", "succeeded")),
                name="wholesale_one_live_card_payment",
            )
        ]

    def __str__(self):
        return f"{self.payment} card {self.amount} {self.currency} ({self.status})"


# Freight (rates, the order's freight quote, cartons) lives in its own module.
from wholesale.freight_models import (  # noqa: E402, F401
    Carton,
    CartonItem,
    FreightQuote,
    FreightRate,
)
