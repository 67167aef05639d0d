"""The email each move of a return sends to the other party, in that party's language: the
buyer's (the language of the request), the seller's ``preferred_language``. Each recipient gets
one message per move (``send_once`` keyed by the event)."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.idempotency.mail import send_once
from marketplace.idempotency.models import SentEmail
from sellers.emails import recipients as seller_recipients
from sellers.permissions import VERIFY_SELLER, is_curator
from sellers.returns.models import ReturnEvent, ReturnRequest

Status = ReturnRequest.Status
Role = ReturnEvent.Role

TO_BUYER = {
    Status.ACCEPTED: _(
        "Your return is accepted. Send the pieces back and enter the tracking number on the "
        "return's page; the customs paper for the return is there too."
    ),
    Status.REFUSED: _(
        "Your return is refused. If you disagree, you can ask a curator to decide from the "
        "return's page."
    ),
    Status.RECEIVED: _("The seller has received the pieces you sent back."),
    Status.REFUNDED: _(
        "Your refund is on its way to the card you paid with, in the currency you paid in."
    ),
    Status.REPLACED: _("The seller has sent you a replacement."),
}
TO_SELLER = {
    Status.REQUESTED: _(
        "A buyer asks to return pieces. Accept or refuse the return before the deadline shown on "
        "its page."
    ),
    Status.ESCALATED: _("The buyer has asked a curator to decide on this return."),
    Status.ACCEPTED: _("A curator has accepted this return."),
    Status.REFUSED: _("A curator has refused this return."),
    Status.SHIPPED: _(
        "The buyer has sent the pieces back. Confirm their receipt on the return's page."
    ),
    Status.REFUNDED: _(
        "The returned pieces have been refunded; the refund is debited from your payouts."
    ),
}
# Who is told of each move: the other party; of a curator's or the marketplace's, both.
TELLS = {
    Role.BUYER: ("seller",),
    Role.SELLER: ("buyer",),
    Role.CURATOR: ("buyer", "seller"),
    Role.SYSTEM: ("buyer", "seller"),
}


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def buyer_url(request, language):
    """The buyer's page of the return: a guest's is signed by the order's verification hash."""
    order = request.order
    with translation.override(language):
        if order.user_id is None:
            kwargs = {"pk": request.pk, "hash": order.verification_hash()}
            return _absolute(reverse("returns:guest-detail", kwargs=kwargs))
        return _absolute(reverse("returns:detail", kwargs={"pk": request.pk}))


def _message(template_context, language, to):
    with translation.override(language):
        subject = render_to_string("returns/email/update_subject.txt", template_context)
        body = render_to_string("returns/email/update_body.txt", template_context)
    return EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to)


def overdue_message(request):
    """The buyer's notice that the seller let the answer deadline pass."""
    language = request.buyer_language
    with translation.override(language):
        context = {
            "request": request,
            "status": _("No answer from the seller"),
            "note": "",
            "text": _(
                "The seller has not answered your return request in time. You can now ask a "
                "curator to decide from the return's page."
            ),
            "url": buyer_url(request, language),
        }
        return _message(context, language, [request.order.email])


def curators():
    """The users the one curator check (``sellers.permissions.is_curator``) lets in, with an
    email address: active staff, and holders of ``verify_seller`` (the Curators group)."""
    app_label, codename = VERIFY_SELLER.split(".")
    perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    candidates = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_staff=True)
            | Q(is_superuser=True)
            | Q(user_permissions__in=perm)
            | Q(groups__permissions__in=perm)
        )
        .distinct()
        .order_by("pk")
    )
    return [user for user in candidates if is_curator(user)]


def curator_language(user):
    """A curator's language: that of a seller they are a member of, else the marketplace
    team's (``CURATORS_LANGUAGE``); user accounts keep no language of their own."""
    seller = (
        get_model("partner", "Partner")
        .objects.filter(users=user)
        .exclude(preferred_language="")
        .order_by("pk")
        .first()
    )
    return (seller.preferred_language if seller else "") or settings.CURATORS_LANGUAGE


def curator_messages(request):
    """``[(key, EmailMessage)]`` telling each curator, once per return, that it waits for a
    decision, with a link to the curators' returns queue."""
    keyed = []
    told = {user: f"return-escalated:{request.pk}:curator:{user.pk}" for user in curators()}
    sent = set(SentEmail.objects.filter(key__in=told.values()).values_list("key", flat=True))
    for user, key in told.items():
        if key in sent:
            continue  # told already: not even rendered again (``send_once`` still decides)
        language = curator_language(user)
        with translation.override(language):
            context = {
                "request": request,
                "status": ReturnRequest.Status.ESCALATED.label,
                "note": "",
                "text": _(
                    "A buyer asks a curator to decide on this return. The returns waiting for a "
                    "decision are in the curators' queue."
                ),
                "url": _absolute(reverse("curation:returns")),
            }
            message = _message(context, language, [user.email])
        keyed.append((key, message))
    return keyed


def tell_curators(request):
    """Email the curators about an escalated return; once each, however often it runs."""
    return sum(int(send_once(key, message)) for key, message in curator_messages(request))


def messages_for(event):
    """``[(key, EmailMessage)]`` this event sends."""
    request = event.request
    keyed = []
    parties = TELLS[event.role]
    if "buyer" in parties and event.to_status in TO_BUYER and request.order.email:
        language = request.buyer_language
        context = {
            "request": request,
            "status": event.get_to_status_display(),
            "note": event.note,
            "text": TO_BUYER[event.to_status],
            "url": buyer_url(request, language),
        }
        message = _message(context, language, [request.order.email])
        keyed.append((f"return-event:{event.pk}:buyer", message))
    to = seller_recipients(request.seller)
    if "seller" in parties and event.to_status in TO_SELLER and to:
        language = request.seller.preferred_language or "fr"
        with translation.override(language):
            path = reverse("seller_space:return", kwargs={"pk": request.pk})
        context = {
            "request": request,
            "status": event.get_to_status_display(),
            "note": event.note,
            "text": TO_SELLER[event.to_status],
            "url": _absolute(path),
        }
        keyed.append((f"return-event:{event.pk}:seller", _message(context, language, to)))
    return keyed


@shared_task(
    name="returns.send_return_email",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_return_email(event_id):
    event = (
        ReturnEvent.objects.select_related("request__order", "request__seller")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    sent = sum(int(send_once(key, message)) for key, message in messages_for(event))
    if event.to_status == Status.ESCALATED:
        sent += tell_curators(event.request)
    return sent
