"""The checkout preview and basket pages cost the same queries whatever the number of pieces."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.checkout import CountryFactory, unique_piece, walk_to_preview

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/en/checkout/shipping-method/", "/en/checkout/preview/", "/en/basket/"]
)
def test_page_queries_do_not_grow_with_the_number_of_sellers_pieces(client, url):
    from django.test import Client

    CountryFactory()
    counts = []
    for size in (2, 6):
        buyer = Client()
        walk_to_preview(buyer, [unique_piece() for _ in range(size)], email=f"b{size}@example.com")
        counts.append(queries_for(buyer, url))
    assert counts[0] == counts[1], counts
