"""Product search over the sellable catalogue, in every language's title and description."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from catalog.views import ProductListView

MAX_QUERY_LENGTH = 200


def text_filter(query):
    """Match every word in any language's title, or the description, or the craft name."""
    condition = Q()
    for word in query.split()[:10]:
        word_match = Q()
        for code, _name in settings.LANGUAGES:
            word_match |= Q(**{f"title_{code}__icontains": word})
            word_match |= Q(**{f"description_{code}__icontains": word})
            word_match |= Q(**{f"categories__name_{code}__icontains": word})
        condition &= word_match
    return condition


class SearchView(ProductListView):
    template_name = "oscar/search/results.html"

    def get_query(self):
        return self.request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]

    def get_products(self):
        query = self.get_query()
        products = super().get_products()
        if not query:
            return products.none()
        matching = products.model.objects.filter(text_filter(query)).values("pk")
        return products.filter(pk__in=matching)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        query = self.get_query()
        ctx["query"] = query
        ctx["search_title"] = _("Results for “%(query)s”") % {"query": query} if query else ""
        return ctx
