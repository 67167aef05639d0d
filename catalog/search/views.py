"""Product search over the sellable catalogue, in the page's language."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalog import listing
from catalog.search.engine import search
from catalog.views import ProductListView

MAX_QUERY_LENGTH = 200


class SearchView(ProductListView):
    template_name = "oscar/search/results.html"
    sorts = listing.SEARCH_SORTS
    default_sort = listing.RELEVANCE

    def get_query(self):
        return self.request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]

    def get_products(self):
        return search(super().get_products(), self.get_query(), get_language())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        query = self.get_query()
        ctx["query"] = query
        ctx["search_title"] = _("Results for “%(query)s”") % {"query": query} if query else ""
        return ctx
