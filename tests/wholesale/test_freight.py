"""Freight on a wholesale order, through the real views: the cartons each seller enters (its
own part only), the freight quote from the rates table or entered by staff, and the papers
(packing list, commercial invoices with origin statements, export declaration data)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests.factories.catalogue import SellerFactory
from tests.factories.freight import freight_order, rate
from tests.factories.users import UserFactory, member_of
from tests.factories.wholesale import company_member
from wholesale import freight
from wholesale.freight import FreightError
from wholesale.models import Carton, Company, FreightQuote

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def pdf_text(content):
    """The PDF's text, its line breaks and runs of spaces as one space."""
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def cartons_url(order):
    return f"/en/my-shop/wholesale-orders/{order.pk}/cartons/"


def carton_post(order, seller, number, pieces, size=("120", "80", "100"), weights=("60", "55")):
    line = freight.seller_lines(order, seller).get()
    length, width, height = size
    return {
        "number": str(number),
        f"line_{line.pk}": str(pieces),
        "length_cm": length,
        "width_cm": width,
        "height_cm": height,
        "gross_kg": weights[0],
        "net_kg": weights[1],
    }


def pack_all(order, sellers):
    """Rugs in two cartons of 20, tagines in one carton of 120."""
    rugs, tagines = sellers["rugs"], sellers["tagines"]
    rug_line = freight.seller_lines(order, rugs).get().pk
    tagine_line = freight.seller_lines(order, tagines).get().pk
    size = (Decimal("120"), Decimal("80"), Decimal("50"))
    freight.add_carton(order.pk, rugs, 1, size, Decimal("62"), Decimal("60"), {rug_line: 20})
    freight.add_carton(order.pk, rugs, 2, size, Decimal("61"), Decimal("59"), {rug_line: 20})
    freight.add_carton(
        order.pk, tagines, 1, size, Decimal("310.5"), Decimal("290"), {tagine_line: 120}
    )


@pytest.fixture
def placed():
    return freight_order("DAP")


# Cartons, in the seller space.


def test_a_seller_enters_a_carton_with_numbers_in_its_language(client, placed):
    order, _buyer, sellers = placed
    client.force_login(member_of(sellers["rugs"]))
    data = carton_post(order, sellers["rugs"], 1, 20, size=("120", "80", "45,5"))
    data.update(gross_kg="61,25", net_kg="58,5")
    response = client.post(cartons_url(order).replace("/en/", "/fr/"), data)
    assert response.status_code == 302
    carton = Carton.objects.get()
    assert (carton.height_cm, carton.gross_kg, carton.items.get().quantity) == (
        Decimal("45.5"),
        Decimal("61.250"),
        20,
    )


def test_a_seller_without_a_part_in_the_order_gets_404(client, placed):
    order, _buyer, _sellers = placed
    client.force_login(member_of(SellerFactory()))
    assert client.get(cartons_url(order)).status_code == 404


def test_a_seller_sees_only_its_own_cartons_and_cannot_remove_another_sellers(client, placed):
    order, _buyer, sellers = placed
    pack_all(order, sellers)
    tagine_carton = Carton.objects.get(seller=sellers["tagines"])
    client.force_login(member_of(sellers["rugs"]))
    html = client.get(cartons_url(order)).content.decode()
    assert 'data-testid="carton-2"' in html and "Safi tagine" not in html
    response = client.post(f"{cartons_url(order)}{tagine_carton.pk}/delete/")
    assert response.status_code == 404
    assert Carton.objects.filter(pk=tagine_carton.pk).exists()


def test_a_seller_cannot_pack_a_line_of_another_seller(placed):
    order, _buyer, sellers = placed
    tagine_line = freight.seller_lines(order, sellers["tagines"]).get()
    with pytest.raises(FreightError):
        freight.add_carton(order.pk, sellers["rugs"], 1, (10, 10, 10), 5, 4, {tagine_line.pk: 12})


def test_packing_more_pieces_than_ordered_is_refused(client, placed):
    order, _buyer, sellers = placed
    client.force_login(member_of(sellers["rugs"]))
    client.post(cartons_url(order), carton_post(order, sellers["rugs"], 1, 30))
    response = client.post(cartons_url(order), carton_post(order, sellers["rugs"], 2, 11))
    assert response.status_code == 200
    assert Carton.objects.count() == 1


def test_the_same_carton_sent_twice_is_recorded_once(client, placed):
    order, _buyer, sellers = placed
    client.force_login(member_of(sellers["rugs"]))
    for _click in range(2):
        client.post(cartons_url(order), carton_post(order, sellers["rugs"], 1, 10))
    assert Carton.objects.count() == 1


def test_a_net_weight_above_the_gross_weight_is_refused(client, placed):
    order, _buyer, sellers = placed
    client.force_login(member_of(sellers["rugs"]))
    data = carton_post(order, sellers["rugs"], 1, 10, weights=("50", "50,001"))
    assert client.post(cartons_url(order), data).status_code == 200
    assert not Carton.objects.exists()


def test_cartons_wait_for_the_first_payment():
    order, _buyer, sellers = freight_order("DAP", deposit_paid=False)
    line = freight.seller_lines(order, sellers["rugs"]).get()
    with pytest.raises(FreightError):
        freight.add_carton(order.pk, sellers["rugs"], 1, (10, 10, 10), 5, 4, {line.pk: 10})


# The freight quote.


def test_the_freight_is_computed_from_the_valid_rate_and_the_cartons(placed):
    order, _buyer, sellers = placed
    pack_all(order, sellers)  # 3 cartons of 0.48 m3: 1.44 m3, one pallet of 1.5 m3
    rate()
    quote = freight.quote_from_rate(order.pk, UserFactory(is_staff=True))
    assert (quote.volume, quote.pallets) == (Decimal("1.440"), 1)
    assert quote.amount == Decimal("2500.00")  # 1.44 x 1,200 + 300 = 2,028 < minimum 2,500


def test_an_expired_rate_is_refused(placed):
    order, _buyer, sellers = placed
    pack_all(order, sellers)
    today = timezone.localdate()
    expired = rate(valid_from=today - 60 * DAY, valid_until=today - DAY)
    with pytest.raises(FreightError):
        freight.quote_from_rate(order.pk, None, expired)
    with pytest.raises(FreightError):
        freight.quote_from_rate(order.pk, None)  # and not picked as the valid one
    assert not FreightQuote.objects.exists()


def test_a_rate_on_its_last_day_is_used(placed):
    order, _buyer, sellers = placed
    pack_all(order, sellers)
    rate(valid_until=timezone.localdate(), minimum_charge=Decimal("0"))
    assert freight.quote_from_rate(order.pk, None).amount == Decimal("2028.00")


def test_the_ports_own_rate_comes_before_the_countrys(placed):
    order, _buyer, _sellers = placed
    rate(port="", per_cubic_metre=Decimal("1000"))
    le_havre = rate(port="Le Havre", per_cubic_metre=Decimal("900"))
    rate(country="ES", port="Le Havre")
    assert freight.rate_for("FR", "le havre") == le_havre
    assert freight.rate_for("FR", "Marseille").port == ""


def test_under_fob_no_freight_is_quoted():
    order, _buyer, sellers = freight_order("FOB")
    pack_all(order, sellers)
    rate()
    with pytest.raises(FreightError):
        freight.quote_from_rate(order.pk, None)


def test_staff_override_replaces_the_computed_freight_and_zero_is_refused(client, placed):
    order, _buyer, sellers = placed
    pack_all(order, sellers)
    rate()
    staff = UserFactory(is_staff=True)
    freight.quote_from_rate(order.pk, staff)
    client.force_login(staff)
    url = f"/dashboard/wholesale/freight/{order.pk}/"
    client.post(url, {"action": "override", "amount": "0", "port": "", "note": ""})
    assert FreightQuote.objects.get().amount == Decimal("2500.00")
    client.post(url, {"action": "override", "amount": "4100", "port": "", "note": "Groupage"})
    quote = FreightQuote.objects.get()
    assert (quote.amount, quote.is_override, quote.note) == (Decimal("4100.00"), True, "Groupage")


def test_only_staff_reach_the_freight_page(client, placed):
    order, buyer, _sellers = placed
    client.force_login(buyer)
    response = client.post(f"/dashboard/wholesale/freight/{order.pk}/", {"action": "rate"})
    assert response.status_code in (302, 403)
    assert not FreightQuote.objects.exists()


def test_the_buyer_sees_the_freight_and_what_the_incoterm_covers(client, placed):
    order, buyer, sellers = placed
    pack_all(order, sellers)
    rate()
    freight.quote_from_rate(order.pk, None)
    client.force_login(buyer)
    html = client.get(f"/fr/wholesale/orders/{order.pk}/").content.decode()
    assert "2\u202f500,00" in html and "Les vendeurs paient" in html and "Vous payez" in html
    pdf = client.get(f"/fr/wholesale/orders/{order.pk}/proforma.pdf").content
    assert "2 500,00" in pdf_text(pdf).replace("\u202f", " ")


def test_the_quote_page_states_what_the_incoterm_covers(client, placed):
    order, buyer, _sellers = placed
    client.force_login(buyer)
    quote = order.request.quotes.first()
    html = client.get(f"/es/wholesale/quotes/{quote.pk}/").content.decode()
    assert "Aranceles e impuestos de importación" in html


# The papers.


def test_no_papers_until_every_line_is_packed(client, placed):
    order, buyer, sellers = placed
    rug_line = freight.seller_lines(order, sellers["rugs"]).get().pk
    freight.add_carton(order.pk, sellers["rugs"], 1, (120, 80, 50), 62, 60, {rug_line: 40})
    client.force_login(buyer)
    assert (
        'data-testid="freight-papers"'
        not in client.get(f"/en/wholesale/orders/{order.pk}/").content.decode()
    )
    url = f"/en/wholesale/orders/{order.pk}/freight/packing-list.pdf"
    assert client.get(url).status_code == 404


def test_the_packing_list_lists_every_carton_of_every_seller(client, placed):
    order, buyer, sellers = placed
    pack_all(order, sellers)
    client.force_login(buyer)
    html = client.get(f"/en/wholesale/orders/{order.pk}/").content.decode()
    assert 'data-testid="freight-papers"' in html
    response = client.get(f"/en/wholesale/orders/{order.pk}/freight/packing-list.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "1 / 3 (Coop Azilal #1)",
        "2 / 3 (Coop Azilal #2)",
        "3 / 3 (Coop Safi #1)",
        "20 × Azilal rug",
        "120 × Safi tagine",
        "433.500",  # gross kg: 62 + 61 + 310.5
    ):
        assert expected in text, expected


def test_each_seller_has_its_commercial_invoice_with_the_origin_statement(client, placed):
    order, buyer, sellers = placed
    pack_all(order, sellers)
    client.force_login(buyer)
    url = f"/en/wholesale/orders/{order.pk}/freight/invoice/{sellers['tagines'].pk}.pdf"
    text = pdf_text(client.get(url).content)
    assert "Commercial invoice" in text and "Coop Safi" in text and "Coop Azilal" not in text
    assert "MAREX0002" in text and "EU–Morocco" in text
    assert f"Importer's reference: EU VAT number {order.company.number}" in text
    assert "17,940.00" in text or "17940.00" in text  # 120 x 149.50


def test_an_invoice_of_a_seller_outside_the_order_is_404(client, placed):
    order, buyer, sellers = placed
    pack_all(order, sellers)
    client.force_login(buyer)
    url = f"/en/wholesale/orders/{order.pk}/freight/invoice/{SellerFactory().pk}.pdf"
    assert client.get(url).status_code == 404


def test_another_company_cannot_get_the_papers(client, placed):
    order, _buyer, sellers = placed
    pack_all(order, sellers)
    client.force_login(company_member(Company.VERIFIED, name="Other shop"))
    base = f"/en/wholesale/orders/{order.pk}/freight/"
    for path in ("packing-list.pdf", "declaration/", "declaration.csv"):
        assert client.get(base + path).status_code == 404, path


def test_the_declaration_data_has_what_the_dum_needs_and_adds_up_to_the_cartons(client, placed):
    order, buyer, sellers = placed
    pack_all(order, sellers)
    client.force_login(buyer)
    response = client.get(f"/en/wholesale/orders/{order.pk}/freight/declaration.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    rugs, tagines = rows
    assert (rugs["exporter_ice"], rugs["hs_code"], rugs["quantity"]) == (
        "001234567000089",
        "5701",
        "40",
    )
    assert (tagines["exporter_ice"], tagines["hs_code"], tagines["value_mad"]) == (
        "002345678000012",
        "6912",
        "17940.00",
    )
    assert rugs["value_mad"] == "82000.00" and rugs["cartons"] == "2"
    assert {row["incoterm"] for row in rows} == {"DAP Paris"}
    assert {row["destination_country"] for row in rows} == {"FR"}
    assert {row["port_of_loading"] for row in rows} == {"MACAS"}
    gross = sum(Decimal(row["gross_weight_kg"]) for row in rows)
    net = sum(Decimal(row["net_weight_kg"]) for row in rows)
    assert (gross, net) == (Decimal("433.500"), Decimal("409.000"))
    page = client.get(f"/en/wholesale/orders/{order.pk}/freight/declaration/")
    assert "002345678000012" in page.content.decode()


def test_a_carton_shared_by_two_lines_shares_its_weights_to_the_gram():
    order, _buyer, sellers = freight_order("DAP")
    line = freight.seller_lines(order, sellers["rugs"]).get()
    from wholesale.freight_papers import _shares

    assert _shares(Decimal("10"), [1, 1, 1]) == [
        Decimal("3.333"),
        Decimal("3.333"),
        Decimal("3.334"),
    ]
    assert line.quantity == 40


def test_a_new_carton_drops_the_computed_freight_but_not_an_override(placed):
    order, _buyer, sellers = placed
    rug_line = freight.seller_lines(order, sellers["rugs"]).get().pk
    freight.add_carton(order.pk, sellers["rugs"], 1, (120, 80, 50), 62, 60, {rug_line: 20})
    rate()
    freight.quote_from_rate(order.pk, None)
    freight.add_carton(order.pk, sellers["rugs"], 2, (120, 80, 50), 62, 60, {rug_line: 20})
    assert not FreightQuote.objects.exists()
    freight.override_quote(order.pk, None, Decimal("3000"))
    carton = Carton.objects.get(number=2)
    freight.remove_carton(order.pk, sellers["rugs"], carton.pk)
    assert FreightQuote.objects.get().amount == Decimal("3000.00")


def test_the_seller_supplying_the_whole_order_enters_its_freight(client):
    order, _buyer, sellers = freight_order("CIF", only_rugs=True)
    client.force_login(member_of(sellers["rugs"]))
    url = f"/fr/my-shop/wholesale-orders/{order.pk}/freight/"
    response = client.post(url, {"amount": "3 150,50", "port": "Le Havre", "note": ""})
    assert response.status_code == 302
    quote = FreightQuote.objects.get()
    assert (quote.amount, quote.port, quote.is_override) == (Decimal("3150.50"), "Le Havre", True)


def test_a_seller_cannot_quote_the_freight_of_an_order_shared_with_another(client, placed):
    order, _buyer, sellers = placed
    client.force_login(member_of(sellers["rugs"]))
    assert 'data-testid="freight-form"' not in client.get(cartons_url(order)).content.decode()
    response = client.post(
        f"/en/my-shop/wholesale-orders/{order.pk}/freight/", {"amount": "3000", "port": ""}
    )
    assert response.status_code == 400
    assert not FreightQuote.objects.exists()


def test_no_freight_override_under_fob():
    order, _buyer, _sellers = freight_order("FOB")
    with pytest.raises(FreightError):
        freight.override_quote(order.pk, None, Decimal("3000"))


def test_the_staff_freight_queue_lists_the_orders_whose_sellers_pay_the_carriage(client):
    dap, buyer, _sellers = freight_order("DAP")
    fob, _buyer, _sellers = freight_order("FOB")
    client.force_login(UserFactory(is_staff=True))
    html = client.get("/dashboard/wholesale/freight/").content.decode()
    assert dap.reference in html and fob.reference not in html


def test_the_dashboard_menu_leads_staff_to_the_freight_page(client):
    client.force_login(UserFactory(is_staff=True))
    html = client.get("/dashboard/").content.decode()
    assert 'href="/dashboard/wholesale/freight/"' in html


def test_the_quote_request_explains_every_incoterm_in_the_buyers_language(client, placed):
    order, buyer, _sellers = placed
    client.force_login(buyer)
    session = client.session
    session["wholesale:quote_draft"] = {
        str(line.stockrecord_id): line.quantity for line in freight.accepted_lines(order)
    }
    session.save()
    html = client.get("/fr/wholesale/quotes/new/").content.decode()
    assert "Ce que comprend chaque Incoterm" in html
    assert "chargées à bord au port de Casablanca" in html.replace("&#x27;", "'")
