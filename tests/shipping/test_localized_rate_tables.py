"""The shipping tables' numbers typed on a French or Arabic keyboard are stored as meant."""

from decimal import Decimal

import pytest
from django.urls import reverse

from shipping.models import Rate, Service
from tests.factories.shipping import CarrierFactory, RateFactory
from tests.shipping.test_dashboard_tables import formset_data, service_data

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "ar", "en"]
TYPINGS = ["4,2", "٤٫٢", "4.2"]


def brackets_url(rate):
    return reverse("shipping-dashboard-rate-brackets", args=[rate.service.pk, rate.zone.pk])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", TYPINGS)
@pytest.mark.parametrize("field", ["max_weight_kg", "price"])
def test_a_bracket_number_typed_in_any_script_is_stored_as_meant(
    admin_client, language, typed, field
):
    rate = RateFactory(max_weight_kg=Decimal("1"), price=Decimal("100"))
    row = {"id": rate.pk, "max_weight_kg": "1", "price": "100", field: typed}
    response = admin_client.post(
        brackets_url(rate), formset_data([row], initial=1), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 302
    assert getattr(Rate.objects.get(pk=rate.pk), field) == Decimal("4.2")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", ["12", "١٢", "۱۲"])
@pytest.mark.parametrize("field", ["volumetric_divisor", "transit_days_min", "transit_days_max"])
def test_a_service_number_typed_in_any_digits_is_stored(admin_client, language, typed, field):
    data = {**service_data(CarrierFactory(), transit_days_min="12", transit_days_max="12")}
    data[field] = typed
    response = admin_client.post(
        reverse("shipping-dashboard-service-create"), data, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 302
    assert getattr(Service.objects.get(code="test-parcel-service"), field) == 12


def test_a_french_bracket_weight_is_shown_with_a_decimal_comma_and_its_unit(admin_client):
    rate = RateFactory(max_weight_kg=Decimal("2.5"), price=Decimal("100"))
    html = admin_client.get(brackets_url(rate), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    weight = html[html.index('name="form-0-max_weight_kg"') :][:300]
    assert 'value="2,5"' in weight and 'class="input-unit"' in weight
    assert 'type="number"' not in html
