"""Learners stuck in the skills lab, for the trainer's stuck-learner tab
(registered with `training.assessments.stuck` in `PracticeConfig.ready`).

Per live practice activity of the cohort's course, the active learners who
are "waiting for a practice group":

- opted in, not in a group, and groups were formed after they opted in, or
  their grouping moment passed (the activity's `grouping_days` after they
  opted in; they were emailed then, see waiting.py), or nobody else waits
  with them (alone: no one to practise with until someone joins);
- in a group that is down to one active member (the others left) and no
  trainer in it;

and those whose group has not met: it did not say it met and no round
counts yet (`PracticeRound.objects.that_count()`, the skills lab's one rule of
practice that happened), and the chosen moment is more than a day past, or no moment was chosen within
`PRACTICE_WAITING_DAYS` days of forming the group.

A cohort costs a fixed number of queries, whatever its size.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from training.assessments.stuck import StuckLearner, StuckSection
from training.learning.models import Enrolment

from .models import (
    PracticeActivityPage,
    PracticeGroup,
    PracticeGroupMet,
    PracticeMember,
    PracticeOptIn,
    PracticeRound,
)


def waiting_days() -> int:
    return getattr(settings, "PRACTICE_WAITING_DAYS", 7)


def _day(value: datetime.datetime) -> str:
    return date_format(timezone.localtime(value), "j F Y")


def practice_stuck_sections(*, cohort, now: datetime.datetime | None = None) -> list[StuckSection]:
    from django.urls import reverse

    now = now or timezone.now()
    patience = datetime.timedelta(days=waiting_days())  # for groups that have not met
    activities = list(
        PracticeActivityPage.objects.descendant_of(cohort.course).live().order_by("path")
    )
    if not activities:
        return []
    active = {Enrolment.Status.ACTIVE}
    opt_ins = list(
        PracticeOptIn.objects.filter(
            activity__in=activities, cohort=cohort, enrolment__status__in=active
        ).select_related("enrolment__learner")
    )
    placed = set(
        PracticeMember.objects.filter(activity__in=activities).values_list(
            "activity_id", "enrolment_id"
        )
    )
    said_met = PracticeGroupMet.objects.filter(group=OuterRef("pk"))
    counted = PracticeRound.objects.that_count().filter(group=OuterRef("pk"))
    groups = list(
        PracticeGroup.objects.filter(activity__in=activities, cohort=cohort)
        .annotate(has_met=Exists(said_met) | Exists(counted))
        .prefetch_related("members__enrolment__learner")
    )
    formed_last = dict(
        PracticeGroup.objects.filter(activity__in=activities, cohort=cohort)
        .values("activity_id")
        .annotate(last=Max("created_at"))
        .values_list("activity_id", "last")
    )
    url = reverse("practice_admin:cohort", args=[cohort.pk])
    sections = []
    for activity in activities:
        by_enrolment: dict[int, StuckLearner] = {}

        def note(enrolment, reason, by_enrolment=by_enrolment):
            by_enrolment.setdefault(enrolment.pk, StuckLearner(enrolment, [])).reasons.append(
                reason
            )

        waiting = [
            o
            for o in opt_ins
            if o.activity_id == activity.pk and (activity.pk, o.enrolment_id) not in placed
        ]
        for opt_in in waiting:
            since = {"date": _day(opt_in.created_at)}
            last_formed = formed_last.get(activity.pk)
            if len(waiting) == 1:
                reason = gettext(
                    "Waiting for a practice group since %(date)s; nobody else waits with them"
                )
            elif last_formed and last_formed > opt_in.created_at:
                reason = gettext(
                    "Waiting for a practice group since %(date)s; groups were formed after that"
                )
            elif now >= activity.grouping_moment(opt_in.created_at):
                reason = gettext("Waiting for a practice group since %(date)s")
            else:
                continue
            note(opt_in.enrolment, reason % since)
        for group in (g for g in groups if g.activity_id == activity.pk):
            members = [
                m for m in group.members.all() if m.enrolment and m.enrolment.status in active
            ]
            if len(members) == 1 and not any(m.trainer_id for m in group.members.all()):
                note(
                    members[0].enrolment,
                    gettext("Waiting for a practice group: alone in group %(n)s")
                    % {"n": group.number},
                )
                continue
            if group.has_met:
                continue
            if group.meeting_at is not None and group.meeting_at < now - datetime.timedelta(days=1):
                reason = gettext("Group %(n)s was to meet on %(date)s; no round filled in yet") % {
                    "n": group.number,
                    "date": _day(group.meeting_at),
                }
            elif group.meeting_at is None and now - group.created_at >= patience:
                reason = gettext("Group %(n)s has not chosen a moment to meet since %(date)s") % {
                    "n": group.number,
                    "date": _day(group.created_at),
                }
            else:
                continue
            for member in members:
                note(member.enrolment, reason)
        if by_enrolment:
            learners = sorted(
                by_enrolment.values(),
                key=lambda s: (s.enrolment.learner.display_name or "", s.enrolment.pk),
            )
            sections.append(
                StuckSection(
                    key=f"practice:{activity.pk}",
                    caption=gettext("Skills lab: “%(title)s”") % {"title": activity.title},
                    learners=learners,
                    url=url,
                    link_text=gettext("Form or adjust the practice groups"),
                )
            )
    return sections
