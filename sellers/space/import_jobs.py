"""A CSV import as a job: queued by ``tasks.start_import``, run row by row by ``run_job``.

Each row is applied in its own transaction together with its ``ImportRow``, under a lock of the
job's row: a task delivered twice, or resumed after a worker died, finds the rows already done
and skips them, so no row is ever applied twice; a finished job is left as it is. Messages are
written in the language of the page the seller imported from.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.search.signals import deferred_reindex
from sellers.space import photo_urls, photo_zip
from sellers.space.csv_import import ImportResult, read_rows, row_forms, save_row
from sellers.space.models import ImportJob, ImportPhoto, ImportRow
from sellers.space.photo_limit import too_many_photos_message
from sellers.space.services import add_photo

StockRecord = get_model("partner", "StockRecord")


def run_job(job_id):
    """Import every row not yet done, then mark the job finished (a finished job: nothing)."""
    job = ImportJob.objects.select_related("seller").filter(pk=job_id).first()
    if job is None or job.finished:
        return
    with translation.override(job.language):
        ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.QUEUED).update(
            state=ImportJob.State.RUNNING
        )
        result = ImportResult()
        rows = read_rows(job.csv_text, result)
        if rows is None:
            finish(job, ImportJob.State.FAILED, "\n".join(e.message for e in result.errors))
            return
        first_line = {}
        for line, row in rows:
            first_line.setdefault(row_sku(row), line)
        archive, plan = open_photos(job, first_line)
        try:
            for line, row in rows:
                apply_row(job, line, row, first_line, plan, archive)
        finally:
            if archive is not None:
                archive.close()
                job.photos.close()
        finish(job, ImportJob.State.DONE)


def open_photos(job, skus):
    """The job's ZIP and which photo goes to which SKU; files matching no row are reported."""
    if not job.photos:
        return None, photo_zip.Plan()
    try:
        archive = photo_zip.open_zip(job.photos.open("rb"))
    except ValidationError as error:
        ImportJob.objects.filter(pk=job.pk).update(error=" ".join(error.messages))
        return None, photo_zip.Plan()
    plan = photo_zip.plan(archive, [sku for sku in skus if sku])
    for name, reason in plan.refused:
        record_photo(job, name, "", ImportPhoto.Outcome.REFUSED, str(reason))
    return archive, plan


def row_sku(row):
    return (row.get("sku") or "").strip()


def apply_row(job, line, row, first_line, plan, archive):
    """Apply one row, with its photos, once: in one transaction with its ``ImportRow``.

    Photos by address are downloaded first, outside the transaction (a slow server holds no
    lock), and only for a row not done yet."""
    seller, sku = job.seller, row_sku(row)
    if ImportRow.objects.filter(job=job, line=line).exists():
        return
    fetched = photo_urls.fetch_all(photo_urls.addresses(row.get("photo_urls") or ""))
    with transaction.atomic(), deferred_reindex():
        ImportJob.objects.select_for_update().filter(pk=job.pk).first()
        if ImportRow.objects.filter(job=job, line=line).exists():
            return
        result = ImportResult()
        record = (
            StockRecord.objects.filter(partner=seller, partner_sku=sku)
            .select_related("product")
            .first()
            if sku
            else None
        )
        instance = record.product if record else None
        form, offer_form = row_forms(seller, row, line, result, instance)
        duplicate = sku and first_line.get(sku) != line
        if duplicate:
            result.add(
                line,
                "sku",
                _("The same reference is on row %(row)s.") % {"row": first_line[sku]},
            )
        photos = [] if duplicate or not sku else plan.by_sku.get(sku, [])
        if result.errors:
            ImportRow.objects.create(
                job=job,
                line=line,
                sku=sku,
                outcome=ImportRow.Outcome.REFUSED,
                reason="\n".join(reason_line(error) for error in result.errors),
            )
            names = [photo.name for photo in photos] + [url for url, _photo in fetched]
            for name in names:
                record_photo(job, name, sku, ImportPhoto.Outcome.REFUSED, _("Its row was refused."))
        else:
            product = save_row(seller, form, offer_form)
            ImportRow.objects.create(
                job=job,
                line=line,
                sku=sku,
                outcome=ImportRow.Outcome.UPDATED if instance else ImportRow.Outcome.CREATED,
                product=product,
            )
            for photo in photos:
                attach(job, product, photo, archive)
            for url, photo in fetched:
                attach_fetched(job, product, sku, url, photo)
        ImportJob.objects.filter(pk=job.pk).update(rows_done=F("rows_done") + 1)


def reason_line(error):
    return f"{error.column}: {error.message}" if error.column else error.message


def attach(job, product, photo, archive):
    """Add one photo of the ZIP to the listing, or report why not."""
    most = settings.SELLER_PHOTOS_PER_LISTING
    if product.images.count() >= most:
        reason = too_many_photos_message()
        record_photo(job, photo.name, photo.sku, ImportPhoto.Outcome.REFUSED, reason)
        return
    try:
        checked = photo_zip.checked_photo(archive, photo)
    except ValidationError as error:
        reason = " ".join(error.messages)
        record_photo(job, photo.name, photo.sku, ImportPhoto.Outcome.REFUSED, reason)
        return
    add_photo(product, checked)
    record_photo(job, photo.name, photo.sku, ImportPhoto.Outcome.ADDED, "")


def attach_fetched(job, product, sku, url, photo):
    """Add one photo downloaded from ``url`` (or report the error it gave)."""
    most = settings.SELLER_PHOTOS_PER_LISTING
    if isinstance(photo, ValidationError):
        reason = " ".join(photo.messages)
    elif product.images.count() >= most:
        reason = too_many_photos_message()
    else:
        add_photo(product, photo)
        record_photo(job, url, sku, ImportPhoto.Outcome.ADDED, "")
        return
    record_photo(job, url, sku, ImportPhoto.Outcome.REFUSED, reason)


def record_photo(job, name, sku, outcome, reason):
    ImportPhoto.objects.get_or_create(
        job=job, name=name[:255], defaults={"sku": sku, "outcome": outcome, "reason": reason}
    )


def finish(job, state, error=""):
    """Mark the job finished; its ZIP is deleted once that is committed."""
    with transaction.atomic():
        locked = ImportJob.objects.select_for_update().get(pk=job.pk)
        if locked.finished:
            return
        locked.state = state
        locked.error = "\n".join(part for part in (locked.error, error) if part)
        locked.rows_done = locked.rows.count()
        locked.finished_at = timezone.now()
        photos, locked.photos = locked.photos, ""
        locked.save()
        if photos:
            storage, name = photos.storage, photos.name
            transaction.on_commit(lambda: storage.delete(name))
