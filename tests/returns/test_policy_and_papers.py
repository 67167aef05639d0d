"""The seller edits its returns policy; buyers read it on the product page, in the basket and in
the order email; the return's CN23 declares returned goods with the original export reference."""

import io

import pytest
from pypdf import PdfReader

from marketplace.payments.emails import buyer_confirmation
from sellers.fulfilment import invoices
from sellers.returns import services
from sellers.returns.models import ReturnPolicy
from tests.factories.checkout import unique_piece
from tests.factories.returns import return_url

pytestmark = pytest.mark.django_db


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_seller_edits_its_policy_in_the_seller_space(client, seller, seller_user):
    client.force_login(seller_user)
    response = client.post(
        "/en/my-shop/returns/policy/",
        {
            "window_days": "30",
            "reasons": ["damaged", "changed_mind"],
            "return_shipping_paid_by": "buyer",
            "made_to_order_returnable": "on",
        },
    )
    assert response.status_code == 302
    policy = ReturnPolicy.objects.get(seller=seller)
    assert policy.window_days == 30
    assert policy.reasons == ["damaged", "changed_mind"]
    assert (policy.unique_pieces_returnable, policy.made_to_order_returnable) == (False, True)


def test_the_product_page_shows_the_sellers_policy_in_the_page_language(client, seller):
    ReturnPolicy.objects.create(seller=seller, window_days=21, reasons=["damaged"])
    piece = unique_piece(seller=seller)
    page = client.get(f"/fr{piece.get_absolute_url()[3:]}").content.decode()
    assert "21 jours" in page


def test_the_basket_shows_each_sellers_policy(client, seller):
    piece = unique_piece(seller=seller)
    client.post(f"/en/basket/add/{piece.pk}/", {"quantity": 1})
    page = client.get("/en/basket/").content.decode()
    assert 'data-testid="basket-return-policy"' in page
    assert "Returns accepted within 14 days of delivery." in page


def test_the_order_email_states_the_policy_in_the_buyers_language(order):
    _key, message = buyer_confirmation(order, "fr")
    assert "Retours acceptés sous 14 jours après la livraison." in message.body


def test_the_return_paper_declares_returned_goods_with_the_original_export(
    client, order, seller_user
):
    parcel = order.parcels.get()
    parcel.tracking_number = "JD014600003312345678"
    parcel.save()
    invoices.allocate(parcel)
    (request,) = services.ask(order, [order.lines.first().pk], "damaged", "refund")
    assert client.get(return_url(request, "customs-paper.pdf")).status_code == 404
    services.accept(request, seller_user)
    text = pdf_text(client.get(return_url(request, "customs-paper.pdf")))
    assert "Returned goods" in text
    assert invoices.reference(parcel) in text
    assert "JD014600003312345678" in text
    assert "Poterie de Safi" in text
    client.force_login(seller_user)
    response = client.get(f"/en/returns/{request.pk}/customs-paper.pdf")
    assert response["Content-Type"] == "application/pdf"


def test_the_return_paper_is_not_for_strangers(client, order, seller_user):
    (request,) = services.ask(order, [order.lines.first().pk], "damaged", "refund")
    services.accept(request, seller_user)
    assert client.get(f"/en/returns/{request.pk}/customs-paper.pdf").status_code == 404


def test_a_policy_edit_shows_at_once_on_the_cached_product_page(client, seller):
    piece = unique_piece(seller=seller)
    assert "within 14 days" in client.get(piece.get_absolute_url()).content.decode()
    ReturnPolicy.objects.create(seller=seller, window_days=45, reasons=["damaged"])
    assert "within 45 days" in client.get(piece.get_absolute_url()).content.decode()
