"""Parcels of an order: customs PDFs, authorised downloads, packing check, tracking links."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from oscar.test.factories import UserFactory
from pypdf import PdfReader

from sellers.fulfilment import parcels as parcel_ops
from sellers.fulfilment import services
from sellers.fulfilment.models import Parcel
from shipping.models import SellerShipping
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.orders import place_order

pytestmark = pytest.mark.django_db


def pdf_text(document):
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def seller():
    seller = SellerFactory(name="Atelier Safi", city="Safi")
    seller.users.add(UserFactory())
    return seller


def order_from(seller, price="300", quantity=2, hs_code="6913", country="US", **kwargs):
    product = ProductFactory(
        title="Painted vase",
        title_en="Painted vase",
        hs_code=hs_code,
        weight_kg=Decimal("0.8"),
        stockrecord__seller=seller,
        stockrecord__price=Decimal(price),
    )
    return place_order([(product, quantity)], country=country, **kwargs)


def parcel_of(order, **kwargs):
    (parcel,) = parcel_ops.create_parcels(order, **kwargs)
    return Parcel.objects.get(pk=parcel.pk)


def test_one_parcel_per_seller_and_creation_is_idempotent(seller):
    other = SellerFactory(city="Fès")
    products = [
        (ProductFactory(stockrecord__seller=seller), 1),
        (ProductFactory(stockrecord__seller=other), 1),
    ]
    order = place_order(products)
    parcel_ops.create_parcels(order)
    parcel_ops.create_parcels(order)
    assert sorted(order.parcels.values_list("origin_city", flat=True)) == ["Fès", "Safi"]


def test_postal_parcel_gets_invoice_packing_list_and_cn22(
    seller, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))  # cheapest service: Amana (postal)
    assert parcel.service.is_postal
    kinds = set(parcel.documents.values_list("kind", flat=True))
    assert kinds == {"invoice", "packing_list", "cn22"}


def test_cn22_lists_hs_code_value_weight_and_moroccan_origin(
    seller, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))
    text = pdf_text(parcel.documents.get(kind="cn22"))
    assert "CN 22" in text and "6913" in text and "Painted vase" in text
    assert "600.00 MAD" in text and "1.600" in text and "Morocco" in text


def test_value_above_the_threshold_takes_a_cn23(
    seller, settings, django_capture_on_commit_callbacks
):
    settings.CUSTOMS_CN22_MAX_MAD = Decimal("599.99")
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))
    assert "CN 23" in pdf_text(parcel.documents.get(kind="cn23"))
    assert not parcel.documents.filter(kind="cn22").exists()


def test_value_at_the_threshold_keeps_a_cn22(seller, settings, django_capture_on_commit_callbacks):
    settings.CUSTOMS_CN22_MAX_MAD = Decimal("600.00")
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))
    assert parcel.documents.filter(kind="cn22").exists()


def test_express_parcel_gets_a_commercial_invoice_without_cn_form(
    seller, django_capture_on_commit_callbacks
):
    order = order_from(seller)
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order, choices={seller.pk: "dhl-express"}, incoterm="DDP")
    assert set(parcel.documents.values_list("kind", flat=True)) == {"invoice", "packing_list"}
    text = pdf_text(parcel.documents.get(kind="invoice"))
    assert "Commercial invoice" in text and "DDP" in text and str(order.number) in text


def test_packing_list_lists_pieces_and_weights(seller, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))
    text = pdf_text(parcel.documents.get(kind="packing_list"))
    assert "Packing list" in text and "Painted vase" in text and "1.600" in text


def test_seller_member_downloads_a_paper(client, seller, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))
    client.force_login(seller.users.get())
    document = parcel.documents.get(kind="invoice")
    response = client.get(reverse("fulfilment:document", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_seller_cannot_download_a_paper(client, seller, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))
    stranger = UserFactory()
    SellerFactory().users.add(stranger)
    client.force_login(stranger)
    document = parcel.documents.first()
    assert client.get(reverse("fulfilment:document", args=[document.pk])).status_code == 404


def test_anonymous_visitor_is_sent_to_login(client, seller, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))
    response = client.get(reverse("fulfilment:document", args=[parcel.documents.first().pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_staff_downloads_any_paper(admin_client, seller, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(order_from(seller))
    document = parcel.documents.first()
    assert admin_client.get(reverse("fulfilment:document", args=[document.pk])).status_code == 200


def test_seller_sees_only_its_own_parcels(client, seller):
    mine = parcel_of(order_from(seller))
    theirs = parcel_of(order_from(SellerFactory()))
    client.force_login(seller.users.get())
    listed = list(client.get(reverse("fulfilment:parcels")).context["parcels"])
    assert listed == [mine] and theirs not in listed
    assert client.get(reverse("fulfilment:parcel", args=[theirs.pk])).status_code == 404


def test_dispatch_is_refused_until_a_required_packing_check(client, seller):
    SellerShipping.objects.create(partner=seller, packing_check_required=True)
    parcel = parcel_of(order_from(seller))
    services.set_tracking(parcel, "ems", "EE123456789MA")
    with pytest.raises(services.TransitionError):
        services.dispatch(parcel)
    client.force_login(seller.users.get())
    url = reverse("fulfilment:parcel-dispatch", args=[parcel.pk])
    response = client.post(url, {"confirmed": "yes"}, follow=True)
    assert "packing check" in response.content.decode()
    parcel.refresh_from_db()
    assert parcel.shipped_at is None


def test_a_plain_member_cannot_confirm_the_packing(client, seller):
    SellerShipping.objects.create(partner=seller, packing_check_required=True)
    parcel = parcel_of(order_from(seller))
    client.force_login(seller.users.get())
    assert client.post(reverse("fulfilment:parcel-check", args=[parcel.pk])).status_code == 403


def test_cooperative_leader_confirms_then_dispatch_goes_through(client, seller):
    SellerShipping.objects.create(partner=seller, packing_check_required=True)
    leader = seller.users.get()
    leader.user_permissions.add(Permission.objects.get(codename="check_parcel"))
    parcel = parcel_of(order_from(seller))
    client.force_login(leader)
    client.post(reverse("fulfilment:parcel-check", args=[parcel.pk]))
    client.post(
        reverse("fulfilment:parcel-tracking", args=[parcel.pk]),
        {"service": "ems", "tracking_number": "EE123456789MA"},
    )
    client.post(reverse("fulfilment:parcel-dispatch", args=[parcel.pk]), {"confirmed": "yes"})
    parcel.refresh_from_db()
    assert (parcel.checked_by, parcel.tracking_number) == (leader, "EE123456789MA")
    assert parcel.checked_at is not None and parcel.shipped_at is not None


def test_leader_of_another_cooperative_cannot_confirm(client, seller):
    SellerShipping.objects.create(partner=seller, packing_check_required=True)
    parcel = parcel_of(order_from(seller))
    outsider = UserFactory()
    outsider.user_permissions.add(Permission.objects.get(codename="check_parcel"))
    SellerFactory().users.add(outsider)
    client.force_login(outsider)
    assert client.post(reverse("fulfilment:parcel-check", args=[parcel.pk])).status_code == 404


def test_curator_confirms_any_parcel(admin_client, admin_user, seller):
    SellerShipping.objects.create(partner=seller, packing_check_required=True)
    parcel = parcel_of(order_from(seller))
    admin_client.post(reverse("fulfilment:parcel-check", args=[parcel.pk]))
    parcel.refresh_from_db()
    assert parcel.checked_by == admin_user


def test_dispatch_without_a_required_check_needs_only_tracking(seller):
    parcel = parcel_of(order_from(seller))
    with pytest.raises(services.TransitionError):
        services.dispatch(parcel)
    services.set_tracking(parcel, "dhl-express", "1234567890")
    assert services.dispatch(parcel).shipped_at is not None


def test_buyer_sees_the_carrier_tracking_link(client, seller):
    buyer = UserFactory()
    parcel = parcel_of(order_from(seller, user=buyer))
    services.set_tracking(parcel, "dhl-express", "1234567890")
    client.force_login(buyer)
    html = client.get(reverse("fulfilment:order-tracking", args=[parcel.order.number])).content
    assert b"https://www.dhl.com/ma-en/home/tracking.html?tracking-id=1234567890" in html


def test_guest_reaches_tracking_with_the_order_hash_only(client, seller):
    order = parcel_of(order_from(seller)).order
    url = reverse("fulfilment:order-tracking", args=[order.number])
    assert client.get(url).status_code == 404
    assert client.get(f"{url}?hash={order.verification_hash()}").status_code == 200


def test_ddp_parcel_records_duties_paid_at_checkout(seller):
    order = order_from(seller)  # 2 x 300 MAD, HS 6913 to the US: 6% + 10% surcharge
    parcel = parcel_of(order, choices={seller.pk: "dhl-express"}, incoterm="DDP")
    assert parcel.incoterm == "DDP"
    assert (parcel.duties_at_checkout, parcel.duties_on_delivery) == (Decimal("96.00"), 0)


def test_postal_parcel_falls_back_to_dap_with_an_estimate(seller):
    parcel = parcel_of(order_from(seller), incoterm="DDP")  # cheapest: Amana, no DDP
    assert parcel.incoterm == "DAP"
    assert (parcel.duties_at_checkout, parcel.duties_on_delivery) == (0, Decimal("96.00"))
