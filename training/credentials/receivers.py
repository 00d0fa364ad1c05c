"""Receivers of the certificates app's signals (connected in apps.py).

They run after the certificate change committed, inside the request that
made it. A failure here must never undo or break the certificate: it is
logged (the certificate id only) and `manage.py credentials_backfill`
catches up.
"""

import logging

from training.certificates.models import Certificate

from .services import credential_issue, credential_status_sync

logger = logging.getLogger(__name__)


def _certificate(certificate_id):
    return Certificate.objects.filter(pk=certificate_id).first()


def issue_on_certificate_issued(sender, *, certificate_id, **kwargs):
    certificate = _certificate(certificate_id)
    if certificate is None:
        return
    try:
        credential_issue(certificate=certificate)
    except Exception:
        logger.exception("Could not issue the credential of certificate %s", certificate_id)


def status_on_certificate_change(sender, *, certificate_id, **kwargs):
    certificate = _certificate(certificate_id)
    if certificate is None:
        return
    try:
        credential_status_sync(certificate=certificate)
    except Exception:
        logger.exception("Could not update the status bit of certificate %s", certificate_id)
