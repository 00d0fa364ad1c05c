"""Background tasks for associations (Django's tasks API).

Each task takes ids and re-reads the database, so a late or repeated run
does the right thing.
"""

from django_tasks import task

from training.certificates.models import Certificate

from .digests import association_digests_send, association_revocation_notify
from .emails import invitation_email_send
from .models import AssociationInvitation


@task()
def invitation_email_task(invitation_id: int) -> bool:
    """Email an open invitation to its address (nothing when it was answered or withdrawn)."""
    invitation = (
        AssociationInvitation.objects.filter(pk=invitation_id, accepted_at__isnull=True)
        .select_related("association")
        .first()
    )
    if invitation is None:
        return False
    invitation_email_send(invitation=invitation)
    return True


@task()
def association_digests_task() -> int:
    """Email association staff about certificates that expire soon (schedule daily)."""
    return association_digests_send()


@task()
def association_revocation_notice_task(certificate_id: int) -> int:
    """Email association staff that a certificate was revoked (enqueued after the commit)."""
    certificate = Certificate.objects.filter(pk=certificate_id).select_related("learner").first()
    if certificate is None:
        return 0
    return association_revocation_notify(certificate=certificate)
