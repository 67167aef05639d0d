"""Product listing: filters, facets, sorting and page size shared by every product list page.

A list is read once as rows (``facets.product_rows``: id, price, date, facet values), cached
per catalogue version; filtering, facet counts, sorting and paging then work on those rows in
Python, and only the shown page's products are fetched. The queries do not depend on the page
size, and refining or paging a list costs no query but the page's products.
"""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog import facets
from catalog.page_cache import catalogue_version
from shipping.buyer import buyer_country
from shipping.countries import country_name, is_country_code

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


def listing_rows(source, cache_key):
    """The list's rows (``facets.product_rows``), each with its ``rank`` if the list is ranked.

    ``source()`` gives (raw rows, ranked): ``facets.read_rows`` of the list's products, or a
    search's rows, best first. The rows are kept per catalogue version and day (a professional
    card expires at midnight) under ``cache_key`` (what the list is: a category, a seller, a
    search), so paging, sorting and refining one list read them (and run its search) once.
    """

    def compute():
        raw_rows, ranked = source()
        rows = facets.product_rows(raw_rows, facets.vocabularies())
        if ranked:
            for rank, row in enumerate(rows):
                row["rank"] = rank
        return rows

    key = f"listing-rows:{catalogue_version()}:{timezone.localdate()}:{cache_key}"
    return cache.get_or_set(key, compute, ROWS_TIMEOUT)


def shippable_ids(rows, country):
    """Ids of the rows that may ship to ``country``; None when every product may.

    The products that may not ship are kept per catalogue version, country and day.
    """
    from catalog.certificates.rules import blocked_ids

    day = timezone.localdate()
    key = f"ships-blocked:{catalogue_version()}:{country}:{day}"
    blocked = cache.get_or_set(key, lambda: blocked_ids(country, day), ROWS_TIMEOUT)
    if blocked is None:
        return set()
    if not blocked:
        return None
    return {row["pk"] for row in rows if row["pk"] not in blocked}


def product_list_rows(products):
    """A ``listing_rows`` source's result for an unranked list of products."""
    return facets.read_rows(with_price(products)), False


def _passes(row, selected):
    return all(value in row[name] for name, value in selected.items())


def with_price(queryset):
    """Annotate ``seller_price``: the price of the product's one stock record.

    A join, not a subquery: the one-stock-record constraint means it cannot duplicate rows.
    """
    return queryset.annotate(seller_price=F("stockrecords__price"))


def sorted_rows(rows, key):
    """The rows in the ``key`` order; ties go to the newer id (the older for price, low to high).

    Relevance is the search rank; products without a price come last in both price orders.
    """
    if key == RELEVANCE:
        return sorted(rows, key=lambda row: (row.get("rank", 0), -row["pk"]))
    if key == "price-asc":
        return sorted(rows, key=lambda row: (row["cents"] is None, row["cents"] or 0, row["pk"]))
    if key == "price-desc":
        priced = [row for row in rows if row["cents"] is not None]
        rest = [row for row in rows if row["cents"] is None]
        return sorted(priced, key=lambda row: (row["cents"], row["pk"]), reverse=True) + sorted(
            rest, key=lambda row: row["pk"], reverse=True
        )
    return sorted(rows, key=lambda row: (row["created"], row["pk"]), reverse=True)


def paginate(ids, request):
    """A page of product ids (``page.object_list``); the count is the number of ids."""
    paginator = Paginator(ids, page_size(request))
    return paginator.get_page(request.GET.get("page"))


def page_products(ids):
    """The products of a page, in the page's order, with what their cards need."""
    Product = get_model("catalogue", "Product")
    found = {p.pk: p for p in with_price(Product.objects.filter(pk__any_of=ids)).for_cards()}
    return [found[pk] for pk in ids if pk in found]


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


def destination(request, selected):
    """The country of the "ships to" facet: the one chosen, else the buyer's."""
    return selected.get("ships_to") or buyer_country(request)


def refine(rows, shippable, selected, sort):
    """What a list shows for one selection: facet counts and the matching ids, in order.

    ``shippable``: the ids that may ship to the facet's country (None: all). Returns
    ``{"counts": {facet: {value: n}}, "ships": n, "ids": [...]}``.
    """
    others = {name: value for name, value in selected.items() if name != "ships_to"}
    in_country = rows if shippable is None else [row for row in rows if row["pk"] in shippable]
    base = in_country if "ships_to" in selected else rows
    counts = facets.count(base, others)
    matching = [row for row in base if _passes(row, others)]
    return {
        "counts": {facet: dict(values) for facet, values in counts.items()},
        "ships": sum(1 for row in in_country if _passes(row, others)),
        "ids": [row["pk"] for row in sorted_rows(matching, sort)],
    }


def listing_result(rows, cache_key, request, selected, sort):
    """``refine`` for this request's selection, kept per catalogue version and selection.

    ``rows()`` reads the list's rows (``listing_rows``) and is called only on a miss, so
    paging, re-sorting back and forth and repeated refinements cost no rows at all.
    """
    country = destination(request, selected)
    choice = "&".join(f"{name}={value}" for name, value in sorted(selected.items()))
    day = timezone.localdate()
    digest = hashlib.sha256(f"{country}|{day}|{sort}|{choice}".encode()).hexdigest()[:32]
    key = f"listing-result:{catalogue_version()}:{cache_key}:{digest}"

    def compute():
        found = rows()
        return refine(found, shippable_ids(found, country), selected, sort)

    return cache.get_or_set(key, compute, ROWS_TIMEOUT)


def build_facets(result, request, selected, exclude=()):
    """The facets to show: each option with its count and toggle link, in the page language."""
    vocab = facets.vocabularies()
    counts = result["counts"]
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
    country = destination(request, selected)
    ships = {
        "label": _("Ships to %(country)s") % {"country": country_name(country)},
        "count": result["ships"],
        "selected": request.GET.get("ships_to") == country,
        "url": toggle_url(request, "ships_to", country),
    }
    return {"groups": groups, "unique": unique, "ships_to": ships}


def listing_context(request, sorts=SORTS, default=DEFAULT_SORT):
    return {
        "sorts": list(sorts.items()),
        "current_sort": sort_key(request, sorts, default),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
    }
