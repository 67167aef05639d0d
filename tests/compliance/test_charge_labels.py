"""Every charge a buyer reads is in the page's language: the import tax's name and rate
("VAT 20%"), the customs duty lines, on the landed cost and on the /ar/ checkout pages."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from compliance.landed_cost import DDP, landed_cost, tax_name
from marketplace.payments.models import CheckoutPayment
from marketplace.payments.placement import place_order_once
from shipping.services import ParcelItem
from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import address_in, rug_and_lantern, start_payment, walk_to_preview

pytestmark = pytest.mark.django_db
EU_FLAT_DUTY_DAY = datetime.date(2026, 7, 1)


def labels(language, country="FR"):
    lantern = ParcelItem(ProductFactory(hs_code="9405", stockrecord=False), 1, Decimal("300"))
    with translation.override(language):
        cost = landed_cost([lantern], country, incoterm=DDP, on=EU_FLAT_DUTY_DAY)
        return [charge.label for charge in cost.charges]


@pytest.mark.parametrize(
    "language, duty, vat",
    [
        ("en", "Customs duty: 3.00 EUR × 1 item type", "VAT 20%"),
        ("fr", "Droits de douane : 3.00 EUR × 1 type d’article", "TVA 20 %"),
        ("es", "Arancel: 3.00 EUR × 1 tipo de artículo", "IVA 20 %"),
        ("ar", "الرسوم الجمركية: 3.00 EUR × نوع واحد من السلع", "ضريبة القيمة المضافة 20%"),
    ],
)
def test_the_charges_of_a_parcel_read_in_the_page_language(language, duty, vat):
    assert labels(language) == [duty, vat]


@pytest.mark.parametrize(
    "name, language, shown",
    [
        ("Sales tax", "fr", "Taxe de vente"),
        ("GST/HST", "ar", "ضريبة السلع والخدمات/الضريبة المنسقة"),
    ],
)
def test_each_seeded_tax_name_is_translated(name, language, shown):
    with translation.override(language):
        assert tax_name(name) == shown


def test_a_tax_name_staff_typed_is_shown_as_typed():
    with translation.override("ar"):
        assert tax_name("Octroi") == "Octroi"


def test_the_arabic_shipping_step_shows_no_english_charge_label(client, stripe_api):
    walk_to_preview(client, rug_and_lantern(), language="ar", address=address_in("FR"))
    html = client.get("/ar/checkout/shipping-method/").content.decode()
    assert "ضريبة القيمة المضافة 20%" in html
    assert "VAT" not in html and "Customs duty" not in html


def test_an_order_placed_by_the_webhook_keeps_the_buyers_charge_labels(client, stripe_api):
    """The webhook has no page language: the order's surcharges still read in Arabic."""
    walk_to_preview(client, rug_and_lantern(), language="ar", address=address_in("FR"))
    assert start_payment(client, language="ar").status_code == 200
    payment = CheckoutPayment.objects.get()
    with translation.override("en"):
        order = place_order_once(payment.pk)
    names = [charge.name for charge in order.surcharges.all()]
    assert names and all("ضريبة القيمة المضافة 20%" in name for name in names), names
