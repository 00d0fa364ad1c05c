"""The comment bank: a trainer's own phrases, offered on the decision form."""

import pytest
from django.urls import reverse

from tests.assessments.reflection_admin import make_queue, queue_url, set_status
from tests.factories import TrainerFactory, login_with_mfa
from training.assessments.models import CommentPhrase, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return make_queue(learners=2)


@pytest.fixture
def submission(queue):
    return set_status(queue.submit(queue.enrolments[0]), Submission.Status.AWAITING_TRAINER)


def phrase(owner, label="Meer diepgang", text="Wat voelde je op dat moment?"):
    return CommentPhrase.objects.create(owner=owner, label=label, text=text, use="revision")


def test_a_trainer_adds_a_phrase_and_it_is_theirs(queue, client):
    login_with_mfa(client, queue.trainer)

    response = client.post(
        reverse("comment_bank:add"), {"label": "Goed", "text": "Mooi verwoord.", "use": "approve"}
    )

    assert response.status_code == 302
    assert CommentPhrase.objects.get().owner == queue.trainer


def test_the_decision_form_offers_only_the_trainers_own_phrases(queue, submission, client):
    phrase(queue.trainer)
    phrase(TrainerFactory(), label="Van een ander", text="Niet van mij")
    login_with_mfa(client, queue.trainer)

    page = client.get(queue_url("submission", submission.public_id)).content.decode()

    assert "data-comment-bank-select" in page
    assert "Wat voelde je op dat moment?" in page
    assert "Van een ander" not in page and "Niet van mij" not in page
    assert "assessments/comment-bank.js" in page


def test_without_phrases_there_is_no_select(queue, submission, client):
    login_with_mfa(client, queue.trainer)
    page = client.get(queue_url("submission", submission.public_id)).content.decode()
    assert "data-comment-bank-select" not in page


@pytest.mark.parametrize("name", ["edit", "delete", "history"])
def test_another_trainers_phrase_is_a_404(queue, client, name):
    theirs = phrase(TrainerFactory())
    login_with_mfa(client, queue.trainer)

    assert client.get(reverse(f"comment_bank:{name}", args=[theirs.pk])).status_code == 404
    assert client.post(
        reverse(f"comment_bank:{name}", args=[theirs.pk]), {"label": "x", "text": "y", "use": "any"}
    ).status_code in (404, 405)
    assert CommentPhrase.objects.get(pk=theirs.pk).label == "Meer diepgang"


def test_the_index_lists_only_own_phrases(queue, client):
    phrase(queue.trainer, label="Mijn zin")
    phrase(TrainerFactory(), label="Andermans zin")
    login_with_mfa(client, queue.trainer)

    page = client.get(reverse("comment_bank:index")).content.decode()

    assert "Mijn zin" in page and "Andermans zin" not in page
