"""A search reads its results' rows from the search documents: they stay the products' own rows
through every change, and only products that may be sold come back."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import facets, list_index, listing
from catalog.search.engine import list_parts, ranked_parts, search_plan
from catalog.search.tasks import reindex_products
from marketplace.core.cache import change_sequence, changes_since, product_token
from tests.factories.catalogue import CategoryFactory, ProductFactory, SellerFactory

Material = get_model("catalogue", "Material")
Technique = get_model("catalogue", "Technique")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    settings.STOREFRONT_PAGE_CACHE = False


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def normalised(rows):
    """Rows with their link arrays sorted (neither reader promises an order inside a row) and
    the creation time in microseconds (the products' reader gives the datetime itself)."""
    return sorted(
        (
            *row[:4],
            row[4]
            if isinstance(row[4], int)
            else (row[4] - EPOCH) // datetime.timedelta(microseconds=1),
            *(tuple(sorted(links)) for links in row[5:]),
        )
        for row in rows
    )


def titles(client, query, **params):
    response = client.get("/en/search/", {"q": query, **params})
    assert response.status_code == 200
    return [product.title for product in response.context["products"]]


def ranked(query):
    """The index of a search for ``query`` aggregated in the database."""
    return list_index.from_sql(ranked_parts(search_plan(query, "en"), "en"), facets.vocabularies())


def index_of_products(products, relevance):
    """The index ``list_index.build`` makes of the products' own rows, ranked as ``relevance``."""
    rank = {pk: position for position, pk in enumerate(relevance)}
    rows = facets.product_rows(listing.product_list_rows(products)[0], facets.vocabularies())
    for row in rows:
        row["rank"] = rank[row["pk"]]
    return list_index.build(rows)


def comparable(index):
    return {
        "ranked": index["ranked"],
        "all": list(index["all"]),
        "bitmaps": {
            facet: {value: list(bitmap) for value, bitmap in by_value.items()}
            for facet, by_value in index["bitmaps"].items()
        },
        "newest": [list(part) for part in index["newest"]],
        "price": [list(part) for part in index["price"]],
        "relevance": list(index.get("relevance", [])),
    }


def catalogue_with_every_facet(craft):
    """Products covering every facet: materials, techniques, a subcategory, a unique piece, no
    region, no price, and a tie on the creation time."""
    wool = Material.objects.create(code="wool", name_en="Wool")
    knotting = Technique.objects.create(code="knotting", name_en="Knotting")
    subcategory = CategoryFactory(parent=craft, name_en="Kilims", slug="kilims")
    made = [
        ProductFactory(category=craft, stockrecord__price=Decimal("450.50")),
        ProductFactory(category=subcategory, is_unique_piece=True),
        ProductFactory(category=craft, region=None),
        ProductFactory(category=craft, stockrecord__price=None),
    ]
    made[0].materials.add(wool)
    made[0].techniques.add(knotting)
    Product.objects.filter(pk=made[1].pk).update(date_created=made[0].date_created)  # a tie
    reindex_products([made[1].pk])
    return Product.objects.sellable().filter(pk__in=[p.pk for p in made])


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_searchs_index_aggregated_in_the_database_is_the_index_of_its_products_rows(craft):
    sellable = catalogue_with_every_facet(craft)

    found = ranked("rug")

    assert sorted(found["relevance"]) == sorted(p.pk for p in sellable)
    assert comparable(found) == comparable(index_of_products(sellable, found["relevance"]))


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_whole_lists_index_aggregated_in_the_database_is_the_index_of_its_products_rows(craft):
    sellable = catalogue_with_every_facet(craft)
    rows = facets.product_rows(listing.product_list_rows(sellable)[0], facets.vocabularies())

    found = list_index.from_sql(list_parts("TRUE", []), facets.vocabularies())

    assert comparable(found) == comparable(list_index.build(rows))
    assert found["bitmaps"]["material"] and found["bitmaps"]["unique"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_query_matching_nothing_gives_an_empty_ranked_index(craft, product):
    found = ranked("qwxz")

    assert found["ranked"] and list(found["relevance"]) == [] and not found["all"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_typo_fallback_ranks_the_similar_products(craft):
    product = ProductFactory(category=craft, title_en="Zellige fountain tile")

    found = ranked("zelige")

    assert list(found["relevance"]) == [product.pk]
    assert list(found["price"][1]) == [120000]


@pytest.mark.postgres
@pytest.mark.django_db
def test_without_the_rum_index_the_first_candidates_are_ranked(craft, monkeypatch):
    monkeypatch.setattr("catalog.search.engine.has_rum_index", lambda connection, language: False)
    cushion = ProductFactory(
        title_en="Wool cushion", description_en="Pairs with any rug.", category=craft
    )
    rug = ProductFactory(title_en="Wool rug", description_en="Knotted in Azilal.", category=craft)

    found = ranked("rug")

    assert list(found["relevance"]) == [rug.pk, cushion.pk]


@pytest.mark.django_db
def test_a_price_change_reorders_search_by_price_at_once(client, craft):
    cheap = ProductFactory(category=craft, stockrecord__price=Decimal("100.00"))
    dear = ProductFactory(category=craft, stockrecord__price=Decimal("200.00"))
    assert titles(client, "rug", sort="price-asc") == [cheap.title, dear.title]

    record = cheap.stockrecords.get()
    record.price = Decimal("300.00")
    record.save()

    assert titles(client, "rug", sort="price-asc") == [dear.title, cheap.title]


@pytest.mark.django_db
def test_a_product_made_private_leaves_search_at_once(client, craft, product):
    assert titles(client, "rug") == [product.title]

    product.is_public = False
    product.save()

    assert titles(client, "rug") == []


@pytest.mark.django_db
def test_a_card_expiring_overnight_hides_the_sellers_pieces_from_search(client, craft):
    today = timezone.localdate()
    seller = SellerFactory(card_issued_on=today.replace(year=2020), card_expires_on=today)
    ProductFactory(category=craft, stockrecord__seller=seller)
    assert len(titles(client, "rug")) == 1

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: tomorrow)
        assert titles(client, "rug") == []


@pytest.mark.django_db
def test_moving_a_product_to_another_craft_moves_its_search_facet(client, craft, product):
    pottery = CategoryFactory(name_en="Pottery", slug="pottery")
    ProductCategory.objects.filter(product=product).delete()
    ProductCategory.objects.create(product=product, category=pottery)

    response = client.get("/en/search/", {"q": "rug", "craft": "pottery"})

    assert [p.pk for p in response.context["products"]] == [product.pk]


@pytest.mark.django_db
def test_a_background_reindex_makes_lists_read_its_products_again(craft, product):
    before, token = change_sequence(), product_token(product.pk)

    reindex_products([product.pk])

    assert change_sequence() > before and product_token(product.pk) != token
    assert product.pk in changes_since(before, change_sequence(), limit=10)


@pytest.mark.django_db
def test_a_facet_counts_the_craft_of_a_subcategory(craft):
    subcategory = CategoryFactory(parent=craft, name_en="Kilims", slug="kilims")
    ProductFactory(category=subcategory)

    rows, _ranked = listing.product_list_rows(Product.objects.sellable())

    assert facets.product_rows(rows, facets.vocabularies())[0]["craft"] == ("rugs",)


@pytest.mark.django_db
def test_a_deleted_stock_record_takes_its_product_out_of_search(
    client, craft, product, django_capture_on_commit_callbacks
):
    assert titles(client, "rug") == [product.title]

    with django_capture_on_commit_callbacks(execute=True):
        product.stockrecords.get().delete()

    assert titles(client, "rug") == []


@pytest.mark.postgres
@pytest.mark.django_db
def test_category_and_seller_lists_read_from_documents_are_the_products_own_rows(rf, craft):
    from catalog.views import CatalogueView, ProductCategoryView, SellerView

    seller = SellerFactory()
    subcategory = CategoryFactory(parent=craft, name_en="Kilims", slug="kilims")
    elsewhere = CategoryFactory(name_en="Pottery", slug="pottery")
    ProductFactory(category=craft, stockrecord__seller=seller)
    ProductFactory(category=subcategory)
    ProductFactory(category=elsewhere, stockrecord__seller=seller)
    ProductFactory(category=craft, is_public=False)
    ProductFactory(category=craft, stockrecord__seller=SellerFactory(status="suspended"))
    views = []
    for view_class, attributes in (
        (CatalogueView, {}),
        (ProductCategoryView, {"category": craft}),
        (SellerView, {"seller": seller}),
    ):
        view = view_class()
        view.setup(rf.get("/"))
        for name, value in attributes.items():
            setattr(view, name, value)
        views.append(view)

    for view in views:
        from_documents, _ranked = view.read_rows()
        from_products, _ranked = listing.product_list_rows(view.get_products())
        assert normalised(from_documents) == normalised(from_products), type(view).__name__
    assert [len(view.read_rows()[0]) for view in views] == [3, 2, 2]
