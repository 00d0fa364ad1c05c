"""Issuing: when a certificate is due, issuing it (idempotent), storing its PDF, telling the holder.

Issuing is idempotent by design. The natural key (learner, qualification,
validity period) is a unique constraint, so concurrent triggers insert one
row and the others read it back. The PDF is rendered in memory and written
under a lock on the certificate row, through a temporary file that is
renamed into place, so an interrupted worker leaves either no file or a
whole one, and the next run (`certificate_finish`, or the sweep every
worker runs, `recovery.certificates_resume`) completes the certificate.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.log_actions import log

from training.courses.pillars import Pillar
from training.learning.models import Enrolment, LessonProgress
from training.learning.permissions import cohort_leaders
from training.mail import email_send

from .. import signals
from ..codes import code_generate
from ..models import Certificate, TrainerSignature, TrainerSignoff, certificate_upload_to
from ..rules import rules_met
from .errors import CertificateError

# --- When is a certificate due? ---------------------------------------------


def _last_completion_at(enrolment: Enrolment) -> datetime.datetime | None:
    """The most recent evidence of completing the course: a lesson, a correct answer, a sign-off."""
    from training.assessments.models import KnowledgeCheckAttempt

    moments = [
        LessonProgress.objects.filter(enrolment=enrolment).aggregate(at=Max("completed_at"))["at"],
        KnowledgeCheckAttempt.objects.filter(enrolment=enrolment, is_correct=True).aggregate(
            at=Max("answered_at")
        )["at"],
        TrainerSignoff.objects.filter(enrolment=enrolment).aggregate(at=Max("signed_at"))["at"],
    ]
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


def certificate_due_period(*, enrolment: Enrolment) -> int | None:
    """The validity period a new certificate would get now, or None when none is due.

    Rules, in order:
    - no certificate for this qualification yet: period 1, once the rules are met;
    - the latest one is revoked: none (a trainer decided; they can undo it);
    - the course was completed again after the latest one was issued (new
      lessons, a new sign-off, or a refresher course): the next period;
    - otherwise none: the learner already has their certificate.
    """
    course = enrolment.course
    latest = (
        Certificate.objects.filter(
            learner_id=enrolment.learner_id, qualification_id=course.qualification_id
        )
        .order_by("-period")
        .first()
    )
    if latest is not None:
        if latest.is_revoked:
            return None
        completed_at = _last_completion_at(enrolment)
        if completed_at is None or completed_at <= latest.issued_at:
            return None
    if not rules_met(enrolment=enrolment):
        return None
    return 1 if latest is None else latest.period + 1


def certificate_evaluate(*, enrolment: Enrolment) -> bool:
    """Check the rules; when a certificate is due, enqueue the task that issues it.

    Called for every `progress_changed` event (see receivers.py) and by
    `manage.py certificates_evaluate`. Returns whether the task was enqueued.
    """
    from ..tasks import certificate_issue_task

    enrolment = Enrolment.objects.select_related("course", "cohort").get(pk=enrolment.pk)
    if certificate_due_period(enrolment=enrolment) is None:
        return False
    certificate_issue_task.enqueue(enrolment_id=enrolment.pk)
    return True


def certificates_evaluate(*, course=None) -> tuple[int, int]:
    """Evaluate every active enrolment (of `course`, or of every course that gives
    a certificate): for rules changed after the fact, or time that passed (a
    review deadline that credits learners). Returns (evaluated, enqueued)."""
    from training.courses.models import CoursePage

    from ..rules import course_gives_certificate

    courses = [course] if course is not None else list(CoursePage.objects.all())
    course_ids = [c.pk for c in courses if course_gives_certificate(c)]
    evaluated = enqueued = 0
    for enrolment in Enrolment.objects.filter(
        course_id__in=course_ids, status=Enrolment.Status.ACTIVE
    ).iterator():
        evaluated += 1
        enqueued += certificate_evaluate(enrolment=enrolment)
    return evaluated, enqueued


# --- Issuing ----------------------------------------------------------------


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _signer(enrolment: Enrolment):
    signoff = TrainerSignoff.objects.filter(enrolment=enrolment).select_related("signed_by").first()
    if signoff is not None and signoff.signed_by is not None:
        return signoff.signed_by
    # One who leads the cohort where it runs: never another academy's trainer named on it.
    return cohort_leaders(enrolment.cohort).order_by("pk").first()


def _snapshot(enrolment: Enrolment, issued_on: datetime.date) -> dict:
    from training.courses.selectors import course_outline

    course = enrolment.course
    qualification = course.renews_course or course
    hours: dict[str, int] = {}
    for module in course_outline(course=course).modules:
        hours[module.page.pillar] = hours.get(module.page.pillar, 0) + module.page.study_load_hours
    validity = course.certificate_validity_years or qualification.certificate_validity_years
    cohort = enrolment.cohort
    association = cohort.association
    trainer = _signer(enrolment)
    signature = TrainerSignature.objects.filter(trainer=trainer).first() if trainer else None
    return {
        "learner_id": enrolment.learner_id,
        "course": course,
        "qualification": qualification,
        "enrolment": enrolment,
        "cohort": cohort,
        "association": association,
        "trainer": trainer,
        "holder_name": enrolment.learner.get_full_name(),
        "course_title": course.title,
        "qualification_title": qualification.title,
        "pillars": [
            {"pillar": p.value, "hours": hours[p.value]} for p in Pillar if p.value in hours
        ],
        "study_hours": course.study_load_hours,
        "cohort_name": cohort.name,
        "trainer_name": (signature.name if signature else trainer.get_full_name())
        if trainer
        else "",
        "association_name": association.name if association else "",
        "issuer_name": cohort.academy.name if cohort.academy_id else "",
        "issued_on": issued_on,
        "valid_until": add_years(issued_on, validity) if validity else None,
    }


def _certificate_create(*, enrolment: Enrolment, period: int, issued_on: datetime.date):
    snapshot = _snapshot(enrolment, issued_on)
    key = {
        "learner_id": enrolment.learner_id,
        "qualification": snapshot["qualification"],
        "period": period,
    }
    for _attempt in range(3):
        certificate = Certificate(**snapshot, period=period, code=code_generate())
        # Uniqueness is left to the database: checking it first would race.
        certificate.full_clean(exclude=["pdf"], validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                certificate.save()
                Certificate.objects.filter(
                    learner_id=enrolment.learner_id,
                    qualification=snapshot["qualification"],
                    period__lt=period,
                    superseded_by__isnull=True,
                ).update(superseded_by=certificate)
                log(
                    instance=certificate,
                    action="certificates.issue",
                    data={"period": period, "code": certificate.display_code},
                )
                signals.announce(signals.certificate_issued, certificate_id=certificate.pk)
            return certificate, True
        except IntegrityError:
            existing = Certificate.objects.filter(**key).first()
            if existing is not None:
                return existing, False
            # Otherwise the random code collided (about 1 in 2^78): draw another.
    raise CertificateError()


def certificate_issue(
    *, enrolment: Enrolment, issued_on: datetime.date | None = None
) -> Certificate | None:
    """Issue the certificate that is due for `enrolment`, with its PDF; idempotent.

    Returns the new certificate, or the current one when none is due (after
    finishing its PDF if an earlier run was interrupted), or None when the
    learner has none and does not meet the rules. The holder is emailed once
    the PDF is ready. `issued_on` (default today) is for tests and imports.
    """
    enrolment = Enrolment.objects.select_related("course", "cohort__association", "learner").get(
        pk=enrolment.pk
    )
    period = certificate_due_period(enrolment=enrolment)
    if period is None:
        current = (
            Certificate.objects.filter(
                learner_id=enrolment.learner_id,
                qualification_id=enrolment.course.qualification_id,
            )
            .order_by("-period")
            .first()
        )
        return certificate_finish(certificate=current) if current else None
    certificate, _created = _certificate_create(
        enrolment=enrolment, period=period, issued_on=issued_on or timezone.localdate()
    )
    return certificate_finish(certificate=certificate)


def certificate_import(*, enrolment: Enrolment, issued_on: datetime.date) -> Certificate:
    """Record a certificate earned outside this platform's rules: a course run before
    the platform existed, or demo data. It gets the next validity period, its PDF is
    rendered, and the holder is not emailed. The rules are not evaluated."""
    enrolment = Enrolment.objects.select_related("course", "cohort__association", "learner").get(
        pk=enrolment.pk
    )
    latest = (
        Certificate.objects.filter(
            learner_id=enrolment.learner_id, qualification_id=enrolment.course.qualification_id
        )
        .order_by("-period")
        .first()
    )
    period = latest.period + 1 if latest else 1
    certificate, _created = _certificate_create(
        enrolment=enrolment, period=period, issued_on=issued_on
    )
    return certificate_finish(certificate=certificate, notify=False)


def certificate_finish(*, certificate: Certificate, notify: bool = True) -> Certificate:
    """Render and store the PDF if it is missing, then tell the holder (each once).

    Not for a holder whose data was erased: no PDF with an empty name, no email."""
    if certificate.learner.is_erased:
        return certificate
    if not certificate.is_ready:
        certificate = certificate_store_pdf(certificate=certificate)
    if notify:
        certificate_notify_holder(certificate=certificate)
    return certificate


def _write_atomically(storage, name: str, content: bytes) -> str:
    """Write `content` to `name`, replacing what is there, never leaving half a file.

    On a file system: a temporary file in the same folder, flushed to disk and
    renamed over the target (a rename is atomic). Other storages write an
    object in one request, which is atomic by itself.
    """
    if not isinstance(storage, FileSystemStorage):
        if storage.exists(name):
            storage.delete(name)
        return storage.save(name, ContentFile(content))
    path = Path(storage.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, settings.FILE_UPLOAD_PERMISSIONS or 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name


TEMP_PREFIX = ".partial-"


def certificate_store_pdf(*, certificate: Certificate) -> Certificate:
    """Render the PDF once and store it with its SHA-256; a second call changes nothing.

    Rendering happens outside any lock; writing the file and the row happen
    under a lock on the row, after checking nobody finished in the meantime.
    """
    from ..pdf import certificate_pdf_render
    from ..selectors import verification_url

    content = certificate_pdf_render(certificate, verification_url=verification_url(certificate))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.is_ready:
            return locked
        storage = Certificate._meta.get_field("pdf").storage
        name = _write_atomically(storage, certificate_upload_to(locked, ""), content)
        locked.pdf.name = name
        locked.pdf_sha256 = hashlib.sha256(content).hexdigest()
        locked.save(update_fields=["pdf", "pdf_sha256"])
    return locked


def certificate_notify_holder(*, certificate: Certificate) -> bool:
    """Email the holder that their certificate is ready (once). Returns whether it was sent."""
    if not certificate.is_ready or certificate.notified_at is not None:
        return False
    from ..selectors import verification_url

    with transaction.atomic():
        claimed = Certificate.objects.filter(pk=certificate.pk, notified_at__isnull=True).update(
            notified_at=timezone.now()
        )
        if not claimed:
            return False
        learner = certificate.learner
        email_send(
            to=learner.email,
            user=learner,
            template="certificates/email/issued",
            context={"certificate": certificate, "verification_url": verification_url(certificate)},
        )
    return True
