"""Every buyer-facing page in English, French, Arabic and Spanish, for a British buyer paying in
pounds and a French buyer paying in euros (the country and currency cookies the header's
pickers set), from the home page to the guest order page of the order they paid.

On each page: ``<html lang dir>`` of the language; amounts in the buyer's currency, as the
language writes its symbol, and no dirham outside the references beside committed amounts; the
header's "Deliver to" naming the buyer's country in the page language (the checkout and order
pages also in the delivery address); no English charge label on a French, Arabic or Spanish
page. ``PAGES`` is the list checked in each language."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from demo.cms import seed_standard_pages
from marketplace.core import formats
from marketplace.core.countries import country_name
from tests.factories.checkout import address_in, rug_and_lantern, start_payment, walk_to_preview
from tests.factories.cms import collection
from tests.factories.users import UserFactory
from themes.trust import TRUST_PAGE_SLUGS

Order = get_model("order", "Order")
ProductCategory = get_model("catalogue", "ProductCategory")

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "ar", "es")
BUYERS = {"GB": "GBP", "FR": "EUR"}
EMAIL = "claire@example.com"
SHOP_PAGES = ("home", "category", "search", "product", "seller", "collection")
TRUST_PAGES = tuple(f"trust:{slug}" for slug in TRUST_PAGE_SLUGS)
CHECKOUT_PAGES = ("basket", "shipping", "preview")
ORDER_PAGES = ("thank-you", "account order", "guest order")
PAGES = SHOP_PAGES + TRUST_PAGES + CHECKOUT_PAGES + ORDER_PAGES
WITHOUT_AMOUNTS = set(TRUST_PAGES)
# The English wording of the charge labels: none of them may show on a translated page.
ENGLISH_CHARGE_LABELS = (
    "Duties and taxes",
    "Paid now, at checkout",
    "Paid later, to the carrier on delivery",
    "paid on delivery",
    "not charged now",
    "Total charged in",
    "Customs duty",
    "VAT ",
    "Pieces",
    "Shipping",
)
# Pages that show the delivery address, with its country.
ADDRESS_PAGES = ("preview", "thank-you", "account order", "guest order")


def content(html):
    """The page's main text without the MAD references beside committed amounts."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("#content_inner") or soup.select_one("main")
    for node in main.select(".mad-reference, .rate-date"):
        node.decompose()
    return soup, main.get_text(" ", strip=True)


def check(name, html, language, country, currency):
    """What is wrong with the page ``name`` (a list of findings, empty when it is right)."""
    wrong = []
    direction = "rtl" if language == "ar" else "ltr"
    if not re.search(rf'<html lang="{language}" dir="{direction}"', html):
        wrong.append(f"{name}: lang/dir is not {language}/{direction}")
    soup, text = content(html)
    if name not in WITHOUT_AMOUNTS:
        symbol = formats.currency_symbol(currency, language)
        if symbol not in text:
            wrong.append(f"{name}: no {symbol}")
    if re.search(r"\bMAD\b|د\.م\.", text):
        wrong.append(f"{name}: dirhams outside a reference: {text[:300]}")
    picked = soup.select_one("#country-picker-select option[selected]")
    expected = country_name(country, language)
    if picked is None or picked.get_text(strip=True) != expected:
        wrong.append(f"{name}: Deliver to {picked and picked.get_text(strip=True)!r}")
    if name in ADDRESS_PAGES and expected not in text:
        wrong.append(f"{name}: the address does not say {expected}")
    if language != "en":
        for label in ENGLISH_CHARGE_LABELS:
            if label in text:
                wrong.append(f"{name}: English {label!r}")
    return wrong


@pytest.fixture
def shop(home_page, craft):
    rug, lantern = rug_and_lantern()
    for piece in (rug, lantern):
        ProductCategory.objects.create(product=piece, category=craft)
    seed_standard_pages(home_page)
    gifts = collection(home_page, [rug, lantern])
    return {"rug": rug, "craft": craft, "collection": gifts}


def shop_urls(shop, language):
    rug = shop["rug"]
    with translation.override(language):
        urls = {
            "home": f"/{language}/",
            "category": shop["craft"].get_absolute_url(),
            "search": reverse("search:search") + "?q=rug",
            "product": rug.get_absolute_url(),
            "seller": rug.stockrecords.get().partner.get_absolute_url(),
            "collection": shop["collection"].get_url(),
            "basket": reverse("basket:summary"),
            "shipping": reverse("checkout:shipping-method"),
            "preview": reverse("checkout:preview"),
        }
    return urls


def trust_urls(client, language):
    html = client.get(f"/{language}/").content.decode()
    footer = re.search(r'<nav class="footer-help".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)">', footer)
    assert len(links) == len(TRUST_PAGES)
    return dict(zip(TRUST_PAGES, links, strict=True))


def order_urls(order, language):
    with translation.override(language):
        kwargs = {"order_number": order.number, "hash": order.verification_hash()}
        return {
            "thank-you": reverse("checkout:thank-you"),
            "account order": reverse("customer:order", kwargs={"order_number": order.number}),
            "guest order": reverse("customer:anon-order", kwargs=kwargs),
            "guest order form": reverse("customer:anon-order-form", kwargs=kwargs),
        }


def fetch(client, name, url):
    response = client.get(url)
    assert response.status_code == 200, (name, url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("country", BUYERS)
def test_every_buyer_page_in_four_languages_speaks_the_buyers_country_and_currency(
    client, stripe_api, shop, country
):
    currency = BUYERS[country]
    client.cookies["country"] = country
    client.cookies["currency"] = currency
    client.force_login(UserFactory(email=EMAIL))
    address = address_in(country)
    walk_to_preview(client, [shop["rug"]], address=address, guest=False)
    wrong, seen = [], {}
    for language in LANGUAGES:
        urls = {**shop_urls(shop, language), **trust_urls(client, language)}
        for name in SHOP_PAGES + TRUST_PAGES + CHECKOUT_PAGES:
            html = fetch(client, name, urls[name])
            wrong += [f"{language} {w}" for w in check(name, html, language, country, currency)]
            seen.setdefault(language, []).append(name)
    response = start_payment(client)
    assert response.status_code == 200, response.content
    client.get(response.json()["return_url"])
    order = Order.objects.get()
    for language in LANGUAGES:
        urls = order_urls(order, language)
        for name in ORDER_PAGES[:-1]:
            html = fetch(client, name, urls[name])
            wrong += [f"{language} {w}" for w in check(name, html, language, country, currency)]
            seen[language].append(name)
    # The guest order page shows only an order placed without an account: the same order,
    # as a guest's, read through its signed link and the buyer's email.
    Order.objects.filter(pk=order.pk).update(user=None, guest_email=EMAIL)
    for language in LANGUAGES:
        urls = order_urls(order, language)
        client.post(urls["guest order form"], {"email": EMAIL})
        html = fetch(client, "guest order", urls["guest order"])
        found = check("guest order", html, language, country, currency)
        wrong += [f"{language} {w}" for w in found]
        seen[language].append("guest order")
    assert not wrong, "\n".join(wrong)
    assert all(seen[language] == list(PAGES) for language in LANGUAGES)
