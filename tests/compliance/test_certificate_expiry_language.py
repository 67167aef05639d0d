"""Certificate expiry emails are written in the seller's preferred language."""

import datetime

import pytest
from django.core import mail
from django.utils import translation
from oscar.test.factories import UserFactory

from compliance.certificates.expiry import apply_expired, warn_expiring
from tests.factories.catalogue import SellerFactory
from tests.factories.compliance import CertificateFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def seller_speaking(language):
    seller = SellerFactory(preferred_language=language)
    seller.users.add(UserFactory(email=f"{language}@example.ma"))
    return seller


def certificate_expiring(seller, days):
    return CertificateFactory(
        partner=seller,
        issued_on=TODAY - datetime.timedelta(days=300),
        expires_on=TODAY + datetime.timedelta(days=days),
    )


def test_warning_is_sent_in_french_to_a_french_speaking_seller():
    certificate_expiring(seller_speaking("fr"), 5)
    with translation.override("en"):
        warn_expiring(TODAY)
    assert mail.outbox[0].subject == "Votre certificat expire le 2026-11-28"


def test_expiry_notice_is_sent_in_arabic_to_an_arabic_speaking_seller():
    certificate_expiring(seller_speaking("ar"), -1)
    with translation.override("en"):
        apply_expired(TODAY)
    assert mail.outbox[0].subject == "انتهت صلاحية شهادتك في 2026-11-22"


def test_english_speaking_seller_gets_english_while_the_site_speaks_spanish():
    certificate_expiring(seller_speaking("en"), 5)
    with translation.override("es"):
        warn_expiring(TODAY)
    assert mail.outbox[0].subject == "Your certificate expires on 2026-11-28"
    assert "Upload a renewed certificate" in mail.outbox[0].body


def test_each_seller_gets_its_own_language_in_one_run():
    certificate_expiring(seller_speaking("fr"), 5)
    certificate_expiring(seller_speaking("es"), 5)
    warn_expiring(TODAY)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["fr@example.ma"].startswith("Votre certificat")
    assert not subjects["es@example.ma"].startswith("Your certificate")
    assert not subjects["es@example.ma"].startswith("Votre certificat")
