"""Who may see what of a facilitator's log and check-ins: one place for the rules.

- A facilitator sees and changes their own sessions and check-ins; nobody
  else ever sees a check-in (no trainer, no association, no admin screen).
- A session the facilitator shared is readable by the trainers of the
  cohorts the facilitator was enrolled in (and superusers): the relation is
  `training.learning.permissions.learners_trained_by`.
- A request for contact (no content) is seen by those same trainers.
Views scope their querysets with these functions, so a wrong id is a 404.
"""

from django.db.models import Q, QuerySet

from training.certificates.models import Certificate
from training.learning.models import Enrolment
from training.learning.permissions import learners_trained_by

from .models import (
    ExternalActivity,
    IntervisionCase,
    IntervisionGroup,
    IntervisionMeeting,
    PracticeSession,
    SupportRequest,
    WellbeingCheckIn,
)


def may_keep_log(user) -> bool:
    """Learners (in any course, now or earlier) and certified facilitators keep a log."""
    if not user.is_authenticated:
        return False
    return (
        Enrolment.objects.filter(learner=user).exists()
        or Certificate.objects.filter(learner=user).exists()
    )


def own_sessions(user) -> QuerySet[PracticeSession]:
    if not user.is_authenticated:
        return PracticeSession.objects.none()
    return PracticeSession.objects.filter(facilitator=user)


def own_checkins(user) -> QuerySet[WellbeingCheckIn]:
    if not user.is_authenticated:
        return WellbeingCheckIn.objects.none()
    return WellbeingCheckIn.objects.filter(facilitator=user)


def sessions_shared_with(user) -> QuerySet[PracticeSession]:
    if not user.is_authenticated:
        return PracticeSession.objects.none()
    shared = PracticeSession.objects.filter(shared_with_trainer=True)
    if user.is_superuser:
        return shared
    return shared.filter(facilitator__in=learners_trained_by(user))


def support_requests_for(user) -> QuerySet[SupportRequest]:
    if not user.is_authenticated:
        return SupportRequest.objects.none()
    if user.is_superuser:
        return SupportRequest.objects.all()
    return SupportRequest.objects.filter(facilitator__in=learners_trained_by(user))


def own_external_activities(user) -> QuerySet[ExternalActivity]:
    if not user.is_authenticated:
        return ExternalActivity.objects.none()
    return ExternalActivity.objects.filter(facilitator=user)


def activities_decidable_by(user) -> QuerySet[ExternalActivity]:
    """External activities a trainer confirms: of the facilitators they trained."""
    if not user.is_authenticated:
        return ExternalActivity.objects.none()
    if user.is_superuser:
        return ExternalActivity.objects.all()
    return ExternalActivity.objects.filter(facilitator__in=learners_trained_by(user))


def meetings_visible_to(user) -> QuerySet[IntervisionMeeting]:
    """Meetings of the groups the user is a member or the coordinator of."""
    if not user.is_authenticated:
        return IntervisionMeeting.objects.none()
    return IntervisionMeeting.objects.filter(
        Q(group__members=user) | Q(group__coordinator=user)
    ).distinct()


def own_cases(user) -> QuerySet[IntervisionCase]:
    """Case notes `user` brought, while still a member of the meeting's group."""
    if not user.is_authenticated:
        return IntervisionCase.objects.none()
    return IntervisionCase.objects.filter(brought_by=user, meeting__group__members=user)


def cases_readable_by(user, meeting: IntervisionMeeting) -> QuerySet[IntervisionCase]:
    """Own case notes, and those a member shared with the group (members and coordinator)."""
    return IntervisionCase.objects.filter(meeting=meeting).filter(
        Q(brought_by=user) | Q(shared_with_group=True)
    )


def intervision_groups_managed_by(user) -> QuerySet[IntervisionGroup]:
    if not user.is_authenticated:
        return IntervisionGroup.objects.none()
    if user.is_superuser:
        return IntervisionGroup.objects.all()
    return IntervisionGroup.objects.filter(Q(created_by=user) | Q(coordinator=user))
