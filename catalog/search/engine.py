"""Product search: PostgreSQL full text (stemmed, accent-free), trigram matching as the typo
fallback when full text finds nothing; plain word matching on the folded document elsewhere.

On PostgreSQL the ranked ids are fetched once (the best ``MAX_RESULTS``); the list's rows are
then read by those ids (one array parameter), so no query repeats the text search.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F
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


def ranked_ids(query, folded, language):
    """Product ids matching ``query``, best first: full text, else trigram similarity."""
    Document = get_model("catalogue", "ProductSearchDocument")
    documents = Document.objects.filter(language=language)
    ts_query = SearchQuery(query, config=search_config(language), search_type="websearch")
    candidates = documents.filter(vector=ts_query).values("pk")[:MAX_CANDIDATES]
    full_text = (
        Document.objects.filter(pk__in=candidates)
        .annotate(rank=SearchRank(F("vector"), ts_query))
        .order_by("-rank", "product_id")
        .values_list("product_id", flat=True)[:MAX_RESULTS]
    )
    ids = list(full_text)
    if ids:
        return ids
    similar = (
        documents.filter(document__trigram_word_similar=folded)
        .annotate(rank=TrigramWordSimilarity(folded, "document"))
        .order_by("-rank", "product_id")
        .values_list("product_id", flat=True)[:MAX_RESULTS]
    )
    return list(similar)


def _search_portable(queryset, folded, language):
    Document = get_model("catalogue", "ProductSearchDocument")
    documents = Document.objects.filter(language=language)
    for word in folded.split()[:MAX_WORDS]:
        documents = documents.filter(document__contains=word)
    return queryset.filter(pk__in=documents.values("product_id"))
