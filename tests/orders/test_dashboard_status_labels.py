"""Staff read order statuses in their language everywhere on the order dashboard: the search
form's choices, the filter it applies, the statistics and the detail page (no raw code)."""

import re

import pytest
from django.utils import translation

from marketplace.order_status import pipeline as P
from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import create_parcels
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of

pytestmark = pytest.mark.django_db
CODES = sorted(P.LABELS)


@pytest.fixture
def paid_order():
    order = order_for(product_of(SellerFactory()), status=P.PAID)
    create_parcels(order)
    return order


def raw_codes_shown(page):
    """Status codes standing as text of an element (not as an attribute value)."""
    return [code for code in CODES if re.search(rf">\s*{code}\s*<", page)]


def test_the_search_form_offers_each_status_by_its_label(admin_client, paid_order):
    page = admin_client.get("/dashboard/orders/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<option value="in_fulfilment">En cours de préparation</option>' in page
    assert '<option value="pending_payment">' in page
    assert raw_codes_shown(page) == []


def test_the_status_filter_is_described_by_its_label(admin_client, paid_order):
    page = admin_client.get(
        "/dashboard/orders/", {"status": P.PAID}, HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert "مدفوع" in page.split('class="search-filter-list"')[1].split("</div>")[0]
    assert raw_codes_shown(page) == []
    assert paid_order.number in page


def test_the_statistics_show_each_status_by_its_label(admin_client, paid_order):
    page = admin_client.get("/dashboard/orders/statistics/", HTTP_ACCEPT_LANGUAGE="es")
    html = page.content.decode()
    assert raw_codes_shown(html) == []
    assert "?status=paid" in html


def test_the_order_page_shows_no_raw_status_code(admin_client, paid_order):
    page = admin_client.get(
        f"/dashboard/orders/{paid_order.number}/", HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert raw_codes_shown(page) == []


def test_a_status_change_leaves_a_note_naming_the_labels(admin_client):
    order = order_for(product_of(SellerFactory()), status=P.DELIVERED)
    response = admin_client.post(
        f"/dashboard/orders/{order.number}/",
        {"order_action": "change_order_status", "new_status": P.COMPLETED},
        HTTP_ACCEPT_LANGUAGE="fr",
        follow=True,
    )
    order.refresh_from_db()
    assert order.status == P.COMPLETED
    note = order.notes.get().message
    assert "Livrée" in note and "Terminée" in note, note
    assert raw_codes_shown(response.content.decode()) == []
    assert "'delivered'" not in response.content.decode()


def test_each_line_shows_its_parcels_status_in_the_staff_language(admin_client, paid_order):
    page = admin_client.get(
        f"/dashboard/orders/{paid_order.number}/", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    line = paid_order.lines.get()
    row = page.split(f"#{line.id}</a>")[1].split("</tr>")[0]
    with translation.override("fr"):
        assert f"<td>{Parcel.Status.PAID.label}</td>" in row
