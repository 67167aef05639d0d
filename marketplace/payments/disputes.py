"""Disputes: Stripe's ``charge.dispute.*`` events recorded on the order, and the sellers'
evidence sent back to Stripe.

An event only says which dispute to look at: the dispute is read again from Stripe, so the same
event twice, or events out of order, leave one row as Stripe has it. A dispute first seen sends
``dispute_opened`` (the ledger freezes the order's credits) and, after commit, asks each seller
for evidence if Stripe still takes some; its outcome sends ``dispute_closed`` once (``settled_at``).

Evidence: each seller of the order sends its own once, before the due date; Stripe gets the
evidence of every seller so far, submitted for review once every seller has sent it. Stripe
takes one file per evidence field: the sellers' files for one field are merged into one PDF.
"""

import datetime
import io

import stripe
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader, PdfWriter

from marketplace.currency.money import MINOR_UNITS, Money, convert_to_mad
from marketplace.payments.emails import sellers_of, send_dispute_emails
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import (
    CheckoutPayment,
    Dispute,
    DisputeEvidence,
    DisputeEvidenceFile,
)
from marketplace.payments.signals import dispute_closed, dispute_opened

EVENTS = frozenset(
    {
        "charge.dispute.created",
        "charge.dispute.updated",
        "charge.dispute.closed",
        "charge.dispute.funds_withdrawn",
        "charge.dispute.funds_reinstated",
    }
)
FUNDS_FIELDS = {
    "charge.dispute.funds_withdrawn": "funds_withdrawn_at",
    "charge.dispute.funds_reinstated": "funds_reinstated_at",
}


class EvidenceError(Exception):
    pass


def fetch(dispute_id):
    """The dispute as Stripe has it now, as a plain dict."""
    return stripe_client().v1.disputes.retrieve(dispute_id).to_dict()


def _intent_id(remote):
    intent = remote.get("payment_intent")
    return intent if isinstance(intent, str) or intent is None else intent.get("id")


def _due_by(remote):
    details = remote.get("evidence_details") or {}
    due = details.get("due_by")
    return datetime.datetime.fromtimestamp(int(due), tz=datetime.UTC) if due else None


def _amount(remote, payment):
    currency = str(remote.get("currency") or payment.currency).upper()
    if currency not in MINOR_UNITS:
        currency = payment.currency
    amount = Money.from_minor_units(int(remote.get("amount") or 0), currency).amount
    amount_mad = amount if currency == "MAD" else convert_to_mad(amount, payment.rate).amount
    return amount, currency, min(amount_mad, payment.total_mad)


def record(remote, event_type=None):
    """Create or update the Dispute of ``remote`` (a Stripe dispute); None when its payment is
    not ours. Returns the row, fresh."""
    payment = CheckoutPayment.objects.filter(stripe_payment_intent=_intent_id(remote)).first()
    if payment is None:
        return None
    amount, currency, amount_mad = _amount(remote, payment)
    fields = {
        "amount": amount,
        "currency": currency,
        "amount_mad": amount_mad,
        "reason": str(remote.get("reason") or "")[:50],
        "status": str(remote.get("status")),
        "evidence_due_by": _due_by(remote),
    }
    with transaction.atomic():
        dispute, created = Dispute.objects.select_for_update().get_or_create(
            stripe_id=remote["id"],
            defaults={"payment": payment, "order_id": payment.order_id, **fields},
        )
        if not created and dispute.status in Dispute.CLOSED:
            fields.pop("status")  # an outcome is final, whatever an older reading said
        for name, value in fields.items():
            setattr(dispute, name, value)
        if event_type in FUNDS_FIELDS and getattr(dispute, FUNDS_FIELDS[event_type]) is None:
            setattr(dispute, FUNDS_FIELDS[event_type], timezone.now())
        dispute.save()
        if created:
            dispute_opened.send(sender=Dispute, dispute=dispute)
            if dispute.awaits_evidence:
                transaction.on_commit(lambda: _ask_for_evidence(dispute.pk))
        if dispute.status in Dispute.CLOSED and dispute.settled_at is None:
            dispute.settled_at = timezone.now()
            dispute.save(update_fields=["settled_at"])
            dispute_closed.send(sender=Dispute, dispute=dispute)
    return dispute


def _ask_for_evidence(dispute_id):
    send_dispute_emails.delay(dispute_id)


def can_submit(dispute, seller, now=None):
    """None when ``seller`` may send its evidence now, else why not."""
    now = now or timezone.now()
    if not dispute.awaits_evidence:
        return _("This dispute no longer takes evidence.")
    if dispute.evidence_due_by is not None and dispute.evidence_due_by <= now:
        return _("The date for evidence has passed.")
    if dispute.evidence.filter(seller=seller).exists():
        return _("Your evidence has already been sent.")
    return None


def submit_evidence(dispute, seller, user, data, files=()):
    """Record ``seller``'s evidence and send it to Stripe with the other sellers'.

    ``data``: tracking_number, carrier, shipping_date, explanation; ``files``: checked uploads
    (``marketplace.core.uploads``), as ``(stripe evidence field, file)``.
    """
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        refusal = can_submit(dispute, seller)
        if refusal:
            raise EvidenceError(refusal)
        client = stripe_client()
        try:
            stripe_files = {field: _upload(client, upload).id for field, upload in files}
            evidence = DisputeEvidence.objects.create(
                dispute=dispute,
                seller=seller,
                submitted_by=user,
                stripe_files=stripe_files,
                **data,
            )
            for field, upload in files:
                upload.seek(0)
                DisputeEvidenceFile.objects.create(
                    evidence=evidence, field=field, file=upload, stripe_file=stripe_files[field]
                )
            rows = list(dispute.evidence.select_related("seller").order_by("pk"))
            complete = {row.seller_id for row in rows} >= set(
                sellers_of(dispute).values_list("pk", flat=True)
            )
            merged = merged_files(client, dispute)
            remote = client.v1.disputes.update(
                dispute.stripe_id,
                params={"evidence": stripe_evidence(rows, merged), "submit": complete},
                options={"idempotency_key": f"dispute-evidence-{dispute.pk}-{evidence.pk}"},
            )
        except stripe.StripeError as error:
            raise EvidenceError(str(error.user_message or error)) from error
        if complete:
            dispute.evidence_submitted_at = timezone.now()
        dispute.status = str(remote.status or dispute.status)
        dispute.save(update_fields=["evidence_submitted_at", "status", "updated_at"])
        return evidence


def _upload(client, upload):
    return client.v1.files.create(params={"purpose": "dispute_evidence", "file": upload})


def merged_files(client, dispute):
    """``{evidence field: Stripe file id}`` for each field several files answer (one per
    seller): Stripe keeps one file per field, so they go as one PDF, a seller's pages after
    another's, in the order the sellers answered. A field one file answers keeps its own."""
    by_field = {}
    for row in DisputeEvidenceFile.objects.filter(evidence__dispute=dispute).order_by(
        "evidence_id", "pk"
    ):
        by_field.setdefault(row.field, []).append(row)
    merged = {}
    for field, rows in by_field.items():
        if len(rows) < 2:
            continue
        pdf = ContentFile(merge_to_pdf([row.file for row in rows]), name=f"{field}.pdf")
        merged[field] = _upload(client, pdf).id
    return merged


def merge_to_pdf(files):
    """One PDF of ``files`` (PDFs, and JPEG, PNG or WebP pictures as a page each), in order."""
    writer = PdfWriter()
    for stored in files:
        stored.open("rb")
        try:
            data = stored.read()
        finally:
            stored.close()
        if data.startswith(b"%PDF"):
            writer.append(PdfReader(io.BytesIO(data)))
            continue
        page = io.BytesIO()
        with Image.open(io.BytesIO(data)) as picture:
            picture.convert("RGB").save(page, "PDF", resolution=150)
        writer.append(PdfReader(io.BytesIO(page.getvalue())))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def stripe_evidence(rows, merged=None):
    """Stripe's evidence hash from every seller's evidence (tracking numbers comma-separated,
    as Stripe asks for several parcels; each seller's explanation under its name; a file field
    several sellers answer, the merged PDF of ``merged``)."""
    evidence = {}
    tracking = [row.tracking_number for row in rows if row.tracking_number]
    carriers = sorted({row.carrier for row in rows if row.carrier})
    dates = sorted(row.shipping_date for row in rows if row.shipping_date)
    if tracking:
        evidence["shipping_tracking_number"] = ", ".join(tracking)
    if carriers:
        evidence["shipping_carrier"] = ", ".join(carriers)
    if dates:
        evidence["shipping_date"] = dates[0].isoformat()
    evidence["uncategorized_text"] = "\n\n".join(
        f"{row.seller.export_name}:\n{row.explanation}" for row in rows
    )[:20000]
    for row in rows:
        evidence.update(row.stripe_files)
    evidence.update(merged or {})
    return evidence
