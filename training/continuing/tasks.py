"""Background tasks of the practice log (Django's tasks API)."""

from django_tasks import task

from . import services


@task()
def support_request_notify_task(request_id: int) -> int:
    return services.support_request_notify(request_id=request_id)


@task()
def wellbeing_nudges_task() -> int:
    return services.wellbeing_nudges_send()


@task()
def renewals_evaluate_task(*, user_ids: list[int] | None = None) -> int:
    """Daily for everyone with a rule to meet; with `user_ids` after their ledger changed."""
    return services.renewals_evaluate(user_ids=user_ids)
