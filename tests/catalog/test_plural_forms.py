"""Counts and ranges read in their plural form in Arabic (six forms), French and Spanish: the
product page's delivery estimate (a range takes the form of its upper bound), a list's results
count and the header's basket count. The last test scans the source for a count left out of
ngettext / {% blocktranslate count %}."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from oscar.core.loading import get_model

from tests.factories.catalogue import ProductFactory

Service = get_model("shipping", "Service")
pytestmark = pytest.mark.django_db


@pytest.fixture
def no_processing_time(settings):
    settings.SHIPPING_DEFAULT_PROCESSING_DAYS = 0


def delivery_in(days_max, days_min=1):
    """Every service delivers in ``days_min``–``days_max`` days."""
    for service in Service.objects.all():
        service.transit_days_min, service.transit_days_max = days_min, days_max
        service.save()


def estimate(client, product, language):
    client.cookies["country"] = "FR"
    with translation.override(language):
        url = product.get_absolute_url()
    html = client.get(url).content.decode()
    found = re.search(r'data-testid="shipping-estimate">(.*?)</p>', html, re.S)
    return re.sub(r"\s+", " ", found.group(1))


@pytest.mark.parametrize(
    "low, high, words",
    [
        (1, 1, "التوصيل خلال يوم واحد"),
        (1, 2, "التوصيل خلال يومين"),
        (3, 10, "التوصيل خلال 3 إلى 10 أيام"),
        (11, 18, "التوصيل خلال 11 إلى 18 يومًا"),
        (90, 101, "التوصيل خلال 90 إلى 101 يوم"),
    ],
)
def test_the_arabic_delivery_estimate_takes_the_form_of_its_upper_bound(
    client, craft, no_processing_time, low, high, words
):
    product = ProductFactory(category=craft, processing_days=None)
    delivery_in(high, low)
    assert words in estimate(client, product, "ar")


@pytest.mark.parametrize(
    "language, high, words",
    [
        ("fr", 1, "livré en 1 à 1 jour"),
        ("fr", 18, "livré en 1 à 18 jours"),
        ("es", 1, "entrega en 1–1 día"),
        ("es", 18, "entrega en 1–18 días"),
    ],
)
def test_the_delivery_estimate_is_singular_or_plural_in_french_and_spanish(
    client, craft, no_processing_time, language, high, words
):
    product = ProductFactory(category=craft, processing_days=None)
    delivery_in(high)
    assert words in estimate(client, product, language)


def results_count(client):
    html = client.get("/ar/catalogue/").content.decode()
    return re.search(r'<p class="count">(.*?)</p>', html).group(1)


@pytest.mark.parametrize("pieces, words", [(1, "قطعة واحدة"), (2, "قطعتان"), (3, "3 قطع")])
def test_the_arabic_results_count_agrees_with_the_number(client, craft, pieces, words):
    for _ in range(pieces):
        ProductFactory(category=craft)
    assert results_count(client) == words


@pytest.mark.parametrize("quantity, words", [(1, "قطعة واحدة"), (2, "قطعتان"), (4, "4 قطع")])
def test_the_arabic_basket_count_agrees_with_the_number(client, product, quantity, words):
    client.post(f"/ar/basket/add/{product.pk}/", {"quantity": quantity})
    html = client.get("/ar/basket/").content.decode()
    badge = re.search(r'data-testid="basket-count">(.*?)</span></span>', html).group(1)
    assert f'<span class="visually-hidden">{words}' in badge


# A number (a placeholder or a template variable) followed by an English plural noun.
COUNTED = re.compile(
    r"(%\(\w+\)[sd]|\{\{ ?[\w.]+ ?\}\})(?:–\S+)?\s+(?:\w+\s)?"
    r"(days|pieces|items|item types|photos|parcels|reviews|results|listings|orders|members|"
    r"rates|tiers|megapixels|minutes|hours|units|sellers|certificates|lines)\b"
)
SINGULAR_CALL = re.compile(
    r"\b(?:_|gettext|gettext_lazy|pgettext|pgettext_lazy)\(\s*((?:\"[^\"]*\"\s*)+)"
)
BLOCK = re.compile(
    r"\{% blocktrans(?:late)? (?P<options>[^%]*)%\}(?P<body>.*?)\{% endblocktrans", re.S
)


def source_files(pattern):
    skip = {".venv", "tests", "migrations", "node_modules", "demo"}
    for path in Path(settings.BASE_DIR).rglob(pattern):
        if not skip & set(path.relative_to(settings.BASE_DIR).parts):
            yield path


def test_no_count_is_translated_without_its_plural_forms():
    found = []
    for path in source_files("*.py"):
        for call in SINGULAR_CALL.finditer(path.read_text()):
            if COUNTED.search(call.group(1)):
                found.append(f"{path.name}: {call.group(1)[:70]}")
    for pattern in ("*.html", "*.txt"):
        for path in source_files(pattern):
            for block in BLOCK.finditer(path.read_text()):
                if "count " not in block["options"] and COUNTED.search(block["body"]):
                    found.append(f"{path.name}: {block['body'][:70]}")
    assert found == []
