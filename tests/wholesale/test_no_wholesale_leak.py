"""Consumers never see wholesale prices.

Every URL pattern of the project (collected from the URLconf as tests/security does) is asked
for, with real objects' values, by an anonymous visitor, a consumer, the contact of a company
waiting for review and the contact of a refused one: no answer, HTML, JSON or text, carries the
wholesale panel or a wholesale price, in any language's number format. A verified company's
contact gets both on the product page (so the check can fail), and the page cache never serves
the verified contact's page to anyone else.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from marketplace.core.numbers import western_digits
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.checkout import CountryFactory
from tests.factories.cms import add_page
from tests.factories.orders import order_for
from tests.factories.users import UserFactory
from tests.factories.wholesale import company_member, offer_on
from tests.support import fuzzing
from wholesale.models import Company

pytestmark = pytest.mark.django_db

# Amounts found nowhere else: 4,321.87 and 3,987.65 MAD, in any grouping and decimal mark.
TIER_PRICES = ("4321.87", "3987.65")
LEAK = re.compile(
    r"4[\s\u00a0\u202f,.\u066c']?321[.,\u066b]87|3[\s\u00a0\u202f,.\u066c']?987[.,\u066b]65"
)
PANEL = 'data-testid="wholesale-panel"'


def leaks(response):
    content = getattr(response, "content", b"")
    text = western_digits(content.decode("utf-8", "replace"))
    found = []
    if PANEL in text or "wholesale-title" in text:
        found.append("panel")
    found += LEAK.findall(text)
    return found


@pytest.fixture
def catalogue(craft, home_page):
    seller = SellerFactory()
    product = ProductFactory(category=craft, stockrecord__seller=seller)
    offer_on(product, tiers=((36, TIER_PRICES[0]), (72, TIER_PRICES[1])), minimum=36, case_pack=6)
    CountryFactory()
    from marketplace.cms import models as cms_models

    page = add_page(home_page, cms_models.StandardPage, "About us")
    order = order_for(product)
    urls = [
        product.get_absolute_url(),
        craft.get_absolute_url(),
        page.url,
        reverse("catalogue:seller", kwargs={"slug": seller.slug}),
        reverse("customer:anon-order", args=[order.number, order.verification_hash()]),
        reverse("fulfilment:order-tracking", kwargs={"number": order.number}),
        reverse("sitemap_section", kwargs={"section": "products"}),
    ]
    return product, fuzzing.path_values_of(urls)


def client_for(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def visitors():
    return {
        "anonymous": client_for(None),
        "consumer": client_for(UserFactory()),
        "pending company": client_for(company_member(Company.PENDING)),
        "refused company": client_for(company_member(Company.REFUSED)),
    }


def test_a_verified_company_sees_the_wholesale_panel(client, catalogue):
    product, _values = catalogue
    client.force_login(company_member(Company.VERIFIED))
    response = client.get(product.get_absolute_url())
    assert PANEL in response.content.decode()
    assert leaks(response)  # the prices themselves, as the detector reads them


@pytest.mark.parametrize("language", ["fr", "ar", "es"])
def test_the_panel_reads_in_each_language(client, catalogue, language):
    product, _values = catalogue
    client.force_login(company_member(Company.VERIFIED))
    response = client.get(f"/{language}" + product.get_absolute_url()[3:])
    assert response.status_code == 200
    assert leaks(response)


def test_no_url_shows_wholesale_prices_to_anyone_but_verified_companies(catalogue, settings):
    product, path_values = catalogue
    asked, failures = 0, []
    clients = visitors()
    for route in fuzzing.routes():
        for values in fuzzing.real_values(route, path_values):
            url = route.url(values)
            for who, client in clients.items():
                response = client.get(url)
                asked += 1
                found = leaks(response)
                if found:
                    failures.append(f"{who} GET {url}: {found}")
    assert asked > 400  # every route, for every visitor
    assert failures == []


def test_every_language_of_the_product_page_hides_the_panel_from_consumers(catalogue):
    product, _values = catalogue
    for language in fuzzing.LANGUAGES:
        url = f"/{language}" + product.get_absolute_url()[3:]
        for who, client in visitors().items():
            response = client.get(url)
            assert response.status_code == 200, (who, url)
            assert leaks(response) == [], (who, url)


def test_the_page_cache_never_serves_a_verified_contacts_page(catalogue):
    product, _values = catalogue
    url = product.get_absolute_url()
    member = client_for(company_member(Company.VERIFIED))
    assert leaks(member.get(url))
    anonymous = client_for(None).get(url)
    assert anonymous["X-Page-Cache"] == "miss"  # the member's page was not stored
    assert leaks(anonymous) == []
    cached = client_for(None).get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert leaks(cached) == []
    again = member.get(url)
    assert "X-Page-Cache" not in again  # never served from the anonymous cache
    assert leaks(again)
