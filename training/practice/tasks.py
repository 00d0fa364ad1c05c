"""Background tasks of the skills lab (Django's tasks API)."""

from django_tasks import task

from .reminders import meeting_reminders_send


@task()
def meeting_reminders_task() -> int:
    """The invitations and reminders that are due (a periodic job, every few minutes)."""
    return meeting_reminders_send()


@task()
def meeting_invitations_task(group_id: int) -> int:
    """Right after a group set or changed its meeting: the invitations of that group."""
    return meeting_reminders_send(group_id=group_id)


@task()
def waiting_emails_task() -> int:
    """The one email to learners still without a group at their grouping moment (periodic)."""
    from .waiting import waiting_emails_send

    return waiting_emails_send()


@task()
def group_ready_task(group_id: int) -> int:
    """Right after a trainer made a group for waiting learners: tell them it is ready."""
    from .waiting import group_ready_send

    return group_ready_send(group_id=group_id)
