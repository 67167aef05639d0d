"""Facets count what each choice would give, and filters narrow the list."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.core.cache import STOREFRONT, bump
from tests.factories.catalogue import CategoryFactory, ProductFactory, RegionFactory

Material = get_model("catalogue", "Material")
Product = get_model("catalogue", "Product")


@pytest.fixture
def shelf(craft):
    """Three rugs from Marrakesh-Safi (one unique), one lantern from Fes-Meknes."""
    wool = Material.objects.create(code="wool", name="Wool", name_en="Wool", name_fr="Laine")
    fes = RegionFactory(code="fes-meknes", name_en="Fez-Meknes")
    lanterns = CategoryFactory(name_en="Lanterns", slug="lanterns")
    rugs = [
        ProductFactory(category=craft, stockrecord__price=Decimal(price), is_unique_piece=unique)
        for price, unique in (("450", False), ("1500", False), ("12000", True))
    ]
    for rug in rugs:
        rug.materials.add(wool)
    ProductFactory(
        title_en="Lantern", category=lanterns, region=fes, stockrecord__price=Decimal("800")
    )
    return rugs


def listing(client, **params):
    response = client.get("/en/catalogue/", params)
    assert response.status_code == 200
    return response.context


def facet(context, name):
    groups = {group[0]: group[2] for group in context["facets"]["groups"]}
    return {option["value"]: option["count"] for option in groups.get(name, [])}


@pytest.mark.django_db
def test_region_facet_counts_each_region(client, shelf):
    assert facet(listing(client), "region") == {"marrakech-safi": 3, "fes-meknes": 1}


@pytest.mark.django_db
def test_craft_facet_counts_top_level_crafts(client, shelf):
    assert facet(listing(client), "craft") == {"rugs": 3, "lanterns": 1}


@pytest.mark.django_db
def test_material_facet_uses_the_page_language(client, shelf):
    response = client.get("/fr/catalogue/")
    groups = {g[0]: g[2] for g in response.context["facets"]["groups"]}
    assert [(o["label"], o["count"]) for o in groups["material"]] == [("Laine", 3)]


@pytest.mark.django_db
def test_price_bands_split_at_their_edges(client, shelf):
    assert facet(listing(client), "price") == {"0-500": 1, "500-2000": 2, "10000-": 1}


@pytest.mark.django_db
def test_price_band_includes_its_lower_edge(client, craft):
    ProductFactory(category=craft, stockrecord__price=Decimal("500.00"))
    assert facet(listing(client), "price") == {"500-2000": 1}


@pytest.mark.django_db
def test_filtering_by_region_narrows_the_list(client, shelf):
    context = listing(client, region="fes-meknes")
    assert [p.title for p in context["products"]] == ["Lantern"]


@pytest.mark.django_db
def test_a_facet_counts_without_its_own_filter(client, shelf):
    context = listing(client, region="fes-meknes")
    assert facet(context, "region") == {"marrakech-safi": 3, "fes-meknes": 1}
    assert facet(context, "craft") == {"lanterns": 1}


@pytest.mark.django_db
def test_unique_piece_filter(client, shelf):
    context = listing(client, unique="1")
    assert [p.is_unique_piece for p in context["products"]] == [True]
    assert context["facets"]["unique"]["count"] == 1


@pytest.mark.django_db
def test_filters_combine(client, shelf):
    context = listing(client, material="wool", price="500-2000")
    assert context["paginator"].count == 1


@pytest.mark.django_db
def test_unknown_price_band_is_ignored(client, shelf):
    context = listing(client, price="cheap")
    assert context["paginator"].count == 4
    assert facet(context, "region") == {"marrakech-safi": 3, "fes-meknes": 1}


@pytest.mark.django_db
def test_facet_link_toggles_its_filter_and_resets_the_page(client, shelf):
    context = listing(client, region="fes-meknes", page="2", sort="price-asc")
    groups = {g[0]: g[2] for g in context["facets"]["groups"]}
    selected = next(o for o in groups["region"] if o["selected"])
    assert selected["url"] == "?sort=price-asc"


@pytest.mark.django_db
@pytest.mark.parametrize("sort, first", [("price-asc", "450.00"), ("price-desc", "12000.00")])
def test_sorting_by_price(client, shelf, sort, first):
    products = listing(client, sort=sort)["products"]
    assert products[0].seller_price == Decimal(first)


@pytest.mark.django_db
def test_newest_sort_follows_the_listing_date_to_the_microsecond(client, craft):
    older, newer, newest = (ProductFactory(category=craft) for _ in range(3))
    base = timezone.now() - timedelta(days=1)
    for product, offset in ((newest, 3), (older, 1), (newer, 2)):
        Product.objects.filter(pk=product.pk).update(
            date_created=base + timedelta(microseconds=offset)
        )
    bump(STOREFRONT)
    shown = [product.pk for product in listing(client, sort="newest")["products"]]
    assert shown == [newest.pk, newer.pk, older.pk]
