"""A piece in another buyer's payment shows reserved to buyers, on its card and its page, until
the hold expires or is released; once the order is placed it shows sold out.

What a card shows of its stock is read from the cache with the product's token
(``marketplace.core.cache.product_states``), never from a query per card.
"""

import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from marketplace.core import cache as core_cache
from marketplace.payments import reservations, service
from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import basket_with, pending_payment, unique_piece

pytestmark = pytest.mark.django_db
RESERVED = 'data-testid="reserved"'
SOLD_OUT = 'data-testid="sold-out"'
BASKET_FORM = 'data-testid="add-to-basket"'


@pytest.fixture
def piece(craft):
    return unique_piece(category=craft, title_en="One-off brass tray")


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def hold(capture, *products):
    """Another buyer starts paying for ``products``: their stock is reserved."""
    basket = basket_with(*products)
    with capture(execute=True):
        payment = pending_payment(basket)
        reservations.reserve_basket(payment, basket)
    return payment


def test_a_piece_in_a_payment_shows_reserved_on_its_card(
    client, settings, craft, piece, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    url = craft.get_absolute_url()
    assert RESERVED not in html(client, url)
    hold(django_capture_on_commit_callbacks, piece)
    page = html(client, url)
    assert RESERVED in page
    assert SOLD_OUT not in page


def test_a_piece_in_a_payment_shows_reserved_on_its_cached_page_without_a_basket_form(
    client, piece, django_capture_on_commit_callbacks
):
    url = piece.get_absolute_url()
    assert BASKET_FORM in html(client, url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    hold(django_capture_on_commit_callbacks, piece)
    page = html(client, url)
    assert RESERVED in page
    assert BASKET_FORM not in page


def test_a_piece_with_units_left_beside_the_hold_stays_available(
    client, settings, craft, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    bowls = ProductFactory(category=craft, title_en="Tamegroute bowl", stockrecord__num_in_stock=3)
    hold(django_capture_on_commit_callbacks, bowls)
    assert RESERVED not in html(client, craft.get_absolute_url())
    assert BASKET_FORM in html(client, bowls.get_absolute_url())


def test_a_released_hold_makes_the_piece_available_again(
    client, settings, craft, piece, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    payment = hold(django_capture_on_commit_callbacks, piece)
    assert RESERVED in html(client, piece.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        service.fail_payment(payment.pk, "card declined")
    assert RESERVED not in html(client, craft.get_absolute_url())
    page = html(client, piece.get_absolute_url())
    assert RESERVED not in page
    assert BASKET_FORM in page


def test_an_expired_hold_makes_the_piece_available_again_without_any_write(
    client, settings, craft, piece, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    settings.STOCK_RESERVATION_MINUTES = 1 / 60  # a one-second hold
    hold(django_capture_on_commit_callbacks, piece)
    assert RESERVED in html(client, craft.get_absolute_url())
    time.sleep(1.2)
    assert RESERVED not in html(client, craft.get_absolute_url())
    assert BASKET_FORM in html(client, piece.get_absolute_url())


def test_a_paid_order_shows_the_piece_sold_out(
    client, settings, craft, piece, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    payment = hold(django_capture_on_commit_callbacks, piece)
    # What place_order_once does once Stripe says paid: Oscar allocates, the hold is consumed.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        piece.stockrecords.get().allocate(1)
        reservations.consume(payment)
    page = html(client, craft.get_absolute_url())
    assert SOLD_OUT in page
    assert RESERVED not in page
    assert BASKET_FORM not in html(client, piece.get_absolute_url())


def test_a_cache_flush_is_followed_by_the_command_restoring_the_holds(
    client, settings, craft, piece, django_capture_on_commit_callbacks
):
    import io

    from django.core.cache import cache
    from django.core.management import call_command

    settings.STOREFRONT_PAGE_CACHE = False
    hold(django_capture_on_commit_callbacks, piece)
    cache.clear()
    call_command("mark_sold_out", stdout=io.StringIO())
    assert RESERVED in html(client, craft.get_absolute_url())


def test_reserved_cards_cost_no_query_more_than_available_ones(
    client, settings, craft, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    pieces = [unique_piece(category=craft) for _n in range(3)]
    url = craft.get_absolute_url()
    html(client, url)

    def cold_count():
        core_cache.bump(core_cache.STOREFRONT)  # every card rendered afresh
        with CaptureQueriesContext(connection) as queries:
            page = html(client, url)
        return len(queries), page

    available, page = cold_count()
    assert RESERVED not in page
    hold(django_capture_on_commit_callbacks, *pieces)
    held, page = cold_count()
    assert page.count(RESERVED) == 3
    assert held == available
