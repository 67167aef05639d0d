"""Rate tables from CSV: per-row errors, all or nothing, from the command and the dashboard."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from shipping.models import Rate, Zone

pytestmark = pytest.mark.django_db
HEADER = "service,zone,countries,max_weight_kg,price_mad\n"


def test_command_updates_a_bracket_and_adds_one(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(HEADER + "ems,europe,,0.5,270\nems,europe,,40,3300\n")
    call_command("import_shipping_rates", str(path))
    ems = Rate.objects.filter(service__code="ems", zone__code="europe")
    assert ems.get(max_weight_kg=Decimal("0.5")).price == Decimal("270")
    assert ems.get(max_weight_kg=Decimal("40")).price == Decimal("3300")


def test_new_zone_is_created_with_its_countries(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(HEADER + 'dhl-express,gulf,"AE, qa",1,800\n')
    call_command("import_shipping_rates", str(path))
    assert Zone.objects.get(code="gulf", carrier__code="dhl").countries == "AE,QA"


def test_any_bad_row_imports_nothing_and_names_each_row(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(
        HEADER + "ems,europe,,0.5,1\nnope,europe,,1,2\nems,europe,,0,5\nems,europe,,2,-1\n"
    )
    with pytest.raises(CommandError) as failure:
        call_command("import_shipping_rates", str(path))
    message = str(failure.value)
    assert "Row 3" in message and "Row 4" in message and "Row 5" in message
    assert "Row 2" not in message
    assert Rate.objects.get(
        service__code="ems", zone__code="europe", max_weight_kg="0.5"
    ).price == (Decimal("260"))


def test_new_zone_without_countries_is_an_error(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(HEADER + "ems,europe,,0.5,1\nems,mars,,1,2\n")
    with pytest.raises(CommandError, match="Row 3"):
        call_command("import_shipping_rates", str(path))
    assert Rate.objects.get(
        service__code="ems", zone__code="europe", max_weight_kg="0.5"
    ).price == (Decimal("260"))


def test_missing_columns_are_reported(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("service,zone\nems,europe\n")
    with pytest.raises(CommandError, match="max_weight_kg"):
        call_command("import_shipping_rates", str(path))


def test_dashboard_upload_imports_for_staff(admin_client):
    upload = SimpleUploadedFile("rates.csv", (HEADER + "ems,europe,,0.5,275\n").encode())
    response = admin_client.post(reverse("shipping-dashboard-rates"), {"file": upload})
    assert response.status_code == 302
    assert Rate.objects.get(
        service__code="ems", zone__code="europe", max_weight_kg="0.5"
    ).price == (Decimal("275"))


def test_dashboard_upload_shows_row_errors(admin_client):
    upload = SimpleUploadedFile("rates.csv", (HEADER + "ems,europe,,abc,275\n").encode())
    response = admin_client.post(reverse("shipping-dashboard-rates"), {"file": upload})
    assert "Row 2" in response.content.decode()


def test_dashboard_upload_is_closed_to_non_staff(client):
    from oscar.test.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get(reverse("shipping-dashboard-rates"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_dashboard_menu_links_to_the_rates_page(admin_client):
    html = admin_client.get("/dashboard/").content.decode()
    assert reverse("shipping-dashboard-rates") in html
