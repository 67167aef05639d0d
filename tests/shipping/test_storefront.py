"""Storefront enforcement: ships-to panel, country cookie, basket refusal, ships_to filter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.compliance import CertificateFactory, ExportProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plate(craft):
    return ProductFactory(hs_code="6912", category=craft)


def product_page(client, product, country=None, language="en"):
    if country:
        client.cookies["country"] = country
    with translation.override(language):
        url = product.get_absolute_url()
    return client.get(url).content.decode()


def test_product_page_says_it_ships_to_the_cookie_country(client, product):
    html = product_page(client, product, "FR")
    assert "Ships to France" in html


def test_product_page_says_why_it_cannot_ship(client, plate):
    html = product_page(client, plate, "US")
    assert "Does not ship to United States" in html
    assert "ASTM C738" in html
    assert 'data-testid="add-to-basket"' not in html


def test_default_country_follows_the_page_language(client, product):
    html = product_page(client, product, language="fr")
    assert '<option value="FR" selected>' in html


def test_country_cookie_changes_a_cached_page(client, plate, settings):
    settings.STOREFRONT_PAGE_CACHE = True
    assert "Does not ship" in product_page(client, plate, "US")
    assert "Does not ship" not in product_page(client, plate, "CH")


def test_verified_certificates_show_as_badges(client, plate):
    CertificateFactory(products=[plate])
    html = product_page(client, plate, "US")
    assert 'data-testid="certificate-badge"' in html and "Lab test report" in html
    assert "Ships to United States" in html


def test_unverified_certificates_show_no_badge(client, plate):
    CertificateFactory(products=[plate], verified_at=None)
    assert 'data-testid="certificate-badge"' not in product_page(client, plate, "US")


def test_country_form_sets_the_cookie_and_returns(client, product):
    url = product.get_absolute_url()
    response = client.post(reverse("shipping:set-country"), {"country": "gb", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert response.cookies["country"].value == "GB"


def test_country_form_ignores_a_country_no_one_serves(client):
    response = client.post(reverse("shipping:set-country"), {"country": "BR", "next": "/"})
    assert "country" not in response.cookies


def test_country_form_refuses_an_outside_redirect(client):
    response = client.post(
        reverse("shipping:set-country"), {"country": "FR", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_basket_refuses_a_line_that_cannot_go_to_the_buyer_country(client, plate):
    client.cookies["country"] = "US"
    response = client.post(
        reverse("basket:add", kwargs={"pk": plate.pk}), {"quantity": 1}, follow=True
    )
    assert "ASTM C738" in response.content.decode()
    assert client.get(reverse("basket:summary")).context["basket"].num_lines == 0


def test_basket_accepts_the_same_line_for_a_country_without_that_rule(client, plate):
    client.cookies["country"] = "CH"
    client.post(reverse("basket:add", kwargs={"pk": plate.pk}), {"quantity": 1})
    assert client.get(reverse("basket:summary")).context["basket"].num_lines == 1


def test_catalogue_filter_ships_to_keeps_only_shippable_pieces(client, craft):
    ok = ProductFactory(hs_code="5701", category=craft)
    blocked = ProductFactory(hs_code="6912", category=craft)
    response = client.get(reverse("catalogue:index") + "?ships_to=US")
    shown = {p.pk for p in response.context["products"]}
    assert ok.pk in shown and blocked.pk not in shown


def test_ships_to_facet_counts_shippable_pieces(client, craft):
    ProductFactory(hs_code="5701", category=craft)
    ProductFactory(hs_code="6912", category=craft)
    client.cookies["country"] = "US"
    option = client.get(reverse("catalogue:index")).context["facets"]["ships_to"]
    assert option["count"] == 1 and "United States" in str(option["label"])


def test_an_invalid_ships_to_value_is_ignored(client, craft):
    ProductFactory(hs_code="6912", category=craft)
    response = client.get(reverse("catalogue:index") + "?ships_to=<script>")
    assert len(response.context["products"]) == 1


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_ships_to_filter_queries_do_not_grow_with_page_size(client, craft, settings):
    settings.STOREFRONT_PAGE_CACHE = False
    sellers = SellerFactory.create_batch(4)
    for n in range(60):
        product = ProductFactory(
            hs_code=("6912", "5701", "4420")[n % 3],
            category=craft,
            stockrecord__seller=sellers[n % 4],
        )
        if n % 5 == 0:
            ExportProfileFactory(product=product, marked_not_for_food=True)
    base = reverse("catalogue:index") + "?ships_to=US&per_page="
    small, large = count_queries(client, base + "12"), count_queries(client, base + "48")
    assert small == large <= 15


def test_product_page_shows_shipping_and_duties_estimates(client, craft):
    from decimal import Decimal

    rug = ProductFactory(
        hs_code="5701",
        weight_kg=Decimal("2.5"),
        category=craft,
        stockrecord__price=Decimal("1000"),
    )
    html = product_page(client, rug, "US")
    # Amana to North America, 2.5 kg -> 5 kg bracket: 560 MAD; US duty 0% + 10% on 1000 MAD;
    # both in the buyer's dollars
    from marketplace.core.formats import format_money
    from marketplace.currency.rates import current_rate

    def dollars(mad):
        return format_money(current_rate("USD").convert(Decimal(mad)).amount, "USD")

    assert dollars("560") in html and "Amana International" in html
    assert 'data-testid="duties-estimate"' in html and dollars("100.00") in html


def test_product_page_queries_stay_within_budget_with_the_ships_to_panel(client, craft, settings):
    settings.STOREFRONT_PAGE_CACHE = False
    plate = ProductFactory(hs_code="6912", category=craft)
    CertificateFactory(products=[plate])
    client.cookies["country"] = "US"
    assert count_queries(client, plate.get_absolute_url()) <= 15


def test_a_basket_line_becomes_unbuyable_when_the_buyer_changes_country(client, plate):
    client.cookies["country"] = "CH"
    client.post(reverse("basket:add", kwargs={"pk": plate.pk}), {"quantity": 1})
    client.cookies["country"] = "US"
    basket = client.get(reverse("basket:summary")).context["basket"]
    permitted, reason = basket.all_lines()[0].purchase_info.availability.is_purchase_permitted(1)
    assert permitted is False and "ASTM C738" in reason
