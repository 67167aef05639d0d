"""Product listing: filters, facets, sorting and page size shared by every product list page.

A list is read once as rows (``facets.product_rows``: id, price, date, facet values) and kept
as an index of bitmaps and sort orders (``catalog.list_index``); filtering, facet counts,
sorting and paging then work on that index, and only the shown page's products are fetched. The
queries do not depend on the page size, and refining or paging a list costs no query but the
page's products.

Products that change (a sale, a price edit: ``marketplace.core.cache.touch_products``) do not
throw the index away: the next request reads the changed products' rows under the list's own
condition (one query) and updates the index in place (``list_index.update``). Each index has a
*revision*, renewed when an update changed it; results are kept per revision, so a change to a
product that is not in a list leaves the list's results where they are.
"""

import hashlib
import time
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from pyroaring import BitMap

from catalog import cards, destinations, facets, list_index
from catalog.price_range import price_range_form, selected_range
from marketplace.core.cache import (
    CATALOGUE,
    RATES,
    STOREFRONT,
    change_sequence,
    changes_since,
    versioned,
    versioned_key,
)
from marketplace.core.countries import is_country_code, to_country
from marketplace.currency.display import for_request
from marketplace.currency.selection import buyer_country, buyer_currency

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
# A list more changes behind than this is read afresh rather than updated.
MAX_UPDATE = 500
# The ships-to set is read by every list, so it is kept longer and updated from further behind.
BLOCKED_TIMEOUT = 3600
MAX_BLOCKED_UPDATE = 2000


def selected_filters(request):
    """The filters in the query string; values a filter cannot take are dropped. A price range
    typed in the buyer's currency is kept as MAD centimes (``catalog.price_range``)."""
    selected = {name: request.GET[name] for name in FILTER_NAMES if request.GET.get(name)}
    return {
        **{
            name: value
            for name, value in selected.items()
            if (name not in VALID_VALUES or value in VALID_VALUES[name])
            and (name != "ships_to" or is_country_code(value))
        },
        **selected_range(request),
    }


def _index_key(cache_key):
    return versioned_key(STOREFRONT, f"listing-parts:{timezone.localdate()}:{cache_key}")


def _revision_key(cache_key):
    return versioned_key(STOREFRONT, f"listing-checked:{timezone.localdate()}:{cache_key}")


_UNREAD = object()


def listing_revision(cache_key, found=_UNREAD):
    """The revision of the list's index if it is known current (no change since it was last
    checked, or checked less than ``STOREFRONT_LIST_RESULT_SECONDS`` ago), else None.
    ``found``: what its key holds, if the caller read it."""
    if found is _UNREAD:
        found = cache.get(_revision_key(cache_key))
    if found is None:
        return None
    sequence, revision, checked_at = found
    if sequence >= change_sequence():
        return revision
    if time.time() - checked_at < settings.STOREFRONT_LIST_RESULT_SECONDS:
        return revision
    return None


def _keep(keys, timeout):
    """Renew the timeout of the cache ``keys`` (the parts an index update kept): one round trip
    on Redis (``marketplace.core.redis_cache``), a touch per key elsewhere."""
    touch_many = getattr(cache, "touch_many", None)
    if touch_many is not None:
        touch_many(keys, timeout)
        return
    for key in keys:
        cache.touch(key, timeout)


def _load_index(key):
    """The index stored under ``key`` (its parts, each its own cache key), or None if it or
    any of its parts is missing."""
    stored = cache.get(key)
    if stored is None:
        return None
    parts = cache.get_many(list(stored["parts"].values()))
    if len(parts) != len(stored["parts"]):
        return None
    index = list_index.load_parts(
        stored["ranked"],
        {name: parts[part] for name, part in stored["parts"].items()},
        stored["bounds"],
    )
    index.update(revision=stored["revision"], sequence=stored["sequence"], stored=stored["parts"])
    return index


def _store_index(key, index, names):
    """Store the parts ``names`` of ``index`` under new keys (a part is never rewritten: a
    request reading the previous revision meanwhile reads its parts whole), keep the others,
    then point ``key`` at them."""
    stored = dict(index.get("stored", {}))
    current = set(list_index.part_names(index))
    for name in set(stored) - current:
        del stored[name]
    written = {}
    for name in names & current | current - set(stored):
        written[name] = f"listing-part:{uuid.uuid4().hex}"
    cache.set_many(
        {written[name]: list_index.dump_part(index, name) for name in written}, ROWS_TIMEOUT
    )
    kept = [part for name, part in stored.items() if name not in written]
    if kept:
        _keep(kept, ROWS_TIMEOUT)
    stored.update(written)
    index["stored"] = stored
    cache.set(
        key,
        {
            "ranked": index["ranked"],
            "revision": index["revision"],
            "sequence": index["sequence"],
            "parts": stored,
            "bounds": index["bounds"],
        },
        ROWS_TIMEOUT,
    )


def listing_index(source, cache_key, whole=None):
    """The list's index (``catalog.list_index``), current.

    ``source(only)`` gives (raw rows, ranked): ``facets.read_rows`` of the list's products, or a
    search's rows, best first; with ``only`` (product ids), the rows of those of them now in the
    list. ``whole()``, if given, builds the whole list's index in the database
    (``list_index.from_sql``), which a cold list then uses instead of its rows. The index is
    kept per storefront version and day (a professional card expires at midnight) under
    ``cache_key`` (what the list is: a category, a seller, a search), as one cache key per part
    (``list_index.part_names``), so paging, sorting and refining one list read its rows (and
    run its search) once; products changed since it was stored are read and applied
    (``list_index.update``), and only the parts they changed are written again.
    """
    sequence = change_sequence()  # before any row is read: a later change is applied later
    key = _index_key(cache_key)
    index = _load_index(key)
    if index is not None:
        checked = cache.get(_revision_key(cache_key))
        start = index["sequence"]
        if checked is not None and checked[1] == index["revision"]:
            start = max(start, checked[0])
        changed = changes_since(start, sequence, MAX_UPDATE)
        if changed is None:
            index = None
        elif changed:
            raw_rows, _ranked = source(sorted(changed))
            rows = facets.product_rows(raw_rows, facets.vocabularies())
            if list_index.update(index, changed, rows):
                index["revision"], index["sequence"] = uuid.uuid4().hex[:12], sequence
                _store_index(key, index, list_index.changed_parts(index))
    if index is None:
        if whole is not None:
            index = whole()
        else:
            raw_rows, ranked = source(None)
            rows = facets.product_rows(raw_rows, facets.vocabularies())
            if ranked:
                for rank, row in enumerate(rows):
                    row["rank"] = rank
            index = list_index.build(rows)
        index["revision"], index["sequence"] = uuid.uuid4().hex[:12], sequence
        _store_index(key, index, set(list_index.part_names(index)))
    cache.set(_revision_key(cache_key), (sequence, index["revision"], time.time()), ROWS_TIMEOUT)
    return index


def _blocked_key(country, day):
    return versioned_key((STOREFRONT, CATALOGUE), f"ships-blocked:{country}:{day}")


def ships_to_set(country, stored=_UNREAD, day=None):
    """(revision, bitmap) of the products that may not ship to ``country`` (bitmap None: no
    carrier serves it), current.

    One set over the whole catalogue serves every list. It is kept per country and day under
    the versions of what the rule reads besides the products themselves (carriers, services and
    rates, destination rules, certificates: ``STOREFRONT`` and ``CATALOGUE``), which rebuild
    it whole in one query. A product that changes (a sale, a price or weight edit, a new
    piece: ``touch_products``) is read from the change log and the rule evaluated again for
    the changed products only (``destinations.blocked_ids(..., only=...)``, the same SQL
    restricted to their ids); the revision is renewed only when that changed the set, so the
    lists' results kept under it stay where they are otherwise. A set more than
    ``MAX_BLOCKED_UPDATE`` changes behind, or whose changes left the log, is rebuilt. A set
    brought up to date is kept as it is for ``STOREFRONT_LIST_RESULT_SECONDS``. ``stored``:
    what its key holds for ``day`` (today if not given), if the caller read it.
    """
    day = day or timezone.localdate()
    sequence = change_sequence()  # before the rule is read: a later change is applied later
    key = _blocked_key(country, day)
    if stored is _UNREAD:
        stored = cache.get(key)
    if stored is not None and _checked_lately(stored.get("checked_at")):
        return stored["revision"], _bitmap(stored)
    if stored is not None:
        changed = changes_since(stored["sequence"], sequence, MAX_BLOCKED_UPDATE)
        if changed is None:
            stored = None
        elif not changed:
            return stored["revision"], _bitmap(stored)
        elif stored["blocked"] is None:  # not served: no product of it changes that
            _store_blocked(key, stored["revision"], sequence, None)
            return stored["revision"], None
        else:
            bitmap = BitMap.deserialize(stored["blocked"])
            now = destinations.blocked_ids(country, day, only=changed)
            if now is not None:
                updated = (bitmap - BitMap(changed)) | BitMap(now)
                revision = stored["revision"] if updated == bitmap else uuid.uuid4().hex[:12]
                _store_blocked(key, revision, sequence, updated)
                return revision, updated
    found = destinations.blocked_ids(country, day)
    bitmap = None if found is None else BitMap(found)
    revision = uuid.uuid4().hex[:12]
    _store_blocked(key, revision, sequence, bitmap)
    return revision, bitmap


def _bitmap(stored):
    return None if stored["blocked"] is None else BitMap.deserialize(stored["blocked"])


def _checked_lately(checked_at):
    """Whether a set brought up to date at ``checked_at`` is kept as it is: for
    ``STOREFRONT_LIST_RESULT_SECONDS`` after an update, like the lists it serves (under a stream
    of edits every request would otherwise evaluate the rule again for the latest change)."""
    window = settings.STOREFRONT_LIST_RESULT_SECONDS
    return checked_at is not None and time.time() - checked_at < window


def _store_blocked(key, revision, sequence, bitmap):
    blocked = None if bitmap is None else bitmap.serialize()
    value = {"revision": revision, "sequence": sequence, "blocked": blocked}
    cache.set(key, {**value, "checked_at": time.time()}, BLOCKED_TIMEOUT)


def blocked_ids(country):
    """The ids of the products that may not ship to ``country`` (a bitmap; None: not served)."""
    return ships_to_set(country)[1]


def in_country(index, country, blocked=None):
    """The bitmap of the list's rows that may ship to ``country`` (``blocked``: the set of
    ``blocked_ids(country)``, when the caller has it)."""
    if blocked is None:
        blocked = blocked_ids(country)
    if blocked is None:
        return 0
    return list_index.shippable(index, blocked)


def product_list_rows(products, only=None):
    """A ``listing_index`` source's result for an unranked list of products (of those with
    ids in ``only``, if given)."""
    if only is not None:
        products = products.filter(pk__in=only)
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
    "price": _("Price (%(currency)s)"),
}


def destination(request, selected):
    """The country of the "ships to" facet: the one chosen, else the buyer's."""
    return selected.get("ships_to") or buyer_country(request)


def listing_result(index, cache_key, request, selected, sort):
    """``list_index.refine`` for this request's selection, kept per index revision and
    selection.

    ``index()`` reads the list's index (``listing_index``): called when products changed since
    the list was last checked, or on a miss, so paging and re-sorting back and forth cost no
    index at all.
    """
    country = destination(request, selected)
    day = timezone.localdate()
    keys = _blocked_key(country, day), _revision_key(cache_key)
    stored = cache.get_many(keys)  # both in one round trip
    ships_revision, blocked = ships_to_set(country, stored.get(keys[0]), day)
    choice = "&".join(f"{name}={value}" for name, value in sorted(selected.items()))
    digest = hashlib.sha256(
        f"{country}|{day}|{ships_revision}|{sort}|{choice}".encode()
    ).hexdigest()[:32]
    found = []
    revision = listing_revision(cache_key, stored.get(keys[1]))
    if revision is None:
        found.append(index())
        revision = found[0]["revision"]
    key = f"listing-result:{cache_key}:{revision}:{digest}"

    def compute():
        current = found[0] if found else index()
        shippable = 0 if blocked is None else list_index.shippable(current, blocked)
        return list_index.refine(current, shippable, selected, sort)

    return versioned((STOREFRONT, CATALOGUE), key, compute, ROWS_TIMEOUT)


def price_band_labels(request):
    """Each price band as the buyer reads it ("£40 – £160", "£800 and more"), plain text, kept
    per language and buyer's rate (``cards.rate_token``)."""
    display = for_request(request)

    def labels():
        shown = {}
        for key, low, high in facets.PRICE_BANDS:
            if high is None:
                shown[key] = gettext("%(low)s and more") % {"low": display.show(low)}
            else:
                shown[key] = f"{display.show(low)} – {display.show(high)}"
        return shown

    return versioned(RATES, f"price-bands:{get_language()}:{cards.rate_token(request)}", labels)


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
        if name == "price":
            label = label % {"currency": buyer_currency(request)}
            band_labels = price_band_labels(request)
            for option in options:
                option["label"] = band_labels[option["value"]]
        if options or name == "price":
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
        "price_form": SimpleLazyObject(lambda: price_range_form(request)),
        "sorts": list(sorts.items()),
        "current_sort": sort_key(request, sorts, default),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
    }
