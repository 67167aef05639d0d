"""seed_demo's wholesale side: the demo shop is a verified company that sees wholesale prices on
the offered pieces and can ask for a quote; seeding twice adds nothing."""

import pytest

from demo.accounts import DEMO_PASSWORD, SHOP
from tests.support.seeding import seed_demo
from wholesale.models import Company, WholesaleOffer, WholesaleTier
from wholesale.numbers import check_number

pytestmark = pytest.mark.django_db


def test_the_demo_shop_is_a_verified_company_with_a_valid_vat_number():
    seed_demo(products=30)
    company = Company.objects.get(contacts__user__email=SHOP.email)
    assert company.is_verified
    assert check_number(company.number_scheme, company.country, company.number) == company.number
    assert company.locations.filter(city="Paris").exists()


def test_the_demo_shop_sees_wholesale_prices_on_an_offered_piece(client):
    seed_demo(products=30)
    offer = WholesaleOffer.objects.select_related("stockrecord__product").first()
    first_tier = offer.tiers.order_by("min_quantity").first()
    assert first_tier.unit_price < offer.stockrecord.price
    assert client.login(username=SHOP.email, password=DEMO_PASSWORD)
    page = client.get(offer.stockrecord.product.get_absolute_url()).content.decode()
    assert 'action="/en/wholesale/quotes/add/"' in page


def test_seeding_wholesale_twice_adds_nothing():
    seed_demo(products=30)
    counts = (
        Company.objects.count(),
        WholesaleOffer.objects.count(),
        WholesaleTier.objects.count(),
    )
    seed_demo(products=30)
    assert counts[1] > 0
    assert (
        Company.objects.count(),
        WholesaleOffer.objects.count(),
        WholesaleTier.objects.count(),
    ) == counts
