"""Periodic work of the learning app, as tasks."""

from django_tasks import task

from .announcements import announcements_send_due


@task()
def announcements_send_due_task() -> int:
    """Email the announcements that are due (schedule every few minutes)."""
    return announcements_send_due()
