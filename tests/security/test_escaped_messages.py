"""Flash messages that carry text a seller or a buyer typed show it as text, never as markup.

Each test drives the real view with a ``<script>`` payload in that text and reads the page's
message box: the payload must come back as visible text, with no element made of it.
"""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.checkout import address_in, country, walk_to_preview
from tests.factories.users import UserFactory, member_of

pytestmark = pytest.mark.django_db
PAYLOAD = "<script>alert(1)</script>"


def message_box(response):
    """The page's flash-message box (``oscar/partials/alert_messages.html``)."""
    box = BeautifulSoup(response.content, "html.parser").select_one(".messages")
    assert box is not None, "the page shows no message"
    return box


def assert_shown_as_text(response, payload=PAYLOAD):
    box = message_box(response)
    assert box.find("script") is None
    assert payload in box.get_text()
    assert payload not in response.content.decode()


def test_cannot_ship_message_escapes_a_hostile_product_title(client):
    box = ProductFactory(title_en=f"Thuya box {PAYLOAD}", hs_code="4420")  # Lacey Act to the US
    client.cookies["country"] = "FR"
    country("US")
    client.post(f"/en/basket/add/{box.pk}/", {"quantity": 1})
    client.post("/en/checkout/", {"username": "claire@example.com", "options": "anonymous"})
    client.post("/en/checkout/shipping-address/", address_in("US"))
    response = client.get("/en/checkout/shipping-method/", follow=True)
    assert response.redirect_chain[-1][0].endswith("/basket/")
    assert "cannot ship to United States" in message_box(response).get_text()
    assert_shown_as_text(response)


def test_no_service_message_escapes_a_hostile_seller_name(client):
    seller = SellerFactory(name=f"Atelier {PAYLOAD}")
    chests = [
        ProductFactory(title_en=f"Cedar chest {n}", stockrecord__seller=seller, weight_kg=10)
        for n in (1, 2)
    ]
    client.cookies["country"] = "FR"
    walk_to_preview(client, chests, address=address_in("FR"))
    for chest in chests:  # each still fits a carrier alone; their 40 kg parcel fits none
        chest.weight_kg = Decimal("20")
        chest.save()
    response = client.get("/en/checkout/preview/", follow=True)
    assert "No service we offer can carry" in message_box(response).get_text()
    assert_shown_as_text(response)


def test_seller_picker_message_escapes_a_hostile_seller_name(client):
    hostile = SellerFactory(name=f"Atelier {PAYLOAD}")
    client.force_login(member_of(hostile, SellerFactory()))
    response = client.post(reverse("seller_space:choose"), {"seller": hostile.pk}, follow=True)
    assert "You are now working for" in message_box(response).get_text()
    assert_shown_as_text(response)


def test_lot_code_message_escapes_a_hostile_product_title(client):
    seller = SellerFactory()
    client.force_login(member_of(seller))
    plate = ProductFactory(title_en=f"Plate {PAYLOAD}", stockrecord__seller=seller)
    response = client.post(
        reverse("certificates:profiles", args=[seller.pk]),
        {f"current_lot-{plate.pk}": "b 8"},
        follow=True,
    )
    assert "Nothing saved" in message_box(response).get_text()
    assert_shown_as_text(response)


def test_wishlist_message_escapes_a_hostile_product_title(client):
    rug = ProductFactory(title_en=f"Rug {PAYLOAD}")
    client.force_login(UserFactory())
    response = client.post(
        reverse("customer:wishlists-add-product", kwargs={"product_pk": rug.pk}), follow=True
    )
    assert "added to your wish list" in message_box(response).get_text()
    assert_shown_as_text(response)


def test_voucher_message_escapes_the_code_the_buyer_typed(client):
    rug = ProductFactory()
    client.post(f"/en/basket/add/{rug.pk}/", {"quantity": 1})
    response = client.post(reverse("basket:vouchers-add"), {"code": PAYLOAD}, follow=True)
    assert "found with code" in message_box(response).get_text()
    assert_shown_as_text(response, PAYLOAD.upper())


def test_address_message_escapes_the_address_the_buyer_typed(client):
    client.force_login(UserFactory())
    address = {**address_in("FR"), "line1": f"12 rue {PAYLOAD}"}
    response = client.post(reverse("customer:address-create"), address, follow=True)
    assert "created" in message_box(response).get_text()
    assert_shown_as_text(response)


def test_basket_added_message_keeps_its_markup_and_escapes_the_title(client):
    """Oscar renders this message from a template (a SafeString): its <strong> stays markup."""
    rug = ProductFactory(title_en=f"Rug {PAYLOAD}")
    response = client.post(f"/en/basket/add/{rug.pk}/", {"quantity": 1}, follow=True)
    strong = message_box(response).find("strong")
    assert strong is not None and strong.get_text() == f"Rug {PAYLOAD}"
    assert "has been added to your" in message_box(response).get_text()
    assert_shown_as_text(response)
