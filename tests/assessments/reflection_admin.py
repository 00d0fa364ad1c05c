"""Shared set-up for the tests of the trainer's review queue in the Wagtail admin."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.shortcuts import resolve_url
from django.urls import reverse

from tests.factories import UserFactory, reflection_cohort, submitted_reflection
from training.assessments.models import Submission


def queue_url(name, *args):
    return reverse(f"reflection_queue:{name}", args=args)


def admin_login_url():
    return resolve_url(getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login"))


def is_private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "no-store" in cache_control and "private" in cache_control


@dataclass
class Queue:
    """A cohort with one reflection assignment, its trainer and its learners."""

    assignment: object
    enrolments: list
    trainer: object

    @property
    def cohort(self):
        return self.enrolments[0].cohort

    def submit(self, enrolment, **kwargs) -> Submission:
        return submitted_reflection(enrolment=enrolment, assignment=self.assignment, **kwargs)


def make_queue(*, learners=3, **assignment_kwargs) -> Queue:
    assignment, enrolments = reflection_cohort(learners=learners, **assignment_kwargs)
    return Queue(assignment, enrolments, trainer=enrolments[0].cohort.trainers.get())


def another_cohort_with_reflection():
    """A second cohort, with its own trainer, on the same course; returns (cohort, submission)."""
    queue = make_queue(learners=1)
    return queue.cohort, queue.submit(queue.enrolments[0])


def staff_without_cohorts():
    """Staff with access to the Wagtail admin who train no cohort."""
    group, _created = Group.objects.get_or_create(name="Redactie")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return UserFactory(is_staff=True, groups=[group])


def set_status(submission, status):
    Submission.objects.filter(pk=submission.pk).update(status=status)
    submission.refresh_from_db()
    return submission
