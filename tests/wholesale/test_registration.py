"""A business registers through the page (persisted, errors in the user's language) and staff
review it: pending -> verified or refused, with who, when and why recorded."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.users import UserFactory
from tests.factories.wholesale import CompanyFactory
from wholesale.models import Company, CompanyReview

pytestmark = pytest.mark.django_db
OTHER_FR_VAT = "FR44732829320"  # SIREN 732829320 with its key


def registration(**overrides):
    data = {
        "name": "Maison Oberkampf",
        "country": "FR",
        "number_scheme": "eu_vat",
        "number": "FR 40 303 265 045",
        "role": "Owner",
        "phone": "+33 1 42 00 00 00",
        "location_name": "Boutique",
        "line1": "12 rue Oberkampf",
        "postcode": "75011",
        "city": "Paris",
        "location_country": "FR",
        "has_loading_dock": "",
    }
    data.update(overrides)
    return data


def register_url(language="en"):
    with translation.override(language):
        return reverse("wholesale:register")


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(register_url())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_business_registers_and_waits_for_review(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(register_url(), registration())
    assert response.status_code == 302
    company = Company.objects.get()
    assert (company.name, company.number, company.status) == (
        "Maison Oberkampf",
        "FR40303265045",
        Company.PENDING,
    )
    assert company.contacts.get().user == user
    location = company.locations.get()
    assert (location.city, location.postcode, location.country) == ("Paris", "75011", "FR")
    status = client.get(response["Location"])
    assert "Waiting for review" in status.content.decode()


def test_a_wrong_check_digit_is_refused_in_french(client):
    client.force_login(UserFactory())
    response = client.post(register_url("fr"), registration(number="FR40303265046"))
    assert response.status_code == 200
    assert "chiffres de contrôle" in response.content.decode()
    assert not Company.objects.exists()


def test_a_number_of_another_kind_for_the_country_is_refused_in_spanish(client):
    client.force_login(UserFactory())
    response = client.post(
        register_url("es"), registration(number_scheme="us_ein", number="04-2103594")
    )
    assert response.status_code == 200
    assert "otro tipo de número" in response.content.decode()
    assert not Company.objects.exists()


def test_a_number_registered_already_is_refused(client):
    CompanyFactory(number="FR40303265045")
    client.force_login(UserFactory())
    response = client.post(register_url(), registration())
    assert response.status_code == 200
    assert Company.objects.count() == 1


def test_a_member_of_a_company_is_not_asked_to_register_again(client):
    client.force_login(UserFactory())
    client.post(register_url(), registration())
    response = client.get(register_url())
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("wholesale:company"))


def staff():
    return UserFactory(is_staff=True)


def test_the_review_pages_are_for_staff_only(client):
    company = CompanyFactory(status=Company.PENDING)
    client.force_login(UserFactory())
    for url in (
        reverse("wholesale-dashboard-queue"),
        reverse("wholesale-dashboard-review", args=[company.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    client.post(reverse("wholesale-dashboard-review", args=[company.pk]), {"decision": "verified"})
    company.refresh_from_db()
    assert company.status == Company.PENDING


def test_staff_see_pending_companies_in_the_queue(client):
    CompanyFactory(name="Maison Pending", status=Company.PENDING)
    CompanyFactory(name="Maison Done", status=Company.VERIFIED)
    client.force_login(staff())
    page = client.get(reverse("wholesale-dashboard-queue")).content.decode()
    assert "Maison Pending" in page and "Maison Done" not in page


def test_staff_verify_a_company_and_who_and_when_are_recorded(client):
    company = CompanyFactory(status=Company.PENDING)
    reviewer = staff()
    client.force_login(reviewer)
    url = reverse("wholesale-dashboard-review", args=[company.pk])
    client.post(url, {"decision": "verified", "reason": "VIES confirms the name"})
    company.refresh_from_db()
    assert company.status == Company.VERIFIED
    assert company.reviewed_by == reviewer and company.reviewed_at is not None
    review = CompanyReview.objects.get()
    assert (review.decision, review.reviewer, review.reason) == (
        "verified",
        reviewer,
        "VIES confirms the name",
    )


def test_refusing_needs_a_reason(client):
    company = CompanyFactory(status=Company.PENDING)
    client.force_login(staff())
    url = reverse("wholesale-dashboard-review", args=[company.pk])
    response = client.post(url, {"decision": "refused", "reason": " "})
    assert response.status_code == 200
    company.refresh_from_db()
    assert company.status == Company.PENDING


def test_a_refused_company_sees_why(client):
    member = UserFactory()
    client.force_login(member)
    client.post(register_url(), registration())
    company = Company.objects.get()
    client.force_login(staff())
    url = reverse("wholesale-dashboard-review", args=[company.pk])
    client.post(url, {"decision": "refused", "reason": "The company is closed."})
    client.force_login(member)
    page = client.get(reverse("wholesale:company")).content.decode()
    assert "Refused" in page and "The company is closed." in page


def test_a_company_is_reviewed_once(client):
    company = CompanyFactory(status=Company.PENDING)
    client.force_login(staff())
    url = reverse("wholesale-dashboard-review", args=[company.pk])
    client.post(url, {"decision": "verified"})
    client.post(url, {"decision": "refused", "reason": "second thoughts in another tab"})
    company.refresh_from_db()
    assert company.status == Company.VERIFIED
    assert CompanyReview.objects.count() == 1


def test_arabic_digits_typed_on_an_arabic_keyboard_are_read(client):
    client.force_login(UserFactory())
    client.post(register_url("ar"), registration(number="٤٠ ٣٠٣ ٢٦٥ ٠٤٥"))
    assert Company.objects.get().number == "FR40303265045"


def test_a_wrong_check_digit_is_refused_in_arabic(client):
    client.force_login(UserFactory())
    response = client.post(register_url("ar"), registration(number="FR40303265046"))
    assert "أرقام التحقق في هذا الرقم خاطئة" in response.content.decode()


def test_two_submissions_at_once_register_one_company(client, monkeypatch):
    """Both requests pass the "has no company yet" check before either saves (the race of a
    double click): the second meets the database's constraint and lands on the company page."""
    from wholesale import views

    monkeypatch.setattr(views, "company_of", lambda user: None)
    client.force_login(UserFactory())
    client.post(register_url(), registration())
    monkeypatch.undo()
    monkeypatch.setattr(views.RegisterView, "dispatch", views.BuyerMixin.dispatch)
    response = client.post(register_url(), registration(number=OTHER_FR_VAT))
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("wholesale:company"))
    assert Company.objects.count() == 1


def test_the_same_number_sent_by_two_users_at_once_registers_one_company(client, monkeypatch):
    from wholesale import forms

    client.force_login(UserFactory())
    client.post(register_url(), registration())
    monkeypatch.setattr(forms.Company.objects, "filter", lambda **kw: Company.objects.none())
    client.force_login(UserFactory())
    response = client.post(register_url(), registration())
    assert response.status_code == 200
    assert "A company with this number is registered" in response.content.decode()
    assert Company.objects.count() == 1
