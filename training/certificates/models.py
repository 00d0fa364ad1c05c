"""Certificates, trainers' sign-offs and signatures, expiry reminders.

Personal data held: the holder's name as it was when the certificate was
issued, which course they completed and when, the trainer who signed it,
a revocation reason, a suspension (its reason class is public, the
trainer's reason text is seen only by trainers). Visible to the holder, the cohort's trainers, the
associations the holder is linked to, and to anyone holding the
verification code (that is what the code is for: the same data as on the PDF).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .codes import code_format
from .storage import certificate_storage_get


class CertificateStatus(models.TextChoices):
    """Computed from the dates and the revocation, never stored."""

    VALID = "valid", _("valid")
    EXPIRED = "expired", _("expired")
    SUSPENDED = "suspended", _("temporarily suspended")
    REVOKED = "revoked", _("revoked")


class SuspensionReason(models.TextChoices):
    """Why a certificate is paused: the class is public, the trainer's own words are not."""

    INVESTIGATION = "investigation", _("investigation of a concern")
    ADMINISTRATIVE = "administrative", _("administrative")
    HOLDER_REQUEST = "holder_request", _("at the holder's request")


def certificate_upload_to(instance, filename):
    """`certificates/<pk>.pdf` in the private certificate storage.

    Never the verification code: a file name ends up in logs, backups and
    proxies, and must not be a key to the certificate. The primary key keeps
    a re-render writing over the same file.
    """
    return f"certificates/{instance.pk}.pdf"


class Certificate(models.Model):
    """Proof that a learner met a course's completion rules.

    Everything printed on the PDF is a snapshot taken when it was issued, so
    a renamed course or a changed name never alters an issued certificate.
    One certificate per learner, qualification and validity period: the
    first is period 1, each renewal (completing the course again, or a
    refresher course that renews it) the next period, and it supersedes the
    one before. `qualification` is the course the certificate is for: the
    course itself, or the course a refresher renews.
    """

    # The admin viewset would otherwise index every certificate's references on
    # each save (a task per save); a certificate is never "used" by content.
    wagtail_reference_index_ignore = True

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="+"
    )
    qualification = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("qualification"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    period = models.PositiveSmallIntegerField(_("validity period"), default=1)
    enrolment = models.ForeignKey(
        "learning.Enrolment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    cohort = models.ForeignKey(
        "learning.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The snapshot printed on the PDF and shown on the verification page.
    holder_name = models.CharField(_("holder's name"), max_length=200)
    course_title = models.CharField(_("course"), max_length=255)
    qualification_title = models.CharField(_("qualification"), max_length=255)
    # [{"pillar": "listening", "hours": 4}, ...], in pillar order
    pillars = models.JSONField(_("pillars"), default=list)
    study_hours = models.PositiveSmallIntegerField(_("study load (hours)"))
    cohort_name = models.CharField(_("cohort"), max_length=150, blank=True)
    trainer_name = models.CharField(_("trainer"), max_length=200, blank=True)
    association_name = models.CharField(_("association"), max_length=200, blank=True)
    # The academy that issued it (its cohort's academy, as printed); empty: the platform.
    issuer_name = models.CharField(_("issued by"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    issued_at = models.DateTimeField(default=timezone.now)

    code = models.CharField(_("verification code"), max_length=16, unique=True)
    pdf = models.FileField(
        _("PDF"),
        upload_to=certificate_upload_to,
        storage=certificate_storage_get,
        blank=True,
        max_length=200,
    )
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    # A pause (Bitstring Status List purpose "suspension"): verification shows the
    # class; the reason text is for trainers only, never on a public page.
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suspension_class = models.CharField(
        _("reason class"), max_length=20, choices=SuspensionReason.choices, blank=True
    )
    suspension_reason = models.TextField(_("reason for the suspension (private)"), blank=True)
    # Who vouches for it now, kept up to date by the associations' endorsements
    # (training/associations/endorsements.py) so the public lookup stays one query:
    # [{"association": name, "path": <the endorsement credential's path>, "on": "YYYY-MM-DD"}]
    endorsed_by = models.JSONField(_("endorsed by"), default=list, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "qualification", "period"],
                name="certificates_one_per_learner_course_period",
            ),
            models.CheckConstraint(condition=Q(period__gte=1), name="certificates_period_positive"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("issued_on")),
                name="certificates_valid_until_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revoked_reason="")
                | (Q(revoked_at__isnull=False) & ~Q(revoked_reason="")),
                name="certificates_revocation_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(suspended_at__isnull=True, suspension_class="", suspension_reason="")
                | (
                    Q(suspended_at__isnull=False, suspension_class__in=SuspensionReason.values)
                    & ~Q(suspension_reason="")
                ),
                name="certificates_suspension_has_class_and_reason",
            ),
            models.CheckConstraint(
                condition=Q(pdf="", pdf_sha256="") | (~Q(pdf="") & ~Q(pdf_sha256="")),
                name="certificates_pdf_has_checksum",
            ),
            models.CheckConstraint(
                condition=~Q(superseded_by=F("pk")), name="certificates_not_superseding_itself"
            ),
        ]
        indexes = [
            models.Index(fields=["valid_until"]),
            models.Index(fields=["learner", "qualification"]),
            # The admin listing's order: a page of the newest without sorting them all.
            models.Index(fields=["issued_at", "id"], name="certificates_listing_order"),
        ]

    def __str__(self):
        return f"{self.holder_name} · {self.course_title} · {self.display_code}"

    @property
    def display_code(self) -> str:
        return code_format(self.code)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    @property
    def is_ready(self) -> bool:
        """The PDF has been rendered and stored."""
        return bool(self.pdf_sha256)

    def status_on(self, today: datetime.date | None = None) -> CertificateStatus:
        today = today or timezone.localdate()
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        if self.suspended_at is not None:
            return CertificateStatus.SUSPENDED
        if self.valid_until is not None and self.valid_until < today:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    @property
    def status(self) -> CertificateStatus:
        return self.status_on()

    def expires_soon(self, today: datetime.date | None = None) -> bool:
        """Valid, and expiring within the first reminder window (90 days by default)."""
        today = today or timezone.localdate()
        if self.valid_until is None or self.status_on(today) != CertificateStatus.VALID:
            return False
        window = max(settings.CERTIFICATE_REMINDER_DAYS, default=0)
        return (self.valid_until - today).days <= window

    def expired_on(self) -> datetime.date | None:
        """The first day the certificate is no longer valid."""
        return self.valid_until + datetime.timedelta(days=1) if self.valid_until else None


class TrainerSignoff(models.Model):
    """A trainer's final sign-off of a learner in a course (when the course asks for one).

    One per enrolment; signing again (for a renewal) moves `signed_at` on.
    """

    enrolment = models.OneToOneField(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="certificate_signoff"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("trainer sign-off")
        verbose_name_plural = _("trainer sign-offs")

    def __str__(self):
        return f"{self.enrolment} · {self.signed_at:%Y-%m-%d}"


class TrainerSignature(models.Model):
    """How a trainer signs certificates: a name, a role and an optional signature image."""

    trainer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.CASCADE,
        related_name="certificate_signature",
    )
    name = models.CharField(
        _("name on certificates"),
        max_length=200,
        help_text=_("As it should appear under the signature, e.g. “Tessa de Groot”."),
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("For example “Trainer and course leader”."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a scan of your signature on a white or transparent background."),
    )

    class Meta:
        verbose_name = _("certificate signature")
        verbose_name_plural = _("certificate signatures")

    def __str__(self):
        return self.name


class ExpiryReminder(models.Model):
    """A reminder to renew was sent for this certificate at this threshold (days before expiry)."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("expiry reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "days_before"],
                name="certificates_one_reminder_per_threshold",
            ),
        ]

    def __str__(self):
        return f"{self.certificate} · {self.days_before}"


class AssociationNoticeKind(models.TextChoices):
    EXPIRES_SOON = "expires_soon", _("expires soon")
    REVOKED = "revoked", _("revoked")


class AssociationNotice(models.Model):
    """An association's staff were emailed about this certificate: it expires within the
    reminder window, or it was revoked. One per association, certificate and kind (a
    unique constraint), so a digest that runs twice or a retried task sends nothing twice.

    Personal data held: that this association was told about this holder's
    certificate, and when.
    """

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="certificate_notices"
    )
    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="association_notices"
    )
    kind = models.CharField(max_length=12, choices=AssociationNoticeKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("association notice")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "certificate", "kind"],
                name="certificates_one_association_notice_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AssociationNoticeKind.values),
                name="certificates_association_notice_kind",
            ),
        ]

    def __str__(self):
        return f"{self.association_id} · {self.certificate_id} · {self.kind}"
