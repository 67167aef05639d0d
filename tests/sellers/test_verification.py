"""The verification workflow: every transition of the table, and everything else refused."""

import pytest
from oscar.core.loading import get_model

from sellers import verification
from sellers.permissions import is_curator
from sellers.verifiers import ManualReviewVerifier, Verdict
from tests.factories.sellers import ArtisanFactory
from tests.factories.users import UserFactory, curator

Partner = get_model("partner", "Partner")
VerificationEvent = get_model("partner", "VerificationEvent")
S = Partner.Status

ALLOWED = [
    (t.action, source, t.target, t.by)
    for t in verification.TRANSITIONS.values()
    for source in t.sources
    if source
]
REFUSED = [
    (action, status, t.by)
    for action, t in verification.TRANSITIONS.items()
    for status in S.values
    if status not in t.sources
]


def test_the_table_covers_every_decision_of_the_issue():
    assert {(a, s, t) for a, s, t, _by in ALLOWED} == {
        ("verify", S.PENDING, S.VERIFIED),
        ("request_info", S.PENDING, S.NEEDS_INFO),
        ("request_info", S.VERIFIED, S.NEEDS_INFO),
        ("resubmit", S.NEEDS_INFO, S.PENDING),
        ("reject", S.PENDING, S.REJECTED),
        ("reject", S.NEEDS_INFO, S.REJECTED),
        ("suspend", S.VERIFIED, S.SUSPENDED),
        ("reinstate", S.SUSPENDED, S.VERIFIED),
        ("card_expired", S.VERIFIED, S.NEEDS_INFO),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("action, source, target, by", ALLOWED)
def test_each_allowed_transition_moves_the_seller_and_is_recorded(action, source, target, by):
    seller = ArtisanFactory(status=source, verified_at=None)
    actor = curator() if by == verification.CURATOR else None
    event = verification.apply(seller, action, by, actor=actor, reason="Because.")
    seller.refresh_from_db()
    assert seller.status == target
    assert (event.from_status, event.to_status, event.action) == (source, target, action)
    assert event.reason == "Because."
    assert event.actor == actor
    assert event.actor_label == (actor.email if actor else "system")


@pytest.mark.django_db
@pytest.mark.parametrize("action, status, by", REFUSED)
def test_each_transition_is_refused_from_any_other_status(action, status, by):
    seller = ArtisanFactory(status=status)
    seller.verification_events.create(action="submit", to_status=S.PENDING)
    with pytest.raises(verification.TransitionRefused):
        verification.apply(seller, action, by, reason="Because.")
    seller.refresh_from_db()
    assert seller.status == status


@pytest.mark.django_db
def test_an_applicant_cannot_use_a_curators_decision():
    seller = ArtisanFactory(status=S.PENDING)
    with pytest.raises(verification.TransitionRefused):
        verification.apply(seller, "verify", verification.APPLICANT)


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["reject", "request_info"])
def test_a_refusal_or_question_without_a_reason_is_refused(action):
    seller = ArtisanFactory(status=S.PENDING)
    with pytest.raises(verification.TransitionRefused):
        verification.apply(seller, action, verification.CURATOR, reason="   ")


@pytest.mark.django_db
def test_verifying_sets_the_verification_date():
    seller = ArtisanFactory(status=S.PENDING, verified_at=None)
    verification.apply(seller, "verify", verification.CURATOR, actor=curator())
    seller.refresh_from_db()
    assert seller.verified_at is not None


@pytest.mark.django_db
def test_an_application_is_submitted_only_once():
    seller = ArtisanFactory(status=S.PENDING)
    verification.submit(seller, UserFactory())
    with pytest.raises(verification.TransitionRefused):
        verification.submit(seller, UserFactory())
    assert seller.verification_events.count() == 1


@pytest.mark.django_db
def test_history_rows_cannot_be_changed_or_deleted():
    seller = ArtisanFactory(status=S.PENDING)
    event = verification.apply(seller, "verify", verification.CURATOR, actor=curator())
    event.reason = "rewritten"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        VerificationEvent.objects.filter(pk=event.pk).update(reason="rewritten")
    with pytest.raises(TypeError):
        VerificationEvent.objects.filter(pk=event.pk).delete()


@pytest.mark.django_db
def test_the_applicant_is_emailed_after_commit_in_their_language(
    django_capture_on_commit_callbacks, mailoutbox
):
    seller = ArtisanFactory(status=S.PENDING, preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        verification.apply(seller, "reject", verification.CURATOR, reason="Carte d'artisan floue.")
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [seller.contact_email]
    assert message.subject == "Votre candidature vendeur : Refusé"
    assert "votre candidature a été refusée" in message.body
    assert "Carte d'artisan floue." in message.body  # plain text: nothing HTML-escaped


@pytest.mark.django_db
def test_members_are_emailed_when_the_seller_has_no_contact_email(
    django_capture_on_commit_callbacks, mailoutbox
):
    member = UserFactory(email="member@example.com")
    seller = ArtisanFactory(status=S.PENDING, contact_email="", members=[member])
    with django_capture_on_commit_callbacks(execute=True):
        verification.apply(seller, "verify", verification.CURATOR, actor=curator())
    assert mailoutbox[0].to == ["member@example.com"]


class RegisterLookupVerifier:
    def check(self, seller):
        return Verdict("verify", "Card found in the National Crafts Register.")


@pytest.mark.django_db
def test_the_manual_verifier_leaves_the_application_pending():
    seller = ArtisanFactory(status=S.PENDING)
    assert ManualReviewVerifier().check(seller).action is None
    verification.submit(seller, UserFactory())
    seller.refresh_from_db()
    assert seller.status == S.PENDING


@pytest.mark.django_db
def test_a_register_lookup_verifier_plugged_in_by_setting_decides(settings):
    settings.SELLER_VERIFIER = f"{__name__}.RegisterLookupVerifier"
    seller = ArtisanFactory(status=S.PENDING, verified_at=None)
    verification.submit(seller, UserFactory())
    seller.refresh_from_db()
    assert seller.status == S.VERIFIED
    last = seller.verification_events.first()
    assert last.actor_label == "verifier:RegisterLookupVerifier"


@pytest.mark.django_db
def test_curators_are_staff_or_members_of_the_curators_group():
    assert is_curator(curator())
    assert is_curator(UserFactory(is_staff=True))
    assert not is_curator(UserFactory())
    assert not is_curator(UserFactory(is_staff=True, is_active=False))
