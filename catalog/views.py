"""Storefront views on querysets (no haystack scan): browse, category, product and seller pages.

Each list page costs a fixed number of queries whatever its page size: the list's rows and
result come from ``catalog.listing`` (cached per catalogue version), the cards from
``catalog.cards``; only products whose card is not cached are fetched, with ``for_cards()``
(stock record, seller, region and images prefetched). ``products`` in the context is fetched
only if something reads it.
"""

from django.db import connection, transaction
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.generic import TemplateView
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

from catalog import cards, facets, list_index, listing
from catalog.product_views import count_view
from catalog.search.engine import list_parts, listed_rows
from marketplace.core.cache import HELD, VOCABULARY, product_stamp, product_states, versioned
from marketplace.core.page_cache import cache_anonymous_page, serve_cached

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")


@method_decorator(cache_anonymous_page, name="dispatch")
class ProductListView(TemplateView):
    """Base of every product list page: filter, sort, paginate one queryset."""

    template_name = "oscar/catalogue/browse.html"
    sorts = listing.SORTS
    default_sort = listing.DEFAULT_SORT
    facets_exclude = ()

    def get_products(self):
        return Product.objects.sellable()

    def rows_key(self):
        """What this list is: the key its rows and results are cached under."""
        return "all"

    def document_condition(self):
        """This list as a condition on search documents: (SQL, params)."""
        return "TRUE", []

    def read_rows(self, only=None):
        """The list's raw rows (of the products ``only``, if given): from the search documents
        on PostgreSQL, else the products."""
        if connection.vendor == "postgresql":
            condition, params = self.document_condition()
            if only is not None:
                condition, params = f"({condition}) AND product_id = ANY(%s)", [*params, only]
            return listed_rows(condition, params), False
        return listing.product_list_rows(self.get_products(), only)

    def whole_index(self):
        """PostgreSQL: the whole list's index, aggregated in the database (a cold list); else
        None (its rows are read)."""
        if connection.vendor != "postgresql":
            return None
        condition, params = self.document_condition()
        return list_index.from_sql(list_parts(condition, params), facets.vocabularies())

    def get_index(self):
        whole = self.whole_index if connection.vendor == "postgresql" else None
        return listing.listing_index(self.read_rows, self.rows_key(), whole)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        request = self.request
        selected = listing.selected_filters(request)
        sort = listing.sort_key(request, self.sorts, self.default_sort)
        result = listing.listing_result(self.get_index, self.rows_key(), request, selected, sort)
        page = listing.paginate(result["ids"], request)
        ctx.update(listing.listing_context(request, self.sorts, self.default_sort))
        ctx["facets"] = listing.build_facets(result, request, selected, self.facets_exclude)
        ctx["selected_filters"] = selected
        ids = list(page.object_list)
        ctx["cards"] = cards.render_cards_of_ids(request, ids, listing.page_products)
        ctx["products"] = SimpleLazyObject(lambda: listing.page_products(ids))
        ctx.update(page_obj=page, paginator=page.paginator)
        return ctx


class CatalogueView(ProductListView):
    pass


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"
    facets_exclude = ("craft",)

    def get(self, request, *args, **kwargs):
        self.category = browsable_category(int(kwargs["pk"]))
        if self.category is None:
            raise Http404
        expected = self.category.get_absolute_url()
        if request.path != expected:
            query = f"?{request.GET.urlencode()}" if request.GET else ""
            return HttpResponsePermanentRedirect(expected + query)
        return super().get(request, *args, **kwargs)

    def get_products(self):
        return super().get_products().in_category(self.category)

    def rows_key(self):
        return f"category:{self.category.pk}"

    def document_condition(self):
        subtree = Category.objects.filter(path__startswith=self.category.path)
        return "category_ids && %s::integer[]", [list(subtree.values_list("pk", flat=True))]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["category"] = self.category
        ctx.update(category_links(self.category))
        return ctx


def browsable_category(pk):
    """The public category ``pk``, or None, kept until a category changes (its save bumps the
    vocabulary): a list page no cache has seen reads it from its worker, not the database."""
    return versioned(
        VOCABULARY,
        f"category:{pk}",
        lambda: Category.objects.browsable().filter(pk=pk).first(),
        listing.ROWS_TIMEOUT,
    )


def category_links(category):
    """Names and URLs of the category's ancestors and public subcategories, in the page language,
    kept until a craft, region, material or technique changes."""

    def read():
        return {
            name: [{"name": c.name, "url": c.get_absolute_url()} for c in categories]
            for name, categories in (
                ("ancestors", category.get_ancestors()),
                ("subcategories", category.get_children().filter(is_public=True)),
            )
        }

    key = f"category-links:{get_language()}:{category.pk}"
    return versioned(VOCABULARY, key, read, listing.ROWS_TIMEOUT)


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page on the sellable queryset, cached whole for anonymous visitors under
    its product's token and availability: a change to this product shows at once, and to others
    not at all; a piece held by another buyer's payment shows reserved (no basket form) until
    the hold expires or is released.

    View analytics leave the request path (``catalog.product_views``: anonymous views as a
    worker's tally, a signed-in viewer's at once) and are counted on every view, cached or not.
    Oscar's recently-viewed cookie is not set: no page shows that list, and a cookie would make
    every product page uncacheable.
    """

    def dispatch(self, request, *args, **kwargs):
        response = serve_cached(
            request,
            lambda: super(ProductDetailView, self).dispatch(request, *args, **kwargs),
            stamp=lambda: product_stamp(int(kwargs["pk"])),
        )
        if response.status_code == 200:
            user_id = request.user.pk if request.user.is_authenticated else None
            product_id = int(kwargs["pk"])
            transaction.on_commit(lambda: count_view(product_id, user_id))
        return response

    def get_queryset(self):
        return (
            Product.objects.sellable()
            .for_cards()
            .select_related("parent")
            .prefetch_related("materials", "techniques", "categories")
        )

    def get_object(self, queryset=None):
        if hasattr(self, "object"):
            return self.object
        try:
            return self.get_queryset().get(pk=self.kwargs["pk"])
        except Product.DoesNotExist as exc:
            raise Http404 from exc

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["held"] = product_states([self.object.pk])[self.object.pk][1] == HELD
        return ctx

    def send_signal(self, request, response, product):
        """Recorded by ``dispatch`` for cached and fresh views alike."""


class SellerView(ProductListView):
    """A seller's public page: who they are and their pieces."""

    template_name = "oscar/catalogue/seller.html"

    def get(self, request, *args, **kwargs):
        self.seller = get_object_or_404(
            Partner.objects.selling().select_related("region").prefetch_related("craft_branches"),
            slug=kwargs["slug"],
        )
        return super().get(request, *args, **kwargs)

    def get_products(self):
        return super().get_products().filter(stockrecords__partner=self.seller)

    def rows_key(self):
        return f"seller:{self.seller.pk}"

    def document_condition(self):
        return "seller_id = %s", [self.seller.pk]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["seller"] = self.seller
        return ctx
