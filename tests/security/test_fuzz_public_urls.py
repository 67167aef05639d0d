"""No input makes a public page answer 5xx.

Every URL pattern of the project (``get_resolver()`` walked recursively) that answers an
anonymous visitor without sending them to a login page is driven with generated requests:
path parameters from real seeded objects or garbage their regex accepts, query strings of
garbage (NUL bytes, invalid UTF-8 percent-encodings, huge and negative numbers, unknown
choices, repeated parameters, overlong text), and the POST forms the public pages show, filled
with the same garbage. Hypothesis generates them, derandomized so CI runs the same requests.
"""

import sys
import time
import traceback

import hypothesis
import pytest
from bs4 import BeautifulSoup
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import resolve, reverse
from django.utils import translation
from hypothesis import HealthCheck, example, given
from oscar.core.loading import get_model
from oscar.test.factories import (
    ConditionalOfferFactory,
    ProductAlertFactory,
    ProductReviewFactory,
    RangeFactory,
    WishListFactory,
)

from marketplace.cms import models as cms_models
from tests.factories.catalogue import CategoryFactory, ProductFactory
from tests.factories.checkout import CountryFactory
from tests.factories.cms import add_page
from tests.factories.orders import order_for
from tests.factories.users import UserFactory
from tests.support import fuzzing

pytestmark = pytest.mark.django_db
GET_EXAMPLES = 3
POST_EXAMPLES = 5
WishList = get_model("wishlists", "WishList")
FORM_ENCODED = "application/x-www-form-urlencoded"


def hypothesis_settings(examples):
    return hypothesis.settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
    )


@pytest.fixture
def seeded(home_page):
    """An object of each kind a public URL names: (``fuzzing.path_values_of`` their URLs,
    real values for query parameters and form fields)."""
    craft = CategoryFactory(slug="rugs")
    product = ProductFactory(category=craft, title_en="Beni Ouarain rug")
    seller = product.stockrecords.get().partner
    CountryFactory()
    page = add_page(home_page, cms_models.StandardPage, "About us")
    order = order_for(product)
    wishlist = WishListFactory(owner=UserFactory(), visibility=WishList.PUBLIC)
    alert = ProductAlertFactory(product=product, user=None, email="alert@example.com")
    review = ProductReviewFactory(product=product, title="Lovely", body="Soft wool")
    offer = ConditionalOfferFactory(slug="spring-offer")
    RangeFactory(slug="spring", is_public=True, products=[product])
    reviews = {"product_slug": product.slug, "product_pk": product.pk}
    urls = [
        product.get_absolute_url(),
        craft.get_absolute_url(),
        page.url,
        reverse("catalogue:seller", kwargs={"slug": seller.slug}),
        reverse("catalogue:range", kwargs={"slug": "spring"}),
        reverse("offer:detail", kwargs={"slug": offer.slug}),
        reverse("catalogue:reviews-list", kwargs=reviews),
        reverse("catalogue:reviews-add", kwargs=reviews),
        reverse("catalogue:reviews-detail", kwargs={**reviews, "pk": review.pk}),
        reverse("basket:add", kwargs={"pk": product.pk}),
        reverse("customer:alert-create", kwargs={"pk": product.pk}),
        reverse("customer:alerts-confirm", kwargs={"key": alert.key}),
        reverse("customer:alerts-cancel-by-key", kwargs={"key": alert.key}),
        reverse("wishlists:detail", kwargs={"key": wishlist.key}),
        reverse("customer:anon-order", args=[order.number, order.verification_hash()]),
        reverse("fulfilment:order-tracking", kwargs={"number": order.number}),
        reverse("sitemap_section", kwargs={"section": "products"}),
    ]
    words = {craft.slug, seller.region.code, order.verification_hash(), "rug", "price-asc", "EUR"}
    return fuzzing.path_values_of(urls), {*words, "relevance", "US", "fr", "1", "2", "48"}


class Driver:
    """Sends requests as an anonymous visitor; counts them and the 5xx answers."""

    def __init__(self):
        self.client = Client(raise_request_exception=False)
        self.count = 0
        self.server_errors = 0
        self._exception = None
        got_request_exception.connect(self._remember)

    def close(self):
        got_request_exception.disconnect(self._remember)

    def _remember(self, sender, **kwargs):
        self._exception = "".join(traceback.format_exception(*sys.exc_info()))

    def send(self, method, url, body=""):
        """GET ``url``, or POST ``body`` (urlencoded, sent as it is) to it; a 5xx fails."""
        self._exception = None
        self.count += 1
        if method == "POST":
            response = self.client.post(url, body, content_type=FORM_ENCODED)
        else:
            response = self.client.get(url)
        if response.status_code >= 500:
            self.server_errors += 1
            raise AssertionError(
                f"{method} {url} {body!r} -> {response.status_code}\n{self._exception}"
            )
        return response


def public_routes(driver, path_values):
    """(route, its page with real values) for each route an anonymous visitor reaches, that is,
    is not sent to a login page. Routes of one view in one mounted area are asked once."""
    found, private = [], set()
    for route in fuzzing.routes():
        if route.access_key in private:
            continue
        url = route.url(fuzzing.first_values(route, path_values))
        try:
            response = driver.send("GET", url)
        except AssertionError:
            found.append((route, None))
            continue
        if fuzzing.is_login_redirect(response):
            private.add(route.access_key)
        else:
            found.append((route, response))
    return found


def post_forms(route, url, response):
    """The POST forms of a route's page: {action URL: {field: value shown}}. A view that takes
    POST counts with its form class's fields even if the page does not show the form (Oscar's
    review form), and a POST-only view (405 to GET) without fields."""
    if response is None:
        return {}
    forms = {}
    if response.status_code == 405 and "POST" in response.get("Allow", ""):
        forms[url] = {}
    if hasattr(route.view, "post") and response.status_code < 400:
        form_class = getattr(route.view, "form_class", None)
        forms[url] = dict.fromkeys(getattr(form_class, "base_fields", ()), "")
    if "html" not in response.get("Content-Type", ""):
        return forms
    for form in BeautifulSoup(response.content, "html.parser").find_all("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        fields = {}
        for field in form.find_all(["input", "select", "textarea"]):
            name = field.get("name")
            if not name or name == "csrfmiddlewaretoken":
                continue
            option = field.find("option") if field.name == "select" else None
            fields[name] = (option or field).get("value", "")
        action = (form.get("action") or url).split("?")[0]
        forms[action] = {**forms.get(action, {}), **fields}
    return forms


def one_per_view(forms):
    """One form per view and URL pattern: two products' basket forms test the same code."""
    kept = {}
    for action, fields in forms.items():
        language = action.split("/")[1]
        with translation.override(language if language in fuzzing.LANGUAGES else "en"):
            match = resolve(action)
        kept.setdefault((match._func_path, match.route), (action, fields))
    return dict(kept.values())


def drive_get(driver, route, path_values, query_values):
    @hypothesis_settings(GET_EXAMPLES)
    @given(
        values=fuzzing.path_values(route, path_values),
        query=fuzzing.query_strings(query_values),
    )
    def get(values, query):
        driver.send("GET", route.url(values, query))

    for values, query in fuzzing.garbage_everywhere(route, path_values):
        get = example(values=values, query=query)(get)
    get()


def drive_post(driver, action, fields, query_values):
    @hypothesis_settings(POST_EXAMPLES)
    @given(body=fuzzing.form_bodies(fields, query_values))
    def post(body):
        driver.send("POST", action, body)

    for body in fuzzing.garbage_forms(fields):
        post = example(body=body)(post)
    post()


def start_checkout(driver, product_pk):
    """A basket and a guest checkout up to the shipping method: their pages show their forms."""
    driver.send("POST", f"/en/basket/add/{product_pk}/", "quantity=1")
    driver.send("POST", "/en/checkout/", "username=guest%40example.com&options=anonymous")
    address = "first_name=Claire&last_name=Martin&line1=12+rue+des+Arts&line4=Lyon"
    driver.send("POST", "/en/checkout/shipping-address/", f"{address}&postcode=69001&country=FR")


def test_no_public_url_answers_5xx_to_garbage(seeded, settings, capsys):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins
    path_values, query_values = seeded
    driver = Driver()
    failures = []
    started = time.monotonic()
    try:
        start_checkout(driver, min(path_values[1]["product_pk"]))
        routes = public_routes(driver, path_values)
        forms = {}
        for route, response in routes:
            try:
                drive_get(driver, route, path_values, query_values)
            except AssertionError as error:
                failures.append(str(error))  # the smallest failing request; go on
            if response is not None:
                forms.update(post_forms(route, response.request["PATH_INFO"], response))
        forms = one_per_view(forms)
        for action, fields in forms.items():
            try:
                drive_post(driver, action, fields, query_values)
            except AssertionError as error:
                failures.append(str(error))
    finally:
        driver.close()
    with capsys.disabled():
        print(
            f"\nfuzz: {len(routes)} public routes, {len(forms)} public forms, "
            f"{driver.count} requests, {driver.server_errors} answered 5xx, "
            f"{time.monotonic() - started:.1f} s"
        )
    assert not failures, "\n\n".join(failures)
