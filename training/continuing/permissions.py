"""Who may see what of a facilitator's log and check-ins: one place for the rules.

- A facilitator sees and changes their own sessions and check-ins; nobody
  else ever sees a check-in (no trainer, no association, no admin screen).
- A shared session, a request for contact (no content) and a piece of continued
  education are each addressed to one place where the facilitator learned: an
  academy, or the platform (`academy` empty). The facilitator chooses it when
  they learned in several places; otherwise it is the only one
  (`addressed_place`). Only the trainers of that place who trained the
  facilitator there see it, and that academy's administrators (and
  superusers): the relation is
  `training.learning.permissions.trains_learner_in_place`. A trainer of
  academy A never sees what a facilitator of A and B addressed to B.
Views scope their querysets with these functions, so a wrong id is a 404.
"""

from django.db.models import Q, QuerySet

from training.certificates.models import Certificate
from training.learning.models import Enrolment
from training.learning.permissions import academies_of_learner, trains_learner_in_place

from . import errors
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
    return PracticeSession.objects.filter(trains_learner_in_place(user), shared_with_trainer=True)


def support_requests_for(user) -> QuerySet[SupportRequest]:
    if not user.is_authenticated:
        return SupportRequest.objects.none()
    return SupportRequest.objects.filter(trains_learner_in_place(user))


def own_external_activities(user) -> QuerySet[ExternalActivity]:
    if not user.is_authenticated:
        return ExternalActivity.objects.none()
    return ExternalActivity.objects.filter(facilitator=user)


def activities_decidable_by(user) -> QuerySet[ExternalActivity]:
    """External activities a trainer confirms: of the facilitators they trained, addressed
    to the place where they trained them."""
    if not user.is_authenticated:
        return ExternalActivity.objects.none()
    return ExternalActivity.objects.filter(trains_learner_in_place(user))


#: `addressed_place(facilitator)` without `academy`: the facilitator made no choice.
UNCHOSEN = object()


def addressed_place(facilitator, academy=UNCHOSEN):
    """The place (an academy, None: the platform) something of `facilitator` is addressed
    to: `academy` when they learn there (else `errors.NotYourPlace`), without a choice the
    place of their latest enrolment (the platform when they have none: a certificate
    brought in from elsewhere)."""
    places = academies_of_learner(facilitator)
    if academy is UNCHOSEN:
        return places[0] if places else None
    if academy in places or (academy is None and not places):
        return academy
    raise errors.NotYourPlace()


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
