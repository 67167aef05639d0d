"""The beat task warns sellers before a certificate expires and applies the rules after."""

import datetime

import pytest
from django.core import mail
from oscar.test.factories import UserFactory

from compliance.certificates.expiry import apply_expired, warn_expiring
from compliance.certificates.tasks import check_expiry
from compliance.rules import can_ship
from marketplace.core.cache import STOREFRONT, version
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.compliance import CertificateFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def seller():
    seller = SellerFactory()
    seller.users.add(UserFactory(email="potter@example.ma"))
    return seller


def certificate_expiring(seller, days, **kwargs):
    return CertificateFactory(
        partner=seller,
        issued_on=TODAY - datetime.timedelta(days=300),
        expires_on=TODAY + datetime.timedelta(days=days),
        **kwargs,
    )


def test_warns_members_at_the_edge_of_the_window(seller, settings):
    settings.CERTIFICATE_EXPIRY_WARNING_DAYS = 30
    certificate_expiring(seller, 30)
    assert warn_expiring(TODAY) == 1
    assert mail.outbox[0].to == ["potter@example.ma"]
    assert "2026-12-23" in mail.outbox[0].subject


def test_does_not_warn_a_day_before_the_window(seller, settings):
    settings.CERTIFICATE_EXPIRY_WARNING_DAYS = 30
    certificate_expiring(seller, 31)
    assert warn_expiring(TODAY) == 0 and mail.outbox == []


def test_warns_only_once(seller):
    certificate_expiring(seller, 5)
    warn_expiring(TODAY)
    warn_expiring(TODAY)
    assert len(mail.outbox) == 1


def test_unverified_certificates_get_no_warning(seller):
    certificate_expiring(seller, 5, verified_at=None)
    assert warn_expiring(TODAY) == 0


def test_expiry_applies_the_day_after_and_bumps_the_page_cache(seller):
    plate = ProductFactory(hs_code="6912", stockrecord__seller=seller)
    certificate_expiring(seller, 0, products=[plate])
    assert apply_expired(TODAY) == 0  # still valid on its expiry day
    assert can_ship(plate, "US", on=TODAY)[0] is True
    before = version(STOREFRONT)
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert apply_expired(tomorrow) == 1
    assert version(STOREFRONT) > before
    assert can_ship(plate, "US", on=tomorrow)[0] is False
    assert "expired" in mail.outbox[-1].subject


def test_expiry_is_applied_once(seller):
    certificate_expiring(seller, -2)
    assert apply_expired(TODAY) == 1
    assert apply_expired(TODAY) == 0


def test_beat_task_is_scheduled_and_runs(settings, seller):
    assert (
        settings.CELERY_BEAT_SCHEDULE["certificates-expiry"]["task"] == "certificates.check_expiry"
    )
    certificate_expiring(seller, -400)
    assert check_expiry.delay().get() == {"warned": 0, "expired": 1}
