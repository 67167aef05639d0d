"""The application in steps (issue 16): the kind first, then only that branch's fields, each
step saved on the server, errors listed at the top with links to their fields."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from sellers.apply.forms import ARTISAN_FIELDS, COOPERATIVE_FIELDS, ApplicationForm
from sellers.apply.steps import STEPS
from tests.factories.sellers import VALID_ICE, application_data, apply_in_steps
from tests.factories.uploads import pdf_upload
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
ApplicationProgress = get_model("partner", "ApplicationProgress")
ApplicationDraft = get_model("partner", "ApplicationDraft")

WHO = ("name_latin", "name_arabic", "legal_name", "contact_phone", "contact_email")


@pytest.fixture
def applicant(client):
    user = UserFactory()
    client.force_login(user)
    client.user = user
    return client


def url(step, language="en"):
    with translation.override(language):
        return reverse("sell:apply-step", kwargs={"step": step})


def only(data, *names):
    return {name: data[name] for name in names if name in data}


def cooperative_data(region, craft, **overrides):
    values = {
        "kind": "cooperative",
        "odco_number": "ODCO-2011/456",
        "ice": VALID_ICE,
        "members_count": "12",
        "statutes": pdf_upload("statuts.pdf"),
        "card_scan": None,
        **overrides,
    }
    return application_data(region, craft, **values)


def input_names(html):
    return set(re.findall(r'<(?:input|select|textarea)[^>]* name="(\w+)"', html))


@pytest.mark.parametrize("kind", ["artisan", "master_artisan", "cooperative", "enterprise"])
def test_every_application_field_is_asked_on_exactly_one_step(kind):
    form = ApplicationForm(kind=kind)
    asked = [name for step in STEPS for name in step.fields(kind)]
    assert sorted(asked) == sorted(form.fields)


def test_an_anonymous_visitor_is_sent_to_log_in_from_any_step(client):
    response = client.get(url("who"))
    assert response.status_code == 302 and reverse("customer:login") in response["Location"]


def test_an_unknown_step_is_404(applicant):
    assert applicant.get(url("kind").replace("kind", "nowhere")).status_code == 404


def test_a_new_applicant_starts_with_the_choice_of_kind(applicant):
    response = applicant.get(reverse("sell:apply"))
    assert response["Location"] == url("kind")
    body = applicant.get(url("kind")).content.decode()
    assert 'type="radio" name="kind"' in body and "checked" not in body


def test_a_later_step_before_the_kind_is_chosen_sends_back_to_the_first(applicant):
    assert applicant.get(url("papers"))["Location"] == url("kind")


def test_the_progress_indicator_says_which_step_of_how_many(applicant):
    applicant.post(url("kind"), {"kind": "artisan"})
    body = applicant.get(url("who", "fr")).content.decode()
    assert "Étape 2 sur 6" in body
    current = re.search(r'<li aria-current="step">(.*?)</li>', body, re.S).group(1)
    assert "Qui vous êtes" in current


@pytest.mark.parametrize(
    ("kind", "hidden"),
    [("artisan", COOPERATIVE_FIELDS), ("cooperative", ARTISAN_FIELDS)],
)
def test_an_applicant_never_sees_the_other_branchs_fields(applicant, kind, hidden):
    applicant.post(url("kind"), {"kind": kind})
    seen = set()
    for step in STEPS:
        seen |= input_names(applicant.get(url(step.slug)).content.decode())
    assert not seen & set(hidden)
    review = applicant.get(url("review")).content.decode()
    assert not [name for name in hidden if f"#id_{name}" in review]


def test_the_papers_step_asks_a_cooperative_for_its_registration(applicant):
    applicant.post(url("kind"), {"kind": "cooperative"})
    names = input_names(applicant.get(url("papers")).content.decode())
    assert set(COOPERATIVE_FIELDS) <= names


def test_next_saves_the_step_and_moves_on(applicant, region, craft):
    applicant.post(url("kind"), {"kind": "artisan"})
    data = application_data(region, craft)
    response = applicant.post(url("who"), only(data, *WHO, "preferred_language"))
    assert response["Location"] == url("workshop")
    progress = ApplicationProgress.objects.get(user=applicant.user)
    assert progress.values["name_latin"] == "Atelier Amina"
    assert progress.step == "workshop"


def test_a_returning_applicant_resumes_where_she_left_with_what_she_typed(applicant, region, craft):
    applicant.post(url("kind"), {"kind": "artisan"})
    data = application_data(region, craft)
    applicant.post(url("who"), only(data, *WHO, "preferred_language"))
    later = Client()  # another day, another phone
    later.force_login(applicant.user)
    assert later.get(reverse("sell:apply"))["Location"] == url("workshop")
    body = later.get(url("who")).content.decode()
    assert 'value="Atelier Amina"' in body and 'value="محترف أمينة"' in body


def test_back_keeps_what_was_typed_even_when_it_is_not_right_yet(applicant):
    applicant.post(url("kind"), {"kind": "artisan"})
    response = applicant.post(url("who"), {"name_latin": "Atelier Amina", "contact_phone": "12"})
    assert response.status_code == 200  # the phone is wrong: "next" stays
    response = applicant.post(
        url("who"), {"name_latin": "Atelier Amina", "contact_phone": "12", "back": "1"}
    )
    assert response["Location"] == url("kind")
    body = applicant.get(url("who")).content.decode()
    assert 'value="Atelier Amina"' in body and 'value="12"' in body


def test_errors_are_listed_at_the_top_with_links_to_their_fields(applicant):
    applicant.post(url("kind"), {"kind": "artisan"})
    body = applicant.post(url("who"), {"name_latin": "Atelier", "contact_phone": "12"}).content
    body = body.decode()
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', body, re.S).group(0)
    assert body.index("error-summary") < body.index('name="name_latin"')
    assert '<a href="#id_contact_phone">' in summary
    field = re.search(r'<input[^>]*name="contact_phone"[^>]*>', body).group(0)
    assert 'aria-invalid="true"' in field
    assert "id_contact_phone_error" in field
    assert 'id="id_contact_phone_error"' in body
    assert "aria-invalid" not in re.search(r'<input[^>]*name="name_latin"[^>]*>', body).group(0)


def test_the_error_summary_links_a_choice_to_its_group(applicant):
    body = applicant.post(url("kind"), {}).content.decode()
    assert '<a href="#id_kind">' in body and 'id="id_kind"' in body


def test_the_review_links_each_error_to_the_step_that_asks_for_it(applicant, region, craft):
    data = application_data(region, craft, nia="")
    response = apply_in_steps(applicant, data)
    assert "nia" in response.context["form"].errors
    response = applicant.post(url("review"))
    body = response.content.decode()
    assert response.status_code == 200 and not Partner.objects.exists()
    assert f'<a href="{url("papers")}#id_nia">' in body


def test_the_review_shows_the_values_as_they_will_be_saved(applicant, region, craft):
    arabic_ice = VALID_ICE.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    data = cooperative_data(region, craft, ice=arabic_ice, rib="0115 1900 0001 2050 0053 4921")
    for step in STEPS[:-1]:
        applicant.post(url(step.slug), only(data, *step.fields("cooperative")))
    body = applicant.get(url("review")).content.decode()
    assert VALID_ICE in body and "011519000001205000534921" in body
    assert "statuts.pdf" in body and "error-summary" not in body


def test_sending_from_the_review_creates_the_application_and_forgets_the_progress(
    applicant, region, craft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply_in_steps(applicant, cooperative_data(region, craft))
    seller = Partner.objects.get()
    assert response["Location"] == reverse("sell:status", kwargs={"pk": seller.pk})
    assert seller.is_cooperative and seller.ice == VALID_ICE and seller.statutes
    assert not seller.nia and not seller.card_scan
    assert not ApplicationProgress.objects.exists() and not ApplicationDraft.objects.exists()


def test_choosing_the_other_branch_forgets_the_first_branchs_answers(applicant, region, craft):
    data = application_data(region, craft)
    applicant.post(url("kind"), {"kind": "artisan"})
    applicant.post(url("papers"), only(data, *ARTISAN_FIELDS))
    assert ApplicationDraft.objects.count() == 1
    applicant.post(url("kind"), {"kind": "cooperative"})
    progress = ApplicationProgress.objects.get()
    assert not set(progress.values) & set(ARTISAN_FIELDS) and progress.files == {}
    assert not ApplicationDraft.objects.exists()


def test_a_kept_file_is_named_on_its_step_and_need_not_be_chosen_again(applicant, region, craft):
    data = application_data(region, craft, nia="")
    applicant.post(url("kind"), {"kind": "artisan"})
    applicant.post(url("papers"), only(data, *ARTISAN_FIELDS))
    body = applicant.get(url("papers")).content.decode()
    assert "Received: card.pdf" in body
    response = applicant.post(url("papers"), {**only(data, *ARTISAN_FIELDS[:-1]), "nia": "NIA1"})
    assert response["Location"] == url("bank")


def test_file_inputs_are_buttons_that_open_the_camera_or_the_files(applicant):
    applicant.post(url("kind"), {"kind": "cooperative"})
    body = applicant.get(url("papers")).content.decode()
    choose = re.search(r'<label class="file-button"><input[^>]*id="id_statutes"[^>]*>', body)
    camera = re.search(r'<label class="file-button"><input[^>]*id="id_statutes_camera"[^>]*>', body)
    assert choose and 'accept="image/*,application/pdf"' in choose.group(0)
    assert camera and 'capture="environment"' in camera.group(0)


def test_the_steps_load_their_script_from_a_static_file_only(applicant):
    applicant.post(url("kind"), {"kind": "artisan"})
    body = applicant.get(url("who")).content.decode()
    assert re.search(r'<script src="[^"]*themes/js/application\.js" defer>', body)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)


@pytest.mark.parametrize("kind", ["artisan", "cooperative"])
def test_the_curator_sees_every_answer_of_an_application_sent_in_steps(
    applicant, region, craft, kind
):
    from tests.factories.uploads import image_upload
    from tests.factories.users import curator

    data = application_data(region, craft, photo=image_upload())
    if kind == "cooperative":
        data = cooperative_data(region, craft, photo=image_upload())
    assert apply_in_steps(applicant, data).status_code == 302
    seller = Partner.objects.get()
    reviewer = Client()
    reviewer.force_login(curator())
    body = reviewer.get(reverse("curation:review", kwargs={"pk": seller.pk})).content.decode()
    expected = [
        "Atelier Amina", "محترف أمينة", "Amina Alaoui", region.name, "Marrakech", "Rugs",
        "+212612345678", "amina@example.com", "French", "Arabic", "Weaving since 2004.",
        "CIH Bank", "011519000001205000534921", seller.photo.url,
    ]  # fmt: skip
    if kind == "cooperative":
        expected += ["ODCO-2011/456", VALID_ICE, "<dd>12</dd>", "Statutes of the cooperative"]
    else:
        expected += ["NIA0001234", "CP-445566", "Scan of the professional card"]
    assert [text for text in expected if text not in body] == []


def test_sending_twice_creates_one_application(applicant, region, craft):
    assert apply_in_steps(applicant, application_data(region, craft)).status_code == 302
    assert applicant.post(url("review"))["Location"] == url("kind")
    assert Partner.objects.count() == 1
