"""Who may see and decide what in learners' rights: one place for the rules.

- A learner sees their own exports and erasure requests (a wrong id is a 404).
- A request that needs a decision is decided by a superuser, or by a trainer
  of a cohort the learner is (or was) enrolled in; requests of staff accounts
  only by a superuser.
"""

from django.db.models import QuerySet

from training.learning.permissions import cohorts_trained_by

from .models import DataExport, ErasureRequest


def own_downloadable_exports(user, *, now=None) -> QuerySet[DataExport]:
    from django.utils import timezone

    if not user.is_authenticated:
        return DataExport.objects.none()
    return DataExport.objects.filter(
        user=user, status=DataExport.Status.READY, expires_at__gt=now or timezone.now()
    )


def erasure_requests_decidable_by(user) -> QuerySet[ErasureRequest]:
    if not user.is_authenticated or not user.is_active:
        return ErasureRequest.objects.none()
    if user.is_superuser:
        return ErasureRequest.objects.all()
    return (
        ErasureRequest.objects.filter(user__enrolments__cohort__in=cohorts_trained_by(user))
        .exclude(user__is_staff=True)
        .exclude(user__is_superuser=True)
        .exclude(user=user)
        .distinct()
    )


def can_see_erasure_queue(user) -> bool:
    from training.learning.permissions import is_trainer

    return user.is_authenticated and (user.is_superuser or is_trainer(user))
