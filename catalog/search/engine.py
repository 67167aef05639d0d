"""Product search: PostgreSQL full text (stemmed, accent-free) plus trigram typo matching;
plain word matching on the folded document elsewhere (SQLite)."""

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, FloatField, OuterRef, Q, Subquery, Value
from oscar.core.loading import get_model

from catalog.search.index import search_config
from catalog.search.text import fold

MAX_WORDS = 10


def search(queryset, query, language):
    """Narrow ``queryset`` to products matching ``query``, annotated with ``relevance``."""
    Document = get_model("catalogue", "ProductSearchDocument")
    documents = Document.objects.filter(language=language)
    folded = fold(query)
    no_rank = Value(0.0, output_field=FloatField())
    if not folded:
        return queryset.none().annotate(relevance=no_rank)
    if connection.vendor != "postgresql":
        for word in folded.split()[:MAX_WORDS]:
            documents = documents.filter(document__contains=word)
        return queryset.filter(pk__in=documents.values("product_id")).annotate(relevance=no_rank)
    ts_query = SearchQuery(query, config=search_config(language), search_type="websearch")
    documents = documents.filter(Q(vector=ts_query) | Q(document__trigram_word_similar=folded))
    rank = documents.filter(product=OuterRef("pk")).annotate(
        rank=SearchRank(F("vector"), ts_query) + TrigramWordSimilarity(folded, "document")
    )
    return queryset.filter(pk__in=documents.values("product_id")).annotate(
        relevance=Subquery(rank.values("rank")[:1], output_field=FloatField())
    )
