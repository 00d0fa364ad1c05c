"""The trainer's writes as audited actions: refused without permission, one change,
one audit entry, and no learner's (or trainer's) words in that entry."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from tests.assessments.reflection_admin import make_queue, queue_url, set_status
from tests.factories import ConcernFlagFactory, login_with_mfa
from training.assessments.actions import (
    ConcernFollowUpAction,
    ConcernRaiseAction,
    DeadlineExtendAction,
    DeadlineExtensionWithdrawAction,
    SubmissionDecideAction,
)
from training.assessments.models import ConcernFlag, DeadlineExtension, Submission

pytestmark = pytest.mark.django_db

SECRET = "Ik slaap slecht sinds mijn diagnose"  # stands for any learner's or trainer's words
LATER = datetime.date.today() + datetime.timedelta(days=20)


@pytest.fixture
def queue():
    return make_queue(learners=2, submission_due_on=datetime.date.today() + datetime.timedelta(1))


@pytest.fixture
def submission(queue):
    submission = queue.submit(queue.enrolments[0], text=f"{SECRET}. " * 5)
    return set_status(submission, Submission.Status.AWAITING_TRAINER)


def _extension(queue):
    return DeadlineExtension.objects.create(
        enrolment=queue.enrolments[1], assignment=queue.assignment, kind="submission", until=LATER
    )


def make_action(name, queue, submission, user):
    """The action `name`, as `user` would run it."""
    if name == "approve":
        return SubmissionDecideAction(submission, user, approve=True, comment=SECRET)
    if name == "revision":
        return SubmissionDecideAction(submission, user, approve=False, comment=SECRET)
    if name == "raise_concern":
        return ConcernRaiseAction(submission, user, reason=SECRET)
    if name == "follow_up":
        flag = ConcernFlagFactory(submission=submission, reason=SECRET)
        return ConcernFollowUpAction(flag, user, note=SECRET)
    if name == "extend":
        return DeadlineExtendAction(
            queue.enrolments[1], user, assignment=queue.assignment, kind="submission", until=LATER
        )
    if name == "withdraw":
        return DeadlineExtensionWithdrawAction(_extension(queue), user)
    raise AssertionError(name)


ACTIONS = ["approve", "revision", "raise_concern", "follow_up", "extend", "withdraw"]
LOGGED_AS = {
    "approve": "assessments.submission_decide",
    "revision": "assessments.submission_decide",
    "raise_concern": "assessments.concern_raise",
    "follow_up": "assessments.concern_follow_up",
    "extend": "assessments.deadline_extend",
    "withdraw": "assessments.deadline_extension_withdraw",
}


def state(submission):
    submission.refresh_from_db()
    return (
        submission.status,
        list(submission.versions.values_list("decision", flat=True)),
        ConcernFlag.objects.filter(followed_up_at__isnull=False).count(),
        ConcernFlag.objects.count(),
        list(DeadlineExtension.objects.values_list("pk", "until")),
    )


@pytest.mark.parametrize("name", ACTIONS)
@pytest.mark.parametrize("who", ["other_trainer", "learner"])
def test_the_action_is_refused_to_anyone_but_the_cohorts_trainer(queue, submission, name, who):
    user = make_queue(learners=1).trainer if who == "other_trainer" else queue.enrolments[1].learner
    action = make_action(name, queue, submission, user)
    before = state(submission)

    with pytest.raises(PermissionDenied):
        action.execute()

    assert state(submission) == before
    assert not ModelLogEntry.objects.filter(action__startswith="assessments.").exists()


@pytest.mark.parametrize("name", ACTIONS)
def test_the_action_makes_its_change_and_leaves_one_entry_without_personal_text(
    queue, submission, name, django_capture_on_commit_callbacks
):
    action = make_action(name, queue, submission, queue.trainer)
    before = state(submission)

    with django_capture_on_commit_callbacks(execute=True):
        action.execute()

    assert state(submission) != before
    [entry] = ModelLogEntry.objects.filter(action__startswith="assessments.")
    assert entry.action == LOGGED_AS[name]
    assert entry.user == queue.trainer
    stored = json.dumps(entry.data, ensure_ascii=False) + entry.label
    assert SECRET not in stored
    assert "slaap" not in stored
    assert log_registry.get_action_label(entry.action)  # registered, with a label


def test_the_decision_entry_says_which_version_and_status(queue, submission):
    SubmissionDecideAction(submission, queue.trainer, approve=False, comment=SECRET).execute()

    entry = ModelLogEntry.objects.get(action="assessments.submission_decide")
    assert entry.data == {
        "submission": str(submission.public_id),
        "version": 1,
        "status": Submission.Status.REVISION_REQUESTED,
    }


def test_a_second_follow_up_changes_and_logs_nothing(queue, submission):
    flag = ConcernFlagFactory(submission=submission)
    ConcernFollowUpAction(flag, queue.trainer, note="Gebeld.").execute()
    flag.refresh_from_db()
    first = flag.followed_up_at

    ConcernFollowUpAction(flag, queue.trainer, note="Nog eens.").execute()

    flag.refresh_from_db()
    assert (flag.followed_up_at, flag.follow_up_note) == (first, "Gebeld.")
    assert ModelLogEntry.objects.filter(action="assessments.concern_follow_up").count() == 1


def test_a_failed_change_leaves_no_entry(queue, submission):
    SubmissionDecideAction(submission, queue.trainer, approve=True).execute()

    with pytest.raises(Exception):  # noqa: B017 - the service's own error type
        SubmissionDecideAction(submission, queue.trainer, approve=True).execute()

    assert ModelLogEntry.objects.filter(action="assessments.submission_decide").count() == 1


def test_the_audit_labels_are_dutch():
    with translation.override("nl"):
        labels = [
            log_registry.get_action_label(action) for action in sorted(set(LOGGED_AS.values()))
        ]

    assert labels == [
        "Een zorg opvolgen",
        "Zorg melden",
        "Een deadline verlengen",
        "Een verlenging intrekken",
        "Besluiten over een reflectie",
    ]


def test_trainer_withdraws_an_extension_in_the_admin(client, queue, submission):
    extension = _extension(queue)
    login_with_mfa(client, queue.trainer)
    page = client.get(queue_url("cohort", queue.cohort.pk)).content.decode()
    url = queue_url("withdraw_extension", queue.cohort.pk, extension.pk)
    assert url in page

    response = client.post(url)

    assert response.status_code == 302
    assert not DeadlineExtension.objects.exists()
    assert ModelLogEntry.objects.filter(action="assessments.deadline_extension_withdraw").exists()


def test_another_trainer_cannot_withdraw_an_extension(client, queue, submission):
    extension = _extension(queue)
    other = make_queue(learners=1)
    login_with_mfa(client, other.trainer)

    own_cohort = client.post(queue_url("withdraw_extension", other.cohort.pk, extension.pk))
    their_cohort = client.post(queue_url("withdraw_extension", queue.cohort.pk, extension.pk))

    assert own_cohort.status_code == their_cohort.status_code == 404
    assert DeadlineExtension.objects.filter(pk=extension.pk).exists()
