"""Background tasks of the practice log (Django's tasks API)."""

from django_tasks import task

from . import services


@task()
def support_request_notify_task(request_id: int) -> int:
    return services.support_request_notify(request_id=request_id)


@task()
def wellbeing_nudges_task() -> int:
    return services.wellbeing_nudges_send()
