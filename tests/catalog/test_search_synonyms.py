"""Search finds a piece under any spelling of its craft word, in every page language: the
search vocabulary (``catalog.search.synonyms``, seeded by migration, edited by staff) widens each
word to its equivalents. These run on the database the suite uses: PostgreSQL full text with
DATABASE_URL, the portable word matching on SQLite."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace.core.cache import STOREFRONT, bump
from tests.factories.catalogue import ProductFactory
from tests.factories.users import UserFactory


def result_titles(client, query, language):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [product.title for product in response.context["products"]]


def piece(craft, **titles):
    """A piece whose titles are ``titles`` (the English one is plain: it is in every
    language's document, so it must not hold the word searched for)."""
    titles = {"title_en": "Handmade piece", **titles}
    return ProductFactory(category=craft, title=titles["title_en"], **titles)


@pytest.mark.django_db
def test_english_tajine_finds_a_tagine(client, craft):
    piece(craft, title_en="Painted terracotta tagine")
    assert result_titles(client, "tajine", "en") == ["Painted terracotta tagine"]


@pytest.mark.django_db
def test_french_kaftan_finds_a_caftan(client, craft):
    piece(craft, title_fr="Caftan brodé de Fès")
    assert result_titles(client, "kaftan", "fr") == ["Caftan brodé de Fès"]


@pytest.mark.django_db
def test_arabic_zellij_finds_a_zellige_table_titled_in_arabic(client, craft):
    piece(craft, title_ar="طاولة زليج")
    assert result_titles(client, "zellij", "ar") == ["طاولة زليج"]


@pytest.mark.django_db
def test_arabic_script_finds_a_latin_title(client, craft):
    piece(craft, title_en="Leather babouche slippers", title_ar="نعال جلدية")
    assert result_titles(client, "بلغة", "ar") == ["نعال جلدية"]


@pytest.mark.django_db
def test_spanish_fanous_finds_a_farol(client, craft):
    piece(craft, title_es="Farol de latón cincelado")
    assert result_titles(client, "fanous", "es") == ["Farol de latón cincelado"]


@pytest.mark.django_db
def test_an_accented_spelling_and_other_words_still_narrow(client, craft):
    piece(craft, title_es="Tagine de barro pintado")
    piece(craft, title_es="Tagine de cobre")
    assert result_titles(client, "tajín cobre", "es") == ["Tagine de cobre"]


@pytest.mark.django_db
def test_a_two_word_term_finds_its_other_spelling(client, craft):
    piece(craft, title_en="Beni Ouarain wool rug")
    piece(craft, title_en="Beni Ourain cushion")
    found = result_titles(client, "beni ourain", "en")
    assert sorted(found) == ["Beni Ouarain wool rug", "Beni Ourain cushion"]


@pytest.mark.django_db
def test_a_word_with_no_equivalent_is_not_widened(client, craft):
    piece(craft, title_en="Painted terracotta tagine")
    assert result_titles(client, "lantern", "en") == []


@pytest.mark.django_db
def test_a_group_staff_add_applies_to_the_next_search_in_its_language(client, craft):
    piece(craft, title_fr="Plateau en cuivre martelé")
    assert result_titles(client, "sinia", "fr") == []  # the empty result is now cached
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.post(
        reverse("admin:catalogue_searchsynonym_add"),
        {"language": "fr", "terms": "plateau\nsinia\nصينية"},
    )
    assert response.status_code == 302
    assert result_titles(client, "sinia", "fr") == ["Plateau en cuivre martelé"]
    assert result_titles(client, "sinia", "en") == []


@pytest.mark.django_db
def test_staff_must_give_two_terms(client, craft):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:catalogue_searchsynonym_add"), {"language": "", "terms": "sinia"}
    )
    assert response.status_code == 200
    assert "at least two" in response.content.decode()


@pytest.mark.django_db
def test_a_widened_search_costs_no_more_queries(client, craft):
    piece(craft, title_en="Painted terracotta tagine")
    piece(craft, title_en="Brass lantern")

    def queries(query):
        client.get("/en/search/", {"q": query})  # per-process caches and the vocabulary
        bump(STOREFRONT)  # the list's rows are read afresh
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/search/", {"q": query})
        return len(captured)

    assert queries("tajine") == queries("brass")
