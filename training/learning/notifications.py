"""Emails of the learning app (invitations, announcements), sent as background tasks.

Each task takes ids and re-reads the database, so a late or repeated run
does the right thing. Emails link to the site; an announcement's text is the
trainer's own message to the group, never anything a learner wrote.
"""

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from training.mail import absolute_url, email_send


@task()
def send_cohort_invitation(invitation_id: int) -> bool:
    """Email an open invitation its personal link; False when it is no longer open."""
    from django.contrib.auth import get_user_model

    from .models import CohortInvitation

    invitation = (
        CohortInvitation.objects.select_related("cohort__course", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True, withdrawn_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    account = get_user_model().objects.filter(email__iexact=invitation.email).first()
    email_send(
        to=invitation.email,
        language=account.preferred_language if account else None,
        template="learning/email/cohort_invitation",
        context={
            "cohort": invitation.cohort,
            "course": invitation.cohort.course,
            "trainer": invitation.invited_by,
            "url": absolute_url(reverse("learning:personal_invite", args=[invitation.token])),
        },
    )
    CohortInvitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
    return True


@task()
def send_announcement(announcement_id: int) -> int:
    """Email a published announcement to the cohort's active learners, once.

    Returns the emails sent (0 when it was sent before, or is not due yet:
    a changed publish time gets its own task).
    """
    from .announcements import announcement_email

    return announcement_email(announcement_id=announcement_id)
