"""The search page: product search over the sellable catalogue, in the page's language."""

import hashlib

from django.db import connection
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalog import facets, list_index, listing
from catalog.search.engine import ranked_parts, search_plan, search_rows
from catalog.search.text import clean_query
from catalog.views import ProductListView

MAX_QUERY_LENGTH = 200


class SearchView(ProductListView):
    template_name = "oscar/search/results.html"
    sorts = listing.SEARCH_SORTS
    default_sort = listing.RELEVANCE

    def get_query(self):
        return clean_query(self.request.GET.get("q", ""))[:MAX_QUERY_LENGTH]

    @cached_property
    def plan(self):
        """PostgreSQL: the query's ``search_plan`` (queries with one canonical form share it and
        their index); elsewhere the query as typed."""
        if connection.vendor != "postgresql":
            return self.get_query()
        return search_plan(self.get_query(), get_language())

    def rows_key(self):
        digest = hashlib.sha256(repr(self.plan).encode()).hexdigest()
        return f"search:{get_language()}:{digest}"

    def get_index(self):
        query, language = self.get_query(), get_language()

        def source(only=None):
            if only is None:
                return search_rows(query, language)
            return ProductListView.read_rows(self, only)  # the changed ones, still sellable

        def whole():
            return list_index.from_sql(ranked_parts(self.plan, language), facets.vocabularies())

        postgresql = connection.vendor == "postgresql"
        return listing.listing_index(source, self.rows_key(), whole if postgresql else None)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        query = self.get_query()
        ctx["query"] = query
        ctx["search_title"] = _("Results for “%(query)s”") % {"query": query} if query else ""
        return ctx


urlpatterns = [path("", SearchView.as_view(), name="search")]
