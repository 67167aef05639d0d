"""The catalogue-wide set of products that may not ship to a country (``listing.ships_to_set``)
follows product saves from the change log, re-evaluating the rule for the changed products only,
and is rebuilt whole when the rules, carriers or rates change."""

import datetime
import time
from decimal import Decimal

import pytest
from django.utils import timezone

from catalog import destinations, listing
from compliance.certificates.models import DestinationRule
from shipping.models import Service
from shipping.reach import blocked_ids as fresh_blocked_ids
from shipping.tasks import warm_ships_to_sets
from tests.factories.catalogue import ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(monkeypatch):
    """The ``only`` argument of each evaluation of the rule (None: the whole catalogue)."""
    found = []
    original = destinations.blocked_ids

    def spy(country, day, only=None):
        found.append(None if only is None else set(only))
        return original(country, day, only)

    monkeypatch.setattr(destinations, "blocked_ids", spy)
    return found


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def pieces(craft, seller):
    def make(hs_code, weight):
        return ProductFactory(
            category=craft, hs_code=hs_code, weight_kg=Decimal(weight), stockrecord__seller=seller
        )

    return {"rug": make("5701", "2"), "plate": make("6912", "1"), "chest": make("4420", "80")}


def current(country):
    return set(listing.ships_to_set(country)[1])


def test_product_saves_update_the_set_to_what_a_fresh_computation_gives(
    craft, seller, pieces, calls
):
    before = current("US")
    assert before == set(fresh_blocked_ids("US"))
    assert pieces["plate"].pk in before and pieces["rug"].pk not in before
    rug, plate = pieces["rug"], pieces["plate"]
    rug.weight_kg = Decimal("90")  # too heavy for every carrier
    rug.save()
    plate.hs_code = "5701"  # no longer tableware: no certificate needed
    plate.save()
    new = ProductFactory(category=craft, hs_code="6912", stockrecord__seller=seller)
    after = current("US")
    assert after == set(fresh_blocked_ids("US"))
    assert rug.pk in after and plate.pk not in after and new.pk in after
    assert calls == [None, {rug.pk, plate.pk, new.pk}]


def test_a_save_that_changes_no_eligibility_keeps_the_set_and_its_revision(pieces, calls):
    revision, before = listing.ships_to_set("US")
    pieces["rug"].title = "Another title"
    pieces["rug"].save()
    again, after = listing.ships_to_set("US")
    assert (again, after) == (revision, before)
    assert calls == [None, {pieces["rug"].pk}]


def test_a_deleted_product_leaves_the_set(pieces):
    plate = pieces["plate"]
    assert plate.pk in current("US")
    pk = plate.pk
    plate.delete()
    assert pk not in current("US")
    assert current("US") == set(fresh_blocked_ids("US"))


def test_a_destination_rule_change_rebuilds_the_set(pieces, calls):
    assert pieces["plate"].pk in current("US")
    for rule in DestinationRule.objects.filter(destination="US"):
        rule.valid_from = timezone.localdate().replace(year=timezone.localdate().year + 1)
        rule.save()
    after = current("US")
    assert pieces["plate"].pk not in after
    assert after == set(fresh_blocked_ids("US"))
    assert calls == [None, None]


def test_a_carrier_service_limit_change_rebuilds_the_set(pieces, calls):
    rug = pieces["rug"]
    assert rug.pk not in current("FR")
    for service in Service.objects.all():
        service.max_weight_kg = Decimal("1")
        service.save()
    after = current("FR")
    assert rug.pk in after
    assert after == set(fresh_blocked_ids("FR"))
    assert calls == [None, None]


def test_the_list_results_follow_a_product_that_stops_shipping(client, craft, pieces):
    rug = pieces["rug"]
    url = f"{craft.get_absolute_url()}?ships_to=FR&nocache=1"
    assert rug.title in client.get(url).content.decode()
    rug.weight_kg = Decimal("90")
    rug.save()
    assert rug.title not in client.get(f"{url}1").content.decode()


def test_under_edits_the_set_is_brought_up_to_date_once_per_window(
    settings, monkeypatch, pieces, calls
):
    settings.STOREFRONT_LIST_RESULT_SECONDS = 60
    before = current("US")
    rug = pieces["rug"]
    rug.weight_kg = Decimal("90")  # too heavy for every carrier
    rug.save()
    assert current("US") == before  # within the window: the set as last brought up to date
    now = time.time()
    monkeypatch.setattr(listing.time, "time", lambda: now + 61)
    assert current("US") == set(fresh_blocked_ids("US")) and rug.pk in current("US")
    assert calls == [None, {rug.pk}]


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def test_warming_before_midnight_builds_tomorrows_set_so_no_request_builds_one(pieces, calls):
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)

    warmed = warm_ships_to_sets(now=at(today, 23, 30))

    assert warmed["days"] == [today.isoformat(), tomorrow.isoformat()]
    whole = len(calls)
    assert set(listing.ships_to_set("US", day=tomorrow)[1]) == fresh_blocked_ids("US", tomorrow)
    assert len(calls) == whole and None in calls


def test_warming_earlier_in_the_day_leaves_tomorrow_alone(pieces, calls):
    today = timezone.localdate()

    warmed = warm_ships_to_sets(now=at(today, 22, 59))

    assert warmed["days"] == [today.isoformat()]


def test_warming_after_a_rule_change_rebuilds_the_set_off_the_request(pieces, calls):
    assert pieces["plate"].pk in current("US")
    for rule in DestinationRule.objects.filter(destination="US"):
        rule.valid_from = timezone.localdate().replace(year=timezone.localdate().year + 1)
        rule.save()

    warm_ships_to_sets(now=at(timezone.localdate(), 12))
    whole = len(calls)

    assert pieces["plate"].pk not in current("US")
    assert len(calls) == whole


def test_beat_warms_the_ships_to_sets(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["shipping-warm-ships-to-sets"]
    assert entry["task"] == warm_ships_to_sets.name
