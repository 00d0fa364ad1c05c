"""An academy's emails carry its name: the cohort invitation and the certificate email."""

import pytest
from django.core import mail

from tests.certificates.helpers import complete_course
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    academy_course,
    academy_create,
    academy_person,
)
from training.certificates import services
from training.learning import invitations

pytestmark = pytest.mark.django_db(transaction=False)


def test_an_academys_invitation_names_the_academy(django_capture_on_commit_callbacks):
    academy = academy_create("Stichting Samen Verder")
    trainer = academy_person(academy, "trainer")
    cohort = CohortFactory(academy=academy, course=academy_course(academy), trainers=[trainer])
    parsed = invitations.addresses_parse(text="anna@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invitations.cohort_invite_bulk(cohort=cohort, parsed=parsed, invited_by=trainer)
    message = mail.outbox[-1]
    assert message.subject.startswith("[Stichting Samen Verder]")
    assert "Stichting Samen Verder" in message.body


def test_the_certificate_email_is_signed_by_the_academy(django_capture_on_commit_callbacks):
    academy = academy_create("Stichting Samen Verder")
    enrolment = EnrolmentFactory(
        cohort=CohortFactory(academy=academy, course=academy_course(academy, modules=1))
    )
    complete_course(enrolment)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_issue(enrolment=enrolment)
    bodies = [m.body for m in mail.outbox if enrolment.learner.email in m.to]
    assert bodies and "Stichting Samen Verder" in bodies[-1]


def test_a_new_role_is_told_by_email_once(django_capture_on_commit_callbacks):
    academy = academy_create("Stichting Samen Verder")
    with django_capture_on_commit_callbacks(execute=True):
        academy_person(academy, "trainer", email="sem@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        academy_person(academy, "trainer", email="sem@example.org")  # the same grant again
    sent = [m for m in mail.outbox if m.to == ["sem@example.org"]]
    assert len(sent) == 1
    assert sent[0].subject.startswith("[Stichting Samen Verder]")
    assert "/beheer/" in sent[0].body


def test_a_concern_is_mailed_only_to_the_cohorts_trainers_who_hold_the_role_there(
    django_capture_on_commit_callbacks,
):
    """Named on A's cohort is not enough: a trainer whose role in A was taken away (or a
    trainer of academy B named on it) trains nothing there and gets no email of it."""
    from tests.factories import ConcernFlagFactory, submitted_reflection
    from training.academies.models import AcademyRole
    from training.academies.services import academy_role_revoke
    from training.assessments.notifications import notify_trainers_of_concern

    a, b = academy_create("Academie A"), academy_create("Academie B")
    stays = academy_person(a, "trainer", email="blijft@example.org")
    leaves = academy_person(a, "trainer", email="vertrekt@example.org")
    other = academy_person(b, "trainer", email="elders@example.org")
    admin = academy_person(a, "administrator")
    course = academy_course(a, modules=1, lessons_per_module=1)
    cohort = CohortFactory(academy=a, course=course, trainers=[stays, leaves, other])
    academy_role_revoke(link=AcademyRole.objects.get(user=leaves, academy=a), user=admin)
    from tests.factories import ReflectionAssignmentPageFactory

    assignment = ReflectionAssignmentPageFactory(parent=course.get_children().first())
    submission = submitted_reflection(
        enrolment=EnrolmentFactory(cohort=cohort),
        assignment=assignment,
        text="Mijn eigen verhaal: ik sliep slecht en durfde weinig te zeggen in de groep.",
    )
    flag = ConcernFlagFactory(submission=submission)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify_trainers_of_concern(flag_id=flag.pk)
    assert [m.to for m in mail.outbox] == [["blijft@example.org"]]
