"""Reads for certificates: lookups by code, a learner's certificates, where a learner stands."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from training.courses.pillars import Pillar
from training.learning.models import Enrolment
from training.mail import absolute_url

from .codes import code_format, code_is_wellformed, code_normalise
from .models import Certificate, CertificateStatus, SuspensionReason
from .rules import RuleResult, course_gives_certificate, rules_evaluate


def verification_path(code: str) -> str:
    return reverse("certificates:verify_detail", args=[code_format(code)])


def verification_url(certificate: Certificate) -> str:
    """The absolute, public URL the QR code on the PDF opens."""
    return absolute_url(verification_path(certificate.code))


def certificate_by_code(*, text: str) -> Certificate | None:
    """The certificate whose code is `text` (case, spaces and dashes ignored), or None.

    One query on the unique index of `code`, and none for a malformed code.
    Everything the verification page and the API show is copied onto the
    certificate at issue, so nothing is joined.
    """
    code = code_normalise(text)
    if not code_is_wellformed(code):
        return None
    # Sliced, not .first(): no ORDER BY, the unique index answers alone.
    return next(iter(Certificate.objects.filter(code=code).order_by()[:1]), None)


@dataclass(frozen=True)
class PillarHours:
    pillar: Pillar
    hours: int

    @property
    def label(self) -> str:
        return str(self.pillar.label)


@dataclass(frozen=True)
class PublicEndorsement:
    association: str
    credential_url: str
    endorsed_on: datetime.date


@dataclass(frozen=True)
class PublicCertificate:
    """What anyone with the code may see: the data printed on the PDF, and its status."""

    code: str
    status: CertificateStatus
    holder_name: str
    # The holder had their data erased: the certificate existed and keeps its
    # status, but the name is gone (training.privacy).
    holder_erased: bool
    course_title: str
    qualification_title: str
    pillars: list[PillarHours]
    study_hours: int
    cohort_name: str
    trainer_name: str
    association_name: str
    issuer: str
    issued_on: datetime.date
    valid_until: datetime.date | None
    expired_on: datetime.date | None
    revoked_on: datetime.date | None
    revocation_reason: str
    superseded: bool
    # A pause: the class of reason only (the trainer's text is never public).
    suspended_on: datetime.date | None = None
    suspension_class: str = ""

    @property
    def suspension_class_label(self) -> str:
        if self.suspension_class in SuspensionReason.values:
            return str(SuspensionReason(self.suspension_class).label)
        return ""

    endorsements: tuple[PublicEndorsement, ...] = ()

    @property
    def display_code(self) -> str:
        return code_format(self.code)


def certificate_public(certificate: Certificate, *, today=None) -> PublicCertificate:
    status = certificate.status_on(today)
    return PublicCertificate(
        code=certificate.code,
        status=status,
        holder_name=certificate.holder_name,
        holder_erased=not certificate.holder_name,
        course_title=certificate.course_title,
        qualification_title=certificate.qualification_title,
        pillars=[PillarHours(Pillar(row["pillar"]), row["hours"]) for row in certificate.pillars],
        study_hours=certificate.study_hours,
        cohort_name=certificate.cohort_name,
        trainer_name=certificate.trainer_name,
        association_name=certificate.association_name,
        issuer=certificate.issuer_name or settings.WAGTAIL_SITE_NAME,
        issued_on=certificate.issued_on,
        valid_until=certificate.valid_until,
        expired_on=certificate.expired_on() if status == CertificateStatus.EXPIRED else None,
        revoked_on=(timezone.localdate(certificate.revoked_at) if certificate.revoked_at else None),
        revocation_reason=certificate.revoked_reason,
        superseded=certificate.superseded_by_id is not None,
        suspended_on=(
            timezone.localdate(certificate.suspended_at)
            if status == CertificateStatus.SUSPENDED
            else None
        ),
        suspension_class=(
            certificate.suspension_class if status == CertificateStatus.SUSPENDED else ""
        ),
        endorsements=tuple(
            PublicEndorsement(
                association=row["association"],
                credential_url=absolute_url(row["path"]),
                endorsed_on=datetime.date.fromisoformat(row["on"]),
            )
            for row in certificate.endorsed_by or []
        ),
    )


def learner_certificates(*, user) -> list[Certificate]:
    """The user's own certificates, newest first."""
    if not user.is_authenticated:
        return []
    return list(Certificate.objects.filter(learner=user).order_by("-issued_at", "-pk"))


def latest_certificate(*, learner_id: int, qualification_id: int) -> Certificate | None:
    return (
        Certificate.objects.filter(learner_id=learner_id, qualification_id=qualification_id)
        .order_by("-period")
        .first()
    )


@dataclass
class CertificationState:
    """Where a learner stands towards the certificate of one enrolment's course."""

    enrolment: Enrolment
    gives_certificate: bool
    certificate: Certificate | None = None
    results: list[RuleResult] = field(default_factory=list)

    @property
    def missing(self) -> list[RuleResult]:
        return [result for result in self.results if not result.met]

    @property
    def all_met(self) -> bool:
        return bool(self.results) and not self.missing

    @property
    def certified(self) -> bool:
        return self.certificate is not None and self.certificate.status == CertificateStatus.VALID


def certification_state(*, enrolment: Enrolment) -> CertificationState:
    """The latest certificate for the course and, unless it is valid, the enabled rules
    with their results (what is still missing)."""
    course = enrolment.course
    state = CertificationState(
        enrolment=enrolment, gives_certificate=course_gives_certificate(course)
    )
    if not state.gives_certificate:
        return state
    state.certificate = latest_certificate(
        learner_id=enrolment.learner_id, qualification_id=course.qualification_id
    )
    if not state.certified:
        state.results = rules_evaluate(enrolment=enrolment)
    return state
