"""Writes for certificates, one module per step.

- `issuing`: when a certificate is due, issuing it (idempotent), its PDF, the holder's email;
- `signoff`: a trainer's sign-off, the last rule of some courses;
- `revocation`: revoking and undoing it, with a reason;
- `suspension`: pausing it (a reason class that verification shows) and lifting the pause;
- `reminders`: expiry reminders;
- `renewal`: the next period by continued education (training/continuing decides);
- `recovery`: finishing certificates an interrupted worker or a failed write left;
- `errors`, `mail`: what the steps share.

Trainers' writes go through `training.certificates.actions`, which check the
policy and write the audit entry around these services. This package
re-exports the public services, so other apps import them from one place.
"""

from .errors import AlreadyRevoked, CertificateError, NotRevoked, ReasonRequired
from .issuing import (
    TEMP_PREFIX,
    add_years,
    certificate_due_period,
    certificate_evaluate,
    certificate_finish,
    certificate_import,
    certificate_issue,
    certificate_notify_holder,
    certificate_store_pdf,
    certificates_evaluate,
)
from .recovery import PDF_FAILED_ACTION, certificates_resume
from .reminders import certificate_reminders_send
from .renewal import certificate_renew
from .revocation import certificate_revoke, certificate_unrevoke
from .signoff import trainer_signoff_give
from .suspension import certificate_suspend, certificate_unsuspend

__all__ = [
    "certificate_suspend",
    "certificate_unsuspend",
    "PDF_FAILED_ACTION",
    "TEMP_PREFIX",
    "AlreadyRevoked",
    "CertificateError",
    "NotRevoked",
    "ReasonRequired",
    "add_years",
    "certificate_renew",
    "certificate_due_period",
    "certificate_evaluate",
    "certificate_finish",
    "certificate_import",
    "certificate_issue",
    "certificate_notify_holder",
    "certificate_reminders_send",
    "certificate_revoke",
    "certificate_store_pdf",
    "certificate_unrevoke",
    "certificates_evaluate",
    "certificates_resume",
    "trainer_signoff_give",
]
