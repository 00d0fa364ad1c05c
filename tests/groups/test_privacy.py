"""The privacy registry's services reach this app: export, erasure and retention."""

import datetime

import pytest

from training.groups.models import FeedbackAnswer, FeedbackMoment, PeerGroup
from training.privacy.selectors import learner_data
from training.privacy.services import account_erase, retention_apply

from .conftest import answer

pytestmark = pytest.mark.django_db

WORDS = "Dat ik eindelijk over mijn angst kon praten."


def test_the_facilitators_export_has_groups_and_figures_never_open_answers(facilitator, moment):
    for _ in range(5):
        answer(moment, value=5, open_answer=WORDS)
    data = learner_data(user=facilitator)
    (group,) = data["peer_groups"]
    assert group["meetings"][0]["feedback"]["answers"] == 5
    assert WORDS not in repr(data)


def test_erasing_the_facilitator_removes_groups_moments_and_answers(facilitator, moment):
    answer(moment, open_answer=WORDS)
    account_erase(user=facilitator)
    assert not PeerGroup.objects.exists()
    assert not FeedbackMoment.objects.exists()
    assert not FeedbackAnswer.objects.exists()


def test_retention_empties_open_answers_after_twelve_months(moment, clock):
    answer(moment, value=2, open_answer=WORDS)
    counts = retention_apply(today=datetime.date(2027, 3, 5), dry_run=True)
    assert counts["groups.FeedbackAnswer.open_answer"] == 1
    assert FeedbackAnswer.objects.get().open_answer == WORDS  # a dry run changes nothing
    retention_apply(today=datetime.date(2027, 3, 5))
    row = FeedbackAnswer.objects.get()
    assert (row.open_answer, row.safe) == ("", 2)
