"""What the associations app does when the apps below it announce something."""

from __future__ import annotations


def revocation_notice_enqueue(sender, *, certificate_id: int, **kwargs) -> None:
    """Associations that see the holder hear of a revocation (by email, from a task)."""
    from .tasks import association_revocation_notice_task

    association_revocation_notice_task.enqueue(certificate_id=certificate_id)


def holder_associations(*, user) -> dict:
    """For "Mijn certificaten": the associations that see the holder, and open invitations."""
    from .models import InvitationKind
    from .selectors import associations_seeing, invitations_open_for

    return {
        "associations": associations_seeing(learner=user),
        "invitations": invitations_open_for(user=user, kind=InvitationKind.FACILITATOR),
    }
