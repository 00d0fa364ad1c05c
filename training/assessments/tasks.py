"""Periodic work of the assessments app, as tasks (schedule daily)."""

from django_tasks import task

from .reflections.deadlines import deadline_reminders_send


@task()
def deadline_reminders_task() -> int:
    """Send the deadline reminders that are due."""
    return deadline_reminders_send()
