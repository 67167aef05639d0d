"""Asking for a return from the order page: the window's last day and the day after, the
policy's exceptions, the photo through the upload check, the seller told in its language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from sellers.returns import services
from sellers.returns.models import ReturnEvent, ReturnPolicy, ReturnRequest
from tests.factories.returns import deliver, guest_url
from tests.factories.uploads import image_upload

pytestmark = pytest.mark.django_db


def ask(client, order, capture, **data):
    line = order.lines.order_by("pk").first()
    fields = {
        "lines": [line.pk],
        "reason": "damaged",
        "details": "The lid arrived in three pieces.",
        "photos": image_upload(),
        "outcome": "refund",
        **data,
    }
    with capture(execute=True):
        return client.post(guest_url(order), fields)


def test_a_guest_asks_for_a_return_with_a_photo_from_the_signed_order_link(
    client, order, django_capture_on_commit_callbacks
):
    response = ask(client, order, django_capture_on_commit_callbacks)
    request = ReturnRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/returns/{request.pk}/{order.verification_hash()}/")
    assert request.status == ReturnRequest.Status.REQUESTED
    assert request.photos.get().image.name.endswith(".jpg")
    assert "photo" not in request.photos.get().image.name
    event = request.events.get()
    assert (event.from_status, event.to_status, event.role) == ("", "requested", "buyer")


def test_the_seller_is_told_in_its_own_language(client, order, django_capture_on_commit_callbacks):
    ask(client, order, django_capture_on_commit_callbacks)
    (message,) = mail.outbox[-1:]
    assert message.to == ["atelier@example.com"]
    assert "Un acheteur demande à retourner" in message.body


def test_the_order_page_link_needs_the_orders_hash(client, order):
    response = client.get(f"/en/returns/order/{order.number}/not-the-hash/new/")
    assert response.status_code == 404


def test_a_return_is_refused_without_a_photo_when_the_piece_arrived_broken(
    client, order, django_capture_on_commit_callbacks
):
    response = ask(client, order, django_capture_on_commit_callbacks, photos=[])
    assert response.status_code == 200
    assert "Add a photo of the damage." in response.content.decode()
    assert not ReturnRequest.objects.exists()


def test_a_file_that_is_not_a_picture_is_refused_by_the_upload_check(
    client, order, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("broken.jpg", b"<html><script>alert(1)</script></html>")
    response = ask(client, order, django_capture_on_commit_callbacks, photos=fake)
    assert response.status_code == 200
    assert not ReturnRequest.objects.exists()


def test_the_last_day_of_the_window_still_takes_a_return(order):
    deliver(order, timezone.now() - datetime.timedelta(days=14))
    line = order.lines.first()
    (request,) = services.ask(order, [line.pk], "damaged", "refund")
    assert request.status == ReturnRequest.Status.REQUESTED


def test_the_day_after_the_window_a_return_is_refused_with_the_closing_day(client, order):
    deliver(order, timezone.now() - datetime.timedelta(days=15))
    line = order.lines.first()
    with pytest.raises(services.ReturnError, match="The return window closed on"):
        services.ask(order, [line.pk], "damaged", "refund")
    page = client.get(guest_url(order)).content.decode()
    assert "The return window closed on" in page


def test_the_sellers_own_window_replaces_the_marketplace_default(order, seller):
    ReturnPolicy.objects.create(seller=seller, window_days=30, reasons=["damaged"])
    deliver(order, timezone.now() - datetime.timedelta(days=30))
    assert services.ask(order, [order.lines.first().pk], "damaged", "refund")


def test_a_unique_piece_is_refused_when_the_policy_excepts_unique_pieces(order, seller):
    ReturnPolicy.objects.create(seller=seller, reasons=["damaged"], unique_pieces_returnable=False)
    with pytest.raises(services.ReturnError, match="does not take back unique pieces"):
        services.ask(order, [order.lines.first().pk], "damaged", "refund")


def test_a_made_to_order_piece_is_refused_by_the_default_policy(order):
    line = order.lines.first()
    line.product.processing_days = 21
    line.product.save()
    with pytest.raises(services.ReturnError, match="made to order"):
        services.ask(order, [line.pk], "damaged", "refund")


def test_a_reason_outside_the_policy_is_refused(order):
    with pytest.raises(services.ReturnError, match="does not take returns for this reason"):
        services.ask(order, [order.lines.first().pk], "changed_mind", "refund")


def test_a_line_cannot_be_asked_for_twice(order):
    line = order.lines.first()
    services.ask(order, [line.pk], "damaged", "refund")
    with pytest.raises(services.ReturnError, match="already asked"):
        services.ask(order, [line.pk], "damaged", "refund")


def test_before_delivery_no_return_can_be_asked(order):
    order.parcels.update(delivered_at=None, tracked_delivered_at=None)
    with pytest.raises(services.ReturnError, match="once the parcel is delivered"):
        services.ask(order, [order.lines.first().pk], "damaged", "refund")


def test_the_guest_order_page_links_to_the_return_form(client, order):
    from django.urls import reverse

    kwargs = {"order_number": order.number, "hash": order.verification_hash()}
    client.post(reverse("customer:anon-order-form", kwargs=kwargs), {"email": order.email})
    page = client.get(reverse("customer:anon-order", kwargs=kwargs)).content.decode()
    assert guest_url(order) in page


def test_every_transition_is_recorded_with_who_and_why(order, seller_user):
    (request,) = services.ask(order, [order.lines.first().pk], "damaged", "refund")
    services.refuse(request, seller_user, "The crack is from use, not from shipping.")
    event = ReturnEvent.objects.filter(request=request).last()
    assert (event.from_status, event.to_status, event.role, event.actor) == (
        "requested",
        "refused",
        "seller",
        seller_user,
    )
    assert event.note == "The crack is from use, not from shipping."


def test_a_signed_in_buyer_asks_from_the_account_order_page(
    client, order, django_capture_on_commit_callbacks
):
    from oscar.test.factories import UserFactory

    buyer = UserFactory()
    order.user = buyer
    order.save(update_fields=["user"])
    client.force_login(buyer)
    page = client.get(f"/en/accounts/orders/{order.number}/").content.decode()
    new_url = f"/en/returns/order/{order.number}/new/"
    assert new_url in page
    line = order.lines.first()
    data = {"lines": [line.pk], "reason": "damaged", "details": "Cracked.", "outcome": "refund"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(new_url, {**data, "photos": image_upload()})
    request = ReturnRequest.objects.get()
    assert response["Location"] == f"/en/returns/{request.pk}/"
    assert client.get(f"/en/returns/{request.pk}/").status_code == 200


def test_another_account_cannot_reach_the_buyers_return(client, order):
    from oscar.test.factories import UserFactory

    order.user = UserFactory()
    order.save(update_fields=["user"])
    (request,) = services.ask(order, [order.lines.first().pk], "damaged", "refund")
    client.force_login(UserFactory())
    assert client.get(f"/en/returns/order/{order.number}/new/").status_code == 404
    assert client.get(f"/en/returns/{request.pk}/").status_code == 404


def test_the_photo_is_shown_to_the_buyer_and_the_seller_only(
    client, order, seller_user, django_capture_on_commit_callbacks
):
    from oscar.test.factories import UserFactory

    ask(client, order, django_capture_on_commit_callbacks)
    request = ReturnRequest.objects.get()
    photo = request.photos.get()
    hash_ = order.verification_hash()
    assert client.get(f"/en/returns/{request.pk}/{hash_}/photos/{photo.pk}/").status_code == 200
    client.force_login(UserFactory())
    assert client.get(f"/en/returns/{request.pk}/photos/{photo.pk}/").status_code == 404
    client.force_login(seller_user)
    response = client.get(f"/en/returns/{request.pk}/photos/{photo.pk}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
