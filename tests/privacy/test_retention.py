"""Retention: drafts and reflection texts go PRIVACY_RETENTION_MONTHS after the cohort ends."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from tests.factories import reflection_cohort, submitted_reflection
from training.assessments.models import Submission, SubmissionVersion
from training.assessments.reflections import services as reflection_services
from training.privacy.services import months_before, retention_apply


def _ended_cohort(months_ago, learners=2):
    assignment, enrolments = reflection_cohort(learners=learners)
    cohort = enrolments[0].cohort
    ends = months_before(timezone.localdate(), months_ago)
    cohort.starts_on = ends - datetime.timedelta(days=90)
    cohort.ends_on = ends
    cohort.save()
    submitted = submitted_reflection(enrolment=enrolments[0], assignment=assignment)
    draft = reflection_services.submission_get_or_create(
        enrolment=enrolments[1], assignment=assignment
    )
    reflection_services.draft_save(submission=draft, text="Een half verhaal", base_revision=0)
    return submitted, draft


def test_dry_run_reports_counts_and_deletes_nothing(db, settings):
    settings.PRIVACY_RETENTION_MONTHS = 24
    submitted, draft = _ended_cohort(months_ago=25)
    counts = retention_apply(dry_run=True)
    assert counts["assessments.Submission"] == 1
    assert counts["assessments.SubmissionVersion"] == 1
    assert Submission.objects.filter(pk=draft.pk).exists()
    assert SubmissionVersion.objects.get(submission=submitted).text


def test_applying_deletes_drafts_and_empties_reflections(db, settings):
    settings.PRIVACY_RETENTION_MONTHS = 24
    submitted, draft = _ended_cohort(months_ago=25)
    retention_apply()
    assert not Submission.objects.filter(pk=draft.pk).exists()
    assert SubmissionVersion.objects.get(submission=submitted).text == ""
    assert retention_apply(dry_run=True)["assessments.SubmissionVersion"] == 0


def test_recent_cohorts_are_kept(db, settings):
    settings.PRIVACY_RETENTION_MONTHS = 24
    submitted, draft = _ended_cohort(months_ago=23)
    assert set(retention_apply().values()) == {0}
    assert Submission.objects.filter(pk=draft.pk).exists()
    assert SubmissionVersion.objects.get(submission=submitted).text


def test_the_command_reports_per_model(db, settings):
    settings.PRIVACY_RETENTION_MONTHS = 24
    _ended_cohort(months_ago=30)
    out = StringIO()
    call_command("privacy_retention", "--dry-run", stdout=out)
    assert "Would delete" in out.getvalue()
    assert "assessments.Submission: 1" in out.getvalue()
    assert Submission.objects.count() == 2


def test_months_before_handles_month_ends():
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 24) == datetime.date(2024, 1, 15)


def test_the_skills_lab_texts_go_with_the_retention_period(db, settings):
    """Self-reflections, rating sentences, written turns, quoted examples and solo
    answers of an ended cohort are emptied like reflections; the numbers stay."""
    from tests.factories import CohortFactory, EnrolmentFactory, ModulePageFactory, build_course
    from tests.practice.factories import PracticeActivityPageFactory
    from training.practice import services as practice
    from training.practice.models import (
        ListenerReflection,
        Observation,
        PracticeOptIn,
        SpeakerRating,
        WrittenTurn,
    )

    settings.PRIVACY_RETENTION_MONTHS = 24
    course = build_course(modules=1, lessons_per_module=1)
    activity = PracticeActivityPageFactory(parent=ModulePageFactory(parent=course))
    today = datetime.date.today()
    cohort = CohortFactory(
        course=course,
        starts_on=today - datetime.timedelta(days=900),
        ends_on=today - datetime.timedelta(days=800),
    )
    enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(3)]
    for enrolment in enrolments:
        practice.practice_opt_in(activity=activity, enrolment=enrolment, slots=["2-evening"])
    [group] = practice.practice_groups_form(activity=activity, cohort=cohort)
    for member in group.members.all():
        practice.practice_agree(member=member)
    first = group.rounds.get(number=1)
    ListenerReflection.objects.create(round=first, went_well="Ik liet stiltes vallen.")
    SpeakerRating.objects.create(round=first, felt_heard=3, sentence="Ik voelde me gehoord.")
    WrittenTurn.objects.create(round=first, number=1, author=first.speaker, text="Ik ben op.")
    example = activity.criteria.filter(kind="example").first()
    count = activity.criteria.filter(kind="count").first()
    [observer] = practice.round_observers(first)
    Observation.objects.create(
        round=first,
        observer=observer,
        answers={str(example.key): "Ze vroeg door.", str(count.key): 3},
    )

    counts = retention_apply(dry_run=True)
    assert counts["practice.ListenerReflection"] == 1
    assert counts["practice.Observation"] == 1
    assert ListenerReflection.objects.get().went_well  # a dry run changes nothing

    retention_apply()

    assert ListenerReflection.objects.get().went_well == ""
    rating = SpeakerRating.objects.get()
    assert (rating.sentence, rating.felt_heard) == ("", 3)
    assert WrittenTurn.objects.get().text == ""
    assert Observation.objects.get().answers == {str(example.key): "", str(count.key): 3}
    assert not PracticeOptIn.objects.exists()
    again = retention_apply(dry_run=True)
    assert again["practice.ListenerReflection"] == again["practice.Observation"] == 0
