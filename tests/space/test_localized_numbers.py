"""Every number of a listing, typed on a French, Arabic or English keyboard, is stored as meant.

Issue 16: a French weight "4,2" was saved as 42 kg. Each numeric field of the listing form is
driven through the real create view under /fr/, /ar/ and /en/ with "4,2", "٤٫٢" and "4.2".
"""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.factories.catalogue import RegionFactory, SellerFactory, rug_craft
from tests.factories.orders import product_of
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")

LANGUAGES = ["fr", "ar", "en"]
DECIMAL_TYPINGS = ["4,2", "٤٫٢", "4.2", "۴٫۲", " 4,2 "]
INTEGER_TYPINGS = ["12", "١٢", "۱۲", " 1 2 "]
# (form field, where the stored value is read)
DECIMAL_FIELDS = ["weight_kg", "length_cm", "width_cm", "height_cm", "price"]
INTEGER_FIELDS = ["num_in_stock", "processing_days"]


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


@pytest.fixture
def listing_data():
    return {
        "title_fr": "Tapis",
        "craft": rug_craft().pk,
        "region": RegionFactory().pk,
        "price": "450",
        "num_in_stock": "3",
        "weight_kg": "2",
        "is_public": "on",
    }


def url(name, language, *args):
    with translation.override(language):
        return reverse(f"seller_space:{name}", args=args)


def stored(product, field):
    if field in ("price", "num_in_stock"):
        return getattr(product.stockrecords.get(), field)
    return getattr(product, field)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", DECIMAL_TYPINGS)
@pytest.mark.parametrize("field", DECIMAL_FIELDS)
def test_a_decimal_typed_in_any_script_is_stored_as_meant(
    member, listing_data, language, typed, field
):
    response = member.post(url("listing-create", language), {**listing_data, field: typed})
    assert response.status_code == 302, response.context["form"].errors
    assert stored(Product.objects.get(), field) == Decimal("4.2")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", INTEGER_TYPINGS)
@pytest.mark.parametrize("field", INTEGER_FIELDS)
def test_a_whole_number_typed_in_any_script_is_stored_as_meant(
    member, listing_data, language, typed, field
):
    response = member.post(url("listing-create", language), {**listing_data, field: typed})
    assert response.status_code == 302, response.context["form"].errors
    assert stored(Product.objects.get(), field) == 12


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("field", INTEGER_FIELDS)
def test_a_decimal_in_a_whole_number_field_is_refused_not_misread(
    member, listing_data, language, field
):
    response = member.post(url("listing-create", language), {**listing_data, field: "4,2"})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Product.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_french_weight_with_a_comma_is_not_saved_ten_times_heavier(member, listing_data, language):
    member.post(url("listing-create", language), {**listing_data, "weight_kg": "4,2"})
    assert Product.objects.get().weight_kg != Decimal("42")


def test_number_inputs_are_text_inputs_that_open_the_decimal_keypad(member):
    html = member.get(url("listing-create", "fr")).content.decode()
    assert 'type="number"' not in html
    assert 'name="weight_kg"' in html
    assert 'inputmode="decimal"' in html
    assert 'inputmode="numeric"' in html


def test_the_weight_input_shows_its_unit(member):
    html = member.get(url("listing-create", "fr")).content.decode()
    weight = html[html.index('name="weight_kg"') :]
    assert 'class="input-unit"' in weight[:400] and ">kg<" in weight[:400]


@pytest.mark.parametrize(
    ("language", "shown"), [("fr", "4,2"), ("en", "4.2"), ("ar", "4,2"), ("es", "4,2")]
)
def test_a_stored_weight_is_shown_back_as_the_language_writes_it(member, seller, language, shown):
    product = product_of(seller)
    product.weight_kg = Decimal("4.200")
    product.save()
    html = member.get(url("listing-edit", language, product.pk)).content.decode()
    weight = html[html.index('name="weight_kg"') :]
    assert f'value="{shown}"' in weight[:200]


def test_a_listing_saved_again_in_french_keeps_its_weight(member, listing_data):
    member.post(url("listing-create", "fr"), {**listing_data, "weight_kg": "4,2"})
    product = Product.objects.get()
    html = member.get(url("listing-edit", "fr", product.pk)).content.decode()
    weight = html[html.index('name="weight_kg"') :]
    shown = re.search(r'value="([^"]*)"', weight).group(1)
    assert shown == "4,2"
    member.post(url("listing-edit", "fr", product.pk), {**listing_data, "weight_kg": shown})
    product.refresh_from_db()
    assert product.weight_kg == Decimal("4.2")
