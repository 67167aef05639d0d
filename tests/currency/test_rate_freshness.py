"""No payment is taken at an exchange rate more than 48 hours old: the checkout says so (in the
buyer's language) and refuses to start the payment; the storefront marks such prices as
indicative. Rate dates read as CLDR writes them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.core import formats
from marketplace.currency.models import ExchangeRate
from marketplace.currency.rates import MAX_RATE_AGE, published_at
from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import address_in, rate_lock_on_preview, walk_to_preview

pytestmark = [pytest.mark.django_db, pytest.mark.seeded_rates]

RATE_DAY = timezone.localdate() - datetime.timedelta(days=2)
EDGE = published_at(RATE_DAY) + MAX_RATE_AGE  # the last moment the rate may take a payment
SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def clock(monkeypatch):
    """Sets the moment the site thinks it is."""

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


@pytest.fixture(autouse=True)
def rates_of_rate_day():
    ExchangeRate.objects.update(date=RATE_DAY)


def preview(client, language="en", currency="EUR"):
    client.cookies["currency"] = currency
    rug = ProductFactory(hs_code="5701")
    walk_to_preview(client, [rug], language=language, address=address_in("FR"))
    return client.get(f"/{language}/checkout/preview/").content.decode()


def test_a_rate_exactly_48_hours_old_still_takes_a_payment(client, clock):
    clock(EDGE)
    html = preview(client)
    assert 'id="payment-form"' in html and 'data-testid="stale-rate"' not in html


def test_a_rate_one_second_past_48_hours_takes_no_payment(client, clock):
    clock(EDGE + SECOND)
    html = preview(client)
    assert 'data-testid="stale-rate"' in html and 'id="payment-form"' not in html
    day = formats.format_date(RATE_DAY, "en", length="long")
    assert f"Our exchange rate for EUR dates from {day}, more than 48 hours ago" in html


def test_the_checkout_says_so_in_french(client, clock):
    clock(EDGE + SECOND)
    html = preview(client, language="fr")
    day = formats.format_date(RATE_DAY, "fr", length="long")
    assert f"Notre taux de change pour EUR date du {day}, il y a plus de 48 heures" in html


def test_payment_start_refuses_a_rate_that_aged_past_48_hours_after_the_preview(client, clock):
    clock(EDGE - 5 * 60 * SECOND)
    preview(client)
    lock = rate_lock_on_preview(client)
    clock(EDGE + SECOND)
    response = client.post(reverse("checkout:payment-start"), {"rate_lock": lock})
    assert response.status_code == 409
    assert "more than 48 hours ago" in response.json()["error"]
    assert not client.session.get("checkout_payment_ids")


def test_paying_in_dirhams_needs_no_rate(client, clock):
    clock(EDGE + 3600 * SECOND)
    html = preview(client, currency="MAD")
    assert 'id="payment-form"' in html and 'data-testid="stale-rate"' not in html


def product_page(client, product, currency="EUR"):
    client.cookies["currency"] = currency
    return client.get(product.get_absolute_url())


def test_storefront_prices_at_a_fresh_rate_show_its_cldr_date(client, product, clock):
    clock(EDGE)
    html = product_page(client, product).content.decode()
    assert f"(rate of {formats.format_date(RATE_DAY, 'en')})" in html  # "2 Dec 2026"
    assert RATE_DAY.strftime("%d/%m/%Y") not in html and "data-indicative" not in html


def test_storefront_prices_at_a_stale_rate_are_marked_indicative(client, product, clock):
    clock(EDGE + SECOND)
    html = product_page(client, product).content.decode()
    assert "data-indicative" in html and "indicative price: rate of" in html


def test_a_page_cached_while_the_rate_was_fresh_is_not_served_once_it_is_stale(
    client, product, clock
):
    clock(EDGE - SECOND)
    assert product_page(client, product)["X-Page-Cache"] == "miss"
    clock(EDGE + SECOND)
    stale = product_page(client, product)
    assert stale["X-Page-Cache"] == "miss" and "data-indicative" in stale.content.decode()


def test_list_cards_are_marked_indicative_once_the_rate_is_stale(client, product, craft, clock):
    url = craft.get_absolute_url()
    clock(EDGE - SECOND)
    client.cookies["currency"] = "EUR"
    assert "data-indicative" not in client.get(url).content.decode()
    clock(EDGE + SECOND)
    assert "data-indicative" in client.get(url).content.decode()
