"""Product listing: filters, sorting and page size shared by browse, category and search pages."""

from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

SORTS = {
    "newest": (_("Newest"), ["-date_created", "-pk"]),
    "price-asc": (_("Price, low to high"), ["seller_price", "pk"]),
    "price-desc": (_("Price, high to low"), ["-seller_price", "-pk"]),
}
DEFAULT_SORT = "newest"
PAGE_SIZES = (12, 24, 48)
DEFAULT_PAGE_SIZE = 24


RELEVANCE = "relevance"
SEARCH_SORTS = {RELEVANCE: (_("Relevance"), ["-relevance", "-pk"]), **SORTS}


def sort_key(request, sorts=SORTS, default=DEFAULT_SORT):
    key = request.GET.get("sort", default)
    return key if key in sorts else default


def page_size(request):
    try:
        size = int(request.GET.get("per_page", DEFAULT_PAGE_SIZE))
    except ValueError:
        return DEFAULT_PAGE_SIZE
    return size if size in PAGE_SIZES else DEFAULT_PAGE_SIZE


def apply_filters(queryset, request):
    """Narrow by region, material and technique codes from the query string."""
    for param, lookup in (
        ("region", "region__code"),
        ("material", "materials__code"),
        ("technique", "techniques__code"),
    ):
        value = request.GET.get(param)
        if value:
            queryset = queryset.filter(**{lookup: value})
    if request.GET.get("unique") == "1":
        queryset = queryset.filter(is_unique_piece=True)
    return queryset


def with_price(queryset):
    """Annotate ``seller_price``: the price of the product's one stock record."""
    StockRecord = get_model("partner", "StockRecord")
    price = StockRecord.objects.filter(product=OuterRef("pk")).values("price")[:1]
    return queryset.annotate(seller_price=Subquery(price))


def apply_sort(queryset, request, sorts=SORTS, default=DEFAULT_SORT):
    return queryset.order_by(*sorts[sort_key(request, sorts, default)][1])


def paginate(queryset, request):
    """A page of products; the count query runs once, the page in constant queries."""
    paginator = Paginator(queryset, page_size(request), allow_empty_first_page=True)
    return paginator.get_page(request.GET.get("page"))


def listing_context(request, sorts=SORTS, default=DEFAULT_SORT):
    return {
        "sorts": [(key, label) for key, (label, _order) in sorts.items()],
        "current_sort": sort_key(request, sorts, default),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
        "regions": list(get_model("catalogue", "Region").objects.all()),
        "current_region": request.GET.get("region", ""),
    }
