"""Rates come from a configurable JSON feed, refreshed by a Celery beat task."""

import datetime
import http.server
import json
import threading
from decimal import Decimal

import pytest

from marketplace.currency.feed import FeedError, parse_feed
from marketplace.currency.models import ExchangeRate
from marketplace.currency.rates import current_rate
from marketplace.currency.tasks import refresh_exchange_rates
from tests.factories.checkout import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.seeded_rates]


def feed(date="2026-11-20", base="MAD", **rates):
    return json.dumps({"base": base, "date": date, "rates": rates or {"EUR": "0.0931"}})


@pytest.fixture
def feed_server(settings):
    """A real HTTP server on 127.0.0.1 serving whatever document the test sets."""
    state = {"document": feed()}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = state["document"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.CURRENCY_RATES_FEED_URL = f"http://127.0.0.1:{server.server_port}/rates.json"
    yield state
    server.shutdown()
    server.server_close()


def test_the_shipped_default_table_has_every_buyer_currency():
    assert set(ExchangeRate.objects.values_list("currency", flat=True)) == {
        "EUR",
        "USD",
        "GBP",
        "CAD",
        "MAD",
    }


def test_a_feed_is_parsed_into_decimal_rates():
    date, rates = parse_feed(feed(EUR="0.0931", USD=0.1077))
    assert date == datetime.date(2026, 11, 20)
    assert rates == {"EUR": Decimal("0.0931"), "USD": Decimal("0.1077")}


@pytest.mark.parametrize(
    "document",
    [feed(base="EUR"), feed(EUR="-1"), feed(EUR="abc"), "not json", feed(JPY="1.5")],
    ids=["other-base", "negative", "not-a-number", "not-json", "nothing-usable"],
)
def test_a_bad_feed_is_refused_whole(document):
    with pytest.raises(FeedError):
        parse_feed(document)


def test_the_refresh_task_stores_the_feed_rates_and_their_date(feed_server):
    feed_server["document"] = feed(EUR="0.0931", GBP="0.0799")
    assert refresh_exchange_rates() == 2
    rate = current_rate("EUR")
    assert rate.rate == Decimal("0.0931") and rate.date == datetime.date(2026, 11, 20)


def test_a_bad_feed_keeps_the_current_table(feed_server):
    before = current_rate("EUR").rate
    feed_server["document"] = feed(base="USD")
    assert refresh_exchange_rates() == 0
    assert current_rate("EUR").rate == before


def test_an_older_publication_never_overwrites_a_newer_rate(feed_server):
    feed_server["document"] = feed(date="2026-11-20", EUR="0.0931")
    refresh_exchange_rates()
    feed_server["document"] = feed(date="2026-11-19", EUR="0.0500")
    refresh_exchange_rates()
    assert ExchangeRate.objects.get(currency="EUR").rate == Decimal("0.0931")


def test_the_refresh_runs_on_celery_beat(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["refresh-exchange-rates"]
    assert schedule["task"] == refresh_exchange_rates.name
