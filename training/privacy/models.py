"""Data exports and erasure requests.

Personal data held: a DataExport's files hold everything the platform keeps
about one learner (see training.privacy.export); they live in private storage,
only the learner downloads them, and they are deleted when they expire or the
account is erased. An ErasureRequest records who asked and who decided when,
never any personal text: the audit trail outlives the account it was about.
"""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_storage():
    """The storage for files only their owner may download (STORAGES["private"])."""
    return storages["private"]


def export_upload_to(instance, filename):
    # A random component: the name says nothing about whose data it is.
    return f"exports/{instance.public_id}/{filename}"


class DataExport(models.Model):
    """One request for a copy of a learner's data, and the files it produced."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    public_id = models.UUIDField(unique=True, editable=False, default=uuid.uuid4)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    json_file = models.FileField(
        storage=private_storage, upload_to=export_upload_to, blank=True, max_length=200
    )
    html_file = models.FileField(
        storage=private_storage, upload_to=export_upload_to, blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One export in the making per learner: a double click or a second
            # tab gets the same one.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="pending"),
                name="privacy_one_pending_export_per_user",
            ),
            models.CheckConstraint(
                condition=~Q(status="ready") | Q(expires_at__isnull=False),
                name="privacy_ready_export_expires",
            ),
        ]

    def __str__(self):
        return f"Data export #{self.pk}"

    def is_downloadable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == self.Status.READY and self.expires_at > now


class ErasureRequest(models.Model):
    """A learner asked to delete their account.

    Runs at once, unless a trainer or administrator has to decide first
    (`reasons`: the learner holds a certificate, an open concern is about
    them, or the account has staff access). The row stays after the erasure
    as the record that it happened; it points at the emptied account.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting a decision")
        ERASED = "erased", _("erased")
        REJECTED = "rejected", _("not erased")

    class Reason(models.TextChoices):
        CERTIFICATE = "certificate", _("holds a certificate")
        OPEN_CONCERN = "open_concern", _("an open concern is about them")
        STAFF = "staff", _("has access to the admin")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="erasure_requests",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reasons = models.JSONField(_("why a decision is needed"), default=list, blank=True)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Shown to the learner when the request is turned down; emptied on erasure.
    decision_note = models.TextField(_("note to the learner"), blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="pending"),
                name="privacy_one_pending_erasure_per_user",
            ),
        ]

    def __str__(self):
        # Never the person's name: log entries keep this label after the erasure.
        return f"Erasure request #{self.pk}"

    def reason_labels(self) -> list[str]:
        return [str(self.Reason(code).label) for code in self.reasons if code in self.Reason]
