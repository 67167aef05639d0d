"""Product listing: filters, facets, sorting and page size shared by every product list page.

A list is read once as rows (``facets.product_rows``: id, price, date, facet values) and kept,
per catalogue version, as an index of bitmaps and sort orders (``catalog.list_index``);
filtering, facet counts, sorting and paging then work on that index, and only the shown page's
products are fetched. The queries do not depend on the page size, and refining or paging a list
costs no query but the page's products.
"""

import hashlib
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog import destinations, facets, list_index
from marketplace.core.cache import STOREFRONT, versioned
from marketplace.core.countries import is_country_code, to_country
from marketplace.currency.selection import buyer_country

SORTS = {
    "newest": _("Newest"),
    "price-asc": _("Price, low to high"),
    "price-desc": _("Price, high to low"),
}
DEFAULT_SORT = "newest"
RELEVANCE = "relevance"
SEARCH_SORTS = {RELEVANCE: _("Relevance"), **SORTS}
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


FILTER_NAMES = ("craft", "region", "material", "technique", "price", "unique", "ships_to")
VALID_VALUES = {"price": BANDS.keys(), "unique": {"1"}}
ROWS_TIMEOUT = 300


def selected_filters(request):
    """The filters in the query string; values a filter cannot take are dropped."""
    selected = {name: request.GET[name] for name in FILTER_NAMES if request.GET.get(name)}
    return {
        name: value
        for name, value in selected.items()
        if (name not in VALID_VALUES or value in VALID_VALUES[name])
        and (name != "ships_to" or is_country_code(value))
    }


def listing_index(source, cache_key):
    """The list's index (``catalog.list_index``) of its rows (``facets.product_rows``).

    ``source()`` gives (raw rows, ranked): ``facets.read_rows`` of the list's products, or a
    search's rows, best first. The index is kept per catalogue version and day (a professional
    card expires at midnight) under ``cache_key`` (what the list is: a category, a seller, a
    search), so paging, sorting and refining one list read its rows (and run its search) once.
    """

    def compute():
        raw_rows, ranked = source()
        rows = facets.product_rows(raw_rows, facets.vocabularies())
        if ranked:
            for rank, row in enumerate(rows):
                row["rank"] = rank
        return list_index.build(rows)

    key = f"listing-index:{timezone.localdate()}:{cache_key}"
    return versioned(STOREFRONT, key, compute, ROWS_TIMEOUT)


def in_country(index, country):
    """The bitmap of the list's rows that may ship to ``country``.

    The products that may not ship are kept per catalogue version, country and day.
    """
    day = timezone.localdate()
    key = f"ships-blocked:{country}:{day}"
    blocked = versioned(
        STOREFRONT, key, lambda: destinations.blocked_ids(country, day), ROWS_TIMEOUT
    )
    if blocked is None:
        return 0
    return list_index.shippable(index, blocked)


def product_list_rows(products):
    """A ``listing_index`` source's result for an unranked list of products."""
    return facets.read_rows(with_price(products)), False


def with_price(queryset):
    """Annotate ``seller_price``: the price of the product's one stock record.

    A join, not a subquery: the one-stock-record constraint means it cannot duplicate rows.
    """
    return queryset.annotate(seller_price=F("stockrecords__price"))


def paginate(ids, request):
    """A page of product ids (``page.object_list``); the count is the number of ids."""
    paginator = Paginator(ids, page_size(request))
    return paginator.get_page(request.GET.get("page"))


def page_products(ids):
    """The products of a page, in the page's order, with what their cards need."""
    Product = get_model("catalogue", "Product")
    found = {p.pk: p for p in with_price(Product.objects.filter(pk__any_of=ids)).for_cards()}
    return [found[pk] for pk in ids if pk in found]


def toggler(request):
    """``toggle(name, value)``: the current list's URL with one filter set to ``value``, or
    removed if already set, and without its page. The query string is encoded once per request,
    not once per facet option."""
    params = [(key, values) for key, values in request.GET.lists() if key != "page"]
    encoded = {key: [urlencode({key: value}) for value in values] for key, values in params}
    last = {key: values[-1] for key, values in params}

    def toggle(name, value):
        pieces = []
        for key, _values in params:
            if key != name:
                pieces.extend(encoded[key])
            elif last[key] != value:
                pieces.append(urlencode({name: value}))
        if name not in last:
            pieces.append(urlencode({name: value}))
        return f"?{'&'.join(pieces)}" if pieces else request.path

    return toggle


FACET_LABELS = {
    "craft": _("Craft"),
    "region": _("Region"),
    "material": _("Material"),
    "technique": _("Technique"),
    "price": _("Price (MAD)"),
}


def destination(request, selected):
    """The country of the "ships to" facet: the one chosen, else the buyer's."""
    return selected.get("ships_to") or buyer_country(request)


def listing_result(index, cache_key, request, selected, sort):
    """``list_index.refine`` for this request's selection, kept per catalogue version and
    selection.

    ``index()`` reads the list's index (``listing_index``) and is called only on a miss, so
    paging and re-sorting back and forth cost no index at all.
    """
    country = destination(request, selected)
    choice = "&".join(f"{name}={value}" for name, value in sorted(selected.items()))
    day = timezone.localdate()
    digest = hashlib.sha256(f"{country}|{day}|{sort}|{choice}".encode()).hexdigest()[:32]
    key = f"listing-result:{cache_key}:{digest}"

    def compute():
        found = index()
        return list_index.refine(found, in_country(found, country), selected, sort)

    return versioned(STOREFRONT, key, compute, ROWS_TIMEOUT)


def build_facets(result, request, selected, exclude=()):
    """The facets to show: each option with its count and toggle link, in the page language."""
    vocab = facets.vocabularies()
    counts = result["counts"]
    toggle_url = toggler(request)
    groups = []
    for name, label in FACET_LABELS.items():
        if name in exclude:
            continue
        options = facets.options(name, counts[name], vocab, selected.get(name))
        for option in options:
            option["url"] = toggle_url(name, option["value"])
        if options:
            groups.append((name, label, options))
    unique = facets.unique_option(counts["unique"], selected.get("unique") == "1")
    unique["url"] = toggle_url("unique", "1")
    country = destination(request, selected)
    ships = {
        "label": _("Ships to %(country)s") % {"country": to_country(country)},
        "count": result["ships"],
        "selected": request.GET.get("ships_to") == country,
        "url": toggle_url("ships_to", country),
    }
    return {"groups": groups, "unique": unique, "ships_to": ships}


def listing_context(request, sorts=SORTS, default=DEFAULT_SORT):
    return {
        "sorts": list(sorts.items()),
        "current_sort": sort_key(request, sorts, default),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
    }
