"""Certificate expiry: warn the seller's members before, apply the rules after.

Rules read certificates by date, so an expired certificate stops counting on its own; applying
expiry bumps the page cache so cached pages stop saying "ships to" at once.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from compliance.certificates.models import Certificate
from marketplace.core.cache import CATALOGUE, STOREFRONT, bump


def _emails(partner):
    return [email for email in partner.users.values_list("email", flat=True) if email]


def _notify(certificate, subject, body):
    """Send ``subject`` and ``body`` (untranslated msgids) in the seller's preferred language."""
    partner = certificate.partner
    recipients = _emails(partner)
    if not recipients:
        return
    language = getattr(partner, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        values = {"certificate": certificate, "date": certificate.expires_on.isoformat()}
        send_mail(_(subject) % values, _(body) % values, settings.DEFAULT_FROM_EMAIL, recipients)


def _mark(certificate, field):
    """Set ``field`` (a date-time) under a row lock; False when another run set it first.

    Call inside a transaction: the email goes out in it, so a run that dies before its commit
    leaves the certificate to the next run, and two runs at once email once.
    """
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if getattr(locked, field):
        return False
    setattr(locked, field, timezone.now())
    locked.save(update_fields=[field])
    return True


def warn_expiring(today=None):
    """Email once about each verified certificate expiring within the warning window."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.CERTIFICATE_EXPIRY_WARNING_DAYS)
    due = Certificate.objects.filter(
        verified_at__isnull=False,
        expiry_warned_at__isnull=True,
        expires_on__gte=today,
        expires_on__lte=horizon,
    ).select_related("partner")
    count = 0
    for certificate in due:
        with transaction.atomic():
            if not _mark(certificate, "expiry_warned_at"):
                continue
            _notify(
                certificate,
                gettext_noop("Your certificate expires on %(date)s"),
                gettext_noop(
                    "%(certificate)s expires on %(date)s. Upload a renewed certificate so "
                    "your pieces keep shipping to the countries that require it."
                ),
            )
            count += 1
    return count


def apply_expired(today=None):
    """Mark newly expired certificates and tell their sellers, once each; refresh cached pages.

    The page cache is bumped first: pages rendered after the expiry date read the certificate
    as expired anyway, and a run that dies midway bumps it again when it runs next.
    """
    today = today or timezone.localdate()
    expired = Certificate.objects.filter(expires_on__lt=today, expiry_applied_at__isnull=True)
    if not expired.exists():
        return 0
    bump(STOREFRONT)
    bump(CATALOGUE)
    count = 0
    for certificate in expired.select_related("partner"):
        with transaction.atomic():
            if not _mark(certificate, "expiry_applied_at"):
                continue
            _notify(
                certificate,
                gettext_noop("Your certificate expired on %(date)s"),
                gettext_noop(
                    "%(certificate)s expired on %(date)s. The pieces it covered no longer ship "
                    "to the countries that require it until a renewed certificate is verified."
                ),
            )
            count += 1
    return count
