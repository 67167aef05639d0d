"""A facet option's link sets or clears one filter, keeps the others and drops the page."""

import pytest
from django.test import RequestFactory

from catalog.listing import toggler


def old_style(request, name, value):
    """What the link was when built from a copy of the query string (the reference)."""
    params = request.GET.copy()
    params.pop("page", None)
    if params.get(name) == value:
        params.pop(name)
    else:
        params[name] = value
    return f"?{params.urlencode()}" if params else request.path


QUERIES = [
    "",
    "page=3",
    "q=tapis+berb%C3%A8re&region=fes&page=2",
    "region=fes&region=safi&sort=price-asc",
    "craft=rugs&price=500-2000&unique=1",
    "q=%D8%B2%D8%B1%D8%A8%D9%8A%D8%A9&ships_to=US",
]
TOGGLES = [
    ("region", "fes"),
    ("region", "safi"),
    ("craft", "rugs"),
    ("unique", "1"),
    ("price", "0-500"),
    ("ships_to", "US"),
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("name, value", TOGGLES)
def test_a_toggle_link_is_the_query_string_with_one_filter_flipped(query, name, value):
    request = RequestFactory().get(f"/en/catalogue/?{query}")

    assert toggler(request)(name, value) == old_style(request, name, value)


def test_clearing_the_only_filter_links_to_the_bare_list():
    request = RequestFactory().get("/en/catalogue/?craft=rugs&page=4")

    assert toggler(request)("craft", "rugs") == "/en/catalogue/"
