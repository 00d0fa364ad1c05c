"""Who may see what of the groups and their feedback: one place for the rules.

- A facilitator (a learner or certified facilitator, as for the practice log) keeps their
  own groups, opens moments and sees their groups' results. Nobody else opens their pages.
- An association's staff (and superusers) see, per quarter, the groups that belong to the
  association AND whose facilitator confirmed their link to it: figures only, above the
  threshold, no open answers.
- A trainer sees figures only, across the groups of the learners in their cohorts that the
  facilitator chose to share (`shared_with_trainers`). A group run under an association
  that is an academy is that academy's: only the trainers who trained the facilitator
  there see it (`trains_learner_in_place`), never another academy's.
- A participant needs no account: the moment's unguessable token is the only key.
Views scope their querysets with these functions, so a wrong id is a 404.
"""

from django.db.models import Q, QuerySet

from training.associations.models import Association
from training.associations.permissions import associations_staffed_by
from training.continuing.permissions import may_keep_log
from training.learning.permissions import learners_trained_by, trains_learner_in_place

from .models import FeedbackMoment, GroupMeeting, PeerGroup


def may_lead_groups(user) -> bool:
    """The same people as keep a practice log: learners and certified facilitators."""
    return may_keep_log(user)


def own_groups(user) -> QuerySet[PeerGroup]:
    if not user.is_authenticated:
        return PeerGroup.objects.none()
    return PeerGroup.objects.filter(facilitator=user)


def own_meetings(user) -> QuerySet[GroupMeeting]:
    return GroupMeeting.objects.filter(group__in=own_groups(user))


def own_moments(user) -> QuerySet[FeedbackMoment]:
    return FeedbackMoment.objects.filter(meeting__group__in=own_groups(user))


def associations_open_to(user) -> QuerySet[Association]:
    """The associations a facilitator may put a group under: those they confirmed a link to."""
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(
        memberships__learner=user, memberships__confirmed_at__isnull=False
    ).distinct()


def groups_of_association(association) -> QuerySet[PeerGroup]:
    """Groups that belong to `association` and whose facilitator confirmed their link to it."""
    return PeerGroup.objects.filter(
        association=association,
        facilitator__association_memberships__association=association,
        facilitator__association_memberships__confirmed_at__isnull=False,
    ).distinct()


def association_feedback_visible_to(user) -> QuerySet[Association]:
    """The associations whose group feedback `user` may see (its staff, superusers)."""
    return associations_staffed_by(user)


def groups_shared_with_trainer(user) -> QuerySet[PeerGroup]:
    """Groups whose facilitator shares the figures, of learners in cohorts `user` trains."""
    if not user.is_authenticated:
        return PeerGroup.objects.none()
    shared = PeerGroup.objects.filter(shared_with_trainers=True)
    if user.is_superuser:
        return shared
    return shared.filter(
        Q(association__academy__isnull=False)
        & trains_learner_in_place(user, place="association__academy")
        | Q(association__academy__isnull=True, facilitator__in=learners_trained_by(user))
    )
