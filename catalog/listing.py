"""Product listing: filters, facets, sorting and page size shared by every product list page."""

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog import facets
from shipping.buyer import buyer_country
from shipping.countries import country_name, is_country_code

SORTS = {
    "newest": (_("Newest"), ["-date_created", "-pk"]),
    "price-asc": (_("Price, low to high"), ["seller_price", "pk"]),
    "price-desc": (_("Price, high to low"), ["-seller_price", "-pk"]),
}
DEFAULT_SORT = "newest"
RELEVANCE = "relevance"
SEARCH_SORTS = {RELEVANCE: (_("Relevance"), ["-relevance", "-pk"]), **SORTS}
PAGE_SIZES = (12, 24, 48)
DEFAULT_PAGE_SIZE = 24
BANDS = {key: (low, high) for key, low, high in facets.PRICE_BANDS}


def sort_key(request, sorts=SORTS, default=DEFAULT_SORT):
    key = request.GET.get("sort", default)
    return key if key in sorts else default


def page_size(request):
    try:
        size = int(request.GET.get("per_page", DEFAULT_PAGE_SIZE))
    except ValueError:
        return DEFAULT_PAGE_SIZE
    return size if size in PAGE_SIZES else DEFAULT_PAGE_SIZE


def _linked(field, code):
    Product = get_model("catalogue", "Product")
    through = getattr(Product, f"{field}s").through
    return Exists(through.objects.filter(product=OuterRef("pk"), **{f"{field}__code": code}))


def _in_craft(slug):
    Category = get_model("catalogue", "Category")
    ProductCategory = get_model("catalogue", "ProductCategory")
    root = Category.objects.filter(depth=1, slug=slug).values("path")[:1]
    return Exists(
        ProductCategory.objects.filter(
            product=OuterRef("pk"), category__path__startswith=Subquery(root)
        )
    )


def _in_band(key):
    low, high = BANDS[key]
    return {"seller_price__gte": low, **({"seller_price__lt": high} if high else {})}


FILTERS = {
    "craft": lambda qs, value: qs.filter(_in_craft(value)),
    "region": lambda qs, value: qs.filter(region__code=value),
    "material": lambda qs, value: qs.filter(_linked("material", value)),
    "technique": lambda qs, value: qs.filter(_linked("technique", value)),
    "price": lambda qs, value: qs.filter(**_in_band(value)),
    "unique": lambda qs, value: qs.filter(is_unique_piece=True),
    "ships_to": lambda qs, value: _ships_to(qs, value),
}


def _ships_to(queryset, country):
    from catalog.certificates.rules import ships_to

    return ships_to(queryset, country)


VALID_VALUES = {"price": BANDS.keys(), "unique": {"1"}}


def selected_filters(request):
    """The filters in the query string; values a filter cannot take are dropped."""
    selected = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    return {
        name: value
        for name, value in selected.items()
        if (name not in VALID_VALUES or value in VALID_VALUES[name])
        and (name != "ships_to" or is_country_code(value))
    }


def apply_filters(queryset, selected, skip=None):
    """Apply the selected filters, all but ``skip`` (a facet counts without its own filter)."""
    for name, value in selected.items():
        if name != skip:
            queryset = FILTERS[name](queryset, value)
    return queryset


def with_price(queryset):
    """Annotate ``seller_price``: the price of the product's one stock record.

    A join, not a subquery: the one-stock-record constraint means it cannot duplicate rows.
    """
    return queryset.annotate(seller_price=F("stockrecords__price"))


def apply_sort(queryset, request, sorts=SORTS, default=DEFAULT_SORT):
    return queryset.order_by(*sorts[sort_key(request, sorts, default)][1])


def paginate(queryset, request):
    """A page of products; the count query runs once, the page in constant queries."""
    paginator = Paginator(queryset, page_size(request), allow_empty_first_page=True)
    return paginator.get_page(request.GET.get("page"))


def toggle_url(request, name, value):
    """The current list's URL with one filter set to ``value``, or removed if already set."""
    params = request.GET.copy()
    params.pop("page", None)
    if params.get(name) == value:
        params.pop(name)
    else:
        params[name] = value
    return f"?{params.urlencode()}" if params else request.path


FACET_LABELS = {
    "craft": _("Craft"),
    "region": _("Region"),
    "material": _("Material"),
    "technique": _("Technique"),
    "price": _("Price (MAD)"),
}


def build_facets(base, request, selected, exclude=()):
    """Every facet's options with counts and toggle links, in a fixed number of queries."""
    vocab = facets.vocabularies()
    ships = selected.get("ships_to")
    others = {name: value for name, value in selected.items() if name != "ships_to"}
    counts = facets.count(
        facets.product_rows(FILTERS["ships_to"](base, ships) if ships else base, vocab), others
    )
    groups = []
    for name, label in FACET_LABELS.items():
        if name in exclude:
            continue
        options = facets.options(name, counts[name], vocab, selected.get(name))
        for option in options:
            option["url"] = toggle_url(request, name, option["value"])
        if options:
            groups.append((name, label, options))
    unique = facets.unique_option(counts["unique"], selected.get("unique") == "1")
    unique["url"] = toggle_url(request, "unique", "1")
    return {"groups": groups, "unique": unique, "ships_to": ships_to_option(base, request, others)}


def ships_to_option(base, request, others):
    """A toggle "Ships to <country>" (the chosen one, else the buyer's) with its count."""
    country = selected_filters(request).get("ships_to") or buyer_country(request)
    count = FILTERS["ships_to"](apply_filters(base, others), country).count()
    return {
        "label": _("Ships to %(country)s") % {"country": country_name(country)},
        "count": count,
        "selected": request.GET.get("ships_to") == country,
        "url": toggle_url(request, "ships_to", country),
    }


def listing_context(request, sorts=SORTS, default=DEFAULT_SORT):
    return {
        "sorts": [(key, label) for key, (label, _order) in sorts.items()],
        "current_sort": sort_key(request, sorts, default),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
    }
