"""A women's weaving cooperative applies on a 390 px phone, in Arabic and in French (issue 16):
every step fits the screen, its targets are thumb-sized, the error summary's links put the
cursor in the field, and what she typed on an Arabic keyboard is stored as ASCII digits."""

import os

import pytest
from django.conf import settings
from django.test import Client
from oscar.core.loading import get_model

from tests.factories.sellers import REAL_RIB, VALID_ICE
from tests.factories.uploads import PDF_BYTES
from tests.factories.users import UserFactory
from tests.support.browser import BROWSER, CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.support.csp_watch import assert_no_csp_violation, watch_csp

Partner = get_model("partner", "Partner")

pytestmark = BROWSER

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
SPACED_RIB = " ".join(REAL_RIB[i : i + 4] for i in range(0, len(REAL_RIB), 4))
TARGETS = ".choices label, .step-actions .button, .file-button, .error-summary a"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("language", "rib"), [("ar", SPACED_RIB.translate(ARABIC_DIGITS)), ("fr", SPACED_RIB)]
)
def test_a_cooperative_applies_step_by_step_on_a_phone(live_server, region, craft, language, rib):
    user = UserFactory(email="tilila@example.com")
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    typed = {
        "region": str(region.pk),
        "craft": str(craft.pk),
        "phone": "٠٦١٢٣٤٥٦٧٨",
        "ice": VALID_ICE.translate(ARABIC_DIGITS),
        "members": "١٢",
        "rib": rib,
    }

    seen = _apply(f"{live_server.url}/{language}/sell/apply/", session, typed)

    too_wide = {step: width for step, width in seen["widths"].items() if width > PHONE["width"]}
    assert not too_wide, too_wide
    assert list(seen["widths"]) == ["kind", "who", "workshop", "papers", "bank", "review"]
    small = {step: height for step, height in seen["smallest_target"].items() if height < 44}
    assert not small, small
    assert seen["focused_after_error_link"] == "id_contact_phone"
    assert seen["summary_focused_on_load"]
    assert seen["kept_after_back"] == typed["ice"]
    assert_no_csp_violation(seen["csp"])
    seller = Partner.objects.get()
    assert seller.kind == "cooperative" and list(seller.users.all()) == [user]
    assert seller.ice == VALID_ICE and seller.rib == REAL_RIB
    assert str(seller.contact_phone) == "+212612345678" and seller.members_count == 12
    assert seller.name_arabic == "تعاونية تيليلا" and seller.name_latin == "Cooperative Tilila"
    assert seller.statutes and seller.odco_number == "ODCO-2011/456"
    assert seller.preferred_language == language


def _apply(url, session, typed):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    seen = {"widths": {}, "smallest_target": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=PHONE, has_touch=True)
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": url}])
        seen["csp"] = watch_csp(context)
        page = context.new_page()
        assert page.goto(url).status == 200

        def measure(step):
            assert f"/apply/{step}/" in page.url, page.url
            page.wait_for_load_state("load")
            seen["widths"][step] = page.evaluate("document.documentElement.scrollWidth")
            seen["smallest_target"][step] = page.evaluate(
                f"""Math.min(...[...document.querySelectorAll({TARGETS!r})]
                    .map((el) => el.getBoundingClientRect().height))"""
            )
            if screens := os.environ.get("PHONE_WIDTH_SCREENS"):  # to look at, on demand
                name = f"{screens}/apply-{step}-{url.split('/')[3]}.png"
                page.screenshot(path=name, full_page=True)

        def next_step():
            with page.expect_navigation():
                page.click(".step-actions button:not([name=back])")

        measure("kind")
        page.click("label:has(input[name=kind][value=cooperative])")
        next_step()

        measure("who")
        page.fill("#id_name_latin", "Cooperative Tilila")
        page.fill("#id_name_arabic", "تعاونية تيليلا")
        page.fill("#id_legal_name", "Cooperative Tilila SCOOP")
        next_step()  # no phone yet: the step comes back with its error summary
        seen["summary_focused_on_load"] = page.evaluate(
            "document.activeElement.classList.contains('error-summary')"
        )
        page.click(".error-summary a[href='#id_contact_phone']")
        seen["focused_after_error_link"] = page.evaluate("document.activeElement.id")
        page.keyboard.type(typed["phone"])
        page.click("label:has(input[name=languages_spoken][value=ar])")
        page.click("label:has(input[name=languages_spoken][value=fr])")
        next_step()

        measure("workshop")
        page.select_option("#id_region", typed["region"])
        page.fill("#id_city", "Ouarzazate")
        page.click(f"label:has(input[name=craft_branches][value='{typed['craft']}'])")
        page.fill("#id_story", "Nous tissons des tapis depuis 2009.")
        next_step()

        measure("papers")
        page.fill("#id_odco_number", "ODCO-2011/456")
        page.fill("#id_ice", typed["ice"])
        page.fill("#id_members_count", typed["members"])
        page.set_input_files(
            "#id_statutes",
            {"name": "statuts.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES},
        )
        next_step()

        measure("bank")
        page.fill("#id_bank_name", "Crédit Agricole du Maroc")
        page.fill("#id_rib", typed["rib"])
        with page.expect_navigation():
            page.click(".step-actions button[name=back]")
        seen["kept_after_back"] = page.input_value("#id_ice")
        next_step()
        assert page.input_value("#id_rib") == typed["rib"]
        next_step()

        measure("review")
        with page.expect_navigation():
            page.click(".step-actions button[type=submit]")
        assert "/apply/" not in page.url, page.content()[:3000]
        browser.close()
    return seen
