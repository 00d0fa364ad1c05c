"""Practice rounds in the learner's per-pillar progress, the checklist and cohort progress."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CohortFactory, EnrolmentFactory, login_with_mfa
from tests.practice.factories import answers_for
from tests.practice.test_services import agreed_group
from training.courses.pillars import Pillar
from training.courses.selectors import course_outline
from training.learning.reports import cohort_progress_report
from training.learning.selectors import cohort_progress, course_progress
from training.practice import services
from training.practice.models import PracticeRequirement

pytestmark = pytest.mark.django_db


def observe_listening(activity, enrolment, group):
    """The round `enrolment` listened in gets its observation."""
    listening = group.rounds.get(listener__enrolment=enrolment)
    [observer] = services.round_observers(listening)
    services.observation_submit(
        practice_round=listening, observer=observer, answers=answers_for(activity)
    )


def test_an_observed_listener_round_counts_in_the_activitys_pillar(activity, learners):
    pillar = Pillar(activity.pillar)
    before = course_progress(enrolment=learners[0]).pillars[pillar]
    group = agreed_group(activity, learners)
    observe_listening(activity, learners[0], group)

    mine = course_progress(enrolment=learners[0]).pillars[pillar]
    other = course_progress(enrolment=learners[1]).pillars[pillar]
    assert (mine.done, mine.total) == (before.done + 1, before.total)
    assert (other.done, other.total) == (before.done, before.total)
    # The other pillars and the lessons of the course are left alone.
    course = course_progress(enrolment=learners[0]).course
    assert course.done == 0
    assert (
        before.total
        == sum(
            len(m.lesson_ids)
            for m in course_outline(course=activity.course).modules
            if m.pillar == pillar
        )
        + 1
    )


def test_the_cohort_report_counts_practice_in_pillars_and_a_column(activity, learners):
    PracticeRequirement.objects.create(course=activity.course, listener_rounds=2)
    group = agreed_group(activity, learners)
    observe_listening(activity, learners[0], group)
    cohort = learners[0].cohort

    report = cohort_progress_report(cohort=cohort)

    assert [c.label for c in report.columns] == ["Oefenrondes"]
    by_email = {row.email: row for row in report.rows}
    [item] = by_email[learners[0].learner.email].extras
    assert (item.done, item.total) == (1, 2)
    [item] = by_email[learners[1].learner.email].extras
    assert (item.done, item.total) == (0, 2)
    pillar_index = list(Pillar).index(Pillar(activity.pillar))
    assert by_email[learners[0].learner.email].pillars[pillar_index].done == 1


def test_no_column_without_the_requirement(activity, learners):
    report = cohort_progress_report(cohort=learners[0].cohort)
    assert report.columns == []
    assert all(row.extras == [] for row in report.rows)


def test_the_progress_page_and_csv_show_the_practice_column(client, activity, learners):
    PracticeRequirement.objects.create(course=activity.course, listener_rounds=2)
    group = agreed_group(activity, learners)
    observe_listening(activity, learners[0], group)
    cohort = learners[0].cohort
    login_with_mfa(client, cohort.trainers.first())

    page = client.get(reverse("cohorts:progress", args=[cohort.pk])).content.decode()
    assert '<th scope="col" rowspan="2">Oefenrondes</th>' in page
    assert '<span aria-hidden="true">1/2</span><span class="w-sr-only">1 van 2</span>' in page

    response = client.get(reverse("cohorts:progress_csv", args=[cohort.pk]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, *rows = text.splitlines()
    assert header.endswith(";Oefenrondes")
    assert sorted(row.rsplit(";", 1)[1] for row in rows) == ["0 van 2", "0 van 2", "1 van 2"]


def test_the_practice_column_adds_no_queries_per_learner(
    client, activity, learners, django_assert_max_num_queries
):
    PracticeRequirement.objects.create(course=activity.course, listener_rounds=2)
    group = agreed_group(activity, learners)
    observe_listening(activity, learners[0], group)
    small = learners[0].cohort
    trainer = small.trainers.first()
    large = CohortFactory(course=activity.course, trainers=[trainer])
    crowd = [EnrolmentFactory(cohort=large) for _ in range(24)]
    for start in range(0, 24, 3):
        big_group = agreed_group(activity, crowd[start : start + 3])
        observe_listening(activity, crowd[start], big_group)
    login_with_mfa(client, trainer)
    client.get(reverse("cohorts:progress", args=[small.pk]))  # warm the caches

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cohorts:progress", args=[small.pk]))
    with django_assert_max_num_queries(len(few)):
        response = client.get(reverse("cohorts:progress", args=[large.pk]))
    assert response.content.decode().count("1/2</span>") == 8


def test_cohort_progress_of_the_learning_app_stays_flat_with_practice(
    activity, learners, django_assert_max_num_queries
):
    group = agreed_group(activity, learners)
    observe_listening(activity, learners[0], group)
    cohort = learners[0].cohort
    cohort_progress(cohort=cohort)  # warm the content cache

    with django_assert_max_num_queries(7):
        _, rows = cohort_progress(cohort=cohort)
    assert sorted(row.progress.pillars[Pillar(activity.pillar)].done for row in rows) == [0, 0, 1]


def test_the_dashboard_checklist_shows_practice_rounds_with_a_link(client, activity, learners):
    PracticeRequirement.objects.create(course=activity.course, listener_rounds=2)
    group = agreed_group(activity, learners)
    observe_listening(activity, learners[0], group)
    client.force_login(learners[0].learner)

    page = client.get(reverse("learning:dashboard")).content.decode()

    assert "Oefenrondes als luisteraar met een ontvangen observatie" in page
    assert "1 van 2 oefenrondes als luisteraar geobserveerd" in page
    assert reverse("practice:mine") in page
