"""Emails about reflections, sent as background tasks (Django's tasks API).

Each email links to the page and never contains reflection or feedback text:
email is not a safe place for what learners write about their health.
Emails go out in the recipient's own language.
"""

from django.urls import reverse
from django_tasks import task

from training.learning.permissions import cohort_leaders
from training.mail import absolute_url, email_send


@task()
def send_feedback_received(review_id: int) -> None:
    from .models import PeerReview

    review = PeerReview.objects.select_related("submission__author", "assignment").get(pk=review_id)
    submission = review.submission
    url = absolute_url(reverse("reflections:detail", args=[submission.public_id]))
    email_send(
        to=submission.author.email,
        user=submission.author,
        template="assessments/email/feedback_received",
        context={"assignment": review.assignment, "url": url},
    )


@task()
def send_decision(submission_id: int, approved: bool) -> None:
    from .models import Submission

    submission = Submission.objects.select_related("author", "assignment").get(pk=submission_id)
    url = absolute_url(reverse("reflections:detail", args=[submission.public_id]))
    email_send(
        to=submission.author.email,
        user=submission.author,
        template="assessments/email/approved"
        if approved
        else "assessments/email/revision_requested",
        context={"assignment": submission.assignment, "url": url},
    )


@task()
def send_concern_raised(flag_id: int) -> None:
    from .models import ConcernFlag

    flag = ConcernFlag.objects.select_related("submission__cohort", "submission__assignment").get(
        pk=flag_id
    )
    url = absolute_url(reverse("reflection_queue:concerns", args=[flag.submission.cohort_id]))
    # Those who lead the cohort now: named on it *and* holding the trainer role where it
    # runs (never someone named on it whose role there was taken away).
    for trainer in cohort_leaders(flag.submission.cohort).order_by("pk"):
        email_send(
            to=trainer.email,
            user=trainer,
            template="assessments/email/concern_raised",
            context={"cohort": flag.submission.cohort, "url": url},
        )


def send_deadline_reminder(*, user, assignment, kind: str, deadline, url: str) -> None:
    """A deadline is near and the learner still owes a reflection (kind "submission")
    or feedback ("review"): the assignment's title, the date and a link, nothing else."""
    email_send(
        to=user.email,
        user=user,
        template=f"assessments/email/deadline_reminder_{kind}",
        context={"assignment": assignment, "deadline": deadline, "url": url},
    )


def notify_author_of_feedback(*, review_id: int) -> None:
    send_feedback_received.enqueue(review_id)


def notify_author_of_decision(*, submission_id: int, approved: bool) -> None:
    send_decision.enqueue(submission_id, approved)


def notify_trainers_of_concern(*, flag_id: int) -> None:
    send_concern_raised.enqueue(flag_id)
