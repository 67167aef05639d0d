"""A list's product cards sit under a heading of their own: on a phone the filters (and their
headings) are hidden, and a card's h3 straight after the page's h1 skips a level."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language, label", [("en", "Results"), ("ar", "النتائج")])
def test_the_results_open_with_a_level_two_heading_before_the_cards(
    client, craft, product, language, label
):
    html = client.get(craft.get_absolute_url().replace("/en/", f"/{language}/")).content
    results = BeautifulSoup(html, "html.parser").find(id="results")
    headings = results.find_all(["h2", "h3"])
    assert headings[0].name == "h2" and headings[0].get_text(strip=True) == label
    assert [h.name for h in headings[1:]] and {h.name for h in headings[1:]} == {"h3"}
