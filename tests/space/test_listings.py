"""Listings in the seller space: create, edit, translate, validate, isolate."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories.catalogue import (
    MaterialFactory,
    RegionFactory,
    SellerFactory,
    TechniqueFactory,
    rug_craft,
)
from tests.factories.orders import product_of
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def seller():
    return SellerFactory(name="Atelier Tazi")


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


@pytest.fixture
def craft():
    return rug_craft()


@pytest.fixture
def listing_data(craft):
    region = RegionFactory()
    return {
        "title_fr": "Tapis Beni Ouarain",
        "title_ar": "زربية بني وراين",
        "description_fr": "Laine du Moyen Atlas.",
        "craft": craft.pk,
        "region": region.pk,
        "materials": [MaterialFactory().pk],
        "techniques": [TechniqueFactory().pk],
        "price": "4500.00",
        "num_in_stock": "1",
        "is_unique_piece": "on",
        "weight_kg": "6.5",
        "length_cm": "200",
        "width_cm": "150",
        "processing_days": "3",
        "is_public": "on",
    }


def create(client, data):
    return client.post(reverse("seller_space:listing-create"), data)


def test_creating_a_listing_makes_the_product_and_its_stock_record(member, seller, listing_data):
    response = create(member, listing_data)
    assert response.status_code == 302
    product = Product.objects.get(title_fr="Tapis Beni Ouarain")
    record = product.stockrecords.get()
    assert (record.partner, record.price, record.price_currency) == (
        seller,
        Decimal("4500.00"),
        "MAD",
    )
    assert record.num_in_stock == 1
    assert product.processing_days == 3
    assert product.is_unique_piece
    assert [c.code for c in product.categories.all()] == ["rugs"]
    assert [m.code for m in product.materials.all()] == ["wool"]


def test_missing_hs_code_takes_the_crafts_heading(member, listing_data):
    create(member, listing_data)
    assert Product.objects.get().hs_code == "5701"


def test_english_title_falls_back_to_the_first_title_given(member, listing_data):
    create(member, {**listing_data, "title_fr": "", "title_ar": "زربية"})
    product = Product.objects.get()
    assert (product.title_en, product.title_ar) == ("زربية", "زربية")


def test_a_title_in_some_language_is_required(member, listing_data):
    data = {**listing_data, "title_fr": "", "title_ar": ""}
    response = create(member, data)
    assert response.status_code == 200
    assert "at least one language" in response.content.decode()
    assert not Product.objects.exists()


@pytest.mark.parametrize(("price", "ok"), [("0.00", False), ("-1", False), ("0.01", True)])
def test_price_must_be_positive(member, listing_data, price, ok):
    create(member, {**listing_data, "price": price})
    assert Product.objects.exists() is ok


@pytest.mark.parametrize(("stock", "ok"), [("0", True), ("1", True), ("2", False)])
def test_unique_piece_has_a_stock_of_zero_or_one(member, listing_data, stock, ok):
    create(member, {**listing_data, "num_in_stock": stock})
    assert Product.objects.exists() is ok


def test_ordinary_piece_may_have_many_in_stock(member, listing_data):
    data = {**listing_data, "num_in_stock": "12"}
    del data["is_unique_piece"]
    create(member, data)
    assert StockRecord.objects.get().num_in_stock == 12


@pytest.mark.parametrize(
    ("hs_code", "ok"), [("5701", True), ("570110", True), ("57011", False), ("57.01", False)]
)
def test_hs_code_is_validated(member, listing_data, hs_code, ok):
    create(member, {**listing_data, "hs_code": hs_code})
    assert Product.objects.exists() is ok


@pytest.mark.parametrize(("days", "ok"), [("0", False), ("1", True), ("120", True), ("121", False)])
def test_processing_time_is_between_one_and_120_days(member, listing_data, days, ok):
    create(member, {**listing_data, "processing_days": days})
    assert Product.objects.exists() is ok


def test_weight_is_required_for_shipping(member, listing_data):
    create(member, {**listing_data, "weight_kg": ""})
    assert not Product.objects.exists()


def test_sku_is_unique_among_the_sellers_listings(member, seller, listing_data):
    product_of(seller, upc="X1").stockrecords.update(partner_sku="RUG-1")
    response = create(member, {**listing_data, "sku": "RUG-1"})
    assert response.status_code == 200
    assert Product.objects.count() == 1


def test_automatic_reference_pattern_is_reserved(member, seller, listing_data):
    product_of(seller)
    response = create(member, {**listing_data, "sku": "P99"})
    assert response.status_code == 200
    assert Product.objects.count() == 1


def test_listing_keeps_its_automatic_reference_when_edited(member, seller, listing_data):
    create(member, listing_data)
    product = Product.objects.get()
    sku = f"P{product.pk}"
    assert product.stockrecords.get().partner_sku == sku
    url = reverse("seller_space:listing-edit", args=[product.pk])
    assert member.post(url, {**listing_data, "sku": sku}).status_code == 302


def test_another_sellers_sku_does_not_clash(member, listing_data):
    product_of(SellerFactory()).stockrecords.update(partner_sku="RUG-1")
    create(member, {**listing_data, "sku": "RUG-1"})
    assert Product.objects.count() == 2


def test_failed_stock_record_leaves_no_product(member, listing_data, monkeypatch):
    def fail(*args, **kwargs):
        raise IntegrityError("boom")

    monkeypatch.setattr(StockRecord.objects, "create", fail)
    with pytest.raises(IntegrityError):
        create(member, listing_data)
    assert not Product.objects.exists()


def test_editing_changes_texts_price_and_stock(member, seller, listing_data):
    product = product_of(seller)
    url = reverse("seller_space:listing-edit", args=[product.pk])
    assert member.get(url).status_code == 200
    data = {**listing_data, "title_es": "Alfombra", "price": "99.90", "num_in_stock": "0"}
    assert member.post(url, data).status_code == 302
    product.refresh_from_db()
    record = product.stockrecords.get()
    assert (product.title_es, record.price, record.num_in_stock) == (
        "Alfombra",
        Decimal("99.90"),
        0,
    )
    assert StockRecord.objects.filter(product=product).count() == 1


def test_edit_form_shows_current_price_and_stock(member, seller):
    product = product_of(seller, stockrecord__price=Decimal("321.00"))
    form = member.get(reverse("seller_space:listing-edit", args=[product.pk])).context["form"]
    assert form.initial["price"] == Decimal("321.00")


def test_list_shows_only_the_sellers_listings(member, seller):
    mine = product_of(seller, title_en="My lantern")
    product_of(SellerFactory(), title_en="Their lantern")
    response = member.get(reverse("seller_space:listings"))
    assert list(response.context["listings"]) == [mine]
    assert "Their lantern" not in response.content.decode()


def test_list_states_what_buyers_see(member, seller):
    product_of(seller, is_public=False)
    product_of(seller, stockrecord__num_in_stock=0)
    product_of(seller)
    states = {
        p.state_code for p in member.get(reverse("seller_space:listings")).context["listings"]
    }
    assert states == {"hidden", "sold_out", "visible"}


def test_pending_sellers_listings_wait_for_verification(client):
    seller = SellerFactory(status="pending", verified_at=None)
    product_of(seller)
    client.force_login(member_of(seller))
    listings = client.get(reverse("seller_space:listings")).context["listings"]
    assert [p.state_code for p in listings] == ["waiting"]


def test_cannot_open_another_sellers_listing(member):
    theirs = product_of(SellerFactory())
    url = reverse("seller_space:listing-edit", args=[theirs.pk])
    assert member.get(url).status_code == 404


def test_cannot_change_another_sellers_listing(member, listing_data):
    theirs = product_of(SellerFactory(), stockrecord__price=Decimal("100.00"))
    url = reverse("seller_space:listing-edit", args=[theirs.pk])
    assert member.post(url, {**listing_data, "price": "1.00"}).status_code == 404
    assert theirs.stockrecords.get().price == Decimal("100.00")


@pytest.mark.parametrize(
    ("language", "first_titles"),
    [("ar", ["title_ar", "title_fr"]), ("fr", ["title_fr", "title_ar"])],
)
def test_listing_form_puts_the_page_language_then_arabic_and_french_first(
    member, craft, language, first_titles
):
    response = member.get(f"/{language}/my-shop/listings/new/")
    assert response.status_code == 200
    assert [f.name for f in response.context["title_fields"]][:2] == first_titles
    assert 'dir="rtl"' in response.content.decode()  # the Arabic title box, in every language


@pytest.mark.parametrize("language", ["en", "ar"])
def test_list_query_count_does_not_grow_with_listings(member, seller, craft, language):
    product_of(seller, category=craft)
    url = f"/{language}/my-shop/listings/"
    member.get(url)  # warm the menu and session caches
    with CaptureQueriesContext(connection) as few:
        member.get(url)
    for _ in range(6):
        product_of(seller, category=craft)
    with CaptureQueriesContext(connection) as many:
        response = member.get(url)
    assert len(response.context["listings"]) == 7
    print(f"seller listings page ({language}): {len(few)} queries at 1 and 7 listings")
    assert len(many) == len(few)
