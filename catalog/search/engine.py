"""Product search: PostgreSQL full text (stemmed, accent-free), trigram matching as the typo
fallback when full text finds nothing; plain word matching on the folded document elsewhere.
Either way a query's words are widened to their equivalents first (``catalog.search.synonyms``).

On PostgreSQL one statement ranks the matching documents of sellable products and aggregates
the best ones' list rows into a list index's parts (``ranked_parts``): each document carries its
product's row (``catalog.search.index``), so a search never reads the products. Elsewhere the
products are narrowed by word and their rows read.
"""

import functools
import hashlib

from django.db import connections, router
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import listing
from catalog.search import canonical, synonyms
from catalog.search.index import search_config
from catalog.search.text import fold
from marketplace.core.cache import VOCABULARY, versioned
from sellers.models import selling_q

MAX_WORDS = 10
MAX_RESULTS = 1000
# Ranking reads each candidate's vector; bounding the candidates bounds the cost of a word that
# matches most of the catalogue (at 100,000 products: 196 -> 47 ms). Beyond this many matches,
# the ranking is over the first ones the index yields.
MAX_CANDIDATES = 5000

# A raw list row (``catalog.facets.product_rows``), as a search document stores it.
ROW_COLUMNS = (
    "product_id, region_id, unique_piece, price_cents, created_us,"
    " material_ids, technique_ids, category_ids"
)

# The best matches of a query, each with its row and ``distance`` (smaller is better): the
# ``{best}`` of ``RANKED_PARTS_SQL``.

# Ranked over a derived table of the candidates: each candidate's vector is read once.
FULL_TEXT_BEST = f"""
SELECT {ROW_COLUMNS}, -ts_rank(candidate.vector, ({{tsquery}})) AS distance FROM (
    SELECT {ROW_COLUMNS}, vector FROM catalogue_productsearchdocument
    WHERE language = %s AND vector @@ ({{tsquery}}) AND {{sellable}}
    LIMIT %s
) AS candidate
ORDER BY distance, product_id
LIMIT %s
"""

# With the RUM indexes (migration 0046), the index yields the matches best first: every match
# is ranked (no candidate cap) and only the best are read. The index orders by its distance
# alone (a second key would sort every match); ties are ordered by id among the best.
RUM_BEST = f"""
SELECT {ROW_COLUMNS}, vector <=> ({{tsquery}}) AS distance
FROM catalogue_productsearchdocument
WHERE language = %s AND vector @@ ({{tsquery}}) AND {{sellable}}
ORDER BY vector <=> ({{tsquery}})
LIMIT %s
"""

SIMILAR_BEST = f"""
SELECT {ROW_COLUMNS}, -word_similarity(%s, document) AS distance
FROM catalogue_productsearchdocument
WHERE language = %s AND document %%> %s AND {{sellable}}
ORDER BY distance, product_id
LIMIT %s
"""


def search_rows(query, language):
    """Elsewhere than PostgreSQL: (the raw list rows of the sellable products matching
    ``query``, unranked)."""
    folded = fold(query)
    if not folded:
        return [], False
    Product = get_model("catalogue", "Product")
    products = _search_portable(Product.objects.sellable(), folded, language)
    return listing.product_list_rows(products)


def _reader():
    """The connection the router gives catalogue reads: an anonymous storefront request's
    searches and cold lists read the replica when it is current, like its ORM queries."""
    return connections[router.db_for_read(get_model("catalogue", "Product"))]


_rum_indexes = {}


def has_rum_index(connection, language):
    """Whether the database behind ``connection`` has the RUM index of ``language`` (migration
    0046 creates it where the extension is installed); asked once per database and language."""
    key = (connection.settings_dict["NAME"], connection.settings_dict.get("HOST"), language)
    if key not in _rum_indexes:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [f"search_vector_rum_{language}"])
            _rum_indexes[key] = cursor.fetchone()[0]
    return _rum_indexes[key]


QUERY_TEXT_SQL = "SELECT ({tsquery})::text"
# Whether any document of a language holds a lexeme: an index probe per lexeme, its text inlined
# (the planner sees how rare it is).
PRESENT_SQL = (
    "SELECT %s WHERE EXISTS (SELECT 1 FROM catalogue_productsearchdocument"
    " WHERE language = %s AND vector @@ %s::tsquery)"
)
# A search's plan is kept as long as a search's index (a product newly holding a word counts
# once it expires, as a product newly matching a search does).
PLAN_TIMEOUT = 300


def search_plan(query, language):
    """PostgreSQL: what ``ranked_parts`` runs for ``query``: ``(canonical tsquery text, words
    of the trigram fallback)`` (``catalog.search.canonical``): the tsquery's own lexemes, so
    queries with one canonical form have one plan; the tsquery is None when no document holds
    what full text would need (the typed words' trigram similarity only). Kept per query."""
    folded = fold(query)
    if not folded:
        return None, ""
    digest = hashlib.sha256(query.encode()).hexdigest()
    key = f"search-plan:{language}:{digest}"
    return versioned(VOCABULARY, key, lambda: _plan(query, folded, language), PLAN_TIMEOUT)


def _plan(query, folded, language):
    tsquery, params = synonyms.tsquery_sql(query, language, search_config(language))
    with _reader().cursor() as cursor:
        cursor.execute(QUERY_TEXT_SQL.format(tsquery=tsquery), params)
        written = cursor.fetchone()[0]
        if not written.strip():  # only stop words
            return None, folded
        tree = canonical.parse(written)
        lexemes = canonical.atoms(tree)
        cursor.execute(
            " UNION ALL ".join([PRESENT_SQL] * len(lexemes)),
            [param for i, lexeme in enumerate(lexemes) for param in (i, language, lexeme)],
        )
        present = {lexemes[i] for (i,) in cursor.fetchall()}
    reduced = canonical.simplify(tree, present)
    if reduced == canonical.FALSE:
        return None, folded
    if reduced == canonical.TRUE:  # only negated words no document holds: left as written
        reduced = tree
    words = " ".join(canonical.lexeme(atom) for atom in canonical.atoms(reduced))
    return canonical.text(reduced), words


def ranked_parts(plan, language):
    """PostgreSQL: the sellable products matching a ``search_plan``, best first (full text,
    else trigram similarity), as ``catalog.list_index.from_sql`` takes them: the best
    ``MAX_RESULTS`` ranked and aggregated in the database, in one statement (two when full
    text finds nothing)."""
    tsquery, words = plan
    if not words:
        return _empty_parts()
    sellable, sellable_params = _sellable_sql()
    reader = _reader()
    if tsquery is not None:
        params = [tsquery, language, tsquery, *sellable_params]
        if has_rum_index(reader, language):
            best = RUM_BEST.format(sellable=sellable, tsquery="%s::tsquery")
            params += [tsquery, MAX_RESULTS]
        else:
            best = FULL_TEXT_BEST.format(sellable=sellable, tsquery="%s::tsquery")
            params += [MAX_CANDIDATES, MAX_RESULTS]
        parts = _read_parts(reader, RANKED_PARTS_SQL.format(best=best), params)
        if parts["relevance"]:
            return parts
    best = SIMILAR_BEST.format(sellable=sellable)
    params = [words, language, words, *sellable_params, MAX_RESULTS]
    return _read_parts(reader, RANKED_PARTS_SQL.format(best=best), params)


# A list of sellable products read from the documents: every language's document carries the
# same row, so one language is read. (A covering index of these rows made lists an index-only
# scan, but at 100,000 products the planner then ranked searches through it instead of the GIN
# index: 36 -> 48 ms per never-seen search. The covering indexes of migration 0044 are partial
# (English, listed) and keyed on the creation time and the price, which no search filters on:
# "rug" at 100,000 products reads its rows in 15 ms with them, 20-26 ms without.)
ROWS_LANGUAGE = "en"
LISTED_SQL = f"""
SELECT {ROW_COLUMNS} FROM catalogue_productsearchdocument
WHERE language = %s AND {{sellable}} AND {{condition}}
"""


def listed_rows(condition, params):
    """PostgreSQL: the raw rows of the sellable products whose documents meet ``condition`` (SQL
    on the document's columns, with ``params``), unranked: one pass over one language's
    documents."""
    sellable, sellable_params = _sellable_sql()
    with _reader().cursor() as cursor:
        cursor.execute(
            LISTED_SQL.format(sellable=sellable, condition=condition),
            [ROWS_LANGUAGE, *sellable_params, *params],
        )
        return cursor.fetchall()


def _sellable_sql(as_array=False):
    """The condition on a document that its product may be sold now: listed, and its seller
    may sell (``sellers.models.selling_q``, the rule ``ProductQuerySet.sellable`` applies).

    ``as_array``: the sellers as an array computed once (an InitPlan), a plain filter on an
    index scan: a join with them would lose the order a list reads its rows in."""
    sql, params = _sellers_sql(timezone.localdate())
    if as_array:
        return f"listed AND seller_id = ANY(ARRAY({sql}))", list(params)
    return f"listed AND seller_id IN ({sql})", list(params)


@functools.lru_cache(maxsize=4)
def _sellers_sql(day):
    """The SQL of the sellers that may sell on ``day``, compiled once a day (1.2 ms each time)."""
    Partner = get_model("partner", "Partner")
    sellers = Partner.objects.filter(selling_q()).order_by().values("pk")
    sql, params = sellers.query.sql_with_params()
    return sql, tuple(params)


def _search_portable(queryset, folded, language):
    Document = get_model("catalogue", "ProductSearchDocument")
    documents = Document.objects.filter(language=language)
    for condition in synonyms.document_conditions(folded, language, MAX_WORDS):
        documents = documents.filter(condition)
    return queryset.filter(pk__in=documents.values("product_id"))


# The ids of each combination of region, materials, techniques, categories and unique flag
# among the documents of ``rows`` (a table or subquery with their columns): one hashed pass
# (migration 0047 tells the planner how few combinations there are); Python ORs the few hundred
# combinations holding each value. First in a union of parts: its columns give their types.
def _facet_parts_sql(rows):
    return f"""
SELECT 'facets', string_agg(int4send(product_id), ''::bytea), NULL::bytea, region_id,
    unique_piece, material_ids, technique_ids, category_ids
FROM {rows}
GROUP BY region_id, unique_piece, material_ids, technique_ids, category_ids
"""


NO_FACETS = "NULL, NULL, NULL, NULL, NULL"

# A whole list as aggregated id arrays (``catalog.list_index.from_sql``), in one statement of
# three parts, each one pass over an index-only scan (migration 0044): each facet combination's
# ids (``_facet_parts_sql``), the ids in the newest order with their creation times
# (``list_rows_en`` read backwards: no sort) and the priced ids cheapest first with their prices
# (``list_prices_en``: no sort). The sellers are an array computed once, not a join, which would
# lose the index's order (a sort of 100,000 rows, and a nested loop for the price order: 105 ->
# 36 ms). Numbers cross as concatenated big-endian int4/int8 (``int4send``, ``int8send``):
# Python unpacks them with ``array.frombytes`` instead of parsing ~900,000 numbers of int[]
# text. At 100,000 products, vacuumed, idle machine: 153 ms with a grouping set per facet, 125
# ms by combination (arrays of int: +30%; bytes aggregated from a CTE: x3-5; reading the rows:
# x10).
LISTED_DOCUMENTS = (
    "catalogue_productsearchdocument"
    " WHERE language = '{language}' AND listed AND {sellable} AND {condition}"
)
LIST_PARTS_SQL = f"""
{_facet_parts_sql(LISTED_DOCUMENTS)}
UNION ALL
SELECT 'newest', string_agg(int4send(product_id), ''::bytea),
    string_agg(int8send(created), ''::bytea), {NO_FACETS} FROM (
    SELECT product_id, coalesce(created_us, 0) AS created
    FROM catalogue_productsearchdocument
    WHERE language = '{{language}}' AND listed AND {{sellable}} AND {{condition}}
    ORDER BY created_us DESC, product_id DESC
) AS newest
UNION ALL
SELECT 'price', string_agg(int4send(product_id), ''::bytea),
    string_agg(int8send(price_cents), ''::bytea), {NO_FACETS} FROM (
    SELECT product_id, price_cents FROM catalogue_productsearchdocument
    WHERE language = '{{language}}' AND listed AND price_cents IS NOT NULL
        AND {{sellable}} AND {{condition}}
    ORDER BY price_cents, product_id
) AS price
"""

# A search's best matches (``{best}``: ``RUM_BEST``, ``FULL_TEXT_BEST`` or ``SIMILAR_BEST``)
# aggregated as ``LIST_PARTS_SQL`` aggregates a list, with their ranking: ranked, sorted and
# grouped in the database, so a never-seen query's index costs no row in Python (at 100,000
# products, "rug": rows read and indexed in Python 17 ms, aggregated ~1 ms).
NEWEST_ORDER = "coalesce(created_us, 0) DESC, product_id DESC"
RANKED_PARTS_SQL = f"""
WITH best AS MATERIALIZED (
    SELECT {ROW_COLUMNS}, row_number() OVER (ORDER BY distance, product_id) AS position
    FROM ({{best}}) AS found
)
{_facet_parts_sql("best")}
UNION ALL
SELECT 'relevance', string_agg(int4send(product_id), ''::bytea ORDER BY position), NULL,
    {NO_FACETS} FROM best
UNION ALL
SELECT 'newest', string_agg(int4send(product_id), ''::bytea ORDER BY {NEWEST_ORDER}),
    string_agg(int8send(coalesce(created_us, 0)), ''::bytea ORDER BY {NEWEST_ORDER}),
    {NO_FACETS} FROM best
UNION ALL
SELECT 'price', string_agg(int4send(product_id), ''::bytea ORDER BY price_cents, product_id),
    string_agg(int8send(price_cents), ''::bytea ORDER BY price_cents, product_id), {NO_FACETS}
FROM best WHERE price_cents IS NOT NULL
"""
ORDERS = ("newest", "price")


def list_parts(condition, params):
    """PostgreSQL: the sellable products whose documents meet ``condition`` (SQL on the
    document's columns, with ``params``) as ``catalog.list_index.from_sql`` takes them: one
    statement, aggregated in the database."""
    sellable, sellable_params = _sellable_sql(as_array=True)
    sql = LIST_PARTS_SQL.format(language=ROWS_LANGUAGE, sellable=sellable, condition=condition)
    return _read_parts(_reader(), sql, [*sellable_params, *params] * 3)


def _empty_parts():
    return {"facets": [], "newest": (b"", b""), "price": (b"", b"")}


def _read_parts(reader, sql, params):
    """The parts ``sql`` (``LIST_PARTS_SQL`` or ``RANKED_PARTS_SQL``) aggregates."""
    parts = _empty_parts()
    with reader.cursor() as cursor:
        cursor.execute(sql, params)
        for name, ids, keys, *facets in cursor.fetchall():
            ids = bytes(ids) if ids is not None else b""
            if name == "facets":
                parts["facets"].append((ids, *facets))
            elif name in ORDERS:
                parts[name] = (ids, bytes(keys) if keys is not None else b"")
            else:
                parts[name] = ids
    return parts
