"""Writes for learners' rights: data exports, erasure, retention.

Erasure keeps the account's row as an empty shell (`User.erased_at`), so what
belongs to others stays whole: feedback the learner gave (shown as "a former
fellow learner"), the credit fellow learners earned by reviewing their
reflections, and the verification page of their certificates (status, no name).
Everything else that is theirs is deleted or emptied; see `account_erase` and
the coverage list in training.privacy.registry.
"""

from __future__ import annotations

import calendar
import datetime
import json
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import capfirst
from wagtail.log_actions import log

from training.academies.models import AcademyInvitation, AcademyRole
from training.accounts.models import CalendarFeed
from training.assessments.models import CommentPhrase, PeerReview, ReflectionRead, Submission
from training.associations.models import (
    Association,
    AssociationInvitation,
    AssociationMembership,
)
from training.certificates.models import Certificate, TrainerSignature
from training.continuing.services import personal_data_erase as continuing_erase
from training.credentials.models import Credential, WalletOffer
from training.groups.services import groups_erase, open_answers_expire
from training.learning.models import Cohort, CohortInvitation, Enrolment
from training.practice.services import practice_texts_remove

from . import errors
from .models import DataExport, ErasureRequest
from .selectors import erasure_reasons, learner_data
from .texts import reflection_texts_remove

logger = logging.getLogger(__name__)


def _delete_files_on_commit(storage, names):
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


# --- Data export ----------------------------------------------------------------


def data_export_request(*, user) -> DataExport:
    """Ask for a copy of everything held about `user`; the task builds it.

    One export in the making at a time (a database constraint): asking again,
    a double click or a second tab, returns the one already pending.
    """
    from .tasks import data_export_build_task

    pending = DataExport.objects.filter(user=user, status=DataExport.Status.PENDING).first()
    if pending is not None:
        return pending
    try:
        with transaction.atomic():
            export = DataExport.objects.create(user=user)
            log(instance=export, action="privacy.export_request", user=user)
    except IntegrityError:
        return DataExport.objects.get(user=user, status=DataExport.Status.PENDING)
    data_export_build_task.enqueue(export_id=export.pk)
    export.refresh_from_db()
    return export


def data_export_build(*, export: DataExport) -> DataExport:
    """Write the JSON and the readable HTML into private storage; downloadable for
    PRIVACY_EXPORT_DAYS. Older exports of the same learner are deleted."""
    user = export.user
    data = learner_data(user=user)
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    content = json.dumps(data, ensure_ascii=False, indent=2).encode()
    with translation.override(user.preferred_language):
        html = render_to_string("privacy/export.html", {"data": data, "generated_on": stamp})
    now = timezone.now()
    with transaction.atomic():
        export = DataExport.objects.select_for_update().get(pk=export.pk)
        if export.status != DataExport.Status.PENDING:
            return export  # a second run of the same task
        export.json_file.save(f"mijn-gegevens-{stamp}.json", ContentFile(content), save=False)
        export.html_file.save(f"mijn-gegevens-{stamp}.html", ContentFile(html.encode()), save=False)
        export.status = DataExport.Status.READY
        export.finished_at = now
        export.expires_at = now + datetime.timedelta(days=settings.PRIVACY_EXPORT_DAYS)
        export.save()
        _exports_delete(DataExport.objects.filter(user=user).exclude(pk=export.pk))
    return export


def data_export_fail(*, export_id: int) -> None:
    DataExport.objects.filter(pk=export_id, status=DataExport.Status.PENDING).update(
        status=DataExport.Status.FAILED, finished_at=timezone.now()
    )


def _exports_delete(exports) -> int:
    exports = list(exports.exclude(status=DataExport.Status.PENDING))
    storage = DataExport._meta.get_field("json_file").storage
    _delete_files_on_commit(
        storage, [name for e in exports for name in (e.json_file.name, e.html_file.name)]
    )
    DataExport.objects.filter(pk__in=[e.pk for e in exports]).delete()
    return len(exports)


def data_exports_purge(*, now=None, dry_run: bool = False) -> int:
    """Delete exports (and their files) that can no longer be downloaded."""
    now = now or timezone.now()
    expired = DataExport.objects.filter(
        Q(status=DataExport.Status.READY, expires_at__lte=now)
        | Q(status=DataExport.Status.FAILED, requested_at__lte=now - datetime.timedelta(days=1))
    )
    if dry_run:
        return expired.count()
    with transaction.atomic():
        return _exports_delete(expired)


# --- Erasure --------------------------------------------------------------------


def erasure_request(*, user, password: str) -> ErasureRequest:
    """The learner asks to delete their account, confirming with their password.

    Without a reason for a decision (see `erasure_reasons`) the account is
    erased at once; otherwise the request waits for a trainer or an
    administrator. Asking again while one waits returns that one.
    """
    if not password or not user.check_password(password):
        raise errors.WrongPassword()
    reasons = erasure_reasons(user=user)
    with transaction.atomic():
        try:
            with transaction.atomic():
                request = ErasureRequest.objects.create(user=user, reasons=reasons)
        except IntegrityError:
            return ErasureRequest.objects.get(user=user, status=ErasureRequest.Status.PENDING)
        log(instance=request, action="privacy.erasure_request", user=user)
        if not reasons:
            _erase(request=request, by=user)
    return request


def erasure_decide(*, request: ErasureRequest, by, approve: bool, note: str = "") -> ErasureRequest:
    """A trainer or administrator erases the account, or turns the request down with a note."""
    from .permissions import erasure_requests_decidable_by

    if not erasure_requests_decidable_by(by).filter(pk=request.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        request = ErasureRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != ErasureRequest.Status.PENDING:
            raise errors.ErasureAlreadyDecided()
        if approve:
            _erase(request=request, by=by)
        else:
            request.status = ErasureRequest.Status.REJECTED
            request.decided_at = timezone.now()
            request.decided_by = by
            request.decision_note = note.strip()
            request.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
            log(instance=request, action="privacy.erasure_reject", user=by)
    return request


def _erase(*, request: ErasureRequest, by) -> None:
    account_erase(user=request.user)
    request.status = ErasureRequest.Status.ERASED
    request.decided_at = timezone.now()
    request.decided_by = by
    request.save(update_fields=["status", "decided_at", "decided_by"])
    ErasureRequest.objects.filter(user=request.user).update(decision_note="")
    log(instance=request, action="privacy.erase", user=by, data={"reasons": request.reasons})


def _sessions_delete(user) -> int:
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session

    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    Session.objects.filter(pk__in=doomed).delete()
    return len(doomed)


def _log_labels_neutralise(user, enrolment_ids, certificate_ids, submission_ids) -> None:
    """Audit log entries keep their object's name as a label; replace it with the
    kind of object and its id (the entries themselves stay: that is the audit)."""
    from wagtail.models import ModelLogEntry

    User = get_user_model()
    for model, ids in (
        (User, [user.pk]),
        (Enrolment, enrolment_ids),
        (Certificate, certificate_ids),
        (Submission, submission_ids),
    ):
        for pk in ids:
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
            ).update(label=f"{capfirst(str(model._meta.verbose_name))} #{pk}")


def account_erase(*, user) -> None:
    """Delete or empty everything personal of `user`. Irreversible; callers log it.

    The account row stays as an empty shell: no email, name or pseudonym, no
    usable password, inactive, `erased_at` set; every session ends. Each model
    holding personal data is listed, with how it is handled, in
    training.privacy.registry (a test keeps that list complete).
    """
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from wagtail.admin.models import EditingSession, FormState
    from wagtail.models import PageSubscription
    from wagtail.models.api import APIToken
    from wagtail.users.models import UserProfile

    User = get_user_model()
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_erased:
        return
    now = timezone.now()
    # Invitations to their address (before it is emptied) or accepted by them.
    AssociationInvitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user)).delete()
    AcademyInvitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user)).delete()
    CohortInvitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user)).delete()
    CalendarFeed.objects.filter(user=user).delete()  # its secret address stops working
    CommentPhrase.objects.filter(owner=user).delete()
    continuing_erase(user=user)
    groups_erase(user=user)
    submissions = Submission.objects.filter(author=user)
    submission_ids = list(submissions.values_list("pk", flat=True))

    # Reflections: drafts deleted, texts and the feedback retelling them emptied.
    reflection_texts_remove(submissions=submissions)
    ReflectionRead.objects.filter(submission__author=user).delete()
    # Feedback they gave stays with its recipient, signed "a former fellow
    # learner"; "what I recognise from my own experience" is their own story.
    given = PeerReview.objects.filter(reviewer=user)
    given.lapse()
    given.exclude(recognition="").update(recognition="")

    enrolment_ids = list(Enrolment.objects.filter(learner=user).values_list("pk", flat=True))
    practice_texts_remove(enrolment_ids=enrolment_ids)
    Enrolment.objects.filter(learner=user, status=Enrolment.Status.ACTIVE).update(
        status=Enrolment.Status.LEFT, left_at=now
    )

    # Certificates keep their code and status for verification, without the
    # name; the PDF, which prints the name, is deleted.
    certificates = list(Certificate.objects.filter(learner=user))
    _delete_files_on_commit(
        Certificate._meta.get_field("pdf").storage, [c.pdf.name for c in certificates]
    )
    Certificate.objects.filter(learner=user).update(holder_name="", pdf="", pdf_sha256="")
    # The signed Open Badge prints the name too; its status bit stays.
    Credential.objects.filter(certificate__learner=user).update(jwt="", document={}, holder_did="")
    # Offers to a wallet app (hashes only, minutes long) go.
    WalletOffer.objects.filter(certificate__learner=user).delete()

    TrainerSignature.objects.filter(trainer=user).delete()
    AssociationMembership.objects.filter(learner=user).delete()
    Association.staff.through.objects.filter(user=user).delete()
    Cohort.trainers.through.objects.filter(user=user).delete()
    _exports_delete(DataExport.objects.filter(user=user))
    DataExport.objects.filter(user=user).delete()  # a pending one has no files yet

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()  # two-step sign-in apps and codes
    for profile in UserProfile.objects.filter(user=user).exclude(avatar=""):
        _delete_files_on_commit(profile.avatar.storage, [profile.avatar.name])
    UserProfile.objects.filter(user=user).delete()
    EditingSession.objects.filter(user=user).delete()
    FormState.objects.filter(user=user).delete()
    APIToken.objects.filter(user=user).delete()
    PageSubscription.objects.filter(user=user).delete()
    _log_labels_neutralise(user, enrolment_ids, [c.pk for c in certificates], submission_ids)

    user.email = f"erased-{user.pk}@erased.invalid"
    user.display_name = ""
    user.pseudonym = ""
    user.preferred_language = User._meta.get_field("preferred_language").default
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.erased_at = now
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    AcademyRole.objects.filter(user=user).delete()
    _sessions_delete(user)


# --- Retention ------------------------------------------------------------------


def months_before(day: datetime.date, months: int) -> datetime.date:
    years, month_index = divmod(day.month - 1 - months, 12)
    year, month = day.year + years, month_index + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retention_due_enrolments(*, today: datetime.date | None = None):
    """Enrolments whose cohort ended, or that the learner left, PRIVACY_RETENTION_MONTHS ago."""
    today = today or timezone.localdate()
    cutoff = months_before(today, settings.PRIVACY_RETENTION_MONTHS)
    left_before = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    return Enrolment.objects.filter(
        Q(cohort__ends_on__lt=cutoff) | Q(status=Enrolment.Status.LEFT, left_at__lt=left_before)
    )


def retention_apply(*, today: datetime.date | None = None, dry_run: bool = False) -> dict:
    """Delete drafts and the texts of reflections and of the skills lab past the
    retention period, exports past their download period, and participants' open answers
    past theirs (training/groups). Returns counts
    per model (with `dry_run`, what would go, and nothing changes). Safe to
    run daily."""
    due = retention_due_enrolments(today=today)
    submissions = Submission.objects.filter(enrolment__in=due)
    with transaction.atomic():
        counts = reflection_texts_remove(submissions=submissions, dry_run=dry_run)
        counts.update(
            practice_texts_remove(enrolment_ids=due.values_list("pk", flat=True), dry_run=dry_run)
        )
        counts["privacy.DataExport"] = data_exports_purge(dry_run=dry_run)
        counts["groups.FeedbackAnswer.open_answer"] = open_answers_expire(
            today=today, dry_run=dry_run
        )
    if not dry_run:
        logger.info("Retention: %s", ", ".join(f"{k}={v}" for k, v in counts.items()))
    return counts
