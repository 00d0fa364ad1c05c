"""The JSON API, version 1 (django-ninja), with its OpenAPI document at /api/v1/openapi.json.

- GET /api/v1/certificates/{code}: public, the same data as the
  verification page; rate limited per client like that page. It links the
  signed credential (`credential_url`) and lists the associations that
  recommend the certificate, each with its signed EndorsementCredential.
- GET /api/v1/associations/{id} and /api/v1/associations/{id}/certificates:
  for an association's own systems, with a bearer token its staff created.
- GET /api/v1/associations/{id}/certificates/{code}/open-badge: the signed
  Open Badges 3.0 credential of one of its facilitators' certificates, in both
  forms (the OB 3.0 §8.2 VC-JWT, and the JSON-LD with its Data Integrity proof).
  A token only ever sees its own association: any other id is a 404.
- GET /api/v1/associations/{id}/group-feedback?year=&quarter=: what participants said
  about its facilitators' groups in one quarter, per group and across groups: figures
  only where at least the threshold answered (training.groups.selectors.answer_summary),
  never an open answer, never per meeting.

Every answer (errors too) is `Cache-Control: no-store` and `X-Robots-Tag:
noindex`: it holds a person's certification, which no shared cache or search
engine should keep. Each operation documents every status it can return,
422 (a parameter that does not validate) included.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, NinjaAPI, Query, Router, Schema, Status
from ninja.security import HttpBearer

from training.associations.selectors import (
    FacilitatorStatus,
    api_token_for,
    association_facilitators,
)
from training.associations.services import api_token_touch
from training.certificates.codes import code_normalise
from training.certificates.ratelimit import lookup_allowed
from training.certificates.selectors import (
    certificate_by_code,
    certificate_public,
    verification_url,
)
from training.credentials.selectors import credential_by_code, credential_url
from training.credentials.signing import MEDIA_TYPE as VC_JWT_MEDIA_TYPE
from training.groups.selectors import association_quarter


class TrainingApi(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        response["Cache-Control"] = "no-store, private"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


api = TrainingApi(
    title=f"{settings.WAGTAIL_SITE_NAME} API",
    version="1",
    description=(
        "Verify certificates, and let associations follow the certification of their facilitators."
    ),
    urls_namespace="api-v1",
)


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    """django-ninja's answer to a parameter that does not validate (status 422)."""

    detail: list[dict[str, Any]]


class PillarOut(Schema):
    pillar: Literal["experience", "listening", "boundaries"]
    label: str
    hours: int


class EndorsementOut(Schema):
    association: str
    endorsed_on: datetime.date
    # The signed Open Badges 3.0 EndorsementCredential (application/vc+jwt).
    credential_url: str


class CertificateOut(Schema):
    code: str
    status: Literal["valid", "expired", "suspended", "revoked"]
    holder_name: str
    course: str
    qualification: str
    pillars: list[PillarOut]
    study_hours: int
    cohort: str
    trainer: str
    association: str
    issuer: str
    issued_on: datetime.date
    valid_until: datetime.date | None
    expired_on: datetime.date | None
    revoked_on: datetime.date | None
    revocation_reason: str
    superseded: bool
    # A temporary suspension: since when, and the class of reason (never the text).
    suspended_on: datetime.date | None = None
    suspension_reason_class: Literal["investigation", "administrative", "holder_request"] | None = (
        None
    )
    suspension_reason_label: str = ""
    verification_url: str
    # The signed Open Badges 3.0 credential, one link per secured form (if issued):
    # the OB 3.0 §8.2 VC-JWT (application/vc+jwt) and the JSON-LD document with its
    # Data Integrity proof (application/vc). `credential_url` is the JWT, as before.
    credential_url: str | None = None
    credential_jwt_url: str | None = None
    credential_json_url: str | None = None
    # Associations that vouch for the certificate now (withdrawn ones are left out).
    endorsements: list[EndorsementOut] = []


FacilitatorStatusLiteral = Literal[
    "expires_soon", "expired", "suspended", "revoked", "valid", "in_training", "stopped"
]
assert set(FacilitatorStatusLiteral.__args__) == set(FacilitatorStatus.ORDER)


class FacilitatorOut(Schema):
    name: str
    course: str
    status: FacilitatorStatusLiteral
    valid_until: datetime.date | None
    issued_on: datetime.date | None
    certificate_code: str | None
    progress_percent: int | None
    renewal_percent: int | None
    renewal_missing_hours: float | None
    in_intervision_group: bool


class OpenBadgeOut(Schema):
    code: str
    media_type: Literal["application/vc+jwt"]
    jwt: str
    # The same credential with its embedded Data Integrity proof (eddsa-rdfc-2022).
    data_integrity: dict[str, Any] | None = None


class AssociationOut(Schema):
    id: int
    name: str
    facilitators: int


class QuarterFilter(Schema):
    year: int = Field(..., ge=2020, le=2100)
    quarter: int = Field(..., ge=1, le=4)


class StatementFiguresOut(Schema):
    key: str
    label: str
    distribution: dict[str, int]
    agree_percent: int
    national_percent: int


class FeedbackSummaryOut(Schema):
    answers: int
    shown: bool
    statements: list[StatementFiguresOut]
    gains: dict[str, int]


class GroupFeedbackOut(Schema):
    name: str
    feedback: FeedbackSummaryOut


class QuarterFeedbackOut(Schema):
    year: int
    quarter: int
    threshold: int
    overall: FeedbackSummaryOut
    groups: list[GroupFeedbackOut]


class FacilitatorFilter(Schema):
    status: FacilitatorStatusLiteral | None = None
    search: str = ""


class AssociationToken(HttpBearer):
    openapi_description = "An API token created by the association's staff on its status page."

    def authenticate(self, request: HttpRequest, token: str):
        api_token = api_token_for(raw=token)
        if api_token is not None:
            api_token_touch(token=api_token)
        return api_token


NOT_FOUND = "Not found."

certificates = Router(tags=["certificates"])
associations = Router(tags=["associations"], auth=AssociationToken())


@certificates.get(
    "/{code}",
    response={200: CertificateOut, 404: ErrorOut, 429: ErrorOut},
    auth=None,
    summary="Look up a certificate by its verification code",
)
def certificate_lookup(request, code: str):
    """Case, spaces and dashes in `code` are ignored. The same data as the verification page."""
    if not lookup_allowed(request):
        return Status(429, {"detail": "Too many lookups. Try again in a minute."})
    certificate = certificate_by_code(text=code)
    if certificate is None:
        return Status(404, {"detail": "No certificate has this code."})
    public = certificate_public(certificate)
    return Status(
        200,
        {
            "code": public.display_code,
            "status": public.status.value,
            "holder_name": public.holder_name,
            "course": public.course_title,
            "qualification": public.qualification_title,
            "pillars": [
                {"pillar": row.pillar.value, "label": row.label, "hours": row.hours}
                for row in public.pillars
            ],
            "study_hours": public.study_hours,
            "cohort": public.cohort_name,
            "trainer": public.trainer_name,
            "association": public.association_name,
            "issuer": public.issuer,
            "issued_on": public.issued_on,
            "valid_until": public.valid_until,
            "expired_on": public.expired_on,
            "revoked_on": public.revoked_on,
            "revocation_reason": public.revocation_reason,
            "superseded": public.superseded,
            "suspended_on": public.suspended_on,
            "suspension_reason_class": public.suspension_class or None,
            "suspension_reason_label": public.suspension_class_label,
            "verification_url": verification_url(certificate),
            "credential_url": credential_url(certificate),
            "credential_jwt_url": credential_url(certificate),
            "credential_json_url": credential_url(certificate, form="json"),
            "endorsements": [
                {
                    "association": e.association,
                    "endorsed_on": e.endorsed_on,
                    "credential_url": e.credential_url,
                }
                for e in public.endorsements
            ],
        },
    )


def _own_association(request, association_id: int):
    association = request.auth.association
    return association if association.pk == association_id else None


@associations.get(
    "/{association_id}",
    response={200: AssociationOut, 401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="The association this token belongs to",
)
def association_detail(request, association_id: int):
    association = _own_association(request, association_id)
    if association is None:
        return Status(404, {"detail": NOT_FOUND})
    rows = association_facilitators(association=association)
    return Status(
        200,
        {
            "id": association.pk,
            "name": association.name,
            "facilitators": len({row.learner_id for row in rows}),
        },
    )


@associations.get(
    "/{association_id}/certificates",
    response={
        200: list[FacilitatorOut],
        401: ErrorOut,
        404: ErrorOut,
        422: ValidationErrorOut,
    },
    summary="Certification status of the association's facilitators",
)
def association_certificates(request, association_id: int, filters: Query[FacilitatorFilter]):
    """One entry per facilitator and course: the latest certificate's status and
    valid-until date, or the progress while in training. 'expires_soon' first."""
    association = _own_association(request, association_id)
    if association is None:
        return Status(404, {"detail": NOT_FOUND})
    rows = association_facilitators(
        association=association, search=filters.search, status=filters.status or ""
    )
    return Status(
        200,
        [
            {
                "name": row.name,
                "course": row.course_title,
                "status": row.status,
                "valid_until": row.valid_until,
                "issued_on": row.issued_on,
                "certificate_code": row.certificate_code or None,
                "progress_percent": row.progress_percent,
                "renewal_percent": row.renewal_percent,
                "renewal_missing_hours": row.renewal_missing_hours,
                "in_intervision_group": row.in_intervision,
            }
            for row in rows
        ],
    )


def _feedback(summary) -> dict:
    return {
        "answers": summary.count,
        "shown": summary.shown,
        "statements": [
            {
                "key": s.key,
                "label": s.label,
                "distribution": {str(value): count for value, _label, count in s.distribution},
                "agree_percent": s.agree_percent,
                "national_percent": s.national_percent,
            }
            for s in summary.statements
        ],
        "gains": {g.key: g.count for g in summary.gains},
    }


@associations.get(
    "/{association_id}/group-feedback",
    response={200: QuarterFeedbackOut, 401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="Participants' feedback on the association's groups in one quarter",
)
def association_group_feedback(request, association_id: int, filters: Query[QuarterFilter]):
    """Per group and across groups, by meeting date: counts always, figures only at or
    above the threshold (`shown`), never open answers or per-meeting figures."""
    association = _own_association(request, association_id)
    if association is None:
        return Status(404, {"detail": NOT_FOUND})
    report = association_quarter(
        association=association, year=filters.year, quarter=filters.quarter
    )
    return Status(
        200,
        {
            "year": report.year,
            "quarter": report.quarter,
            "threshold": report.overall.threshold,
            "overall": _feedback(report.overall),
            "groups": [
                {"name": group.name, "feedback": _feedback(summary)}
                for group, summary in report.groups
            ],
        },
    )


@associations.get(
    "/{association_id}/certificates/{code}/open-badge",
    response={200: OpenBadgeOut, 401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="The signed Open Badges 3.0 credential of a facilitator's certificate",
)
def association_open_badge(request, association_id: int, code: str):
    """The VC-JWT of the certificate with this code, if it is the latest certificate of
    one of the association's facilitators (as listed under /certificates). Verify it
    with the public key in the issuer's DID document; see the README."""
    association = _own_association(request, association_id)
    if association is None:
        return Status(404, {"detail": NOT_FOUND})
    normalised = code_normalise(code)
    rows = association_facilitators(association=association)
    codes = {code_normalise(row.certificate_code) for row in rows if row.certificate_code}
    credential = credential_by_code(code=normalised) if normalised in codes else None
    if credential is None:
        return Status(404, {"detail": NOT_FOUND})
    return Status(
        200,
        {
            "code": credential.certificate.display_code,
            "media_type": VC_JWT_MEDIA_TYPE,
            "jwt": credential.jwt,
            "data_integrity": credential.document or None,
        },
    )


api.add_router("/certificates", certificates)
api.add_router("/associations", associations)
