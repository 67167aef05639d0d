"""Each 5xx the fuzz test of public URLs found (tests/security/test_fuzz_public_urls.py), kept
fixed: garbage in a request gets a 4xx or a normal page."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductReviewFactory

from tests.factories.catalogue import ProductFactory

pytestmark = pytest.mark.django_db
Review = get_model("reviews", "ProductReview")


@pytest.mark.parametrize("query", ["%00", "a%00b", "%00%00%00"])
def test_search_for_nul_bytes_is_a_normal_page(client, query):
    response = client.get(f"/en/search/?q={query}")
    assert response.status_code == 200


def test_search_reads_a_nul_byte_as_a_space(client):
    ProductFactory(title_en="Beni Ouarain rug")
    response = client.get("/en/search/?q=beni%00ouarain")
    assert response.status_code == 200
    assert response.context["query"] == "beni ouarain"
    assert response.context["paginator"].count == 1


def test_search_drops_control_characters_but_keeps_the_words(client):
    response = client.get("/en/search/?q=%01rug%1b%7f%C2%85")
    assert response.context["query"] == "rug"


@pytest.mark.parametrize(
    "path",
    [
        "/en/wishlists/%00/",
        "/en/accounts/wishlists/a%00b/",
        "/en/accounts/alerts/confirm/%00/",
        "/en/accounts/alerts/cancel/key/%00/",
        "/en/shipping/orders/%00/tracking/",
    ],
)
def test_a_nul_byte_in_the_path_is_a_bad_request(client, path):
    assert client.get(path).status_code == 400


def test_payment_start_with_an_empty_basket_says_why(client):
    response = client.post(reverse("checkout:payment-start"))
    assert response.status_code == 409
    assert "add some items" in response.json()["error"]


def test_media_with_an_overlong_name_is_not_found(client, settings):
    settings.MEDIA_ROOT.mkdir(parents=True)
    response = client.get("/media/" + "x" * 3000, follow=True)
    assert response.status_code == 404


def test_reviews_of_a_product_id_beyond_64_bits_are_not_found(client):
    huge = "9" * 26  # SQLite cannot bind it; PostgreSQL compares it
    assert client.get(f"/en/catalogue/rug_{huge}/reviews/").status_code == 404


def test_reviews_of_a_product_are_still_listed(client):
    rug = ProductFactory()
    ProductReviewFactory(product=rug, title="Soft wool", body="Lovely", status=Review.APPROVED)
    response = client.get(f"/en/catalogue/{rug.slug}_{rug.pk}/reviews/")
    assert response.status_code == 200
    assert [review.title for review in response.context["reviews"]] == ["Soft wool"]
