"""What a trainer does in the review queue: decide, raise a concern, follow one up.

Emails go out in background tasks after the transaction commits; the test
settings use django_tasks' immediate backend, and
`django_capture_on_commit_callbacks(execute=True)` runs the commit hooks.
"""

import pytest
from django.contrib.messages import ERROR, SUCCESS, get_messages
from django.core import mail
from django.urls import reverse

from tests.assessments.reflection_admin import (
    another_cohort_with_reflection,
    make_queue,
    queue_url,
    set_status,
)
from tests.factories import (
    REFLECTION_TEXT,
    ConcernFlagFactory,
    PeerReviewFactory,
    TrainerFactory,
    UserFactory,
    login_with_mfa,
)
from training.assessments.models import ConcernFlag, Submission, SubmissionVersion
from training.assessments.reflections import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return make_queue(learners=3)


@pytest.fixture
def submission(queue):
    """A reflection shared with peers that got its feedback and awaits the trainer."""
    a, b, c = queue.enrolments
    submission = queue.submit(a)
    PeerReviewFactory(submission=submission, reviewer=b.learner)
    PeerReviewFactory(submission=submission, reviewer=c.learner)
    return set_status(submission, Submission.Status.AWAITING_TRAINER)


def decide(client, submission, capture, **data):
    with capture(execute=True):
        return client.post(queue_url("decide", submission.public_id), data)


def message_levels(response):
    return [message.level for message in get_messages(response.wsgi_request)]


def learner_url(submission):
    return "http://testserver" + reverse("reflections:detail", args=[submission.public_id])


# --- Deciding ----------------------------------------------------------------------


def test_trainer_approves(client, queue, submission, django_capture_on_commit_callbacks):
    login_with_mfa(client, queue.trainer)

    response = decide(
        client, submission, django_capture_on_commit_callbacks, decision="approve", comment="Mooi."
    )

    submission.refresh_from_db()
    version = submission.versions.get()
    assert response.status_code == 302
    assert response["Location"] == queue_url("submission", submission.public_id)
    assert message_levels(response) == [SUCCESS]
    assert submission.status == Submission.Status.APPROVED
    assert (version.decision, version.decision_comment, version.decided_by) == (
        SubmissionVersion.Decision.APPROVED,
        "Mooi.",
        queue.trainer,
    )
    [email] = mail.outbox
    assert email.to == [submission.author.email]
    assert learner_url(submission) in email.body
    assert REFLECTION_TEXT[:40] not in email.body


def test_asking_for_a_revision_opens_a_new_version_and_emails_a_link_only(
    client, queue, submission, django_capture_on_commit_callbacks
):
    login_with_mfa(client, queue.trainer)

    response = decide(
        client,
        submission,
        django_capture_on_commit_callbacks,
        decision="revision",
        comment="Vertel meer over wat je voelde.",
    )

    submission.refresh_from_db()
    first, second = submission.versions.order_by("number")
    assert response.status_code == 302
    assert message_levels(response) == [SUCCESS]
    assert submission.status == Submission.Status.REVISION_REQUESTED
    assert first.decision == SubmissionVersion.Decision.REVISION
    assert (second.number, second.is_locked, second.text) == (2, False, first.text)
    [email] = mail.outbox
    assert email.to == [submission.author.email]
    assert learner_url(submission) in email.body
    assert REFLECTION_TEXT[:40] not in email.body + email.subject
    assert "Vertel meer" not in email.body  # the comment is read on the site, too


def test_a_revision_needs_a_comment(client, queue, submission, django_capture_on_commit_callbacks):
    login_with_mfa(client, queue.trainer)

    response = decide(client, submission, django_capture_on_commit_callbacks, decision="revision")

    submission.refresh_from_db()
    assert response.status_code == 200
    assert list(response.context["decision_form"].errors) == ["comment"]
    assert submission.status == Submission.Status.AWAITING_TRAINER
    assert submission.versions.count() == 1
    assert mail.outbox == []


def test_a_decision_must_be_chosen(client, queue, submission, django_capture_on_commit_callbacks):
    login_with_mfa(client, queue.trainer)

    response = decide(client, submission, django_capture_on_commit_callbacks, decision="later")

    assert response.status_code == 200
    assert list(response.context["decision_form"].errors) == ["decision"]


def test_deciding_twice_is_explained_not_an_error(
    client, queue, submission, django_capture_on_commit_callbacks
):
    login_with_mfa(client, queue.trainer)
    first = decide(client, submission, django_capture_on_commit_callbacks, decision="approve")
    client.get(first["Location"])  # shows (and so clears) the first message
    mail.outbox.clear()

    response = decide(
        client,
        submission,
        django_capture_on_commit_callbacks,
        decision="revision",
        comment="Toch niet.",
    )

    submission.refresh_from_db()
    assert response.status_code == 302
    assert message_levels(response) == [ERROR]
    assert submission.status == Submission.Status.APPROVED
    assert mail.outbox == []


def test_a_draft_cannot_be_decided(client, queue, django_capture_on_commit_callbacks):
    draft = services.submission_get_or_create(
        enrolment=queue.enrolments[0], assignment=queue.assignment
    )
    login_with_mfa(client, queue.trainer)

    response = decide(client, draft, django_capture_on_commit_callbacks, decision="approve")

    draft.refresh_from_db()
    assert response.status_code == 302
    assert message_levels(response) == [ERROR]
    assert draft.status == Submission.Status.DRAFT


def test_a_reflection_only_for_the_trainer_is_reviewed_here(
    client, queue, django_capture_on_commit_callbacks
):
    trainer_only = queue.submit(queue.enrolments[0], audience=Submission.Audience.TRAINER)
    login_with_mfa(client, queue.trainer)

    page = client.get(queue_url("submission", trainer_only.public_id))
    response = decide(client, trainer_only, django_capture_on_commit_callbacks, decision="approve")

    trainer_only.refresh_from_db()
    assert page.context["detail"].can_decide
    assert page.context["detail"].reviews_required == 0
    assert response.status_code == 302
    assert trainer_only.status == Submission.Status.APPROVED


def test_superuser_may_decide(client, queue, submission, django_capture_on_commit_callbacks):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))

    decide(client, submission, django_capture_on_commit_callbacks, decision="approve")

    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED


# --- Concerns ------------------------------------------------------------------------


def test_trainer_raises_a_concern_that_goes_to_the_cohorts_trainers_only(
    client, queue, submission, django_capture_on_commit_callbacks
):
    colleague = TrainerFactory()
    queue.cohort.trainers.add(colleague)
    login_with_mfa(client, queue.trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            queue_url("raise_concern", submission.public_id),
            {"reason": "Ze slaapt al weken slecht."},
        )

    flag = ConcernFlag.objects.get()
    assert response.status_code == 302
    assert message_levels(response) == [SUCCESS]
    assert (flag.submission, flag.raised_by, flag.reason) == (
        submission,
        queue.trainer,
        "Ze slaapt al weken slecht.",
    )
    recipients = {address for email in mail.outbox for address in email.to}
    assert recipients == {queue.trainer.email, colleague.email}
    concerns_url = "http://testserver" + queue_url("concerns", queue.cohort.pk)
    assert all(concerns_url in email.body for email in mail.outbox)
    assert all("slaapt" not in email.body for email in mail.outbox)


def test_a_concern_needs_a_reason(client, queue, submission):
    login_with_mfa(client, queue.trainer)

    response = client.post(queue_url("raise_concern", submission.public_id), {"reason": "  "})

    assert response.status_code == 200
    assert list(response.context["concern_form"].errors) == ["reason"]
    assert not ConcernFlag.objects.exists()


def test_concerns_page_lists_open_ones_first_with_the_reason(client, queue, submission):
    done = ConcernFlagFactory(submission=submission, reason="Eerder: leek verdrietig.")
    services.concern_follow_up(flag=done, trainer=queue.trainer, note="Gesproken.")
    open_flag = ConcernFlagFactory(
        submission=submission,
        raised_by=queue.enrolments[1].learner,
        reason="Ze schrijft over opgeven.",
    )
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("concerns", queue.cohort.pk), follow=True)
    open_page = client.get(reverse("reflection_concerns:inspect", args=[open_flag.pk]))
    done_page = client.get(reverse("reflection_concerns:inspect", args=[done.pk]))

    assert list(response.context["object_list"]) == [open_flag, done]
    assert "Ze schrijft over opgeven." in response.content.decode()
    follow_up = queue_url("concern_follow_up", queue.cohort.pk, open_flag.public_id)
    assert follow_up in open_page.content.decode()
    assert "Gesproken." in done_page.content.decode()
    assert queue_url("concern_follow_up", queue.cohort.pk, done.public_id) not in (
        done_page.content.decode()
    )


def test_trainer_marks_a_concern_followed_up_with_a_note(client, queue, submission):
    flag = ConcernFlagFactory(submission=submission)
    login_with_mfa(client, queue.trainer)

    response = client.post(
        queue_url("concern_follow_up", queue.cohort.pk, flag.public_id),
        {f"flag-{flag.public_id}-note": "Gebeld, het gaat beter."},
    )

    flag.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == queue_url("concerns", queue.cohort.pk)
    assert message_levels(response) == [SUCCESS]
    assert flag.followed_up_at is not None
    assert (flag.followed_up_by, flag.follow_up_note) == (queue.trainer, "Gebeld, het gaat beter.")


def test_following_up_twice_keeps_the_first_follow_up(client, queue, submission):
    flag = ConcernFlagFactory(submission=submission)
    colleague = TrainerFactory()
    queue.cohort.trainers.add(colleague)
    url = queue_url("concern_follow_up", queue.cohort.pk, flag.public_id)

    login_with_mfa(client, queue.trainer)
    client.post(url, {f"flag-{flag.public_id}-note": "Eerste."})
    login_with_mfa(client, colleague)
    client.post(url, {f"flag-{flag.public_id}-note": "Tweede."})

    flag.refresh_from_db()
    assert (flag.followed_up_by, flag.follow_up_note) == (queue.trainer, "Eerste.")


def test_another_cohorts_trainer_cannot_decide_or_follow_up(client, queue, submission):
    other_cohort, _other = another_cohort_with_reflection()
    flag = ConcernFlagFactory(submission=submission)
    login_with_mfa(client, other_cohort.trainers.get())

    decision = client.post(queue_url("decide", submission.public_id), {"decision": "approve"})
    follow_up = client.post(queue_url("concern_follow_up", queue.cohort.pk, flag.public_id))

    submission.refresh_from_db()
    flag.refresh_from_db()
    assert decision.status_code == follow_up.status_code == 404
    assert submission.status == Submission.Status.AWAITING_TRAINER
    assert flag.followed_up_at is None
