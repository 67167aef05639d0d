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
from marketplace.core.cache import STOREFRONT, bump


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
            locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
            if locked.expiry_warned_at:
                continue
            locked.expiry_warned_at = timezone.now()
            locked.save(update_fields=["expiry_warned_at"])
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
    """Mark newly expired certificates, tell their sellers and refresh cached pages."""
    today = today or timezone.localdate()
    expired = Certificate.objects.filter(
        expires_on__lt=today, expiry_applied_at__isnull=True
    ).select_related("partner")
    count = 0
    for certificate in expired:
        certificate.expiry_applied_at = timezone.now()
        certificate.save(update_fields=["expiry_applied_at"])
        _notify(
            certificate,
            gettext_noop("Your certificate expired on %(date)s"),
            gettext_noop(
                "%(certificate)s expired on %(date)s. The pieces it covered no longer ship "
                "to the countries that require it until a renewed certificate is verified."
            ),
        )
        count += 1
    if count:
        bump(STOREFRONT)
    return count
