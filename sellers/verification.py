"""The verification workflow: which decision moves a seller from which status to which.

``TRANSITIONS`` is the whole table; anything not in it is refused. Every applied transition
is recorded in the append-only history and, once the transaction commits, the applicant is
emailed in their preferred language.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from sellers.emails import send_status_email
from sellers.models import person_label
from sellers.verifiers import get_verifier

Partner = get_model("partner", "Partner")
VerificationEvent = get_model("partner", "VerificationEvent")
Status = Partner.Status

CURATOR, APPLICANT, SYSTEM = "curator", "applicant", "system"


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple
    target: str
    by: str
    reason_required: bool


TRANSITIONS = {
    t.action: t
    for t in (
        Transition("submit", _("Submit the application"), ("",), Status.PENDING, APPLICANT, False),
        Transition("verify", _("Verify"), (Status.PENDING,), Status.VERIFIED, CURATOR, False),
        Transition(
            "request_info",
            _("Ask for more information"),
            (Status.PENDING, Status.VERIFIED),
            Status.NEEDS_INFO,
            CURATOR,
            True,
        ),
        Transition(
            "resubmit",
            _("Send the answer"),
            (Status.NEEDS_INFO,),
            Status.PENDING,
            APPLICANT,
            False,
        ),
        Transition(
            "reject",
            _("Reject"),
            (Status.PENDING, Status.NEEDS_INFO),
            Status.REJECTED,
            CURATOR,
            True,
        ),
        Transition("suspend", _("Suspend"), (Status.VERIFIED,), Status.SUSPENDED, CURATOR, True),
        Transition(
            "reinstate", _("Reinstate"), (Status.SUSPENDED,), Status.VERIFIED, CURATOR, True
        ),
        Transition(
            "card_expired",
            _("Professional card expired"),
            (Status.VERIFIED,),
            Status.NEEDS_INFO,
            SYSTEM,
            True,
        ),
    )
}


class TransitionRefused(Exception):
    """The decision is not allowed from the seller's current status (or lacks a reason)."""


def available_actions(seller, by):
    """The transitions ``by`` (curator, applicant, system) may apply to ``seller`` now."""
    return [t for t in TRANSITIONS.values() if t.by == by and seller.status in t.sources]


def check(seller, action, by, reason=""):
    """The transition for ``action``, or TransitionRefused."""
    transition = TRANSITIONS.get(action)
    if transition is None or transition.by != by:
        raise TransitionRefused(f"Unknown action {action!r} for {by}.")
    if seller.status not in transition.sources:
        raise TransitionRefused(f"{action!r} is not allowed from {seller.status!r}.")
    if transition.reason_required and not reason.strip():
        raise TransitionRefused(f"{action!r} needs a reason.")
    return transition


def _actor_label(user):
    if user is None or isinstance(user, AnonymousUser):
        return "system"
    return person_label(user)[:254]


@transaction.atomic
def apply(seller, action, by, actor=None, reason="", actor_label=None, notify=True):
    """Apply ``action`` to ``seller`` under a row lock; record and announce it. Return the event.

    ``seller`` is refreshed from the locked row, so two curators deciding at once cannot both
    act on the same status.
    """
    locked = Partner.objects.select_for_update().get(pk=seller.pk)
    is_new = action == "submit" and not locked.verification_events.exists()
    from_status = "" if is_new else locked.status
    probe = Partner(status=from_status)
    transition = check(probe, action, by, reason)
    locked.status = transition.target
    fields = ["status"]
    if transition.target == Status.VERIFIED:
        locked.verified_at = timezone.now()
        fields.append("verified_at")
    if transition.target == Status.PENDING:
        locked.submitted_at = timezone.now()
        fields.append("submitted_at")
    locked.save(update_fields=fields)
    event = VerificationEvent.objects.create(
        seller=locked,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label or _actor_label(actor),
        action=action,
        from_status=from_status,
        to_status=transition.target,
        reason=reason.strip(),
    )
    for name in fields:
        setattr(seller, name, getattr(locked, name))
    if notify:
        transaction.on_commit(lambda: _notify(event.pk))
    return event


def _notify(event_id):
    send_status_email.delay(event_id)


def submit(seller, applicant):
    """A new application (already saved as pending) enters the workflow, then the verifier."""
    event = apply(seller, "submit", APPLICANT, actor=applicant)
    run_verifier(seller)
    return event


def resubmit(seller, applicant, reason=""):
    event = apply(seller, "resubmit", APPLICANT, actor=applicant, reason=reason)
    run_verifier(seller)
    return event


def run_verifier(seller):
    """Ask the configured verifier; apply its decision if it makes one (manual review: none)."""
    verifier = get_verifier()
    verdict = verifier.check(seller)
    if verdict.action:
        # A register lookup decides through the curators' transitions, named in the history.
        label = f"verifier:{type(verifier).__name__}"
        apply(seller, verdict.action, CURATOR, reason=verdict.reason, actor_label=label)
    return verdict
