"""Renewal of a certificate by continued education, without a refresher course.

The app that keeps the continued-education ledger (training/continuing)
decides that a facilitator met the renewal rule and calls
`certificate_renew`; the certificate itself goes through the same issuing
path as every other one (`_certificate_create`: the next period, the
database's one-certificate-per-period constraint, supersession of the old
one, the audit entry, the PDF and the holder's email), so a double call or
a race issues one renewal.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from ..models import Certificate
from .issuing import _certificate_create, certificate_finish


def certificate_renew(
    *, certificate: Certificate, issued_on: datetime.date | None = None
) -> tuple[Certificate, bool]:
    """Issue the next period of `certificate`'s qualification; (certificate, created)."""
    if certificate.enrolment is None:
        raise ValueError("a renewal needs the enrolment the certificate was earned in")
    renewed, created = _certificate_create(
        enrolment=certificate.enrolment,
        period=certificate.period + 1,
        issued_on=issued_on or timezone.localdate(),
    )
    return certificate_finish(certificate=renewed, notify=created), created
