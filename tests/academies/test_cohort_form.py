"""The cohort form for an academy's trainer: their academy, its courses and the shared ones,
its trainers only; never another academy's courses or people."""

import datetime

import pytest

from tests.factories import (
    TrainerFactory,
    academy_course,
    academy_create,
    academy_person,
    build_course,
)
from training.learning.admin_forms import CohortForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    a, b = academy_create("Academie A"), academy_create("Academie B")
    return {
        "a": a,
        "b": b,
        "trainer": academy_person(a, "trainer"),
        "colleague": academy_person(a, "trainer"),
        "foreign_trainer": academy_person(b, "trainer"),
        "platform_trainer": TrainerFactory(),
        "national": build_course(modules=1, lessons_per_module=1),
        "own": academy_course(a, modules=1, lessons_per_module=1),
        "foreign": academy_course(b, modules=1, lessons_per_module=1),
    }


def data(**overrides):
    today = datetime.date(2026, 3, 1)
    values = {
        "name": "Voorjaar",
        "starts_on": today,
        "ends_on": today + datetime.timedelta(days=60),
        "capacity": 12,
        "is_open": "on",
    }
    values.update(overrides)
    return values


def test_an_academy_trainer_chooses_only_their_academy_its_courses_and_the_shared_ones(setting):
    form = CohortForm(for_user=setting["trainer"])
    assert list(form.fields["academy"].queryset) == [setting["a"]]
    assert form.fields["academy"].required
    assert set(form.fields["course"].queryset) == {setting["national"], setting["own"]}
    assert set(form.fields["trainers"].queryset) == {setting["trainer"], setting["colleague"]}


def test_a_cohort_of_the_shared_course_in_the_academy_is_valid(setting):
    form = CohortForm(
        data=data(
            academy=setting["a"].pk,
            course=setting["national"].pk,
            trainers=[setting["colleague"].pk],
        ),
        for_user=setting["trainer"],
    )
    assert form.is_valid(), form.errors
    cohort = form.save()
    assert cohort.academy == setting["a"]


def test_another_academys_course_or_trainer_is_refused(setting):
    form = CohortForm(
        data=data(
            academy=setting["a"].pk,
            course=setting["foreign"].pk,
            trainers=[setting["foreign_trainer"].pk],
        ),
        for_user=setting["trainer"],
    )
    assert not form.is_valid()
    assert "course" in form.errors and "trainers" in form.errors


def test_a_platform_trainer_keeps_platform_cohorts_without_academy(setting):
    form = CohortForm(
        data=data(course=setting["national"].pk, trainers=[setting["platform_trainer"].pk]),
        for_user=setting["platform_trainer"],
    )
    assert form.is_valid(), form.errors
    assert form.save().academy is None
    assert setting["own"] not in form.fields["course"].queryset


def test_a_cohort_of_the_academys_own_course_is_valid(setting):
    form = CohortForm(
        data=data(academy=setting["a"].pk, course=setting["own"].pk), for_user=setting["trainer"]
    )
    assert form.is_valid(), form.errors
    assert form.save().course.pk == setting["own"].pk


def test_a_trainer_of_two_academies_cannot_run_one_academys_course_in_the_other(setting):
    from training.academies.services import academy_role_grant

    trainer = setting["trainer"]
    admin = academy_person(setting["b"], "administrator")
    academy_role_grant(academy=setting["b"], person=trainer, role="trainer", user=admin)
    form = CohortForm(
        data=data(academy=setting["a"].pk, course=setting["foreign"].pk), for_user=trainer
    )
    assert not form.is_valid()
    assert "course" in form.errors
    form = CohortForm(
        data=data(academy=setting["b"].pk, course=setting["foreign"].pk), for_user=trainer
    )
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("course", "runs"), [("national", True), ("own", True), ("foreign", False)]
)
def test_an_academy_trainer_runs_cohorts_through_the_admin(setting, client, course, runs):
    from django.urls import reverse

    from tests.factories import login_with_mfa
    from training.learning.models import Cohort

    trainer = setting["trainer"]
    login_with_mfa(client, trainer)
    response = client.post(
        reverse("cohorts:add"),
        data(name=f"Groep {course}", academy=setting["a"].pk, course=setting[course].pk),
    )
    cohort = Cohort.objects.filter(name=f"Groep {course}").first()
    if runs:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert cohort.academy == setting["a"] and cohort.course.pk == setting[course].pk
        assert list(cohort.trainers.all()) == [trainer]
    else:
        assert response.status_code in {200, 400}
        assert cohort is None
