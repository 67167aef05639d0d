from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentEmail(models.Model):
    """An email already sent, under a key naming what it is about and for whom."""

    key = models.CharField(_("Key"), max_length=200, unique=True)
    recipients = models.TextField(_("Recipients"))
    sent_at = models.DateTimeField(_("Sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("Sent email")
        verbose_name_plural = _("Sent emails")

    def __str__(self):
        return self.key


class TaskReceipt(models.Model):
    """A task message whose work is done: the same message delivered again does nothing."""

    task_id = models.CharField(max_length=255, unique=True)
    task = models.CharField(max_length=200)
    done_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"{self.task} {self.task_id}"
