"""Emails to association staff about their facilitators' certificates.

- A digest (run daily): the facilitators whose certificate will expire
  within the reminder window (the largest of CERTIFICATE_REMINDER_DAYS),
  each listed once per association.
- A notice when a certificate was revoked, sent by a task after the
  revocation commits; the daily run sends any the task missed (revocations
  of the last `REVOKED_CATCH_UP_DAYS` days).

Each association, certificate and kind is recorded once (`AssociationNotice`,
a unique constraint), and the records and the emails go in one transaction,
so a run that repeats, overlaps or is retried sends nothing twice. The
emails say what the association's status page already shows (the name, the
course, the date, the status), never a revocation reason or anything the
learner wrote. The revocation notice is enqueued by `revocation_notice_enqueue`,
a receiver of `certificate_revoked` (connected in `AssociationsConfig.ready`):
certificates announces, associations listens. The `AssociationNotice` records
stay in the certificates app's tables (moving the model would need a data
migration for no gain); only the code that writes them lives here.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from training.certificates.models import AssociationNotice, AssociationNoticeKind, Certificate
from training.mail import email_send

from .models import Association
from .selectors import (
    FacilitatorRow,
    FacilitatorStatus,
    association_facilitators,
    association_staff_users,
    associations_seeing,
)

REVOKED_CATCH_UP_DAYS = 7

TEMPLATES = {
    AssociationNoticeKind.EXPIRES_SOON: "certificates/email/association_expiring",
    AssociationNoticeKind.REVOKED: "certificates/email/association_revoked",
}


def _notify(*, association: Association, rows: list[FacilitatorRow], kind: str) -> int:
    """Email the association's staff about the rows not yet notified; returns emails sent."""
    ids = [row.certificate_id for row in rows]
    done = set(
        AssociationNotice.objects.filter(
            association=association, kind=kind, certificate_id__in=ids
        ).values_list("certificate_id", flat=True)
    )
    rows = [row for row in rows if row.certificate_id not in done]
    recipients = [user for user in association_staff_users(association=association) if user.email]
    if not rows or not recipients:
        return 0
    context = {
        "association_name": association.name,
        "rows": rows,
        "status_path": reverse("associations:status", args=[association.pk]),
    }
    try:
        with transaction.atomic():
            AssociationNotice.objects.bulk_create(
                AssociationNotice(
                    association=association, certificate_id=row.certificate_id, kind=kind
                )
                for row in rows
            )
            for user in recipients:
                email_send(to=user.email, user=user, template=TEMPLATES[kind], context=context)
    except IntegrityError:
        return 0  # another run recorded (and sent) them
    return len(recipients)


def association_digests_send(*, today: datetime.date | None = None) -> int:
    """Send each association's digest of certificates that expire soon, and any revocation
    notice still owed. Safe to run at any time; run it daily. Returns the emails sent."""
    today = today or timezone.localdate()
    catch_up_from = timezone.now() - datetime.timedelta(days=REVOKED_CATCH_UP_DAYS)
    recently_revoked = set(
        Certificate.objects.filter(revoked_at__gte=catch_up_from).values_list("pk", flat=True)
    )
    sent = 0
    for association in Association.objects.filter(staff_links__isnull=False).distinct():
        rows = association_facilitators(association=association, today=today)
        expiring = [row for row in rows if row.status == FacilitatorStatus.EXPIRES_SOON]
        sent += _notify(
            association=association, rows=expiring, kind=AssociationNoticeKind.EXPIRES_SOON
        )
        revoked = [
            row
            for row in rows
            if row.status == FacilitatorStatus.REVOKED and row.certificate_id in recently_revoked
        ]
        sent += _notify(association=association, rows=revoked, kind=AssociationNoticeKind.REVOKED)
    return sent


def association_revocation_notify(*, certificate: Certificate) -> int:
    """Tell the staff of every association that sees this (revoked) certificate on its
    status page. Nothing when it is no longer revoked. Returns the emails sent."""
    if not certificate.is_revoked:
        return 0
    sent = 0
    for entry in associations_seeing(learner=certificate.learner):
        association = entry["association"]
        rows = [
            row
            for row in association_facilitators(association=association)
            if row.certificate_id == certificate.pk and row.status == FacilitatorStatus.REVOKED
        ]
        sent += _notify(association=association, rows=rows, kind=AssociationNoticeKind.REVOKED)
    return sent
