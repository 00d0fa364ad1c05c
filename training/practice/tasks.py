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
