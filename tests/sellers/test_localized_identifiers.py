"""Identifiers and numbers of the application typed on an Arabic or French keyboard.

Issue 16: Arabic-Indic digits made a valid ICE fail with a "15 digits" message, the RIB field
stored them unconverted, and ``maxlength=24`` cut a RIB typed with the spaces its hint allows.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from sellers.apply.steps import STEPS
from tests.factories.sellers import REAL_RIB, VALID_ICE, application_data, apply_in_steps
from tests.factories.uploads import pdf_upload
from tests.factories.users import UserFactory

Partner = get_model("partner", "Partner")

ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
EASTERN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
LANGUAGES = ["fr", "ar", "en"]


def spaced(digits, group=4):
    return " ".join(digits[i : i + group] for i in range(0, len(digits), group))


RIB_TYPINGS = [
    REAL_RIB,
    spaced(REAL_RIB),
    REAL_RIB.translate(ARABIC),
    spaced(REAL_RIB).translate(ARABIC),
    spaced(REAL_RIB, 3).translate(EASTERN),
]
ICE_TYPINGS = [
    VALID_ICE,
    VALID_ICE.translate(ARABIC),
    spaced(VALID_ICE, 3).translate(ARABIC),
    VALID_ICE.translate(EASTERN),
]


@pytest.fixture
def applicant(client, db):
    client.force_login(UserFactory())
    return client


def step_url(language, step):
    with translation.override(language):
        return reverse("sell:apply-step", kwargs={"step": step})


def step_page(client, language, step, kind="cooperative"):
    client.post(step_url(language, "kind"), {"kind": kind})
    return client.get(step_url(language, step)).content.decode()


def cooperative(region, craft, **overrides):
    values = {
        "kind": "cooperative",
        "nia": "",
        "card_number": "",
        "card_issued_on": "",
        "card_expires_on": "",
        "card_scan": None,
        "odco_number": "ODCO-2011/456",
        "ice": VALID_ICE,
        "members_count": "12",
        "statutes": pdf_upload("statuts.pdf"),
        **overrides,
    }
    return application_data(region, craft, **values)


def submit(client, language, data):
    response = apply_in_steps(client, data, language)
    assert response.status_code == 302, response.context["form"].errors
    return Partner.objects.get()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", RIB_TYPINGS)
def test_a_rib_typed_with_any_digits_and_spaces_is_stored_as_24_western_digits(
    applicant, region, craft, language, typed
):
    seller = submit(applicant, language, application_data(region, craft, rib=typed))
    assert seller.rib == REAL_RIB


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", ICE_TYPINGS)
def test_an_ice_typed_in_arabic_digits_is_accepted_and_stored_in_western_digits(
    applicant, region, craft, language, typed
):
    seller = submit(applicant, language, cooperative(region, craft, ice=typed))
    assert seller.ice == VALID_ICE


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", ["12", "١٢", "۱۲"])
def test_the_number_of_members_typed_in_any_digits_is_stored(
    applicant, region, craft, language, typed
):
    seller = submit(applicant, language, cooperative(region, craft, members_count=typed))
    assert seller.members_count == 12


@pytest.mark.django_db
def test_a_fractional_number_of_members_is_refused_not_misread(applicant, region, craft):
    response = apply_in_steps(applicant, cooperative(region, craft, members_count="12,5"), "fr")
    assert "members_count" in response.context["form"].errors
    assert not Partner.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_register_and_card_numbers_typed_in_arabic_digits_are_stored_in_western_digits(
    applicant, region, craft, language
):
    data = application_data(
        region, craft, nia="nia ٠٠٠١٢٣٤", card_number="cp-٤٤٥٥٦٦".translate(EASTERN)
    )
    seller = submit(applicant, language, data)
    assert (seller.nia, seller.card_number) == ("NIA0001234", "CP-445566")


@pytest.mark.django_db
def test_an_odco_number_typed_in_arabic_digits_is_stored_in_western_digits(
    applicant, region, craft
):
    seller = submit(applicant, "ar", cooperative(region, craft, odco_number="ODCO-٢٠١١/٤٥٦"))
    assert seller.odco_number == "ODCO-2011/456"


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["٠٦١٢٣٤٥٦٧٨", "06 12 34 56 78", "+٢١٢ ٦١٢ ٣٤٥ ٦٧٨"])
def test_a_phone_typed_with_arabic_digits_is_stored_as_the_number(applicant, region, craft, typed):
    seller = submit(applicant, "ar", application_data(region, craft, contact_phone=typed))
    assert str(seller.contact_phone) == "+212612345678"


@pytest.mark.django_db
def test_the_rib_input_does_not_cut_a_rib_typed_with_spaces(applicant):
    html = step_page(applicant, "fr", "bank")
    rib = html[html.index('name="rib"') :]
    rib = rib[: rib.index(">")]
    assert "maxlength" not in rib
    assert 'inputmode="numeric"' in rib


@pytest.mark.django_db
def test_no_application_input_is_a_browser_number_input(applicant):
    pages = [step_page(applicant, "ar", step.slug) for step in STEPS]
    assert not [page for page in pages if 'type="number"' in page]
    html = step_page(applicant, "ar", "papers")
    members = html[html.index('name="members_count"') :]
    assert 'inputmode="numeric"' in members[: members.index(">")]
