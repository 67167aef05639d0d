"""One landed-cost presentation: each charge under the heading of when it is paid, on the
shipping step, the confirmation, the email and the order pages.

The reported bug: under DAP to the United Kingdom, the lantern parcel's VAT (goods under
GBP 135: collected at the sale) was listed under "paid to the carrier on delivery (DAP)"; the
confirmation and email then showed no duty line for that parcel, and the account order page
left out the duties paid at checkout and the amount charged in pounds.
"""

from decimal import Decimal

import pytest
from babel.numbers import format_currency
from bs4 import BeautifulSoup
from django.core import mail
from oscar.core.loading import get_model

from tests.factories.checkout import address_in, rug_and_lantern, start_payment, walk_to_preview
from tests.factories.users import UserFactory

Order = get_model("order", "Order")
Parcel = get_model("fulfilment", "Parcel")
pytestmark = pytest.mark.django_db

LANTERN_SELLER = "Dinanderie Fès"
RUG_SELLER = "Atelier Marrakech"


def uk_dap_checkout(client, language="en", guest=True):
    client.cookies["currency"] = "GBP"
    walk_to_preview(
        client,
        rug_and_lantern(),
        address=address_in("GB"),
        shipping={"incoterm": "DAP"},
        language=language,
        guest=guest,
    )


def pay(client, capture=None):
    response = start_payment(client)
    assert response.status_code == 200, response.content
    if capture is None:
        client.get(response.json()["return_url"])
    else:
        with capture(execute=True):
            client.get(response.json()["return_url"])
    return Order.objects.get()


def parcel_block(html, seller, selector):
    soup = BeautifulSoup(html, "html.parser")
    blocks = [block for block in soup.select(selector) if seller in block.get_text()]
    assert len(blocks) == 1, [block.get_text()[:200] for block in soup.select(selector)]
    return blocks[0]


def moment(block, testid):
    found = block.select_one(f'[data-testid="{testid}"]')
    return found.get_text(" ", strip=True) if found else ""


def test_a_uk_parcels_vat_charged_now_is_listed_under_paid_now_not_on_delivery(client):
    uk_dap_checkout(client)
    html = client.get("/en/checkout/shipping-method/").content.decode()
    lantern = parcel_block(html, LANTERN_SELLER, '[data-testid="parcel"]')
    assert "VAT" in moment(lantern, "paid-now")
    assert "VAT" not in moment(lantern, "paid-on-delivery")
    assert "on delivery (DAP)" not in lantern.get_text()


def test_the_uk_rug_parcels_vat_over_the_threshold_stays_paid_on_delivery(client):
    uk_dap_checkout(client)
    html = client.get("/en/checkout/shipping-method/").content.decode()
    rug = parcel_block(html, RUG_SELLER, '[data-testid="parcel"]')
    assert "VAT" in moment(rug, "paid-on-delivery")
    assert "VAT" not in moment(rug, "paid-now")


def test_the_preview_lists_the_uk_vat_paid_now_under_its_parcel(client):
    uk_dap_checkout(client)
    html = client.get("/en/checkout/preview/").content.decode()
    lantern = parcel_block(html, LANTERN_SELLER, '[data-testid="seller-group"]')
    assert "VAT" in moment(lantern, "paid-now")


def test_the_confirmation_shows_the_duty_line_paid_now_for_the_uk_dap_parcel(client, stripe_api):
    uk_dap_checkout(client)
    order = pay(client)
    paid_now = Parcel.objects.get(order=order, partner__name=LANTERN_SELLER).duties_at_checkout
    assert paid_now > 0
    html = client.get("/en/checkout/thank-you/").content.decode()
    lantern = parcel_block(html, LANTERN_SELLER, '[data-testid="confirmed-parcel"]')
    rate = order.checkout_payment.rate
    shown = format_currency((paid_now * rate).quantize(Decimal("0.01")), "GBP", locale="en_GB")
    assert shown in moment(lantern, "paid-now")


def test_the_confirmation_email_shows_the_duty_line_paid_now_for_the_uk_dap_parcel(
    client, stripe_api, django_capture_on_commit_callbacks
):
    uk_dap_checkout(client)
    order = pay(client, capture=django_capture_on_commit_callbacks)
    body = next(m for m in mail.outbox if m.to == ["claire@example.com"]).body
    lantern = body.split(f"From {LANTERN_SELLER}")[1].split("From ")[0]
    paid_now = Parcel.objects.get(order=order, partner__name=LANTERN_SELLER).duties_at_checkout
    rate = order.checkout_payment.rate
    shown = format_currency((paid_now * rate).quantize(Decimal("0.01")), "GBP", locale="en_GB")
    assert "Paid now, at checkout" in lantern
    assert shown in lantern


def test_the_account_order_page_shows_duties_paid_at_checkout_and_the_pounds_charged(
    client, stripe_api
):
    client.force_login(UserFactory(email="claire@example.com"))
    uk_dap_checkout(client, guest=False)
    order = pay(client)
    payment = order.checkout_payment
    html = client.get(f"/en/accounts/orders/{order.number}/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    duties = soup.select_one('[data-testid="paid-now-duties"]').get_text(" ", strip=True)
    assert "Duties and taxes collected now" in duties
    charged = soup.select_one('[data-testid="charged"]').get_text(" ", strip=True)
    assert format_currency(payment.amount, "GBP", locale="en_GB") in charged
    assert "MAD" in charged  # the MAD reference beside the amount charged


def test_the_shipping_step_and_preview_show_pounds_and_mad_only_beside_the_charge(client):
    uk_dap_checkout(client)
    for step in ("shipping-method", "preview"):
        soup = BeautifulSoup(client.get(f"/en/checkout/{step}/").content, "html.parser")
        references = soup.select(".mad-reference, .rate-date")
        for node in references:
            node.decompose()
        content = soup.select_one("#content_inner").get_text(" ", strip=True)
        assert "£" in content and "MAD" not in content, step
        assert bool(references) == (step == "preview")  # committed money only


def test_the_account_order_page_names_each_placed_parcels_tax_as_vat_20(client, stripe_api):
    client.force_login(UserFactory(email="claire@example.com"))
    uk_dap_checkout(client, guest=False)
    order = pay(client)
    html = client.get(f"/en/accounts/orders/{order.number}/").content.decode()
    lantern = parcel_block(html, LANTERN_SELLER, '[data-testid="confirmed-parcel"]')
    assert "VAT 20%" in moment(lantern, "paid-now")
    rug = parcel_block(html, RUG_SELLER, '[data-testid="confirmed-parcel"]')
    assert "VAT 20%" in moment(rug, "paid-on-delivery")
    assert "Duties and taxes" not in moment(lantern, "paid-now")


def test_the_confirmation_email_names_the_uk_parcels_tax_as_vat_20(
    client, stripe_api, django_capture_on_commit_callbacks
):
    uk_dap_checkout(client)
    pay(client, capture=django_capture_on_commit_callbacks)
    body = next(m for m in mail.outbox if m.to == ["claire@example.com"]).body
    lantern = body.split(f"From {LANTERN_SELLER}")[1].split("From ")[0]
    assert "VAT 20%" in lantern


def test_a_parcel_placed_before_its_lines_were_kept_shows_one_duties_and_taxes_line(
    client, stripe_api
):
    client.force_login(UserFactory(email="claire@example.com"))
    uk_dap_checkout(client, guest=False)
    order = pay(client)
    Parcel.objects.filter(order=order).update(charge_lines=[])
    html = client.get(f"/en/accounts/orders/{order.number}/").content.decode()
    lantern = parcel_block(html, LANTERN_SELLER, '[data-testid="confirmed-parcel"]')
    assert "Duties and taxes" in moment(lantern, "paid-now")
    assert "VAT" not in moment(lantern, "paid-now")
