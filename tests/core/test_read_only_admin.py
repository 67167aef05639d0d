"""Records only their services write are shown in the admin, never added, changed or deleted."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db
READ_ONLY = [
    "payments/checkoutpayment",
    "payments/paymentrefund",
    "payouts/ledgerentry",
    "payouts/payoutrun",
    "payouts/payout",
    "compliance/rulechange",
    "partner/verificationevent",
]


@pytest.fixture
def superuser_client(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "boss@example.com", "x"))
    return client


@pytest.mark.parametrize("model", READ_ONLY)
def test_even_a_superuser_only_lists_records_their_services_write(superuser_client, model):
    assert superuser_client.get(f"/django-admin/{model}/").status_code == 200
    assert superuser_client.get(f"/django-admin/{model}/add/").status_code == 403
