"""Catalogue fork: Moroccan craft products and the vocabularies that describe them."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import (
    AbstractCategory,
    AbstractProduct,
    AbstractProductImage,
)

from catalog.querysets import ProductQuerySet

hs_code_validator = RegexValidator(
    r"^\d{4}(\d{2}){0,3}$",
    _("An HS code has 4, 6, 8 or 10 digits, without dots or spaces."),
)


class Region(models.Model):
    """One of Morocco's 12 administrative regions (2015 division)."""

    code = models.SlugField(_("Code"), max_length=40, unique=True)
    name = models.CharField(_("Name"), max_length=80)
    is_export_pole = models.BooleanField(_("Export pole"), default=False)
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("Region")
        verbose_name_plural = _("Regions")

    def __str__(self):
        return self.name


class Material(models.Model):
    code = models.SlugField(_("Code"), max_length=40, unique=True)
    name = models.CharField(_("Name"), max_length=80)

    class Meta:
        ordering = ["code"]
        verbose_name = _("Material")
        verbose_name_plural = _("Materials")

    def __str__(self):
        return self.name


class Technique(models.Model):
    code = models.SlugField(_("Code"), max_length=40, unique=True)
    name = models.CharField(_("Name"), max_length=80)

    class Meta:
        ordering = ["code"]
        verbose_name = _("Technique")
        verbose_name_plural = _("Techniques")

    def __str__(self):
        return self.name


class Category(AbstractCategory):
    """A craft branch; its HS heading is the default for products filed under it.

    ``materials`` and ``techniques`` are what a seller may pick for a piece of this craft
    (edited by staff); a branch without its own list uses its parent's, and a craft with none
    up its tree offers the whole vocabulary (``allowed_vocabulary``).
    """

    hs_heading = models.CharField(
        _("Usual HS heading"), max_length=10, blank=True, validators=[hs_code_validator]
    )
    materials = models.ManyToManyField(
        Material,
        verbose_name=_("Materials of this craft"),
        blank=True,
        related_name="crafts",
        help_text=_("What sellers may choose for a piece of this craft; none: all materials."),
    )
    techniques = models.ManyToManyField(
        Technique,
        verbose_name=_("Techniques of this craft"),
        blank=True,
        related_name="crafts",
        help_text=_("What sellers may choose for a piece of this craft; none: all techniques."),
    )


class Product(AbstractProduct):
    region = models.ForeignKey(
        Region,
        verbose_name=_("Region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
    )
    materials = models.ManyToManyField(
        Material, verbose_name=_("Materials"), blank=True, related_name="products"
    )
    techniques = models.ManyToManyField(
        Technique, verbose_name=_("Techniques"), blank=True, related_name="products"
    )
    length_cm = models.DecimalField(
        _("Length (cm)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    width_cm = models.DecimalField(
        _("Width (cm)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    height_cm = models.DecimalField(
        _("Height (cm)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    weight_kg = models.DecimalField(
        _("Weight (kg)"),
        max_digits=7,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    is_unique_piece = models.BooleanField(
        _("Unique piece"),
        default=False,
        help_text=_("A one-of-a-kind piece: it can be sold exactly once."),
    )
    hs_code = models.CharField(
        _("HS code"), max_length=10, blank=True, validators=[hs_code_validator]
    )
    processing_days = models.PositiveSmallIntegerField(
        _("Processing time (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Days the seller needs to make or prepare the piece before it ships."),
    )

    objects = ProductQuerySet.as_manager()

    @property
    def has_photo(self):
        """Whether the product has at least one image (from the prefetch cache if there is one)."""
        cached = getattr(self, "_prefetched_objects_cache", {}).get("images")
        if cached is not None:
            return len(cached) > 0
        return self.images.exists()

    @property
    def is_sellable(self):
        """The Python face of ``Product.objects.sellable()``: public, not a variant, with a
        photo, and offered by a seller who may sell (``Partner.can_sell``)."""
        return (
            self.is_public
            and self.parent_id is None
            and self.has_photo
            and any(record.partner.can_sell for record in self.stockrecords.all())
        )

    @property
    def seller_stockrecord(self):
        """The seller's stock record (a product has exactly one), from the prefetch cache."""
        records = list(self.stockrecords.all())
        return records[0] if records else None

    @property
    def seller(self):
        record = self.seller_stockrecord
        return record.partner if record else None

    @property
    def effective_hs_code(self):
        """The HS code customs read: the product's own, else the heading of its craft."""
        if self.hs_code:
            return self.hs_code
        for category in self.categories.all():
            if category.hs_heading:
                return category.hs_heading
        return ""

    @property
    def dimensions_display(self):
        dims = [d for d in (self.length_cm, self.width_cm, self.height_cm) if d]
        return " × ".join(f"{d.normalize():f}" for d in dims) + " cm" if dims else ""


class ProductImage(AbstractProductImage):
    renditions_ready = models.BooleanField(
        _("Responsive renditions ready"),
        default=False,
        editable=False,
        help_text=_("Set once the WebP renditions exist; pages show the original until then."),
    )

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_original = instance.original.name if "original" in field_names else None
        return instance

    def save(self, *args, **kwargs):
        """A replaced file needs new renditions: pages use the original until they exist."""
        if getattr(self, "_loaded_original", None) not in (None, self.original.name):
            self.renditions_ready = False
        super().save(*args, **kwargs)
        self._loaded_original = self.original.name


class ProductSearchDocument(models.Model):
    """A product's searchable text in one language, kept current by ``catalog.search.index``.

    ``document`` is lower-cased, accent-free text (trigram typo matching on PostgreSQL, word
    matching on SQLite); ``vector`` is the weighted full-text vector (PostgreSQL only).

    On PostgreSQL a document also carries the product's list row (what ``catalog.facets`` counts
    and sorts by) and what decides whether it may be sold, so a search reads its results' rows
    in the ranking query itself. Whether the seller may sell is checked live, not stored.
    """

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="search_documents")
    language = models.CharField(max_length=8)
    document = models.TextField()
    vector = SearchVectorField(null=True)
    listed = models.BooleanField(
        db_default=False, help_text="Public, not a variant, with at least one image."
    )
    seller_id = models.IntegerField(null=True, help_text="The seller of its stock record.")
    region_id = models.IntegerField(null=True)
    unique_piece = models.BooleanField(db_default=False)
    price_cents = models.BigIntegerField(null=True)
    created_us = models.BigIntegerField(null=True, help_text="Microseconds since the epoch.")
    material_ids = ArrayField(models.IntegerField(), null=True)
    technique_ids = ArrayField(models.IntegerField(), null=True)
    category_ids = ArrayField(models.IntegerField(), null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product", "language"], name="one_search_document_per_language"
            )
        ]

    def __str__(self):
        return f"{self.product_id}/{self.language}"


class SearchSynonym(models.Model):
    """Words a buyer may type for the same thing (spellings, transliterations, other scripts),
    edited by staff; a search for one finds what is titled with another
    (``catalog.search.synonyms``). Blank language: on every page."""

    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The page language where these words are equivalent; blank for every one."),
    )
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_("One term per line (or separated by commas); a term may have several words."),
    )

    class Meta:
        ordering = ["language", "pk"]
        verbose_name = _("search synonym group")
        verbose_name_plural = _("search synonym groups")

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        """The terms as typed, in order, without blanks or repeats."""
        found = []
        for line in self.terms.replace(",", "\n").splitlines():
            term = " ".join(line.split())
            if term and term not in found:
                found.append(term)
        return found

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Give at least two equivalent terms.")})


from oscar.apps.catalogue.models import *  # noqa: E402
