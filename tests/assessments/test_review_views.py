"""The reviewer's pages: claim, read, give feedback, give back, "ik maak me zorgen"."""

import datetime
import json
import re
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CohortFactory,
    TrainerFactory,
    UserFactory,
    reflection_cohort,
    submitted_reflection,
)
from training.assessments.models import ConcernFlag, PeerReview, ReflectionRead
from training.assessments.reflections import allocation, coach

pytestmark = pytest.mark.django_db

AUTHOR_TEXT = "Mijn eerste groepsavond was spannend, maar iemand luisterde echt naar mij."


@pytest.fixture
def claimed():
    """The author and the reviewer submitted; the reviewer has claimed the author's reflection."""
    assignment, (author, reviewer, bystander) = reflection_cohort(learners=3)
    author.learner.pseudonym = "Zeemeeuw"
    author.learner.display_name = "Carla Echtenaam"
    author.learner.save()
    submission = submitted_reflection(enrolment=author, assignment=assignment, text=AUTHOR_TEXT)
    submitted_reflection(enrolment=reviewer, assignment=assignment)
    review = allocation.peer_review_claim(
        reviewer=reviewer.learner, assignment=assignment, cohort=reviewer.cohort
    )
    assert review.submission_id == submission.pk
    return SimpleNamespace(
        assignment=assignment,
        author=author.learner,
        reviewer=reviewer.learner,
        bystander=bystander.learner,
        trainer=author.cohort.trainers.get(),
        submission=submission,
        review=review,
        url=reverse("reflections:review", args=[review.public_id]),
    )


def _english(client):
    client.cookies["django_language"] = "en"
    return client


def _private(response):
    return "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def _feedback(review, **overrides):
    data = {
        "summary": "Ik lees dat je je gehoord voelde.",
        "question": "Wat hielp je toen het meest?",
    }
    for criterion in review.assignment.rubric_criteria.all():
        if criterion.kind == "scale":
            data[f"score-{criterion.key}"] = "3"
        data[f"comment-{criterion.key}"] = "Mooi verwoord."
    data.update(overrides)
    return data


# --- Claiming ---------------------------------------------------------------


def test_claim_takes_the_reviewer_to_the_review_page(client):
    assignment, (a, b) = reflection_cohort(learners=2)
    submitted_reflection(enrolment=a, assignment=assignment)
    own = submitted_reflection(enrolment=b, assignment=assignment)
    client.force_login(b.learner)

    response = client.post(reverse("reflections:claim", args=[own.public_id]))

    review = PeerReview.objects.get(reviewer=b.learner)
    assert response["Location"] == reverse("reflections:review", args=[review.public_id])


def test_claim_with_nothing_to_review_explains_kindly(client):
    assignment, (a, b) = reflection_cohort(learners=2)
    own = submitted_reflection(enrolment=a, assignment=assignment)  # b has not submitted yet
    client.force_login(a.learner)

    response = _english(client).post(
        reverse("reflections:claim", args=[own.public_id]), follow=True
    )

    assert not PeerReview.objects.exists()
    assert "No reflection is waiting for feedback right now" in response.content.decode()


def test_claim_when_the_cohort_has_nobody_left_says_the_learner_is_credited(client):
    assignment, (a,) = reflection_cohort(learners=1)
    own = submitted_reflection(enrolment=a, assignment=assignment)
    client.force_login(a.learner)

    response = _english(client).post(
        reverse("reflections:claim", args=[own.public_id]), follow=True
    )

    assert "the feedback you gave counts as complete" in response.content.decode()


def test_claim_before_submitting_says_submit_first(client):
    assignment, (a, b) = reflection_cohort(learners=2)
    submitted_reflection(enrolment=b, assignment=assignment)
    from training.assessments.reflections import services

    draft = services.submission_get_or_create(enrolment=a, assignment=assignment)
    client.force_login(a.learner)

    response = _english(client).post(
        reverse("reflections:claim", args=[draft.public_id]), follow=True
    )

    assert "Submit your own reflection first" in response.content.decode()
    assert not PeerReview.objects.exists()


def test_assignment_page_offers_to_continue_an_open_claim(client, claimed):
    client.force_login(claimed.reviewer)
    html = client.get(claimed.assignment.url).content.decode()
    assert claimed.url in html


# --- Who may open the review page -------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, claimed):
    urls = [
        ("get", claimed.url),
        ("post", claimed.url),
        ("post", reverse("reflections:abandon", args=[claimed.review.public_id])),
        ("post", reverse("reflections:concern", args=[claimed.submission.public_id])),
    ]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("account_login")
        )


@pytest.mark.parametrize("who", ["author", "bystander", "own_trainer", "other_trainer", "stranger"])
def test_only_the_allocated_reviewer_opens_the_review_page(client, claimed, who):
    visitor = {
        "author": lambda: claimed.author,
        "bystander": lambda: claimed.bystander,  # same cohort, not allocated
        "own_trainer": lambda: claimed.trainer,  # trainers read reflections in their own queue
        "other_trainer": lambda: CohortFactory(trainers=[TrainerFactory()]).trainers.get(),
        "stranger": UserFactory,
    }[who]()
    client.force_login(visitor)

    assert client.get(claimed.url).status_code == 404
    assert client.post(claimed.url, _feedback(claimed.review)).status_code == 404
    assert (
        client.post(reverse("reflections:abandon", args=[claimed.review.public_id])).status_code
        == 404
    )
    assert not ReflectionRead.objects.exists()


def test_allocated_reviewer_reads_the_reflection_by_pseudonym_and_the_read_is_logged(
    client, claimed
):
    client.force_login(claimed.reviewer)

    response = client.get(claimed.url)

    html = response.content.decode()
    assert response.status_code == 200 and _private(response)
    assert AUTHOR_TEXT in html and "Zeemeeuw" in html
    assert "Echtenaam" not in html and claimed.author.email not in html
    read = ReflectionRead.objects.get()
    assert (read.submission, read.reader, read.role) == (
        claimed.submission,
        claimed.reviewer,
        "peer",
    )


def test_the_author_sees_the_read_in_the_summary(client, claimed):
    client.force_login(claimed.reviewer)
    client.get(claimed.url)
    client.get(claimed.url)  # reading twice is still one reader

    client.force_login(claimed.author)
    html = (
        _english(client)
        .get(reverse("reflections:detail", args=[claimed.submission.public_id]))
        .content.decode()
    )

    assert "Read by: 1 fellow learner." in html


def test_the_reviewer_cannot_open_the_authors_own_pages(client, claimed):
    client.force_login(claimed.reviewer)
    assert (
        client.get(reverse("reflections:detail", args=[claimed.submission.public_id])).status_code
        == 404
    )
    response = client.post(
        reverse("reflections:autosave", args=[claimed.submission.public_id]), {"text": "x"}
    )
    assert response.status_code == 404


# --- The form and the listening coach ---------------------------------------


def test_review_page_embeds_the_coach_rules_and_the_rubric(client, claimed):
    client.force_login(claimed.reviewer)
    html = client.get(claimed.url).content.decode()

    match = re.search(
        r'<script id="coach-rules" type="application/json">(.*?)</script>', html, re.S
    )
    config = json.loads(match.group(1))
    assert [rule["key"] for rule in config["rules"]] == [rule.key for rule in coach.RULES]
    assert config["open_question"] == str(coach.OPEN_QUESTION_SUGGESTION)
    assert html.count('aria-live="polite"') >= 3 and "js/listening-coach.js" in html
    scale = claimed.assignment.rubric_criteria.get(kind="scale")
    assert f'name="score-{scale.key}" value="4"' in html and "Helemaal" in html


def test_giving_feedback_submits_it_and_tells_the_author(
    client, claimed, django_capture_on_commit_callbacks
):
    client.force_login(claimed.reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(claimed.url, _feedback(claimed.review, recognition="Dat ken ik."))

    claimed.review.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == claimed.assignment.url + "#peer-review"
    assert claimed.review.status == PeerReview.Status.SUBMITTED
    assert claimed.review.recognition == "Dat ken ik."
    assert {entry.get("score") for entry in claimed.review.rubric.values()} == {3, None}
    (email,) = mail.outbox
    assert reverse("reflections:detail", args=[claimed.submission.public_id]) in email.body
    assert "Ik lees dat je je gehoord voelde." not in email.body


def test_the_coach_never_blocks_sending(client, claimed):
    client.force_login(claimed.reviewer)
    client.post(
        claimed.url,
        _feedback(claimed.review, summary="Je moet rust nemen.", question="Heb je hulp?"),
    )
    claimed.review.refresh_from_db()
    assert claimed.review.status == PeerReview.Status.SUBMITTED


def test_incomplete_feedback_keeps_everything_typed(client, claimed):
    client.force_login(claimed.reviewer)
    scale = claimed.assignment.rubric_criteria.get(kind="scale")
    data = _feedback(claimed.review, question="", recognition="Mijn eigen ervaring")
    del data[f"score-{scale.key}"]

    response = client.post(claimed.url, data)

    html = response.content.decode()
    assert response.status_code == 200 and _private(response)
    assert "error-summary" in html
    assert "Ik lees dat je je gehoord voelde.</textarea>" in html
    assert "Mijn eigen ervaring</textarea>" in html and "Mooi verwoord.</textarea>" in html
    claimed.review.refresh_from_db()
    assert claimed.review.status == PeerReview.Status.CLAIMED


def test_feedback_after_the_claim_lapsed_is_refused_but_kept(client, claimed):
    PeerReview.objects.filter(pk=claimed.review.pk).update(
        expires_at=timezone.now() - datetime.timedelta(hours=1)
    )
    allocation.peer_review_release_lapsed()
    client.force_login(claimed.reviewer)

    response = _english(client).post(claimed.url, _feedback(claimed.review))

    html = response.content.decode()
    assert "Your time for this feedback ran out" in html
    assert "Ik lees dat je je gehoord voelde.</textarea>" in html
    assert AUTHOR_TEXT not in html  # no longer theirs to read
    assert not ReflectionRead.objects.exists()


def test_submitted_feedback_is_shown_read_only_and_escaped(client, claimed):
    client.force_login(claimed.reviewer)
    vector = "&lt;img src=x onerror=alert(1)&gt;"  # as a browser sends typed markup, once cleaned
    client.post(claimed.url, _feedback(claimed.review, summary=f"Ik lees {vector}"))

    reviewer_view = client.get(claimed.url).content.decode()
    client.force_login(claimed.author)
    author_view = client.get(
        reverse("reflections:detail", args=[claimed.submission.public_id])
    ).content.decode()

    for html in (reviewer_view, author_view):
        assert "<img src=x onerror=alert(1)>" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'name="summary"' not in reviewer_view


# --- Giving back, and "ik maak me zorgen" -------------------------------------


def test_giving_a_reflection_back_frees_it(client, claimed):
    client.force_login(claimed.reviewer)

    response = client.post(reverse("reflections:abandon", args=[claimed.review.public_id]))

    claimed.review.refresh_from_db()
    assert response["Location"] == claimed.assignment.url + "#peer-review"
    assert claimed.review.status == PeerReview.Status.LAPSED
    html = client.get(claimed.url).content.decode()
    assert AUTHOR_TEXT not in html and 'name="summary"' not in html


def test_reviewer_raises_a_concern_that_goes_to_the_trainers(client, claimed):
    client.force_login(claimed.reviewer)
    url = reverse("reflections:concern", args=[claimed.submission.public_id])

    response = client.post(
        url, {"reason": "Ze schrijft dat ze niet meer slaapt.", "next": claimed.url}
    )

    flag = ConcernFlag.objects.get()
    assert (flag.submission, flag.raised_by) == (claimed.submission, claimed.reviewer)
    assert response["Location"] == claimed.url


def test_a_concern_needs_a_reason_and_a_safe_return_address(client, claimed):
    client.force_login(claimed.reviewer)
    url = reverse("reflections:concern", args=[claimed.submission.public_id])

    response = client.post(url, {"reason": "  ", "next": "https://elders.example/"})

    assert not ConcernFlag.objects.exists()
    assert response["Location"] == reverse("learning:dashboard")


@pytest.mark.parametrize("who", ["author", "bystander", "other_trainer"])
def test_others_cannot_raise_a_concern_here(client, claimed, who):
    visitor = {
        "author": lambda: claimed.author,
        "bystander": lambda: claimed.bystander,
        "other_trainer": lambda: CohortFactory(trainers=[TrainerFactory()]).trainers.get(),
    }[who]()
    client.force_login(visitor)
    response = client.post(
        reverse("reflections:concern", args=[claimed.submission.public_id]), {"reason": "Zorgen"}
    )
    assert response.status_code == 404
    assert not ConcernFlag.objects.exists()


def test_review_page_offers_the_concern_form_privately(client, claimed):
    client.force_login(claimed.reviewer)
    html = client.get(claimed.url).content.decode()
    assert reverse("reflections:concern", args=[claimed.submission.public_id]) in html
    assert 'name="reason"' in html


def test_rubric_guidance_a_trainer_typed_is_shown_as_text_not_markup(client, claimed):
    """Stored XSS: guidance is plain text a trainer edits; it is shown on the page where
    peers' health reflections are, so it must never become markup."""
    payload = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
    claimed.assignment.rubric_criteria.update(guidance=payload)
    client.force_login(claimed.reviewer)

    html = client.get(claimed.url).content.decode()

    assert "<script>window.__xss" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html


def test_feedback_while_the_database_is_locked_gets_a_calm_503(client, claimed):
    from tests.busy import assert_busy, database_locked

    client.force_login(claimed.reviewer)
    data = _feedback(claimed.review, action="submit")
    with database_locked():
        response = client.post(claimed.url, data)
    assert_busy(response, kept=("Wat hielp je toen het meest?",))
    claimed.review.refresh_from_db()
    assert claimed.review.status == PeerReview.Status.CLAIMED
