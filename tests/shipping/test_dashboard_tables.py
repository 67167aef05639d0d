"""Dashboard pages editing carriers, services, zones and rate brackets."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from oscar.test.factories import UserFactory

from shipping.models import Rate, Service, Zone
from tests.factories.shipping import CarrierFactory, RateFactory, ServiceFactory, ZoneFactory

pytestmark = pytest.mark.django_db


def brackets_url(rate):
    return reverse("shipping-dashboard-rate-brackets", args=[rate.service.pk, rate.zone.pk])


def formset_data(rows, initial=0):
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(initial),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"form-{index}-{key}"] = value
    return data


def service_data(carrier, **changes):
    data = {
        "carrier": carrier.pk,
        "code": "test-parcel-service",
        "name": "Amana International",
        "volumetric_divisor": 5000,
        "transit_days_min": 5,
        "transit_days_max": 10,
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_tables_page_is_refused_to_a_logged_in_non_staff_user(client):
    client.force_login(UserFactory())
    assert client.get(reverse("shipping-dashboard-tables")).status_code == 403


def test_tables_page_is_refused_to_staff_without_the_shipping_permission(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("shipping-dashboard-tables")).status_code == 403


def test_anonymous_visitor_is_sent_to_the_dashboard_login(client):
    response = client.get(reverse("shipping-dashboard-tables"))
    assert response.status_code == 302
    assert response["Location"].startswith("/dashboard/login/")


def test_staff_with_the_change_permission_edits_a_carrier(client):
    carrier = CarrierFactory(name="Old")
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_carrier"))
    client.force_login(user)
    response = client.post(
        reverse("shipping-dashboard-carrier", args=[carrier.pk]),
        {
            "code": carrier.code,
            "name": "DHL",
            "tracking_url_template": "https://t.example/{number}",
        },
    )
    assert response.status_code == 302
    carrier.refresh_from_db()
    assert carrier.name == "DHL"


def test_tables_page_lists_carriers_services_and_zones(admin_client):
    service = ServiceFactory(name="EMS")
    ZoneFactory(carrier=service.carrier, name="Europe")
    html = admin_client.get(reverse("shipping-dashboard-tables")).content.decode()
    assert service.carrier.name in html and "EMS" in html and "Europe" in html


def test_dashboard_menu_links_to_the_tables_page(admin_client):
    html = admin_client.get("/dashboard/").content.decode()
    assert reverse("shipping-dashboard-tables") in html


def test_service_is_created_with_ddp_volumetric_and_transit_days(admin_client):
    carrier = CarrierFactory()
    data = service_data(carrier, ddp_available="on", bills_volumetric_weight="on")
    response = admin_client.post(reverse("shipping-dashboard-service-create"), data)
    assert response.status_code == 302
    service = Service.objects.get(code="test-parcel-service")
    assert service.ddp_available and service.bills_volumetric_weight
    assert (service.transit_days_min, service.transit_days_max) == (5, 10)


def test_staff_set_a_service_s_weight_size_and_value_limits(admin_client):
    data = service_data(
        CarrierFactory(), max_weight_kg="31.5", max_length_cm="١٥٠", max_value="50000"
    )
    response = admin_client.post(reverse("shipping-dashboard-service-create"), data)
    assert response.status_code == 302
    service = Service.objects.get(code="test-parcel-service")
    assert (service.max_weight_kg, service.max_length_cm, service.max_value) == (
        Decimal("31.5"),
        Decimal("150"),
        Decimal("50000"),
    )


def test_service_with_equal_transit_days_is_accepted(admin_client):
    data = service_data(CarrierFactory(), transit_days_min=7, transit_days_max=7)
    response = admin_client.post(reverse("shipping-dashboard-service-create"), data)
    assert response.status_code == 302


def test_service_whose_longest_transit_is_shorter_is_refused(admin_client):
    data = service_data(CarrierFactory(), transit_days_min=7, transit_days_max=6)
    response = admin_client.post(reverse("shipping-dashboard-service-create"), data)
    assert response.status_code == 200
    assert "cannot be shorter" in response.content.decode()
    assert not Service.objects.filter(code="test-parcel-service").exists()


def test_zone_countries_are_normalised(admin_client):
    carrier = CarrierFactory()
    data = {"carrier": carrier.pk, "code": "eu", "name": "EU", "countries": "fr; de,be"}
    response = admin_client.post(reverse("shipping-dashboard-zone-create"), data)
    assert response.status_code == 302
    assert Zone.objects.get(code="eu").countries == "BE,DE,FR"


def test_zone_with_a_code_that_is_not_a_country_is_refused(admin_client):
    carrier = CarrierFactory()
    data = {"carrier": carrier.pk, "code": "eu", "name": "EU", "countries": "FR, FRA"}
    response = admin_client.post(reverse("shipping-dashboard-zone-create"), data)
    assert response.status_code == 200
    assert "FRA" in response.content.decode()
    assert not Zone.objects.filter(code="eu").exists()


def test_rate_brackets_are_edited_and_added(admin_client):
    rate = RateFactory(max_weight_kg=Decimal("1"), price=Decimal("100"))
    data = formset_data(
        [
            {"id": rate.pk, "max_weight_kg": "1", "price": "120"},
            {"max_weight_kg": "2", "price": "180"},
        ],
        initial=1,
    )
    response = admin_client.post(brackets_url(rate), data)
    assert response.status_code == 302
    rates = Rate.objects.filter(service=rate.service, zone=rate.zone)
    assert [(r.max_weight_kg, r.price) for r in rates] == [
        (Decimal("1.000"), Decimal("120.00")),
        (Decimal("2.000"), Decimal("180.00")),
    ]


def test_overlapping_bracket_is_refused(admin_client):
    rate = RateFactory(max_weight_kg=Decimal("1"))
    data = formset_data(
        [
            {"id": rate.pk, "max_weight_kg": "1", "price": "100"},
            {"max_weight_kg": "1.000", "price": "90"},
        ],
        initial=1,
    )
    response = admin_client.post(brackets_url(rate), data)
    assert response.status_code == 200
    assert "must not overlap" in response.content.decode()
    assert Rate.objects.filter(service=rate.service).count() == 1


def test_zero_weight_bracket_is_refused(admin_client):
    rate = RateFactory()
    data = formset_data([{"max_weight_kg": "0", "price": "10"}])
    response = admin_client.post(brackets_url(rate), data)
    assert "greater than 0 kg" in response.content.decode()
    assert Rate.objects.filter(service=rate.service).count() == 1


def test_free_bracket_is_accepted_and_negative_price_refused(admin_client):
    rate = RateFactory()
    free = admin_client.post(
        brackets_url(rate), formset_data([{"max_weight_kg": "5", "price": "0"}])
    )
    assert free.status_code == 302
    negative = formset_data([{"max_weight_kg": "9", "price": "-0.01"}])
    response = admin_client.post(brackets_url(rate), negative)
    assert "cannot be negative" in response.content.decode()
    assert not Rate.objects.filter(service=rate.service, max_weight_kg=9).exists()


def test_rates_page_refuses_a_zone_of_another_carrier(admin_client):
    service = ServiceFactory()
    other_zone = ZoneFactory()
    url = reverse("shipping-dashboard-rate-brackets", args=[service.pk, other_zone.pk])
    assert admin_client.get(url, follow=True).status_code == 404


def test_rates_page_is_refused_to_non_staff(client):
    rate = RateFactory()
    client.force_login(UserFactory())
    assert client.get(brackets_url(rate)).status_code == 403


def test_tables_page_query_count_does_not_grow_with_carriers(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            admin_client.get(reverse("shipping-dashboard-tables"))
        return len(queries)

    ServiceFactory()
    before = count()
    for _ in range(3):
        ZoneFactory(carrier=ServiceFactory().carrier)
    assert count() == before


def test_a_deleted_bracket_can_be_replaced_at_the_same_weight(admin_client):
    rate = RateFactory(max_weight_kg=Decimal("1"), price=Decimal("100"))
    data = formset_data(
        [
            {"id": rate.pk, "max_weight_kg": "1", "price": "100", "DELETE": "on"},
            {"max_weight_kg": "1", "price": "95"},
        ],
        initial=1,
    )
    assert admin_client.post(brackets_url(rate), data).status_code == 302
    assert Rate.objects.get(service=rate.service, zone=rate.zone).price == Decimal("95.00")
