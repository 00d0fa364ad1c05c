"""Writes of the skills lab: opting in, forming groups, agreeing, meeting, rounds.

Every service takes keyword-only arguments, validates, and writes inside one
transaction; the invariants (one opt-in and one group per learner and
activity, one observation per observer and round, one rating and one
self-reflection per round) are database constraints, so a double click or a
retry updates instead of duplicating.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlparse

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from training.learning.models import Cohort, Enrolment
from training.learning.signals import announce_progress_changed

from . import errors
from .grouping import groups_form, round_roles, round_roles_with_trainer, rounds_needed
from .models import (
    ListenerReflection,
    Observation,
    ObservationCriterion,
    PracticeActivityPage,
    PracticeGroup,
    PracticeGroupMet,
    PracticeMember,
    PracticeOptIn,
    PracticeRound,
    SpeakerRating,
    WrittenTurn,
)
from .slots import SLOT_KEYS, slot_next_starts, slots_overlap

SENTENCE_MAX = 300
REFLECTION_MAX = 2000
TURN_MAX = 2000
PLACE_MAX = 300
COUNT_MAX = 99


def _check_enrolment(*, activity: PracticeActivityPage, enrolment: Enrolment) -> None:
    course = activity.course
    if not enrolment.is_active or course is None or enrolment.course_id != course.pk:
        raise errors.NotInThisCourse()


def practice_opt_in(
    *, activity: PracticeActivityPage, enrolment: Enrolment, slots: list[str]
) -> PracticeOptIn:
    """Opt in (or change the moments of an opt-in not yet placed in a group)."""
    _check_enrolment(activity=activity, enrolment=enrolment)
    chosen = [key for key in SLOT_KEYS if key in set(slots or [])]
    if not chosen:
        raise errors.NoMomentsChosen()
    with transaction.atomic():
        if PracticeMember.objects.filter(activity=activity, enrolment=enrolment).exists():
            raise errors.AlreadyGrouped()
        opt_in, _created = PracticeOptIn.objects.update_or_create(
            activity=activity,
            enrolment=enrolment,
            defaults={"slots": chosen, "cohort_id": enrolment.cohort_id},
        )
    return opt_in


def practice_opt_out(*, activity: PracticeActivityPage, enrolment: Enrolment) -> None:
    with transaction.atomic():
        if PracticeMember.objects.filter(activity=activity, enrolment=enrolment).exists():
            raise errors.AlreadyGrouped()
        PracticeOptIn.objects.filter(activity=activity, enrolment=enrolment).delete()


def _together_before(enrolment_ids) -> set[frozenset]:
    """Pairs of enrolments who were in one practice group before (any activity)."""
    pairs = set()
    rows = PracticeMember.objects.filter(enrolment_id__in=enrolment_ids).values_list(
        "group_id", "enrolment_id"
    )
    by_group: dict[int, list[int]] = {}
    for group_id, enrolment_id in rows:
        by_group.setdefault(group_id, []).append(enrolment_id)
    for members in by_group.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pairs.add(frozenset((a, b)))
    return pairs


def _group_started(group: PracticeGroup) -> bool:
    return group.rounds.exists()


def practice_groups_form(*, activity: PracticeActivityPage, cohort: Cohort) -> list[PracticeGroup]:
    """Place every learner of `cohort` who opted in and is not yet in a group.

    New groups of three (see `grouping.groups_form`); a single latecomer joins
    an open group (not started, fewer than four) as its fourth, or waits when
    there is none. Returns the groups created or joined.
    """
    with transaction.atomic():
        Cohort.objects.select_for_update().filter(pk=cohort.pk).first()  # one forming at a time
        placed = PracticeMember.objects.filter(activity=activity, enrolment__isnull=False).values(
            "enrolment_id"
        )
        waiting = list(
            PracticeOptIn.objects.filter(
                activity=activity, cohort=cohort, enrolment__status=Enrolment.Status.ACTIVE
            ).exclude(enrolment_id__in=placed)
        )
        if not waiting:
            return []
        existing = list(PracticeGroup.objects.filter(activity=activity, cohort=cohort))
        if len(waiting) == 1:
            open_groups = [g for g in existing if g.members.count() < 4 and not _group_started(g)]
            if not open_groups:
                return []
            group = min(open_groups, key=lambda g: g.members.count())
            _member_add(group=group, enrolment_id=waiting[0].enrolment_id)
            return [group]
        people = {opt_in.enrolment_id: opt_in.slots for opt_in in waiting}
        next_number = (max((g.number for g in existing), default=0)) + 1
        created = []
        for offset, member_ids in enumerate(
            groups_form(people, together_before=_together_before(list(people)))
        ):
            group = PracticeGroup.objects.create(
                activity=activity, cohort=cohort, number=next_number + offset
            )
            for enrolment_id in member_ids:
                _member_add(group=group, enrolment_id=enrolment_id)
            created.append(group)
        return created


def _waiting(*, activity: PracticeActivityPage, cohort_ids) -> list[PracticeOptIn]:
    """Opt-ins of active learners of these cohorts not yet in a group of the activity."""
    placed = PracticeMember.objects.filter(activity=activity, enrolment__isnull=False).values(
        "enrolment_id"
    )
    return list(
        PracticeOptIn.objects.filter(
            activity=activity, cohort_id__in=cohort_ids, enrolment__status=Enrolment.Status.ACTIVE
        )
        .exclude(enrolment_id__in=placed)
        .order_by("created_at", "pk")
    )


def _group_ready_announce(group: PracticeGroup) -> None:
    from .tasks import group_ready_task

    transaction.on_commit(lambda: group_ready_task.enqueue(group.pk))


def practice_group_with_trainer_form(
    *, activity: PracticeActivityPage, cohort: Cohort, trainer
) -> PracticeGroup:
    """One or two learners wait and no group of three can be formed: a smaller group
    in which the trainer takes the remaining role (observer; speaker too when one
    learner practises alone with them).

    Refused when nobody waits (a second click: nothing changes) and when three
    or more wait (form groups of three instead). The trainer has agreed
    by forming it; the learners are emailed that their group is ready.
    """
    with transaction.atomic():
        Cohort.objects.select_for_update().filter(pk=cohort.pk).first()  # one forming at a time
        waiting = _waiting(activity=activity, cohort_ids=[cohort.pk])
        if not waiting:
            raise errors.NobodyWaiting()
        if len(waiting) > 2:
            raise errors.EnoughToGroup()
        top = PracticeGroup.objects.filter(activity=activity, cohort=cohort).aggregate(
            top=Max("number")
        )["top"]
        group = PracticeGroup.objects.create(
            activity=activity, cohort=cohort, number=(top or 0) + 1
        )
        for opt_in in waiting:
            _member_add(group=group, enrolment_id=opt_in.enrolment_id)
        PracticeMember.objects.create(
            group=group,
            trainer=trainer,
            activity=activity,
            position=len(waiting),
            agreed_at=timezone.now(),
        )
        _group_ready_announce(group)
    return group


def practice_written_partner_pair(
    *, activity: PracticeActivityPage, enrolment: Enrolment
) -> PracticeGroup:
    """A waiting learner practises in writing with a learner of another cohort of the
    same course and the same academy (or both the platform's) who waits for the same
    activity (the one who waited longest).

    The pair is a written group of the learner's cohort, whatever the activity's
    mode. Refused when the learner is not waiting (already placed: a second
    click) or nobody waits in another cohort. Both are emailed.
    """
    course = activity.course
    if course is None or enrolment.course_id != course.pk:
        raise errors.NotInThisCourse()
    with transaction.atomic():
        Cohort.objects.select_for_update().filter(pk=enrolment.cohort_id).first()
        mine = _waiting(activity=activity, cohort_ids=[enrolment.cohort_id])
        if not any(opt_in.enrolment_id == enrolment.pk for opt_in in mine):
            raise errors.LearnerNotWaiting()
        # Only cohorts of the same academy (or both the platform's): a pair never joins
        # two academies' learners, whose practice each academy's people would read.
        others = Cohort.objects.filter(
            course=course, academy_id=enrolment.cohort.academy_id
        ).exclude(pk=enrolment.cohort_id)
        partners = _waiting(activity=activity, cohort_ids=others.values("pk"))
        if not partners:
            raise errors.NoPartnerElsewhere()
        top = PracticeGroup.objects.filter(activity=activity, cohort_id=enrolment.cohort_id)
        number = (top.aggregate(top=Max("number"))["top"] or 0) + 1
        try:
            with transaction.atomic():
                group = PracticeGroup.objects.create(
                    activity=activity,
                    cohort_id=enrolment.cohort_id,
                    number=number,
                    mode=PracticeActivityPage.Mode.WRITTEN,
                )
                _member_add(group=group, enrolment_id=enrolment.pk)
                _member_add(group=group, enrolment_id=partners[0].enrolment_id)
        except IntegrityError:
            # The partner was placed at this very moment by their own trainer.
            raise errors.NoPartnerElsewhere() from None
        _group_ready_announce(group)
    return group


def _member_add(*, group: PracticeGroup, enrolment_id: int) -> PracticeMember:
    position = (group.members.aggregate(top=Max("position"))["top"] or -1) + 1
    return PracticeMember.objects.create(
        group=group, enrolment_id=enrolment_id, activity_id=group.activity_id, position=position
    )


def _renumber(group: PracticeGroup) -> None:
    for position, member in enumerate(group.members.order_by("position", "pk")):
        if member.position != position:
            PracticeMember.objects.filter(pk=member.pk).update(position=position)


def practice_member_move(*, member: PracticeMember, group: PracticeGroup) -> PracticeMember:
    """A trainer moves a learner to another group of the same activity and cohort."""
    with transaction.atomic():
        member = (
            PracticeMember.objects.select_for_update().select_related("group").get(pk=member.pk)
        )
        source = member.group
        if group.pk == source.pk:
            return member
        if member.is_trainer:
            raise errors.PracticeError()  # the trainer joined this group for its learners
        if group.activity_id != source.activity_id or group.cohort_id != source.cohort_id:
            raise errors.PracticeError()
        if _group_started(source) or _group_started(group):
            raise errors.RoundsStarted()
        if source.members.count() <= 2:
            raise errors.GroupTooSmall()
        if group.members.count() >= 4:
            raise errors.GroupFull()
        member.group = group
        member.position = (group.members.aggregate(top=Max("position"))["top"] or 0) + 1
        member.agreed_at = None  # a new group: agree again, with these people
        member.save(update_fields=["group", "position", "agreed_at"])
        _renumber(source)
        _renumber(group)
    return member


def practice_agree(*, member: PracticeMember) -> PracticeMember:
    """The member agrees to the practice agreement; when all have, the rounds are laid out."""
    with transaction.atomic():
        PracticeMember.objects.filter(pk=member.pk, agreed_at__isnull=True).update(
            agreed_at=timezone.now()
        )
        member.refresh_from_db()
        group = member.group
        if not group.members.filter(agreed_at__isnull=True).exists():
            practice_rounds_ensure(group=group)
    return member


def practice_rounds_ensure(*, group: PracticeGroup) -> list[PracticeRound]:
    """The group's rounds with their rotating roles (idempotent)."""
    with transaction.atomic():
        PracticeGroup.objects.select_for_update().filter(pk=group.pk).first()
        existing = list(group.rounds.all())
        if existing:
            return existing
        members = list(group.members.order_by("position"))
        learners = [m for m in members if not m.is_trainer]
        trainer = next((m for m in members if m.is_trainer), None)
        activity = group.activity
        scenarios = activity.scenarios_for_rounds()
        rounds = []
        for index in range(rounds_needed(planned=activity.rounds, size=len(learners))):
            if trainer is None:
                roles = round_roles(round_index=index, size=len(members))
                speaker, listener = members[roles.speaker], members[roles.listener]
            else:
                listen, speak = round_roles_with_trainer(round_index=index, learners=len(learners))
                listener = learners[listen]
                speaker = trainer if speak is None else learners[speak]
            rounds.append(
                PracticeRound.objects.create(
                    group=group,
                    number=index + 1,
                    speaker=speaker,
                    listener=listener,
                    scenario=scenarios[index % len(scenarios)] if scenarios else None,
                )
            )
        return rounds


def meeting_choices(*, group: PracticeGroup, now=None) -> list[datetime.datetime]:
    """The coming start times of the moments all members share (all their moments if none)."""
    slot_lists = list(
        PracticeOptIn.objects.filter(
            activity_id=group.activity_id,
            enrolment_id__in=group.members.filter(enrolment__isnull=False).values("enrolment_id"),
        ).values_list("slots", flat=True)
    )
    shared = slots_overlap(slot_lists)
    if not shared:
        shared = sorted({key for slots in slot_lists for key in slots}, key=SLOT_KEYS.index)
    return slot_next_starts(shared, now=now)


def _clean_place(place: str) -> str:
    place = " ".join((place or "").split())
    if not place:
        raise errors.InvalidMeeting()
    if len(place) > PLACE_MAX:
        raise errors.TextTooLong(
            _("Keep where you meet under %(max)s characters.") % {"max": PLACE_MAX}
        )
    looks_like_link = "://" in place or place.lower().startswith("www.")
    if looks_like_link:
        parsed = urlparse(place)
        if parsed.scheme != "https" or not parsed.netloc or " " in place:
            raise errors.InvalidLink()
    return place


def practice_meeting_set(
    *, group: PracticeGroup, meeting_at: datetime.datetime, meeting_place: str
) -> PracticeGroup:
    """Any member sets when (one of the shared moments) and where the group meets."""
    place = _clean_place(meeting_place)
    if meeting_at not in meeting_choices(group=group) and meeting_at != group.meeting_at:
        raise errors.InvalidMeeting()
    changed = (meeting_at, place) != (group.meeting_at, group.meeting_place)
    with transaction.atomic():
        PracticeGroup.objects.filter(pk=group.pk).update(meeting_at=meeting_at, meeting_place=place)
        if changed:
            _meeting_announce(group=group)
    group.refresh_from_db()
    return group


def _meeting_announce(*, group: PracticeGroup) -> None:
    """A new time or place: reminders start again, and the invitations go out on commit."""
    from .reminders import meeting_reminders_reset
    from .tasks import meeting_invitations_task

    meeting_reminders_reset(group=group)
    transaction.on_commit(lambda: meeting_invitations_task.enqueue(group.pk))


# --- Practice that happened ------------------------------------------------------


def practice_group_met_confirm(*, group: PracticeGroup, member: PracticeMember) -> PracticeGroupMet:
    """A member says, for the group, "we met": its live rounds can be recorded from now.

    Idempotent: the first confirmation stays (who and when); a second click,
    a retry or another member finds it. Only once the rounds are laid out
    (everyone agreed), and only by a member of this group.
    """
    if member is None or member.group_id != group.pk:
        raise errors.NotYourTurn()
    if not group.rounds.exists():
        raise errors.AgreementFirst()
    with transaction.atomic():
        met, _created = PracticeGroupMet.objects.get_or_create(
            group=group, defaults={"confirmed_by": member, "confirmed_at": timezone.now()}
        )
    return met


def live_rounds_open_at(group: PracticeGroup) -> datetime.datetime | None:
    """From when the group's live rounds can be recorded: the start of its meeting
    or the moment it said it met, whichever is first (None: neither yet)."""
    # Read from the database: a round's cached group may predate a moved meeting.
    row = (
        PracticeGroup.objects.filter(pk=group.pk)
        .values_list("meeting_at", "met__confirmed_at")
        .first()
    )
    moments = [moment for moment in (row or ()) if moment is not None]
    return min(moments) if moments else None


def _require_happened(practice_round: PracticeRound) -> None:
    """A live round is recorded from the start of the meeting (or the group's "we met")."""
    group = practice_round.group
    if group.is_written:
        return
    opens_at = live_rounds_open_at(group)
    if opens_at is not None and opens_at <= timezone.now():
        return
    if opens_at is None:
        raise errors.NotMetYet()
    raise errors.NotMetYet(
        _(
            "Your meeting starts on %(when)s. From then on you can fill in this round, "
            "or earlier if your group says it has already met. What you wrote is still here."
        )
        % {"when": formats.date_format(timezone.localtime(opens_at), "l j F, H:i")}
    )


# --- After a round --------------------------------------------------------------


def round_observers(practice_round: PracticeRound) -> list[PracticeMember]:
    """Who fills the observation form: the observers; in a pair, the speaker."""
    others = [
        m
        for m in practice_round.group.members.all()
        if m.pk not in (practice_round.speaker_id, practice_round.listener_id)
    ]
    return others or [practice_round.speaker]


def _require_agreed(practice_round: PracticeRound) -> None:
    if practice_round.group.members.filter(agreed_at__isnull=True).exists():
        raise errors.AgreementFirst()


def _clean_answers(*, activity: PracticeActivityPage, answers: dict) -> dict:
    cleaned = {}
    for criterion in activity.criteria.all():
        key = str(criterion.key)
        raw = answers.get(key)
        raw = "" if raw is None else str(raw).strip()
        if criterion.kind == ObservationCriterion.Kind.EXAMPLE:
            if len(raw) > REFLECTION_MAX:
                raise errors.TextTooLong(
                    _("Keep each example under %(max)s characters.") % {"max": REFLECTION_MAX}
                )
            cleaned[key] = raw
            continue
        try:
            value = int(raw)
        except ValueError:
            raise errors.IncompleteForm() from None
        low, high = (1, 4) if criterion.kind == ObservationCriterion.Kind.SCALE else (0, COUNT_MAX)
        if not low <= value <= high:
            raise errors.IncompleteForm()
        cleaned[key] = value
    return cleaned


def observation_submit(
    *, practice_round: PracticeRound, observer: PracticeMember, answers: dict
) -> Observation:
    """The observer's form about the listener (a second submit corrects the first)."""
    _require_agreed(practice_round)
    if observer.pk not in {m.pk for m in round_observers(practice_round)}:
        raise errors.NotYourTurn()
    _require_happened(practice_round)
    cleaned = _clean_answers(activity=practice_round.group.activity, answers=answers)
    with transaction.atomic():
        observation, _created = Observation.objects.update_or_create(
            round=practice_round,
            observer=observer,
            defaults={"answers": cleaned, "submitted_at": timezone.now()},
        )
        # The listener may now meet the certificate's practice rule.
        announce_progress_changed(enrolment_id=practice_round.listener.enrolment_id)
    return observation


def rating_submit(
    *, practice_round: PracticeRound, speaker: PracticeMember, felt_heard, sentence: str
) -> SpeakerRating:
    """The speaker: did you feel heard (1–4), and one sentence."""
    _require_agreed(practice_round)
    if speaker.pk != practice_round.speaker_id:
        raise errors.NotYourTurn()
    _require_happened(practice_round)
    try:
        felt_heard = int(felt_heard)
    except (TypeError, ValueError):
        raise errors.InvalidRating() from None
    if not 1 <= felt_heard <= 4:
        raise errors.InvalidRating()
    sentence = (sentence or "").strip()
    if len(sentence) > SENTENCE_MAX:
        raise errors.TextTooLong(
            _("Keep your sentence under %(max)s characters.") % {"max": SENTENCE_MAX}
        )
    with transaction.atomic():
        rating, _created = SpeakerRating.objects.update_or_create(
            round=practice_round,
            defaults={"felt_heard": felt_heard, "sentence": sentence},
        )
    return rating


def self_reflection_submit(
    *, practice_round: PracticeRound, listener: PracticeMember, went_well: str, advice_moment: str
) -> ListenerReflection:
    """The listener's short self-reflection after their round."""
    _require_agreed(practice_round)
    if listener.pk != practice_round.listener_id:
        raise errors.NotYourTurn()
    _require_happened(practice_round)
    went_well, advice_moment = (went_well or "").strip(), (advice_moment or "").strip()
    if not went_well and not advice_moment:
        raise errors.EmptyText()
    if len(went_well) > REFLECTION_MAX or len(advice_moment) > REFLECTION_MAX:
        raise errors.TextTooLong(
            _("Keep each answer under %(max)s characters.") % {"max": REFLECTION_MAX}
        )
    with transaction.atomic():
        reflection, _created = ListenerReflection.objects.update_or_create(
            round=practice_round,
            defaults={"went_well": went_well, "advice_moment": advice_moment},
        )
    return reflection


# --- Written mode ---------------------------------------------------------------


def written_turn_next_author(practice_round: PracticeRound, last: WrittenTurn | None) -> int:
    """The speaker opens; then speaker and listener take turns."""
    if last is None or last.author_id == practice_round.listener_id:
        return practice_round.speaker_id
    return practice_round.listener_id


def written_turn_add(
    *, practice_round: PracticeRound, author: PracticeMember, text: str
) -> WrittenTurn:
    """One turn of the written conversation, in order (speaker first, then in turn)."""
    _require_agreed(practice_round)
    text = (text or "").strip()
    if not text:
        raise errors.EmptyText()
    if len(text) > TURN_MAX:
        raise errors.TextTooLong(_("Keep one turn under %(max)s characters.") % {"max": TURN_MAX})
    with transaction.atomic():
        locked = PracticeRound.objects.select_for_update().get(pk=practice_round.pk)
        if locked.written_closed_at is not None:
            raise errors.PracticeError(_("This conversation has been closed."))
        last = locked.turns.order_by("-number").first()
        if author.pk != written_turn_next_author(locked, last):
            raise errors.NotYourTurn(_("Wait for the other person's answer first."))
        return WrittenTurn.objects.create(
            round=locked, number=(last.number + 1) if last else 1, author=author, text=text
        )


def written_round_close(*, practice_round: PracticeRound, member: PracticeMember) -> None:
    """The speaker or listener ends the written conversation; the forms come next."""
    if member.pk not in (practice_round.speaker_id, practice_round.listener_id):
        raise errors.NotYourTurn()
    with transaction.atomic():
        closed = PracticeRound.objects.filter(
            pk=practice_round.pk, written_closed_at__isnull=True
        ).update(written_closed_at=timezone.now())
        if closed:
            # A closed conversation counts: the listener may now meet the practice rule.
            announce_progress_changed(enrolment_id=practice_round.listener.enrolment_id)


# --- Privacy ----------------------------------------------------------------------


def practice_texts_remove(*, enrolment_ids, dry_run: bool = False) -> dict[str, int]:
    """Empty what these enrolments wrote in the skills lab (account erasure, retention).

    Observations they gave and ratings they gave keep their numbers (the other
    learner's growth record) without the words; their own self-reflections
    and written turns are emptied; their opt-ins, solo answers and dilemma
    paths deleted;
    meeting places of their groups are kept (the group's, not theirs).
    Returns, per model, the rows that held text (with `dry_run`: that would
    be emptied, and nothing changes), so a second run counts nothing.
    """
    from .dilemmas import dilemma_paths_remove
    from .solo import solo_answers_remove

    members = PracticeMember.objects.filter(enrolment_id__in=enrolment_ids)
    reflections = ListenerReflection.objects.filter(round__listener__in=members).exclude(
        went_well="", advice_moment=""
    )
    ratings = SpeakerRating.objects.filter(round__speaker__in=members).exclude(sentence="")
    turns = WrittenTurn.objects.filter(author__in=members).exclude(text="")
    opt_ins = PracticeOptIn.objects.filter(enrolment_id__in=enrolment_ids)
    observations = []
    for observation in Observation.objects.filter(observer__in=members).select_related(
        "round__group__activity"
    ):
        examples = {
            str(c.key)
            for c in observation.round.group.activity.criteria.all()
            if c.kind == ObservationCriterion.Kind.EXAMPLE
        }
        if any(observation.answers.get(key) for key in examples):
            observation.answers = {
                k: ("" if k in examples else v) for k, v in observation.answers.items()
            }
            observations.append(observation)
    counts = {
        "practice.ListenerReflection": reflections.count(),
        "practice.SpeakerRating": ratings.count(),
        "practice.WrittenTurn": turns.count(),
        "practice.Observation": len(observations),
        "practice.PracticeOptIn": opt_ins.count(),
        "practice.SoloAnswer": solo_answers_remove(enrolment_ids=enrolment_ids, dry_run=True),
        "practice.DilemmaPath": dilemma_paths_remove(enrolment_ids=enrolment_ids, dry_run=True),
    }
    if dry_run:
        return counts
    reflections.update(went_well="", advice_moment="")
    ratings.update(sentence="")
    turns.update(text="")
    Observation.objects.bulk_update(observations, ["answers"])
    opt_ins.delete()
    solo_answers_remove(enrolment_ids=enrolment_ids)
    dilemma_paths_remove(enrolment_ids=enrolment_ids)
    return counts
