"""Staff edit destination rules, import regimes and duty rates in Oscar's dashboard, with their
validity dates; each save is recorded in the history, and the product page follows."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from compliance.certificates.models import DestinationRule
from compliance.models import DutyRate, ImportRegime, RuleChange
from marketplace.core.countries import country_name
from tests.factories.catalogue import ProductFactory
from tests.factories.users import UserFactory
from tests.support.dates import today

pytestmark = pytest.mark.django_db
TABLES = ("destination-rules", "import-regimes", "duty-rates")


def staff(*codenames, **fields):
    user = UserFactory(is_staff=True, first_name="Nadia", last_name="Curator", **fields)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def editor(client):
    user = staff(
        "add_destinationrule",
        "change_destinationrule",
        "add_importregime",
        "change_importregime",
        "add_dutyrate",
        "change_dutyrate",
    )
    client.force_login(user)
    return user


def rule_data(**changes):
    data = {
        "destination": "US",
        "product_kind": "leather",
        "certificate_type": "lab_test",
        "standard_contains": "",
        "valid_from": "2027-01-01",
        "valid_to": "2027-12-31",
        "legal_source": "Test regulation, s. 1",
        "source_url": "",
    }
    data.update(changes)
    return data


def rule_as_in_form(rule, **changes):
    data = {
        field: getattr(rule, field) or ""
        for field in rule_data()
        if field not in ("valid_from", "valid_to")
    }
    data["valid_from"] = rule.valid_from.isoformat()
    data["valid_to"] = rule.valid_to.isoformat() if rule.valid_to else ""
    data.update(changes)
    return data


def test_staff_create_a_rule_with_its_validity_dates(client, editor):
    response = client.post(
        reverse("compliance-dashboard-create", args=["destination-rules"]), rule_data()
    )
    assert response.status_code == 302
    rule = DestinationRule.objects.get(legal_source="Test regulation, s. 1")
    assert (rule.valid_from, rule.valid_to) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 12, 31),
    )
    listing = client.get(reverse("compliance-dashboard-list", args=["destination-rules"]))
    assert "Test regulation, s. 1" in listing.content.decode()


def test_staff_edit_a_rules_dates(client, editor):
    rule = DestinationRule.objects.create(
        **{**rule_data(), "valid_from": today(), "valid_to": None}
    )
    url = reverse("compliance-dashboard-edit", args=["destination-rules", rule.pk])
    response = client.post(url, rule_as_in_form(rule, valid_to="2030-06-30"))
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.valid_to == datetime.date(2030, 6, 30)


def test_a_validity_ending_before_it_starts_is_refused(client, editor):
    url = reverse("compliance-dashboard-create", args=["destination-rules"])
    response = client.post(url, rule_data(valid_from="2027-06-01", valid_to="2027-01-01"))
    assert response.status_code == 200
    assert "The validity cannot end before it starts." in response.content.decode()
    assert not DestinationRule.objects.filter(legal_source="Test regulation, s. 1").exists()


def test_staff_create_and_edit_an_import_regime_and_a_duty_rate(client, editor):
    response = client.post(
        reverse("compliance-dashboard-create", args=["import-regimes"]),
        {
            "country": "NO",
            "valid_from": "2027-01-01",
            "currency": "NOK",
            "tax_name": "MVA",
            "tax_rate": "25",
            "origin_surcharge_rate": "0",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    regime = ImportRegime.objects.get(country="NO")
    assert regime.tax_rate == 25
    client.post(
        reverse("compliance-dashboard-create", args=["duty-rates"]),
        {"country": "NO", "hs_prefix": "6913", "rate": "3", "valid_from": "2027-01-01"},
    )
    duty = DutyRate.objects.get(country="NO")
    response = client.post(
        reverse("compliance-dashboard-edit", args=["duty-rates", duty.pk]),
        {
            "country": "NO",
            "hs_prefix": "6913",
            "rate": "4.5",
            "valid_from": "2027-01-01",
            "valid_to": "2027-12-31",
        },
    )
    assert response.status_code == 302
    duty.refresh_from_db()
    assert (str(duty.rate), duty.valid_to) == ("4.50", datetime.date(2027, 12, 31))


@pytest.mark.parametrize("table", TABLES)
def test_non_staff_are_refused(client, table):
    client.force_login(UserFactory())
    assert client.get(reverse("compliance-dashboard-list", args=[table])).status_code == 403
    assert client.get(reverse("compliance-dashboard-create", args=[table])).status_code == 403


def test_staff_without_the_permission_are_refused(client):
    client.force_login(staff())
    assert client.get(reverse("compliance-dashboard-list", args=["duty-rates"])).status_code == 403


def test_anonymous_visitors_go_to_the_dashboard_login(client):
    response = client.get(reverse("compliance-dashboard-list", args=["destination-rules"]))
    assert response.status_code == 302
    assert response["Location"].startswith("/dashboard/login/")


def test_an_edit_is_recorded_in_the_history_with_who_when_and_what(client, editor):
    rule = DestinationRule.objects.create(
        **{**rule_data(), "valid_from": today(), "valid_to": None}
    )
    url = reverse("compliance-dashboard-edit", args=["destination-rules", rule.pk])
    client.post(url, rule_as_in_form(rule, valid_to="2030-06-30", standard_contains="ISO 17075"))
    (change,) = RuleChange.objects.filter(model="certificates.DestinationRule", object_id=rule.pk)
    assert change.action == RuleChange.Action.CHANGED
    assert change.user == editor and change.user_repr == "Nadia Curator"
    assert change.changes == {
        "standard_contains": ["", "ISO 17075"],
        "valid_to": ["", "2030-06-30"],
    }
    assert timezone.now() - change.created_at < datetime.timedelta(minutes=1)
    page = client.get(url).content.decode()
    assert "ISO 17075" in page and "Nadia Curator" in page


def test_a_creation_is_recorded_in_the_history(client, editor):
    client.post(reverse("compliance-dashboard-create", args=["destination-rules"]), rule_data())
    change = RuleChange.objects.get(model="certificates.DestinationRule")
    assert change.action == RuleChange.Action.CREATED
    assert change.changes["valid_from"] == [None, "2027-01-01"]


def test_a_rule_edited_in_the_dashboard_changes_what_the_product_page_says(client, editor):
    plate = ProductFactory(title_en="Painted plate", hs_code="6912")
    us = country_name("US", "en")
    client.cookies["country"] = "US"
    assert f"Does not ship to {us}" in client.get(plate.get_absolute_url()).content.decode()
    for rule in DestinationRule.objects.filter(destination="US", product_kind="ceramic_tableware"):
        url = reverse("compliance-dashboard-edit", args=["destination-rules", rule.pk])
        response = client.post(
            url, rule_as_in_form(rule, valid_to=(today() - datetime.timedelta(days=1)).isoformat())
        )
        assert response.status_code == 302
    client.cookies["country"] = "US"
    assert f"Ships to {us}" in client.get(plate.get_absolute_url()).content.decode()


def test_the_dashboard_menu_lists_the_rules_for_editors(client, editor):
    page = client.get(reverse("dashboard:index")).content.decode()
    assert reverse("compliance-dashboard-list", args=["destination-rules"]) in page
