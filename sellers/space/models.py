"""A CSV import run in the background: the job, one result per row, one per photo of its ZIP."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sellers.documents import get_private_storage


class ImportJob(models.Model):
    """One uploaded CSV (and its ZIP of photos), imported row by row by ``tasks.run_import``."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    seller = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="import_jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    language = models.CharField(_("Language"), max_length=10)
    csv_text = models.TextField(_("CSV"))
    photos = models.FileField(
        _("Photos (ZIP)"), storage=get_private_storage, upload_to="imports/%Y/%m/", blank=True
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Listing import")
        verbose_name_plural = _("Listing imports")

    def __str__(self):
        return f"{self.seller_id} #{self.pk}"

    @property
    def finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self):
        if self.finished:
            return 100
        return self.rows_done * 100 // self.rows_total if self.rows_total else 0


class ImportRow(models.Model):
    """What became of one CSV row; written in the same transaction as the row's listing."""

    class Outcome(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        REFUSED = "refused", _("Refused")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField()
    sku = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["line"]
        constraints = [
            models.UniqueConstraint(fields=["job", "line"], name="import_row_once_per_line")
        ]

    def __str__(self):
        return f"{self.job_id}:{self.line} {self.outcome}"


class ImportPhoto(models.Model):
    """What became of one file of the ZIP of photos."""

    class Outcome(models.TextChoices):
        ADDED = "added", _("Added")
        REFUSED = "refused", _("Refused")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="photo_files")
    name = models.CharField(max_length=255)
    sku = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["job", "name"], name="import_photo_once_per_name")
        ]

    def __str__(self):
        return f"{self.job_id}:{self.name} {self.outcome}"
