"""Background tasks for academies (Django's tasks API): ids in, the database re-read."""

from django_tasks import task

from training.mail import email_send

from .models import AcademyRole


@task()
def role_given_email_task(role_id: int) -> bool:
    """Tell someone they hold a new role in an academy (nothing if it was taken away)."""
    role = AcademyRole.objects.filter(pk=role_id).select_related("academy", "user").first()
    if role is None or not role.user.is_active:
        return False
    email_send(
        to=role.user.email,
        user=role.user,
        template="academies/email/role_given",
        context={"academy": role.academy, "role": role.get_role_display()},
    )
    return True


@task()
def invitation_email_task(invitation_id: int) -> bool:
    """Email an open invitation to its address (nothing when it was answered or withdrawn)."""
    from .emails import invitation_email_send
    from .models import AcademyInvitation

    invitation = (
        AcademyInvitation.objects.filter(pk=invitation_id, accepted_at__isnull=True)
        .select_related("academy")
        .first()
    )
    if invitation is None:
        return False
    invitation_email_send(invitation=invitation)
    return True
