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
