"""Who trains whom, and who learns where: the one scoping rule per relation.

Every policy and every scoped view in the project builds on these functions;
none writes its own trainer rule (`tests/learning/test_scoping_rules.py`
fails when one does).

- **Trainer of a cohort** (`cohorts_trained_by`): an active account named among
  the cohort's trainers who holds the trainer role *where the cohort runs*: for
  a platform cohort (no academy) the Trainer group, for an academy's cohort a
  trainer or administrator role in that academy (`training.academies`). An
  academy's administrators train every cohort of their academy; a superuser
  trains every cohort. Someone named on a cohort without that role (no longer
  in the Trainer group, a trainer of another academy, deactivated) trains
  nothing. `cohorts_led_by` is the same rule without the
  superuser's reach: the cohorts a person is named on, for what is personal to
  them (their calendar, the role in which they read a reflection).
- **Learners a trainer trains** (`learners_trained_by`): everyone enrolled, now or
  earlier, in a cohort the trainer trains; `trainers_of_learner` is the same
  relation read the other way (optionally in one place only).
- **Where a learner learns** (`academies_of_learner`): the academies (None: the
  platform) of the cohorts they were enrolled in. What a learner addresses to one
  place (a request for contact, a shared log entry) is for the trainers of that
  place only: `trains_learner_in_place` is that filter, on any row that names a
  learner and a place.
- **Learner** (`own_active_enrolments`): the user's own active enrolments.

Views scope their querysets with these functions, so a wrong id is a 404,
never someone else's data. The functions return lazy querysets: used inside
another filter they become a subquery, not an extra round trip.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q, QuerySet

from training.academies.models import TEACHING_ROLES, Academy, AcademyRole, Role
from training.courses.permissions import TRAINER_GROUP, is_platform_trainer

from .models import Announcement, Cohort, Enrolment

ACTIVE = Enrolment.Status.ACTIVE


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _qualified_on_cohort(user_ref) -> Q:
    """The cohort (the outer row) is one `user_ref` holds the trainer role for: the
    Trainer group for a platform cohort, a teaching role in the cohort's academy."""
    in_trainer_group = Exists(Group.objects.filter(user=user_ref, name=TRAINER_GROUP))
    teaching_role = Exists(
        AcademyRole.objects.filter(
            user=user_ref, academy=OuterRef("academy"), role__in=TEACHING_ROLES
        )
    )
    return (Q(academy__isnull=True) & in_trainer_group) | (Q(academy__isnull=False) & teaching_role)


def _named_on_cohort(user_ref) -> Exists:
    return Exists(Cohort.trainers.through.objects.filter(cohort=OuterRef("pk"), user=user_ref))


def cohorts_led_by(user) -> QuerySet[Cohort]:
    """The cohorts `user` is named a trainer of, while active and holding the trainer role
    where the cohort runs (a superuser named on a cohort leads it without the role)."""
    if not _active(user):
        return Cohort.objects.none()
    named = Cohort.objects.filter(_named_on_cohort(user.pk))
    if user.is_superuser:
        return named
    return named.filter(_qualified_on_cohort(user.pk))


def cohorts_trained_by(user) -> QuerySet[Cohort]:
    """The cohorts whose learners' work `user` may see and act on: those they lead, every
    cohort of an academy they administer, all for a superuser."""
    if not _active(user):
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    administered = Exists(
        AcademyRole.objects.filter(
            user=user.pk, academy=OuterRef("academy"), role=Role.ADMINISTRATOR
        )
    )
    return Cohort.objects.filter(
        pk__in=_cohort_candidates(user),
    ).filter(
        (_named_on_cohort(user.pk) & _qualified_on_cohort(user.pk))
        | (Q(academy__isnull=False) & administered)
    )


def _cohort_candidates(user) -> QuerySet:
    """The ids of the cohorts `user` is named on or whose academy they administer: a
    superset of what they train, found from their own rows through indexes. Without
    it the rule's EXISTS tests ran once for every cohort on the platform (a scan of
    3,000 cohorts on every admin page at 300 academies)."""
    named = Cohort.trainers.through.objects.filter(user=user.pk).order_by().values("cohort_id")
    administered = (
        Cohort.objects.filter(
            academy__in=AcademyRole.objects.filter(user=user.pk, role=Role.ADMINISTRATOR).values(
                "academy"
            )
        )
        .order_by()
        .values("pk")
    )
    return named.union(administered)


def learners_trained_by(user) -> QuerySet:
    """The ids (`learner_id` values) of everyone enrolled in a cohort `user` trains."""
    return Enrolment.objects.filter(cohort__in=cohorts_trained_by(user)).values("learner_id")


#: `trainers_of_learner(learner)` without `academy`: in every place.
EVERYWHERE = object()


def trainers_of_learner(learner, *, academy=EVERYWHERE) -> QuerySet:
    """The active people who lead (named and qualified) a cohort `learner` was enrolled in;
    with `academy`, only cohorts of that academy (None: the platform's cohorts)."""
    led = Cohort.objects.filter(
        _named_on_cohort(OuterRef(OuterRef("pk"))),
        enrolments__learner=learner,
    ).filter(_qualified_on_cohort(OuterRef(OuterRef("pk"))))
    if academy is None:
        led = led.filter(academy__isnull=True)
    elif academy is not EVERYWHERE:
        led = led.filter(academy=academy)
    return get_user_model().objects.filter(Exists(led), is_active=True)


def cohort_leaders(cohort) -> QuerySet:
    """The active people who lead `cohort`: named on it and holding the trainer role where
    it runs (`cohorts_led_by` read the other way). Who is told of what happens in it."""
    led = Cohort.objects.filter(_named_on_cohort(OuterRef(OuterRef("pk"))), pk=cohort.pk).filter(
        _qualified_on_cohort(OuterRef(OuterRef("pk")))
    )
    return get_user_model().objects.filter(Exists(led), is_active=True)


def academies_of_learner(user) -> list:
    """The places `user` learns or learned in: the academy of each cohort they were
    enrolled in, None for a platform cohort; the place of the latest enrolment first."""
    if user is None or not user.is_authenticated:
        return []
    places = []
    for academy in (
        Enrolment.objects.filter(learner=user)
        .order_by("-enrolled_at", "-pk")
        .values_list("cohort__academy", flat=True)
    ):
        if academy not in places:
            places.append(academy)
    academies = {a.pk: a for a in Academy.objects.filter(pk__in=[p for p in places if p])}
    return [academies[pk] if pk else None for pk in places]


def trains_learner_in_place(user, *, learner: str = "facilitator", place: str = "academy") -> Q:
    """A filter on rows naming a learner (field `learner`) and a place (field `place`, an
    academy; empty: the platform): `user` trains that learner in a cohort of that place.
    A superuser: every row."""
    if not _active(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    enrolled = Enrolment.objects.filter(
        learner=OuterRef(learner), cohort__in=cohorts_trained_by(user)
    )
    return (Q(**{f"{place}__isnull": True}) & Exists(enrolled.filter(cohort__academy=None))) | (
        Q(**{f"{place}__isnull": False}) & Exists(enrolled.filter(cohort__academy=OuterRef(place)))
    )


def is_trainer(user) -> bool:
    """May `user` open the trainers' screens at all: a platform trainer (or superuser), or
    a trainer or administrator of some academy. Which cohorts: `cohorts_trained_by`."""
    if not _active(user):
        return False
    return (
        is_platform_trainer(user)
        or AcademyRole.objects.filter(user=user, role__in=TEACHING_ROLES).exists()
    )


def own_active_enrolments(user) -> QuerySet[Enrolment]:
    if user is None or not user.is_authenticated:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(learner=user, status=ACTIVE)


def announcements_visible_to(user) -> QuerySet[Announcement]:
    """Announcements a trainer manages in the admin: those of the cohorts they train."""
    return Announcement.objects.filter(cohort__in=cohorts_trained_by(user))
