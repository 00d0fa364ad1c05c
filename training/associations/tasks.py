"""Background tasks for associations (Django's tasks API).

Each task takes ids and re-reads the database, so a late or repeated run
does the right thing.
"""

from django_tasks import task

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
