"""Order emails: a confirmation to the buyer, a new-order notice to each seller concerned.

Each message is rendered in its recipient's language: the buyer's checkout language, the
seller's ``preferred_language`` (French when the seller has none).
"""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.core.countries import country_name
from marketplace.currency.display import for_payment
from marketplace.idempotency.mail import send_once
from marketplace.payments.charges import placed_charges
from marketplace.payments.confirmation import order_confirmation

SELLER_DEFAULT_LANGUAGE = "fr"


def site_url():
    """The site's public address, for links in emails (``SITE_URL``)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _message(template, context, language, to):
    with translation.override(language):
        subject = render_to_string(f"payments/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"payments/email/{template}_body.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def order_status_url(order, language):
    """The buyer's order page in ``language``: a guest's is Oscar's order-status page, signed by
    the order's verification hash; a registered buyer's is the account order page."""
    with translation.override(language):
        if order.user_id is None:
            kwargs = {"order_number": order.number, "hash": order.verification_hash()}
            path = reverse("customer:anon-order", kwargs=kwargs)
        else:
            path = reverse("customer:order", kwargs={"order_number": order.number})
    return site_url() + path


def buyer_confirmation(order, language):
    """``(key, message)`` of the buyer's confirmation, or None without an address."""
    email = order.email
    if not email:
        return None
    confirmation = order_confirmation(order)
    context = {
        "order": order,
        "confirmation": confirmation,
        "payment": confirmation.payment,
        "charges": placed_charges(confirmation),
        "money_display": for_payment(confirmation.payment),
        "status_url": order_status_url(order, language),
    }
    return f"order-placed:{order.pk}:buyer", _message("order_placed", context, language, [email])


def seller_notifications(order):
    """One ``(key, message)`` per seller with lines in ``order``, listing only that seller's
    lines, with what its parcel needs: the destination, the service the buyer chose, who pays
    the duties and whether the marketplace checks the packing first."""
    by_seller = {}
    for line in order.lines.select_related("partner").prefetch_related("partner__users"):
        if line.partner is not None:
            by_seller.setdefault(line.partner, []).append(line)
    parcels = {
        parcel.partner_id: parcel for parcel in order.parcels.select_related("service__carrier")
    }
    address = order.shipping_address
    country = address.country_id if address is not None else None
    messages = []
    for seller, lines in by_seller.items():
        recipients = [user.email for user in seller.users.all() if user.email]
        if not recipients:
            continue
        language = getattr(seller, "preferred_language", None) or SELLER_DEFAULT_LANGUAGE
        context = {
            "order": order,
            "lines": lines,
            "seller": seller,
            "parcel": parcels.get(seller.pk),
            "country": country_name(country, language) if country else "",
            "site_url": site_url(),
        }
        message = _message("seller_new_order", context, language, recipients)
        messages.append((f"order-placed:{order.pk}:seller:{seller.pk}", message))
    return messages


@shared_task(
    name="marketplace.payments.tasks.send_order_emails",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_order_emails(order_id, language):
    """The buyer's confirmation and each seller's notice, each sent once (a key per recipient):
    run again, or retried after a dropped connection, it sends only what has not gone."""
    order = get_model("order", "Order").objects.filter(pk=order_id).first()
    if order is None:
        return 0
    keyed = [buyer_confirmation(order, language), *seller_notifications(order)]
    sent = 0
    with get_connection() as connection:
        for key, message in filter(None, keyed):
            message.connection = connection
            sent += send_once(key, message)
    return sent


def sellers_of(dispute):
    """The sellers with lines in the disputed order."""
    Partner = get_model("partner", "Partner")
    if dispute.order_id is None:
        return Partner.objects.none()
    return Partner.objects.filter(pk__in=dispute.order.lines.values("partner_id"))


@shared_task(
    name="marketplace.payments.tasks.send_dispute_emails",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_dispute_emails(dispute_id):
    """Ask each seller of a disputed order for its evidence, in its language, once each."""
    dispute = (
        get_model("payments", "Dispute")
        .objects.select_related("order")
        .filter(pk=dispute_id)
        .first()
    )
    if dispute is None:
        return 0
    sent = 0
    for seller in sellers_of(dispute).prefetch_related("users"):
        recipients = [user.email for user in seller.users.all() if user.email]
        if not recipients:
            continue
        language = getattr(seller, "preferred_language", None) or SELLER_DEFAULT_LANGUAGE
        with translation.override(language):
            url = site_url() + reverse("seller_space:dispute", args=[dispute.pk])
        context = {"dispute": dispute, "seller": seller, "url": url}
        message = _message("seller_dispute", context, language, recipients)
        sent += send_once(f"dispute-opened:{dispute.pk}:seller:{seller.pk}", message)
    return sent
