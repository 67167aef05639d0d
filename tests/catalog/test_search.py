"""Search finds products in the page's language, keeps its index current, and ranks titles first."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalog import search_page
from tests.factories.catalogue import CategoryFactory, ProductFactory, SellerFactory

Material = get_model("catalogue", "Material")
Partner = get_model("partner", "Partner")


def result_titles(client, query, language="en", **params):
    url = f"/{language}/search/"
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return [p.title for p in response.context["products"]]


@pytest.fixture
def lantern(craft):
    return ProductFactory(
        title_en="Chiselled brass lantern",
        title_fr="Lanterne en laiton ciselé",
        title_ar="فانوس نحاسي منقوش",
        title_es="Farol de latón cincelado",
        description_en="Hand-chiselled in the medina of Fes.",
        category=craft,
    )


@pytest.mark.django_db
def test_search_finds_a_title_word(client, lantern):
    assert result_titles(client, "lantern") == ["Chiselled brass lantern"]


@pytest.mark.django_db
def test_search_needs_every_word(client, lantern):
    assert result_titles(client, "lantern velvet") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, query, title",
    [
        ("fr", "laiton", "Lanterne en laiton ciselé"),
        ("ar", "فانوس", "فانوس نحاسي منقوش"),
        ("es", "latón", "Farol de latón cincelado"),
    ],
)
def test_search_finds_the_title_in_the_page_language(client, lantern, language, query, title):
    assert result_titles(client, query, language) == [title]


@pytest.mark.django_db
def test_search_ignores_accents(client, lantern):
    assert result_titles(client, "cisele", "fr") == ["Lanterne en laiton ciselé"]


@pytest.mark.django_db
def test_search_finds_craft_region_and_seller(client, lantern):
    seller_name = lantern.seller.name
    assert result_titles(client, "Rugs") == ["Chiselled brass lantern"]
    assert result_titles(client, "Marrakesh") == ["Chiselled brass lantern"]
    assert result_titles(client, seller_name) == ["Chiselled brass lantern"]


@pytest.mark.django_db
def test_english_craft_words_find_pieces_on_other_language_pages(client, lantern):
    assert result_titles(client, "lantern", "fr") == ["Lanterne en laiton ciselé"]


@pytest.mark.django_db
def test_search_index_follows_a_title_change(client, lantern):
    lantern.title_en = "Copper lamp"
    lantern.title = "Copper lamp"
    lantern.save()
    assert result_titles(client, "copper") == ["Copper lamp"]
    assert result_titles(client, "lantern") == []


@pytest.mark.django_db
def test_search_index_follows_a_new_material(client, lantern):
    thuya = Material.objects.create(code="thuya", name_en="Thuya wood", name="Thuya wood")
    lantern.materials.add(thuya)
    assert result_titles(client, "thuya") == ["Chiselled brass lantern"]


@pytest.mark.django_db
def test_search_index_follows_a_seller_rename(client, lantern):
    seller = lantern.seller
    seller.name = "Cooperative Tifawin"
    seller.save()
    assert result_titles(client, "Tifawin") == ["Chiselled brass lantern"]


@pytest.mark.django_db
def test_search_hides_products_of_unverified_sellers(client, craft):
    ProductFactory(
        title_en="Hidden lantern",
        category=craft,
        stockrecord__seller=SellerFactory(status=Partner.Status.SUSPENDED),
    )
    assert result_titles(client, "lantern") == []


@pytest.mark.django_db
def test_empty_query_shows_an_invitation_not_the_catalogue(client, lantern):
    response = client.get(reverse("search:search"))
    assert response.status_code == 200
    assert "Chiselled brass lantern" not in response.content.decode()


@pytest.mark.django_db
def test_overlong_query_is_cut_not_refused(client, lantern):
    assert client.get("/en/search/", {"q": "lantern " * 200}).status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db
def test_search_stems_words(client, lantern):
    assert result_titles(client, "lanterns") == ["Chiselled brass lantern"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_search_tolerates_a_typo(client, craft):
    ProductFactory(title_en="Zellige fountain tile", category=craft)
    assert result_titles(client, "zelige") == ["Zellige fountain tile"]


@pytest.fixture
def cushion_and_rug(craft):
    """Two products holding the word rug: a cushion in its description, a rug in its title."""
    ProductFactory(title_en="Wool cushion", description_en="Pairs with any rug.", category=craft)
    ProductFactory(title_en="Wool rug", description_en="Knotted in Azilal.", category=craft)


@pytest.mark.postgres
@pytest.mark.django_db
def test_title_match_ranks_above_description_match(client, cushion_and_rug):
    other = CategoryFactory(name_en="Textiles", slug="textiles")
    ProductFactory(title_en="Linen throw", description_en="Woven", category=other)
    assert result_titles(client, "rug")[0] == "Wool rug"


def rum_indexed():
    from django.db import connection

    from catalog.search.engine import has_rum_index

    return has_rum_index(connection, "en")


@pytest.mark.postgres
@pytest.mark.django_db
def test_with_the_rum_index_every_match_is_ranked_not_only_the_first_candidates(
    client, craft, monkeypatch
):
    if not rum_indexed():
        pytest.skip("needs PostgreSQL's RUM extension (postgresql-15-rum)")
    monkeypatch.setattr("catalog.search.engine.MAX_CANDIDATES", 2)
    for n in range(6):
        ProductFactory(
            title_en=f"Wool cushion {n}", description_en="Pairs with a rug.", category=craft
        )
    ProductFactory(title_en="Wool rug", description_en="Knotted in Azilal.", category=craft)
    assert result_titles(client, "rug")[0] == "Wool rug"


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_word_no_product_holds_beside_or_finds_what_the_other_words_find(client, cushion_and_rug):
    assert result_titles(client, "rug or zqxv") == ["Wool rug", "Wool cushion"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_queries_with_one_canonical_form_share_one_ranking(client, craft, monkeypatch):
    ProductFactory(title_en="Wool rug", category=craft)
    rankings = []
    rank = search_page.ranked_parts
    monkeypatch.setattr(search_page, "ranked_parts", lambda *a: rankings.append(a) or rank(*a))

    assert result_titles(client, "rug") == result_titles(client, "Rugs or zqxv") == ["Wool rug"]
    assert len(rankings) == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_and_with_a_word_no_product_holds_goes_to_the_typo_fallback(client, craft):
    ProductFactory(title_en="Zellige fountain tile", category=craft)

    assert result_titles(client, "zelige fountain") == ["Zellige fountain tile"]


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["rug' | 'x", '"rug" or -"zq" ((', "l'atelier rug", "rug <-> wool", "!rug & zq:*", "-zq"],
)
def test_tsquery_syntax_typed_in_a_query_is_read_as_words(client, craft, query):
    ProductFactory(title_en="Wool rug", category=craft)

    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
