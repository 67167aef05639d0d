"""A seller's name in both scripts: pages show the one that fits their language."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.payments.emails import buyer_confirmation
from sellers.fulfilment.parcels import parcel_for
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.orders import order_for
from tests.factories.sellers import ArtisanFactory, application_data, apply_in_steps
from tests.factories.users import UserFactory, member_of

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Cooperative Tamounte"), ("fr", "Cooperative Tamounte"), ("ar", "تعاونية تامونت")],
)
def test_display_name_follows_the_page_language(language, expected):
    seller = SellerFactory(
        name="تعاونية تامونت", name_latin="Cooperative Tamounte", name_arabic="تعاونية تامونت"
    )
    with translation.override(language):
        assert seller.display_name == expected


def test_a_missing_script_falls_back_on_the_name_as_typed():
    seller = SellerFactory(name="Atelier Safi", name_latin="", name_arabic="")
    with translation.override("ar"):
        assert seller.display_name == "Atelier Safi"


# --- Collected on the application and the profile; shown by page language on the storefront.

LATIN, ARABIC = "Cooperative Tamounte", "تعاونية تامونت"
LANGUAGES = [("en", LATIN), ("fr", LATIN), ("es", LATIN), ("ar", ARABIC)]


def other_script(expected):
    return ARABIC if expected == LATIN else LATIN


@pytest.fixture
def seller(db, craft):
    seller = ArtisanFactory(name=ARABIC, name_latin=LATIN, name_arabic=ARABIC)
    seller.craft_branches.add(craft)
    return seller


@pytest.fixture
def piece(seller, craft):
    return ProductFactory(stockrecord__seller=seller, category=craft)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.STOREFRONT_PAGE_CACHE = False


def get(client, language, url_name, **kwargs):
    with translation.override(language):
        return client.get(reverse(url_name, kwargs=kwargs)).content.decode()


def test_the_application_saves_both_names(client, region, craft):
    client.force_login(UserFactory())
    data = application_data(region, craft, name_latin=LATIN, name_arabic=ARABIC)
    assert apply_in_steps(client, data).status_code == 302
    seller = Partner.objects.get(name_latin=LATIN)
    assert (seller.name_arabic, seller.name) == (ARABIC, LATIN)


def test_the_application_requires_the_latin_name(client, region, craft):
    client.force_login(UserFactory())
    data = application_data(region, craft, name_latin="", name_arabic=ARABIC)
    response = apply_in_steps(client, data)
    assert "name_latin" in response.context["form"].errors
    assert not Partner.objects.filter(name_arabic=ARABIC).exists()


@pytest.mark.parametrize(
    ("field", "value"), [("name_latin", ARABIC), ("name_arabic", LATIN), ("name_latin", "1234")]
)
def test_each_name_must_be_in_its_script(client, region, craft, field, value):
    client.force_login(UserFactory())
    response = apply_in_steps(client, application_data(region, craft, **{field: value}))
    assert field in response.context["form"].errors


def test_the_arabic_name_may_be_left_empty(client, region, craft):
    client.force_login(UserFactory())
    data = application_data(region, craft, name_latin=LATIN, name_arabic="")
    assert apply_in_steps(client, data).status_code == 302


def test_the_seller_edits_both_names_on_the_profile(client, seller):
    client.force_login(member_of(seller))
    form = client.get(reverse("seller_space:profile")).content.decode()
    assert f'value="{LATIN}"' in form and f'value="{ARABIC}"' in form
    data = {
        "name_latin": "Cooperative Tamounte Azilal",
        "name_arabic": "تعاونية تامونت أزيلال",
        "story": "",
        "contact_email": "tamounte@example.com",
        "preferred_language": "ar",
    }
    assert client.post(reverse("seller_space:profile"), data).status_code == 302
    seller.refresh_from_db()
    assert (seller.name_latin, seller.name_arabic, seller.name) == (
        "Cooperative Tamounte Azilal",
        "تعاونية تامونت أزيلال",
        "Cooperative Tamounte Azilal",
    )


def test_the_profile_refuses_an_arabic_latin_name(client, seller):
    client.force_login(member_of(seller))
    data = {"name_latin": ARABIC, "contact_email": "", "preferred_language": "ar"}
    response = client.post(reverse("seller_space:profile"), data)
    assert "name_latin" in response.context["form"].errors
    seller.refresh_from_db()
    assert seller.name_latin == LATIN


@pytest.mark.parametrize(("language", "expected"), LANGUAGES)
def test_the_product_page_names_the_seller_in_the_page_script(client, piece, language, expected):
    with translation.override(language):
        body = client.get(piece.get_absolute_url()).content.decode()
    assert expected in body and other_script(expected) not in body


@pytest.mark.parametrize(("language", "expected"), LANGUAGES)
def test_the_seller_page_uses_the_page_script(client, seller, piece, language, expected):
    with translation.override(language):
        body = client.get(seller.get_absolute_url()).content.decode()
    assert expected in body and other_script(expected) not in body


@pytest.mark.parametrize(("language", "expected"), LANGUAGES)
def test_product_cards_name_the_seller_in_the_page_script(client, piece, language, expected):
    body = get(client, language, "catalogue:index")
    assert f'<p class="maker">{expected}' in body


@pytest.mark.parametrize(("language", "expected"), LANGUAGES)
def test_the_basket_names_the_seller_in_the_page_script(client, piece, language, expected):
    with translation.override(language):
        client.post(reverse("basket:add", kwargs={"pk": piece.pk}), {"quantity": 1})
    body = get(client, language, "basket:summary")
    assert expected in body and other_script(expected) not in body


@pytest.mark.parametrize(("language", "expected"), LANGUAGES)
def test_the_buyers_order_page_names_the_seller_in_the_page_script(
    client, seller, piece, language, expected
):
    buyer = UserFactory()
    order = order_for(piece, user=buyer)
    parcel_for(order, seller)
    client.force_login(buyer)
    body = get(client, language, "customer:order", order_number=order.number)
    assert expected in body and other_script(expected) not in body


@pytest.mark.parametrize(("language", "expected"), LANGUAGES)
def test_the_order_email_names_the_seller_in_the_buyers_language(seller, piece, language, expected):
    order = order_for(piece)
    parcel_for(order, seller)
    with translation.override("en"):  # the task's language is not the buyer's
        _key, message = buyer_confirmation(order, language)
    assert expected in message.body and other_script(expected) not in message.body


def test_customs_papers_carry_the_latin_name_on_every_page(seller):
    with translation.override("ar"):
        assert seller.export_name == LATIN
