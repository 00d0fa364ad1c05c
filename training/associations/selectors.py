"""Reads for associations: the certification status of their facilitators.

An association's facilitators are the learners in the cohorts it
commissioned, and the learners linked to it by an explicit membership. For
each facilitator and qualification (a course, with its refreshers) it sees
the latest certificate, or while there is none, how far the course is done.
Never reflections, answers or feedback.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.certificates.models import Certificate, CertificateStatus
from training.continuing.models import IntervisionGroup, RenewalRule
from training.continuing.selectors import renewal_progress
from training.learning.models import Enrolment
from training.learning.selectors import courses_progress

from .models import (
    ApiToken,
    Association,
    AssociationInvitation,
    AssociationMembership,
    AssociationStaff,
    Endorsement,
)
from .permissions import invitations_for, token_hash


class FacilitatorStatus:
    """Row statuses, in the order the status page lists them: what needs attention first."""

    EXPIRES_SOON = "expires_soon"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    VALID = "valid"
    IN_TRAINING = "in_training"
    STOPPED = "stopped"

    ORDER = [EXPIRES_SOON, EXPIRED, SUSPENDED, REVOKED, VALID, IN_TRAINING, STOPPED]
    LABELS = {
        EXPIRES_SOON: _("Expires soon"),
        EXPIRED: _("Expired"),
        SUSPENDED: _("Temporarily suspended"),
        REVOKED: _("Revoked"),
        VALID: _("Certified"),
        IN_TRAINING: _("In training"),
        STOPPED: _("Stopped"),
    }

    @classmethod
    def choices(cls):
        return [(value, cls.LABELS[value]) for value in cls.ORDER]


@dataclass
class FacilitatorRow:
    learner_id: int
    name: str
    course_title: str
    status: str
    valid_until: datetime.date | None = None
    issued_on: datetime.date | None = None
    certificate_code: str = ""
    certificate_id: int | None = None
    progress_percent: int | None = None
    # After the course (training/continuing): never reflections, cases or wellbeing.
    renewal_percent: int | None = None
    renewal_missing_hours: float | None = None
    in_intervision: bool = False

    @property
    def status_label(self) -> str:
        return str(FacilitatorStatus.LABELS[self.status])


def _certificate_status(certificate: Certificate, today: datetime.date) -> str:
    status = certificate.status_on(today)
    # A suspended certificate must not be relied on while the pause lasts, but it is
    # not the end a revocation is: the association sees which of the two it is.
    if status == CertificateStatus.SUSPENDED:
        return FacilitatorStatus.SUSPENDED
    if status == CertificateStatus.REVOKED:
        return FacilitatorStatus.REVOKED
    if status == CertificateStatus.EXPIRED:
        return FacilitatorStatus.EXPIRED
    if certificate.expires_soon(today):
        return FacilitatorStatus.EXPIRES_SOON
    return FacilitatorStatus.VALID


def _qualification_id(course) -> int:
    return course.renews_course_id or course.pk


def association_facilitators(
    *, association: Association, search: str = "", status: str = "", today=None
) -> list[FacilitatorRow]:
    """One row per facilitator and qualification, 'expires soon' first, then by date and name.

    A fixed number of queries: enrolments, memberships, certificates,
    completed lessons, and one course outline per course involved.
    """
    today = today or timezone.localdate()
    member_ids = set(
        AssociationMembership.objects.filter(association=association).values_list(
            "learner_id", flat=True
        )
    )
    enrolments = (
        Enrolment.objects.filter(Q(cohort__association=association) | Q(learner_id__in=member_ids))
        .select_related("learner", "course")
        .order_by("-enrolled_at")
    )
    pairs: dict[tuple[int, int], dict] = {}
    for enrolment in enrolments:
        key = (enrolment.learner_id, _qualification_id(enrolment.course))
        pair = pairs.setdefault(key, {"learner": enrolment.learner, "enrolment": None})
        current = pair["enrolment"]
        if current is None or (enrolment.is_active and not current.is_active):
            pair["enrolment"] = enrolment

    learner_ids = {learner_id for learner_id, _q in pairs} | member_ids
    latest: dict[tuple[int, int], Certificate] = {}
    for certificate in (
        Certificate.objects.filter(learner_id__in=learner_ids)
        .select_related("learner")
        .order_by("period")
    ):
        key = (certificate.learner_id, certificate.qualification_id)
        if key in pairs or certificate.learner_id in member_ids:
            latest[key] = certificate
            pairs.setdefault(key, {"learner": certificate.learner, "enrolment": None})

    progress = _progress_percentages(
        [
            pair["enrolment"]
            for key, pair in pairs.items()
            if key not in latest and pair["enrolment"]
        ]
    )
    rows = []
    for key, pair in pairs.items():
        learner = pair["learner"]
        certificate = latest.get(key)
        if certificate is not None:
            rows.append(
                FacilitatorRow(
                    learner_id=learner.pk,
                    name=learner.get_full_name(),
                    course_title=certificate.qualification_title,
                    status=_certificate_status(certificate, today),
                    valid_until=certificate.valid_until,
                    issued_on=certificate.issued_on,
                    certificate_code=certificate.display_code,
                    certificate_id=certificate.pk,
                )
            )
            continue
        enrolment = pair["enrolment"]
        rows.append(
            FacilitatorRow(
                learner_id=learner.pk,
                name=learner.get_full_name(),
                course_title=enrolment.course.title,
                status=(
                    FacilitatorStatus.IN_TRAINING
                    if enrolment.is_active
                    else FacilitatorStatus.STOPPED
                ),
                progress_percent=progress.get(enrolment.pk, 0),
            )
        )

    _add_continued_education(rows, latest)
    rows.sort(
        key=lambda r: (
            FacilitatorStatus.ORDER.index(r.status),
            r.valid_until or datetime.date.max,
            r.name.casefold(),
            r.course_title,
        )
    )
    return facilitator_rows_filter(rows, search=search, status=status)


def _add_continued_education(rows: list[FacilitatorRow], latest: dict) -> None:
    """Renewal progress for current certificates whose qualification has a renewal rule,
    and whether the facilitator is in an intervision group (two queries, plus the
    progress of each renewable certificate)."""
    learner_ids = {row.learner_id for row in rows}
    in_group = set(
        IntervisionGroup.members.through.objects.filter(user_id__in=learner_ids).values_list(
            "user_id", flat=True
        )
    )
    renewable = set(
        RenewalRule.objects.filter(
            qualification_id__in={c.qualification_id for c in latest.values()}
        ).values_list("qualification_id", flat=True)
    )
    by_id = {c.pk: c for c in latest.values()}
    for row in rows:
        row.in_intervision = row.learner_id in in_group
        certificate = by_id.get(row.certificate_id)
        if (
            certificate is None
            or certificate.qualification_id not in renewable
            or row.status not in (FacilitatorStatus.VALID, FacilitatorStatus.EXPIRES_SOON)
        ):
            continue
        progress = renewal_progress(certificate=certificate)
        if progress is not None:
            row.renewal_percent = progress.percent
            row.renewal_missing_hours = progress.missing_hours


def facilitator_rows_filter(
    rows: list[FacilitatorRow], *, search: str = "", status: str = ""
) -> list[FacilitatorRow]:
    """Rows whose name or course contains `search` (any case), with `status` if given."""
    needle = search.strip().casefold()
    if needle:
        rows = [
            r for r in rows if needle in r.name.casefold() or needle in r.course_title.casefold()
        ]
    if status:
        rows = [r for r in rows if r.status == status]
    return rows


def _progress_percentages(enrolments: list[Enrolment]) -> dict[int, int]:
    """Percent of the course completed, per enrolment id (the learner's own definition)."""
    return {
        enrolment_id: progress.course.percent
        for enrolment_id, progress in courses_progress(enrolments=enrolments).items()
    }


def associations_seeing(*, learner) -> list[dict]:
    """The associations that can see this learner's certification status, and why.

    Each entry: `association`, `cohorts` (names of its cohorts the learner is
    in) and `membership` (the explicit link, or None); a link the learner
    confirmed has `membership.confirmed_at` and the learner may end it.
    """
    seen: dict[int, dict] = {}
    for membership in AssociationMembership.objects.filter(learner=learner).select_related(
        "association"
    ):
        seen[membership.association_id] = {
            "association": membership.association,
            "cohorts": [],
            "membership": membership,
        }
    for enrolment in Enrolment.objects.filter(
        learner=learner, cohort__association__isnull=False
    ).select_related("cohort__association"):
        association = enrolment.cohort.association
        entry = seen.setdefault(
            association.pk, {"association": association, "cohorts": [], "membership": None}
        )
        entry["cohorts"].append(enrolment.cohort.name)
    return sorted(seen.values(), key=lambda entry: entry["association"].name)


def invitations_open_for(*, user, kind: str) -> list[AssociationInvitation]:
    """Open invitations of this kind addressed to the user's email address."""
    return list(invitations_for(user).filter(kind=kind).select_related("association"))


def association_staff(*, association: Association) -> list[AssociationStaff]:
    """Its staff, admins first, each with `is_last_admin` set (that one cannot be removed)."""
    links = list(
        AssociationStaff.objects.filter(association=association)
        .select_related("user")
        .order_by("role", "user__display_name", "user__email")
    )
    admins = sum(1 for link in links if link.is_admin)
    for link in links:
        link.is_last_admin = link.is_admin and admins <= 1
    return links


def association_open_invitations(
    *, association: Association, kind: str
) -> QuerySet[AssociationInvitation]:
    return AssociationInvitation.objects.filter(
        association=association, kind=kind, accepted_at__isnull=True
    ).order_by("email")


def association_linked_facilitators(*, association: Association) -> QuerySet[AssociationMembership]:
    return (
        AssociationMembership.objects.filter(association=association)
        .select_related("learner")
        .order_by("learner__display_name", "learner__email")
    )


def association_staff_users(*, association: Association) -> list:
    """The users who get the association's emails: all its staff, admins included."""
    return [link.user for link in association_staff(association=association)]


def association_api_tokens(*, association: Association) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(association=association).select_related("created_by")


def api_token_for(*, raw: str) -> ApiToken | None:
    """The active token matching `raw`, or None."""
    if not raw:
        return None
    return (
        ApiToken.objects.filter(token_hash=token_hash(raw), revoked_at__isnull=True)
        .select_related("association")
        .first()
    )


# --- Endorsements -------------------------------------------------------------

ENDORSABLE = (FacilitatorStatus.VALID, FacilitatorStatus.EXPIRES_SOON)


def association_endorsable_certificates(*, association: Association) -> QuerySet[Certificate]:
    """The valid latest certificates of the association's facilitators that have a
    signed credential (what an endorsement points at)."""
    rows = association_facilitators(association=association)
    ids = [row.certificate_id for row in rows if row.certificate_id and row.status in ENDORSABLE]
    return (
        Certificate.objects.filter(pk__in=ids, credential__isnull=False)
        .exclude(credential__jwt="")
        .exclude(holder_name="")
    )


@dataclass
class EndorsementRow:
    certificate: Certificate
    endorsement: Endorsement | None


def association_endorsement_rows(*, association: Association) -> list[EndorsementRow]:
    """Each endorsable certificate with the association's endorsement of it (or None)."""
    certificates = list(
        association_endorsable_certificates(association=association).order_by(
            "holder_name", "course_title", "pk"
        )
    )
    endorsements = {
        e.certificate_id: e
        for e in Endorsement.objects.filter(
            association=association, certificate__in=[c.pk for c in certificates]
        )
    }
    return [EndorsementRow(c, endorsements.get(c.pk)) for c in certificates]


def certificate_endorsements(*, certificate_id: int) -> list[Endorsement]:
    """The active endorsements of a certificate, for its public verification page and the API."""
    return list(
        Endorsement.objects.filter(certificate_id=certificate_id, withdrawn_at__isnull=True)
        .exclude(jwt="")
        .select_related("association")
        .order_by("association__name")
    )
