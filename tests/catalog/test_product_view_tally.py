"""Anonymous product views are counted as a worker's tally, sent as one message
(``catalog.product_views``); a signed-in viewer's view is sent at once, with their history."""

import pytest
from django.test import override_settings
from oscar.core.loading import get_model

from catalog import product_views

pytestmark = pytest.mark.django_db
ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")


def views_of(product):
    record = ProductRecord.objects.filter(product=product).first()
    return record.num_views if record else 0


def view(client, product, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(product.get_absolute_url()).status_code == 200


@pytest.fixture
def empty_tally():
    product_views.send_tally()
    yield
    product_views.send_tally()


@override_settings(PRODUCT_VIEW_FLUSH_SECONDS=3600)
def test_anonymous_views_wait_in_the_tally_until_it_is_sent(
    client, product, empty_tally, django_capture_on_commit_callbacks
):
    for _ in range(3):
        view(client, product, django_capture_on_commit_callbacks)
    assert views_of(product) == 0
    product_views.send_tally()
    assert views_of(product) == 3


@override_settings(PRODUCT_VIEW_FLUSH_SECONDS=3600)
def test_a_signed_in_viewer_is_counted_at_once_with_their_history(
    client, product, empty_tally, django_user_model, django_capture_on_commit_callbacks
):
    buyer = django_user_model.objects.create_user("yasmine", "yasmine@example.com", "pw")
    client.force_login(buyer)
    view(client, product, django_capture_on_commit_callbacks)
    assert views_of(product) == 1
    assert UserProductView.objects.filter(user=buyer, product=product).exists()


def test_the_tally_is_sent_once_its_time_has_passed(
    client, product, empty_tally, django_capture_on_commit_callbacks
):
    view(client, product, django_capture_on_commit_callbacks)
    assert views_of(product) == 1
