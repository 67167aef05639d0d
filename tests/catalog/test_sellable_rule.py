"""Only verified sellers' public products are shown or sold: one rule, every path."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from tests.factories.catalogue import ProductFactory, SellerFactory

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

HIDDEN_STATUSES = [
    Partner.Status.PENDING,
    Partner.Status.NEEDS_INFO,
    Partner.Status.REJECTED,
    Partner.Status.SUSPENDED,
]


@pytest.fixture
def hidden_product(request, craft):
    seller = SellerFactory(status=request.param)
    return ProductFactory(title_en="Hidden lantern", category=craft, stockrecord__seller=seller)


@pytest.mark.django_db
def test_verified_sellers_product_is_sellable(product):
    assert list(Product.objects.sellable()) == [product]


@pytest.mark.django_db
@pytest.mark.parametrize("hidden_product", HIDDEN_STATUSES, indirect=True)
def test_unverified_sellers_product_is_not_sellable(hidden_product):
    assert not Product.objects.sellable().exists()


@pytest.mark.django_db
def test_non_public_product_is_not_sellable(craft):
    ProductFactory(is_public=False, category=craft)
    assert not Product.objects.sellable().exists()


@pytest.mark.django_db
@pytest.mark.parametrize("hidden_product", HIDDEN_STATUSES, indirect=True)
def test_unverified_sellers_product_is_absent_from_every_listing(client, hidden_product, craft):
    for url in (reverse("catalogue:index"), craft.get_absolute_url(), "/en/search/?q=lantern"):
        assert "Hidden lantern" not in client.get(url).content.decode(), url


@pytest.mark.django_db
@pytest.mark.parametrize("hidden_product", [Partner.Status.SUSPENDED], indirect=True)
def test_unverified_sellers_product_page_is_404(client, hidden_product):
    assert client.get(hidden_product.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("hidden_product", [Partner.Status.PENDING], indirect=True)
def test_unverified_sellers_product_cannot_be_added_to_basket(client, hidden_product):
    client.post(reverse("basket:add", kwargs={"pk": hidden_product.pk}), {"quantity": 1})
    assert "Hidden lantern" not in client.get(reverse("basket:summary")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("hidden_product", [Partner.Status.SUSPENDED], indirect=True)
def test_strategy_offers_no_price_for_an_unverified_seller(hidden_product):
    info = Selector().strategy().fetch_for_product(hidden_product)
    assert info.stockrecord is None
    assert not info.availability.is_available_to_buy


@pytest.mark.django_db
def test_strategy_prices_in_dirhams_from_the_sellers_record(product):
    info = Selector().strategy().fetch_for_product(product)
    assert info.price.currency == "MAD"
    assert info.stockrecord.partner == product.seller


@pytest.mark.django_db
def test_a_product_has_only_one_seller_stock_record(product):
    with pytest.raises(IntegrityError):
        StockRecord.objects.create(
            product=product, partner=SellerFactory(), partner_sku="OTHER", price=1
        )


@pytest.mark.django_db
def test_seller_page_shows_only_verified_sellers(client, product):
    suspended = SellerFactory(status=Partner.Status.SUSPENDED)
    assert client.get(product.seller.get_absolute_url()).status_code == 200
    assert client.get(suspended.get_absolute_url()).status_code == 404


# An expired professional card hides a verified seller's products like a suspension does.

EXPIRED_CARD = "expired_card"
UNSELLABLE = [Partner.Status.PENDING, Partner.Status.SUSPENDED, EXPIRED_CARD]


def unsellable_seller(kind):
    import datetime

    from django.utils import timezone

    if kind == EXPIRED_CARD:
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        return SellerFactory(card_issued_on=yesterday.replace(year=2020), card_expires_on=yesterday)
    return SellerFactory(status=kind)


@pytest.fixture
def unsellable_product(request, craft):
    seller = unsellable_seller(request.param)
    return ProductFactory(title_en="Hidden lantern", category=craft, stockrecord__seller=seller)


@pytest.mark.django_db
@pytest.mark.parametrize("unsellable_product", UNSELLABLE, indirect=True)
def test_unsellable_product_is_absent_from_catalogue_category_and_search(
    client, unsellable_product, craft
):
    assert not Product.objects.sellable().exists()
    for url in (reverse("catalogue:index"), craft.get_absolute_url(), "/en/search/?q=lantern"):
        assert "Hidden lantern" not in client.get(url).content.decode(), url


@pytest.mark.django_db
@pytest.mark.parametrize("unsellable_product", UNSELLABLE, indirect=True)
def test_unsellable_product_page_is_404(client, unsellable_product):
    assert client.get(unsellable_product.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("unsellable_product", UNSELLABLE, indirect=True)
def test_unsellable_product_cannot_be_added_to_basket(client, unsellable_product):
    client.post(reverse("basket:add", kwargs={"pk": unsellable_product.pk}), {"quantity": 1})
    assert "Hidden lantern" not in client.get(reverse("basket:summary")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("unsellable_product", UNSELLABLE, indirect=True)
def test_strategy_offers_no_price_for_an_unsellable_seller(unsellable_product):
    info = Selector().strategy().fetch_for_product(unsellable_product)
    assert info.stockrecord is None
    assert not info.availability.is_available_to_buy


@pytest.mark.django_db
@pytest.mark.parametrize("unsellable_product", UNSELLABLE, indirect=True)
def test_unsellable_sellers_page_is_404(client, unsellable_product):
    assert client.get(unsellable_product.seller.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["suspend", "expire"])
def test_checkout_refuses_a_basket_line_whose_seller_stopped_selling(client, product, change):
    import datetime

    from django.utils import timezone

    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert client.get(reverse("checkout:index")).status_code == 200
    seller = product.seller
    if change == "suspend":
        seller.status = Partner.Status.SUSPENDED
    else:
        seller.card_expires_on = timezone.localdate() - datetime.timedelta(days=1)
    seller.save()
    response = client.get(reverse("checkout:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("basket:summary")
    shipping = client.get(reverse("checkout:shipping-address"))
    assert shipping["Location"] == reverse("basket:summary")
