import datetime as dt
import json
from pathlib import Path

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

from tests.demo.outline import demo_outline
from tests.factories import totp_code
from training.courses.models import CoursePage, LessonPage, ModulePage
from training.courses.pillars import Pillar
from training.demo.seed import DEMO_COHORT, DEMO_TOTP_SECRET
from training.learning.models import Cohort
from training.learning.selectors import course_progress

OUTLINE = Path(__file__).with_name("demo_outline.json")


@pytest.mark.django_db
def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not CoursePage.objects.exists()


@pytest.mark.django_db
def test_seed_demo_builds_the_demo_site_and_is_idempotent(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (Page.objects.count(), get_user_model().objects.count(), Cohort.objects.count())
    call_command("seed_demo")

    assert (
        Page.objects.count(),
        get_user_model().objects.count(),
        Cohort.objects.count(),
    ) == counts
    output = capsys.readouterr().out
    assert "trainer@example.org" in output and "lotgenoot-demo" in output
    assert DEMO_TOTP_SECRET in output

    # The same courses, pages, slugs, titles, blocks, knowledge checks, reflection
    # assignments and rubrics as the Python dict built before the content files.
    expected = json.loads(OUTLINE.read_text(encoding="utf-8"))
    outline = {row["path"]: row for row in demo_outline()}
    assert [outline.get(row["path"]) for row in expected] == expected

    basic = CoursePage.objects.get(title="Basiscursus gespreksbegeleiding lotgenotencontact")
    assert basic.live and CoursePage.objects.live().count() >= 2
    modules = ModulePage.objects.child_of(basic).live()
    assert sorted(m.pillar for m in modules) == sorted(Pillar.values)
    for module in modules:
        lessons = [lesson.specific for lesson in LessonPage.objects.child_of(module).live()]
        assert len(lessons) >= 3
        blocks = [block for lesson in lessons for block in lesson.body]
        assert any(b.block_type == "knowledge_check" for b in blocks)
        assert all(b.value["alt_text"] for b in blocks if b.block_type == "image")

    users = get_user_model().objects
    assert users.get(email="beheer@example.org").is_superuser
    assert users.get(email="trainer@example.org").groups.filter(name="Trainer").exists()
    assert users.get(email="deelnemer@example.org").check_password("lotgenoot-demo")
    two_step = Authenticator.objects.filter(type="totp").values_list("user__email", flat=True)
    assert sorted(two_step) == [
        "beheer@example.org",
        "samenverder-beheer@example.org",
        "samenverder-trainer@example.org",
        "trainer@example.org",
        "vereniging@example.org",
    ]
    assert "samenverder-trainer@example.org" in output

    cohort = Cohort.objects.get(name=DEMO_COHORT)
    assert cohort.trainers.filter(email="trainer@example.org").exists()
    assert cohort.enrolments.count() == 4  # and two alumni in an older cohort
    progress = course_progress(
        enrolment=cohort.enrolments.get(learner__email="deelnemer@example.org")
    )
    assert 0 < progress.course.percent < 100


@pytest.mark.django_db
def test_seed_demo_gives_every_reflection_screen_content(settings):
    from training.assessments.models import (
        PeerReview,
        ReflectionAssignmentPage,
        ReviewRating,
        Submission,
    )

    settings.DEBUG = True
    call_command("seed_demo")

    basic = CoursePage.objects.get(title="Basiscursus gespreksbegeleiding lotgenotencontact")
    assignments = ReflectionAssignmentPage.objects.descendant_of(basic).live()
    assert sorted(a.get_parent().specific.pillar for a in assignments) == sorted(Pillar.values)
    assert all(a.rubric_criteria.count() >= 3 for a in assignments)
    listening = assignments.get(slug="reflectie-een-moment-dat-ik-me-gehoord-voelde")
    assert "Stelt een open vraag" in [c.title for c in listening.rubric_criteria.all()]

    submitted = Submission.objects.exclude(first_submitted_at=None)
    assert submitted.count() >= 4
    assert submitted.filter(audience=Submission.Audience.TRAINER).exists()
    assert submitted.filter(status=Submission.Status.APPROVED).exists()
    assert PeerReview.objects.filter(status=PeerReview.Status.SUBMITTED).count() >= 3
    assert ReviewRating.objects.count() >= 3
    assert Submission.objects.filter(
        first_submitted_at=None, author__email="deelnemer@example.org"
    ).exists()


def test_demo_code_prints_the_code_of_the_documented_secret(settings, capsys):
    settings.DEBUG = True

    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 30, 10, tzinfo=dt.UTC), tick=False):
        call_command("demo_code")
        expected = totp_code(DEMO_TOTP_SECRET)

    assert capsys.readouterr().out.strip() == expected


def test_demo_code_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("demo_code")
