"""The parts of a list page built in Python (facet links, kept parameters, page links, the
price range) say what the template loops said, escaped, and keep every other parameter."""

from decimal import Decimal
from html import unescape
from urllib.parse import parse_qsl

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict
from django.test import Client

from marketplace.core.html import counted_links, hidden_inputs, page_query
from tests.factories.catalogue import ProductFactory, RegionFactory

pytestmark = pytest.mark.django_db

HOSTILE = '"><script>alert(1)</script>'


@pytest.fixture
def shelf(craft):
    """Thirty rugs: two pages of 24, from a region with a hostile name."""
    region = RegionFactory(code="hostile", name_en=HOSTILE)
    return [
        ProductFactory(category=craft, region=region, stockrecord__price=Decimal("100"))
        for _ in range(30)
    ]


def page(client, query):
    response = client.get(f"/en/catalogue/?{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_facet_link_shows_its_label_count_and_current_mark(client, shelf):
    soup = page(client, "region=hostile")
    link = next(a for a in soup.find("aside").find_all("a") if HOSTILE in a.get_text())
    assert link["aria-current"] == "true"
    assert link.find("span", class_="facet-count").get_text() == "30"
    assert "<script>alert(1)</script>" not in str(soup.find("aside"))


def test_a_hostile_parameter_is_kept_escaped_in_the_forms(client, shelf):
    soup = page(client, "utm_source=%22%3E%3Cscript%3Ex%3C%2Fscript%3E&sort=price-asc")
    kept = [i["value"] for i in soup.find_all("input", {"type": "hidden", "name": "utm_source"})]
    assert kept == ['"><script>x</script>', '"><script>x</script>']  # sort form, price form
    assert "<script>x</script>" not in str(soup.find(id="content_inner"))


def test_the_next_page_link_keeps_every_other_parameter(client, shelf):
    soup = page(client, "q%26x=a%3Db&sort=price-asc&page=1")
    href = soup.find("a", rel="next")["href"]
    assert parse_qsl(href.lstrip("?")) == [("q&x", "a=b"), ("sort", "price-asc"), ("page", "2")]


def test_a_price_bound_that_is_not_typed_leaves_the_form_unbound(client, shelf):
    response = client.get("/en/catalogue/", {"utm_source": "mail"})
    assert not response.context["price_form"].is_bound


def test_a_typed_price_bound_is_shown_back(client, shelf):
    soup = page(client, "price_min=12%2C5")
    assert soup.find("input", {"name": "price_min"})["value"] == "12,5"


def test_the_price_inputs_are_labelled_in_each_visitors_own_currency(client, shelf):
    pounds = Client()
    pounds.cookies["currency"] = "GBP"
    page(pounds, "sort=newest")
    client.cookies["currency"] = "EUR"
    label = page(client, "sort=newest").find("label", attrs={"for": "id_price_min"})
    assert label.get_text() == "From (EUR)"


def test_counted_links_escape_quotes_in_urls_and_labels():
    html = counted_links([{"url": '?a="b"', "label": "<b>", "count": 3, "selected": False}])
    assert html == (
        '<li><a href="?a=&quot;b&quot;" rel="nofollow">&lt;b&gt; '
        '<span class="facet-count">3</span></a></li>'
    )


def test_hidden_inputs_leave_out_the_excluded_parameters():
    params = QueryDict("sort=new&q=%C3%A9t%C3%A9&page=3")
    assert unescape(hidden_inputs(params, ("sort", "page"))) == (
        '<input type="hidden" name="q" value="été">'
    )


def test_a_page_query_replaces_the_page():
    assert page_query(QueryDict("page=3&q=rug"), 4) == "?q=rug&page=4"
