"""Country lists sorted as each language sorts (ICU collation), and French country
prepositions ("en France", "au Royaume-Uni", "aux États-Unis")."""

import re

import pytest

from marketplace.core.countries import country_choices, to_country
from tests.factories.catalogue import ProductFactory

CODES = ["ZW", "US", "FR", "AE", "DE", "EG", "ES", "AT"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["DE", "AT", "EG", "AE", "ES", "US", "FR", "ZW"]),
        ("es", ["DE", "AT", "EG", "AE", "ES", "US", "FR", "ZW"]),
        ("en", ["AT", "EG", "FR", "DE", "ES", "AE", "US", "ZW"]),
        ("ar", ["ES", "AE", "DE", "AT", "US", "ZW", "FR", "EG"]),
    ],
)
def test_country_lists_sort_as_the_language_sorts(language, expected):
    assert [code for code, _name in country_choices(CODES, language)] == expected


def test_accented_names_sort_among_their_letter_in_french():
    names = [name for _code, name in country_choices(CODES, "fr")]
    assert names.index("États-Unis") < names.index("France")
    assert names.index("Émirats arabes unis") < names.index("Espagne")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("FR", "en France"),
        ("DE", "en Allemagne"),
        ("IR", "en Iran"),
        ("KR", "en Corée du Sud"),
        ("GB", "au Royaume-Uni"),
        ("CA", "au Canada"),
        ("MA", "au Maroc"),
        ("MX", "au Mexique"),
        ("US", "aux États-Unis"),
        ("NL", "aux Pays-Bas"),
        ("AE", "aux Émirats arabes unis"),
        ("MT", "à Malte"),
        ("SG", "à Singapour"),
    ],
)
def test_french_countries_take_their_preposition(code, expected):
    assert to_country(code, "fr") == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "United States"), ("es", "Estados Unidos")]
)
def test_other_languages_use_the_name(language, expected):
    assert to_country("US", language) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "expected"),
    [("US", "Livré aux États-Unis"), ("GB", "Livré au Royaume-Uni"), ("FR", "Livré en France")],
)
def test_french_product_page_says_where_it_ships_with_the_preposition(client, code, expected):
    product = ProductFactory(hs_code="5701")
    client.cookies["country"] = code
    html = client.get(product.get_absolute_url().replace("/en/", "/fr/", 1)).content.decode()
    assert expected in html
    assert "Livré en États-Unis" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_header_picker_sorts_accented_names_among_their_letter(client, product, language):
    html = client.get(f"/{language}/catalogue/").content.decode()
    picker = re.search(r'data-testid="country-picker".*?</form>', html, re.S).group(0)
    codes = re.findall(r'<option value="(\w\w)"', picker)
    assert codes.index("US") < codes.index("FR")
