"""The course page shows the way on that applies (issue 15)."""

import pytest
from django.urls import reverse

from tests.factories import (
    CatalogPageFactory,
    CohortFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    course = CoursePageFactory(parent=CatalogPageFactory(), title="Luisteren als begeleider")
    LessonPageFactory(parent=ModulePageFactory(parent=course), title="Eerste les")
    return course


def test_an_invite_only_course_tells_a_visitor_how_to_get_in(client, course):
    CohortFactory(course=course)  # a group, but not open to everyone

    html = client.get(course.url).content.decode()

    assert "Je hebt een uitnodiging nodig" in html
    assert "Nog geen uitnodiging? Vraag de trainer van je groep" in html
    assert f"{reverse('account_login')}?next={course.url}" in html
    assert "Meedoen" not in html


def test_an_open_course_invites_a_visitor_to_join_through_an_account(client, course):
    CohortFactory(course=course, self_enrolment=True, is_open=True)

    html = client.get(course.url).content.decode()

    assert "Meedoen" in html and "Je hebt een uitnodiging nodig" not in html
    assert f"{reverse('account_signup')}?next={course.url}" in html
    assert reverse("learning:self_enrol", args=[course.pk]) not in html  # first an account


def test_a_signed_in_visitor_joins_an_open_course_with_one_button(client, course):
    CohortFactory(course=course, self_enrolment=True, is_open=True)
    client.force_login(UserFactory())

    html = client.get(course.url).content.decode()

    assert f'action="{reverse("learning:self_enrol", args=[course.pk])}"' in html
    assert "Doe mee met deze cursus" in html


def test_a_closed_self_enrolment_group_needs_an_invitation(client, course):
    CohortFactory(course=course, self_enrolment=True, is_open=False)

    html = client.get(course.url).content.decode()

    assert "Je hebt een uitnodiging nodig" in html


def test_an_enrolled_learner_carries_on(client, course):
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.learner)

    html = client.get(course.url).content.decode()

    assert "Begin aan de cursus" in html
    assert "Je hebt een uitnodiging nodig" not in html and "Meedoen" not in html
