"""CSV import of listings: each row checked by ListingForm and saved on its own.

Columns are documented in ``COLUMNS`` (and the downloadable template). Craft, region,
materials and techniques are given by code; several materials or techniques are separated
by "|". Row numbers count the header as row 1, as a spreadsheet shows them.
"""

import csv
import io
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from catalog.crafts import offered_by_craft
from marketplace.core import numbers
from sellers.space.forms import DESCRIPTION_FIELDS, TITLE_FIELDS, ListingForm
from sellers.space.services import write_listing
from wholesale.forms import TIER_ROWS, WholesaleOfferForm
from wholesale.rules import parse_tiers
from wholesale.services import save_offer

StockRecord = get_model("partner", "StockRecord")

Category = get_model("catalogue", "Category")
Region = get_model("catalogue", "Region")
Material = get_model("catalogue", "Material")
Technique = get_model("catalogue", "Technique")

MULTI_SEPARATOR = "|"
TRUE_VALUES = {"1", "yes", "y", "true", "oui", "si", "sí", "نعم"}
FALSE_VALUES = {"0", "no", "n", "false", "non", "لا"}

# (column, form field, what it holds)
COLUMNS = [
    ("sku", "sku", _("Your reference, unique among your listings (optional)")),
    *[(name, name, _("Title in one language; at least one title")) for name in TITLE_FIELDS],
    *[(name, name, _("Description (optional)")) for name in DESCRIPTION_FIELDS],
    ("craft", "craft", _("Craft code (see the list below)")),
    ("region", "region", _("Region code (optional)")),
    ("materials", "materials", _("Material codes separated by |")),
    ("techniques", "techniques", _("Technique codes separated by |")),
    ("price_mad", "price", _("Price in dirhams, e.g. 1250.00")),
    ("stock", "num_in_stock", _("Number in stock")),
    ("unique_piece", "is_unique_piece", _("yes or no; a unique piece has a stock of 0 or 1")),
    ("length_cm", "length_cm", _("Length in cm (optional)")),
    ("width_cm", "width_cm", _("Width in cm (optional)")),
    ("height_cm", "height_cm", _("Height in cm (optional)")),
    ("weight_kg", "weight_kg", _("Weight in kg")),
    ("hs_code", "hs_code", _("HS code, 4 to 10 digits (optional: the craft's heading)")),
    ("processing_days", "processing_days", _("Days needed before shipping (optional)")),
    ("visible", "is_public", _("yes or no: show in the shop once you are verified")),
    ("wholesale_moq", "minimum_quantity", _("Wholesale: minimum order quantity (optional)")),
    ("wholesale_case_pack", "case_pack", _("Wholesale: case pack, ordered in multiples")),
    ("wholesale_lead_days", "lead_time_days", _("Wholesale: production lead time in days")),
    ("wholesale_samples", "sells_samples", _("Wholesale: yes or no, samples sold")),
    (
        "wholesale_tiers",
        "tiers",
        _("Wholesale price tiers in dirhams, quantity:unit price separated by |: 12:950|48:850"),
    ),
    ("photo_urls", "photo_urls", _("Photo addresses (https://…) separated by | (optional)")),
]
WHOLESALE_COLUMNS = [column for column, *_rest in COLUMNS if column.startswith("wholesale_")]
COLUMN_FOR_FIELD = {field: column for column, field, _help in COLUMNS}
MULTI_COLUMNS = {"materials", "techniques"}
BOOLEAN_DEFAULTS = {
    "unique_piece": False,
    "visible": True,
    "wholesale_samples": False,
}  # when the cell is empty
DECIMAL_COLUMNS = {"price_mad", "length_cm", "width_cm", "height_cm", "weight_kg"}
REQUIRED_COLUMNS = {"craft", "price_mad", "stock", "weight_kg"}
# The example row's facts; its codes are read from the live tables (``template_example``).
TEMPLATE_EXAMPLE = {
    "sku": "EXAMPLE-1",
    "price_mad": "450.00",
    "stock": "1",
    "unique_piece": "yes",
    "length_cm": "30",
    "width_cm": "20",
    "height_cm": "10",
    "weight_kg": "1.5",
    "processing_days": "3",
    "visible": "yes",
    "wholesale_moq": "",
    "wholesale_tiers": "",
}


@dataclass
class RowError:
    row: int
    column: str
    message: str


class ImportResult:
    def __init__(self):
        self.errors = []
        self.created = []

    @property
    def ok(self):
        return not self.errors

    def add(self, row, column, message):
        self.errors.append(RowError(row, column, str(message)))


def _first_offered(model, ids):
    """The first of ``model`` the craft offers (``ids``; None: the craft offers every one)."""
    rows = model.objects.order_by("pk")
    return (rows if ids is None else rows.filter(pk__in=ids)).first()


def template_example(seller):
    """The example row, with codes that exist: the seller's own craft and region when they
    have codes, else the first ones of the catalogue, and a material and a technique that
    craft offers (``catalog.crafts``), so the template imports as served."""
    crafts = Category.objects.exclude(code=None).exclude(code="").order_by("path")
    craft = crafts.filter(pk__in=seller.craft_branches.values("pk")).first() or crafts.first()
    region = seller.region if seller.region_id else Region.objects.order_by("pk").first()
    offered = offered_by_craft().get(craft.pk, {}) if craft is not None else {}
    material = _first_offered(Material, offered.get("materials"))
    technique = _first_offered(Technique, offered.get("techniques"))
    example = dict(TEMPLATE_EXAMPLE)
    if craft is not None:
        example.update(
            craft=craft.code,
            title_en=craft.name_en or craft.name,
            title_fr=craft.name_fr or "",
            title_ar=craft.name_ar or "",
        )
    example.update(
        region=getattr(region, "code", ""),
        materials=getattr(material, "code", ""),
        techniques=getattr(technique, "code", ""),
    )
    return example


def template_csv(seller):
    """The header and one example row that imports as served."""
    example = template_example(seller)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column for column, _field, _help in COLUMNS])
    writer.writerow([example.get(column, "") for column, _field, _help in COLUMNS])
    return out.getvalue()


def decode(upload):
    """The file's text, or None when it is not UTF-8."""
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def read_rows(text, result):
    """The CSV's rows as (line, dict), or None with the file-level error recorded."""
    if text is None:
        result.add(0, "", _("The file is not UTF-8 text: save it as “CSV UTF-8”."))
        return None
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip() for name in (reader.fieldnames or [])]
    known = {column for column, _field, _help in COLUMNS}
    unknown = [name for name in header if name not in known]
    missing = sorted(REQUIRED_COLUMNS - set(header))
    if not header:
        result.add(1, "", _("The file is empty."))
        return None
    for name in unknown:
        result.add(1, name, _("Unknown column."))
    for name in missing:
        result.add(1, name, _("Missing column."))
    if unknown or missing:
        return None
    reader.fieldnames = header
    rows = []
    for row in reader:
        if len(rows) >= settings.SELLER_CSV_MAX_ROWS:
            result.add(
                reader.line_num,
                "",
                ngettext(
                    "Too many rows: %(max)s listing per file at most.",
                    "Too many rows: %(max)s listings per file at most.",
                    settings.SELLER_CSV_MAX_ROWS,
                )
                % {"max": settings.SELLER_CSV_MAX_ROWS},
            )
            return None
        rows.append((reader.line_num, row))
    if not rows:
        result.add(2, "", _("The file has no listings."))
        return None
    return rows


def parse_yes_no(value, default, result, line, column):
    lowered = value.lower()
    if not lowered:
        return default
    if lowered not in TRUE_VALUES | FALSE_VALUES:
        result.add(line, column, _("Write yes or no."))
    return lowered in TRUE_VALUES


def form_data(row, result, line):
    """Turn a CSV row into ListingForm data; bad yes/no values are recorded as errors."""
    data = {}
    for column, field, _help in COLUMNS:
        value = (row.get(column) or "").strip()
        if column in MULTI_COLUMNS:
            data[field] = [part.strip() for part in value.split(MULTI_SEPARATOR) if part.strip()]
        elif column in BOOLEAN_DEFAULTS:
            if parse_yes_no(value, BOOLEAN_DEFAULTS[column], result, line, column):
                data[field] = "on"
        else:
            data[field] = csv_decimal(value) if column in DECIMAL_COLUMNS else value
    return data


def wholesale_form(row, data, result, line):
    """The row's wholesale terms as a WholesaleOfferForm, or None when the row sells none."""
    cells = {column: (row.get(column) or "").strip() for column in WHOLESALE_COLUMNS}
    if not any(cells[c] for c in WHOLESALE_COLUMNS if c != "wholesale_samples"):
        return None
    offer = {
        "sells_wholesale": "on",
        "minimum_quantity": cells["wholesale_moq"],
        "case_pack": cells["wholesale_case_pack"],
        "lead_time_days": cells["wholesale_lead_days"],
    }
    if data.get("sells_samples"):
        offer["sells_samples"] = "on"
    try:
        tiers = parse_tiers(cells["wholesale_tiers"])
    except ValueError:
        result.add(line, "wholesale_tiers", _("Write tiers as quantity:price|quantity:price."))
        tiers = []
    if len(tiers) > TIER_ROWS:
        result.add(
            line,
            "wholesale_tiers",
            ngettext("%(max)s price tier at most.", "%(max)s price tiers at most.", TIER_ROWS)
            % {"max": TIER_ROWS},
        )
        tiers = tiers[:TIER_ROWS]
    for number, tier in enumerate(tiers, start=1):
        offer[f"tier_{number}_quantity"] = tier.min_quantity
        offer[f"tier_{number}_price"] = str(tier.unit_price)
    form = WholesaleOfferForm(data=offer, localized=False)
    if not form.is_valid():
        for field, messages in form.errors.items():
            column = COLUMN_FOR_FIELD.get(field, "wholesale_tiers")
            for message in messages:
                result.add(line, column, message)
    return form


def csv_decimal(value):
    """A decimal cell: a comma or a dot is the decimal mark, whatever the page language (a
    spreadsheet writes ``2,5`` or ``2.5``); the Decimal, or the text for the form to refuse."""
    try:
        return numbers.parse_decimal(value.replace(",", "."), "en") if value else value
    except numbers.NotANumber:
        return value


def row_forms(seller, row, line, result, instance=None):
    """The row's ListingForm and WholesaleOfferForm (None when it sells no wholesale), checked;
    every problem is recorded in ``result`` under the row's line and column."""
    data = form_data(row, result, line)
    form = ListingForm(data=data, seller=seller, by_code=True, instance=instance)
    offer_form = wholesale_form(row, data, result, line)
    if not form.is_valid():
        for field, messages in form.errors.items():
            column = COLUMN_FOR_FIELD.get(field, "")
            for message in messages:
                result.add(line, column, message)
    return form, offer_form


def save_row(seller, form, offer_form):
    """Save a valid row's listing and wholesale offer (inside the caller's transaction)."""
    product = write_listing(seller, form)
    if offer_form is not None:
        record = StockRecord.objects.get(product=product, partner=seller)
        save_offer(record, offer_form.cleaned_data)
    return product
