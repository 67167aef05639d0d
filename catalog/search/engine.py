"""Product search: PostgreSQL full text (stemmed, accent-free), trigram matching as the typo
fallback when full text finds nothing; plain word matching on the folded document elsewhere.

On PostgreSQL the ranked ids are fetched once (the best ``MAX_RESULTS``); the list's rows are
then read by those ids (one array parameter), so no query repeats the text search.
"""

from django.contrib.postgres.search import SearchQuery, TrigramWordSimilarity
from django.db import connection
from oscar.core.loading import get_model

from catalog.search.index import search_config
from catalog.search.text import fold

MAX_WORDS = 10
MAX_RESULTS = 1000
# Ranking reads each candidate's vector; bounding the candidates bounds the cost of a word that
# matches most of the catalogue (at 100,000 products: 196 -> 47 ms). Beyond this many matches,
# the ranking is over the first ones the index yields.
MAX_CANDIDATES = 5000


def search(queryset, query, language):
    """(``queryset`` narrowed to products matching ``query``, {id: rank} or None).

    Ranks (0 is the best) come from PostgreSQL's ranking; the portable search does not rank.
    """
    folded = fold(query)
    if not folded:
        return queryset.none(), None
    if connection.vendor != "postgresql":
        return _search_portable(queryset, folded, language), None
    ids = ranked_ids(query, folded, language)
    return queryset.filter(pk__any_of=ids), {pk: rank for rank, pk in enumerate(ids)}


# Ranked over a derived table of the candidates: each candidate's vector is read once (a
# ``pk IN (candidates)`` join read every document twice; 8.2 -> 4.8 ms for 2,889 candidates).
RANKED_SQL = """
SELECT candidate.product_id FROM ({candidates}) AS candidate
ORDER BY ts_rank(candidate.vector, websearch_to_tsquery(%s::regconfig, %s)) DESC,
         candidate.product_id
LIMIT %s
"""


def ranked_ids(query, folded, language):
    """Product ids matching ``query``, best first: full text, else trigram similarity."""
    ids = _full_text_ids(query, language)
    if ids:
        return ids
    Document = get_model("catalogue", "ProductSearchDocument")
    similar = (
        Document.objects.filter(language=language, document__trigram_word_similar=folded)
        .annotate(rank=TrigramWordSimilarity(folded, "document"))
        .order_by("-rank", "product_id")
        .values_list("product_id", flat=True)[:MAX_RESULTS]
    )
    return list(similar)


def _full_text_ids(query, language):
    Document = get_model("catalogue", "ProductSearchDocument")
    config = search_config(language)
    ts_query = SearchQuery(query, config=config, search_type="websearch")
    candidates = Document.objects.filter(language=language, vector=ts_query)
    sql, params = candidates.values("product_id", "vector")[:MAX_CANDIDATES].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(RANKED_SQL.format(candidates=sql), [*params, config, query, MAX_RESULTS])
        return [row[0] for row in cursor.fetchall()]


def _search_portable(queryset, folded, language):
    Document = get_model("catalogue", "ProductSearchDocument")
    documents = Document.objects.filter(language=language)
    for word in folded.split()[:MAX_WORDS]:
        documents = documents.filter(document__contains=word)
    return queryset.filter(pk__in=documents.values("product_id"))
