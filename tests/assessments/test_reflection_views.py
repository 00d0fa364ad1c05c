"""The author's reflection pages: the editor, autosave, submit, and reading it back."""

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CohortFactory,
    PeerReviewFactory,
    ReviewRatingFactory,
    TrainerFactory,
    UserFactory,
    reflection_cohort,
    submitted_reflection,
)
from training.assessments.models import PeerReview, ReviewRating, Submission, SubmissionVersion
from training.assessments.reflections import services

pytestmark = pytest.mark.django_db

TEXT = "Ik zat voor het eerst in de groep en voelde me gehoord."
XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


@pytest.fixture
def group():
    """An assignment in a cohort of three: the author, a fellow learner and one more."""
    assignment, (author, peer, other) = reflection_cohort(learners=3)
    return SimpleNamespace(
        assignment=assignment,
        author=author,
        peer=peer,
        other=other,
        trainer=author.cohort.trainers.get(),
        draft=services.submission_get_or_create(enrolment=author, assignment=assignment),
    )


def _english(client):
    client.cookies["django_language"] = "en"
    return client


def _autosave(client, submission, **data):
    return client.post(
        reverse("reflections:autosave", args=[submission.public_id]),
        data,
        content_type="application/json",
        headers={"Accept": "application/json"},
    )


def _private(response):
    cache_control = response["Cache-Control"]
    return "no-store" in cache_control and "private" in cache_control


# --- The editor on the assignment page -------------------------------------


def test_assignment_page_offers_a_plain_editor_to_an_enrolled_learner(client, group):
    client.force_login(group.other.learner)  # has not started yet

    response = client.get(group.assignment.url)

    html = response.content.decode()
    assert response.status_code == 200 and _private(response)
    assert "data-reflection-editor" in html
    assert f'action="{reverse("reflections:start")}"' in html
    assert 'name="audience" value="trainer"' in html and 'name="audience" value="peers"' in html
    assert "js/reflection-editor.js" in html


def test_assignment_page_without_enrolment_shows_the_prompt_only(client, group):
    response = client.get(group.assignment.url)
    html = response.content.decode()
    assert "Schrijf over een moment" in html
    assert "data-reflection-editor" not in html

    client.force_login(UserFactory())
    assert "data-reflection-editor" not in client.get(group.assignment.url).content.decode()


def test_first_save_creates_the_reflection_once_and_returns_its_urls(client, group):
    client.force_login(group.other.learner)
    url = reverse("reflections:start")

    first = client.post(
        url,
        {"assignment": group.assignment.pk, "text": TEXT, "base_revision": 0},
        headers={"Accept": "application/json"},
    )
    again = client.post(
        url,
        {"assignment": group.assignment.pk, "text": TEXT + " Meer.", "base_revision": 1},
        headers={"Accept": "application/json"},
    )

    submission = Submission.objects.get(author=group.other.learner)
    assert first.json()["public_id"] == again.json()["public_id"] == str(submission.public_id)
    assert first.json()["urls"]["autosave"] == reverse(
        "reflections:autosave", args=[submission.public_id]
    )
    assert again.json()["revision"] == 2 and not again.json()["conflict"]
    assert _private(first)


def test_first_save_without_javascript_saves_the_draft(client, group):
    client.force_login(group.other.learner)
    response = client.post(
        reverse("reflections:start"),
        {"assignment": group.assignment.pk, "text": TEXT, "action": "save", "base_revision": 0},
    )
    assert response.status_code == 302
    assert response["Location"] == group.assignment.url + "#reflection"
    assert Submission.objects.get(author=group.other.learner).latest_version().text == TEXT


def test_a_beacon_to_start_is_an_autosave_without_page_messages(client, group):
    client.force_login(group.other.learner)

    response = client.post(
        reverse("reflections:start"),
        {"assignment": group.assignment.pk, "text": TEXT, "autosave": "1", "base_revision": "0"},
    )

    assert response.status_code == 200 and response.json()["revision"] == 1
    assert not list(response.wsgi_request._messages)


def test_start_needs_an_enrolment_in_the_assignments_course(client, group):
    stranger = UserFactory()
    client.force_login(stranger)
    response = client.post(
        reverse("reflections:start"), {"assignment": group.assignment.pk, "text": TEXT}
    )
    assert response.status_code == 404
    assert not Submission.objects.filter(author=stranger).exists()


# --- Autosave ---------------------------------------------------------------


def test_autosave_twice_returns_revision_local_time_and_word_count(client, group):
    client.force_login(group.author.learner)

    first = _autosave(client, group.draft, text="Een twee drie", base_revision=0)
    second = _autosave(client, group.draft, text="Een twee drie vier", base_revision=1)

    assert first.status_code == second.status_code == 200
    assert first.json()["revision"] == 1
    data = second.json()
    assert data["revision"] == 2 and data["word_count"] == 4 and data["conflict"] is False
    version = group.draft.latest_version()
    assert data["saved_at"] == timezone.localtime(version.saved_at).strftime("%H:%M")
    assert re.fullmatch(r"\d\d:\d\d", data["saved_at"])
    assert _private(second)


def test_autosave_from_an_older_tab_is_refused_and_the_newer_text_stays(client, group):
    client.force_login(group.author.learner)

    tab_one = _autosave(client, group.draft, text="Tekst uit venster een", base_revision=0)
    tab_two = _autosave(client, group.draft, text="Tekst uit venster twee", base_revision=0)

    assert tab_one.json()["conflict"] is False
    assert tab_two.status_code == 409 and tab_two.json()["conflict"] is True
    assert tab_two.json()["server_text"] == "Tekst uit venster een"
    assert group.draft.latest_version().text == "Tekst uit venster een"


def test_autosave_accepts_a_form_post_as_sent_by_sendbeacon(client, group):
    client.force_login(group.author.learner)
    response = client.post(
        reverse("reflections:autosave", args=[group.draft.public_id]),
        {"text": TEXT, "base_revision": "0", "client_id": "tab-1"},
    )
    assert response.status_code == 200 and response.json()["conflict"] is False
    assert group.draft.latest_version().text == TEXT


def test_autosave_after_submitting_is_refused_with_a_message(client, group):
    submitted_reflection(enrolment=group.author, assignment=group.assignment)
    client.force_login(group.author.learner)

    response = _autosave(
        _english(client), group.draft, text="Toch nog iets anders", base_revision=3
    )

    assert response.status_code == 400
    assert response.json()["locked"] is True
    assert "can no longer be changed" in response.json()["error"]
    assert group.draft.latest_version().text != "Toch nog iets anders"


# --- Submitting ---------------------------------------------------------------


def test_submit_locks_the_text_and_shows_it_read_only(client, group):
    client.force_login(group.author.learner)
    url = reverse("reflections:submit", args=[group.draft.public_id])

    response = client.post(
        url, {"text": TEXT, "audience": "trainer", "action": "submit", "base_revision": 0}
    )
    client.post(
        url,
        {
            "text": "Een andere tekst na indienen",
            "audience": "peers",
            "action": "submit",
            "base_revision": 2,
        },
    )

    assert response.status_code == 302
    submission = Submission.objects.get(pk=group.draft.pk)
    assert submission.status == Submission.Status.AWAITING_TRAINER
    assert submission.audience == Submission.Audience.TRAINER
    assert submission.latest_version().text == TEXT and submission.latest_version().is_locked
    html = client.get(group.assignment.url).content.decode()
    assert "data-reflection-editor" not in html
    assert TEXT in html and f'data-reflection-clear="{submission.public_id}"' in html


def test_too_short_keeps_the_text_and_gives_the_friendly_error(client, group):
    client.force_login(group.author.learner)
    _english(client)

    response = client.post(
        reverse("reflections:submit", args=[group.draft.public_id]),
        {"text": "Te kort", "audience": "peers", "action": "submit", "base_revision": 0},
    )

    html = response.content.decode()
    assert response.status_code == 200 and _private(response)
    assert "Your reflection has 2 words; at least 5 are needed." in html
    assert re.search(r"<textarea[^>]*>\s*Te kort</textarea>", html)
    assert 'value="peers" required id="id_audience_0" checked' in html
    version = group.draft.latest_version()
    assert version.text == "Te kort" and not version.is_locked  # kept on the server too
    assert f'name="base_revision" value="{version.revision}"' in html  # autosave goes on from here


def test_too_long_is_refused_too(client, group):
    group.assignment.max_words = 6
    group.assignment.save()
    client.force_login(group.author.learner)
    response = _english(client).post(
        reverse("reflections:submit", args=[group.draft.public_id]),
        {"text": TEXT, "audience": "peers", "action": "submit", "base_revision": 0},
    )
    assert "at most 6 are allowed" in response.content.decode()
    assert not group.draft.latest_version().is_locked


def test_submitting_needs_a_choice_of_readers(client, group):
    client.force_login(group.author.learner)
    response = _english(client).post(
        reverse("reflections:submit", args=[group.draft.public_id]),
        {"text": TEXT, "action": "submit", "base_revision": 0},
    )
    html = response.content.decode()
    assert "Choose who may read your reflection." in html
    assert 'id="id_audience_error"' in html
    assert not group.draft.latest_version().is_locked


def test_a_revision_request_opens_the_editor_again_with_the_trainers_comment(client, group):
    submission = submitted_reflection(
        enrolment=group.author, assignment=group.assignment, text=TEXT
    )
    services.submission_decide(
        submission=submission, trainer=group.trainer, approve=False, comment="Wat voelde je toen?"
    )
    client.force_login(group.author.learner)

    html = client.get(group.assignment.url).content.decode()

    assert "data-reflection-editor" in html and "Wat voelde je toen?" in html
    assert re.search(rf"<textarea[^>]*>\s*{TEXT}</textarea>", html)
    assert 'value="peers" required id="id_audience_0" checked' in html  # the earlier choice


def test_without_peer_review_only_the_trainer_reads_it(client):
    assignment, (author, peer) = reflection_cohort(learners=2, peer_review_enabled=False)
    submission = services.submission_get_or_create(enrolment=author, assignment=assignment)
    client.force_login(author.learner)

    html = client.get(assignment.url).content.decode()
    client.post(
        reverse("reflections:submit", args=[submission.public_id]),
        {"text": TEXT, "audience": "trainer", "action": "submit", "base_revision": 0},
    )
    claim = client.post(reverse("reflections:claim", args=[submission.public_id]))

    assert '<input type="hidden" name="audience" value="trainer">' in html
    assert 'type="radio"' not in html
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.AWAITING_TRAINER
    assert claim.status_code == 302 and not PeerReview.objects.exists()


def test_save_draft_without_javascript(client, group):
    client.force_login(group.author.learner)
    response = client.post(
        reverse("reflections:submit", args=[group.draft.public_id]),
        {"text": TEXT, "action": "save", "base_revision": 0},
        follow=True,
    )
    version = group.draft.latest_version()
    assert version.text == TEXT and not version.is_locked
    assert timezone.localtime(version.saved_at).strftime("%H:%M") in response.content.decode()


# --- Who may open what ------------------------------------------------------


def _author_urls(submission):
    return [
        ("get", reverse("reflections:detail", args=[submission.public_id])),
        ("post", reverse("reflections:autosave", args=[submission.public_id])),
        ("post", reverse("reflections:submit", args=[submission.public_id])),
        ("post", reverse("reflections:claim", args=[submission.public_id])),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, group):
    submitted_reflection(enrolment=group.author, assignment=group.assignment)
    review = PeerReviewFactory(submission=group.draft, reviewer=group.peer.learner)
    urls = [
        *_author_urls(group.draft),
        ("get", reverse("reflections:index")),
        ("get", reverse("reflections:my_feedback")),
        ("post", reverse("reflections:start")),
        ("post", reverse("reflections:rate", args=[review.public_id])),
    ]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


@pytest.mark.parametrize("who", ["fellow_learner", "learner_elsewhere", "other_trainer"])
def test_nobody_but_the_author_reaches_the_author_pages(client, group, who):
    submitted_reflection(enrolment=group.author, assignment=group.assignment)
    visitor = {
        "fellow_learner": lambda: group.peer.learner,
        "learner_elsewhere": UserFactory,
        "other_trainer": lambda: CohortFactory(trainers=[TrainerFactory()]).trainers.get(),
    }[who]()
    client.force_login(visitor)

    for method, url in _author_urls(group.draft):
        assert getattr(client, method)(url).status_code == 404, url


def test_author_reaches_their_own_pages(client, group):
    client.force_login(group.author.learner)
    detail = client.get(reverse("reflections:detail", args=[group.draft.public_id]))
    index = client.get(reverse("reflections:index"))
    assert detail.status_code == index.status_code == 200
    assert _private(detail) and _private(index)
    assert reverse("reflections:detail", args=[group.draft.public_id]) in index.content.decode()


def test_a_learner_who_left_the_course_can_no_longer_write(client, group):
    group.author.status = group.author.Status.LEFT
    group.author.save()
    client.force_login(group.author.learner)
    assert _autosave(client, group.draft, text=TEXT).status_code == 404


# --- Reading back: versions, decisions, feedback, who read it ---------------


def test_detail_shows_versions_decisions_and_feedback_by_pseudonym(client, group):
    submission = submitted_reflection(enrolment=group.author, assignment=group.assignment)
    services.submission_decide(
        submission=submission, trainer=group.trainer, approve=False, comment="Vertel meer."
    )
    services.draft_save(submission=submission, text=TEXT + " Nu langer.", base_revision=0)
    named = UserFactory(display_name="Anna Echtenaam", pseudonym="Zonnebloem")
    unnamed = UserFactory(display_name="Bert Echtenaam")
    first_version = submission.versions.get(number=1)
    PeerReviewFactory(
        submission=submission, version=first_version, reviewer=named, summary="Ik las moed."
    )
    PeerReviewFactory(submission=submission, version=first_version, reviewer=unnamed)
    client.force_login(group.author.learner)

    html = client.get(reverse("reflections:detail", args=[submission.public_id])).content.decode()

    assert 'id="version-1"' in html and 'id="version-2"' in html
    assert "Vertel meer." in html and TEXT + " Nu langer." in html
    assert "Zonnebloem" in html and "een medecursist" in html and "Ik las moed." in html
    assert "Echtenaam" not in html and named.email not in html
    assert "Goed samengevat." in html  # the rubric comment


def test_detail_says_who_read_it_by_role_only(client, group):
    submission = submitted_reflection(enrolment=group.author, assignment=group.assignment)
    for reader in (group.peer.learner, group.other.learner):
        services.reflection_read_log(submission=submission, reader=reader, role="peer")
    services.reflection_read_log(submission=submission, reader=group.peer.learner, role="peer")
    services.reflection_read_log(submission=submission, reader=group.trainer, role="trainer")
    client.force_login(group.author.learner)

    html = (
        _english(client)
        .get(reverse("reflections:detail", args=[submission.public_id]))
        .content.decode()
    )

    assert "Read by: 2 fellow learners, your trainer." in html
    assert group.peer.learner.get_full_name() not in html


@pytest.mark.parametrize("vector", XSS)
def test_reflection_and_feedback_text_are_escaped(client, group, vector):
    submission = submitted_reflection(enrolment=group.author, assignment=group.assignment)
    # Straight into the database, past the services' cleaning: the templates must still escape.
    SubmissionVersion.objects.filter(submission=submission).update(
        text=f"Mijn verhaal {vector} einde"
    )
    review = PeerReviewFactory(
        submission=submission,
        reviewer=group.peer.learner,
        summary=vector,
        question=vector,
        recognition=vector,
    )
    review.rubric = {key: {**entry, "comment": vector} for key, entry in review.rubric.items()}
    review.save()
    client.force_login(group.author.learner)

    pages = [
        client.get(reverse("reflections:detail", args=[submission.public_id])).content.decode(),
        client.get(group.assignment.url).content.decode(),
    ]

    for html in pages:
        assert vector not in html
        assert "&lt;" in html and ("&lt;script&gt;" in html or "&lt;img src=x" in html)


def test_typed_markup_is_stored_as_text_and_shown_escaped(client, group):
    client.force_login(group.author.learner)
    # What a learner types in the textarea arrives HTML-escaped once cleaned: it stays text.
    _autosave(
        client,
        group.draft,
        text="Ik schreef &lt;script&gt;alert(1)&lt;/script&gt; als voorbeeld",
        base_revision=0,
    )
    html = client.get(group.assignment.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Rating feedback received -------------------------------------------------


def test_author_rates_feedback_and_can_change_the_rating(client, group):
    submission = submitted_reflection(enrolment=group.author, assignment=group.assignment)
    review = PeerReviewFactory(submission=submission, reviewer=group.peer.learner)
    client.force_login(group.author.learner)
    url = reverse("reflections:rate", args=[review.public_id])
    prefix = f"rating-{review.public_id}"

    response = client.post(
        url, {f"{prefix}-helpfulness": 4, f"{prefix}-felt_heard": 3, f"{prefix}-thanks": "Dank!"}
    )
    client.post(url, {f"{prefix}-helpfulness": 2, f"{prefix}-felt_heard": 4})

    assert response.status_code == 302
    assert response["Location"].endswith(f"#feedback-{review.public_id}")
    rating = ReviewRating.objects.get(review=review)
    assert (rating.helpfulness, rating.felt_heard, rating.thanks) == (2, 4, "")


def test_an_incomplete_rating_shows_the_page_again_with_errors(client, group):
    submission = submitted_reflection(enrolment=group.author, assignment=group.assignment)
    review = PeerReviewFactory(submission=submission, reviewer=group.peer.learner)
    client.force_login(group.author.learner)
    prefix = f"rating-{review.public_id}"

    response = client.post(
        reverse("reflections:rate", args=[review.public_id]),
        {f"{prefix}-helpfulness": 9, f"{prefix}-thanks": "Fijn"},
    )

    html = response.content.decode()
    assert response.status_code == 200 and _private(response)
    assert "error-summary" in html and "Fijn</textarea>" in html
    assert not ReviewRating.objects.exists()


def test_only_the_author_rates_the_feedback(client, group):
    submission = submitted_reflection(enrolment=group.author, assignment=group.assignment)
    review = PeerReviewFactory(submission=submission, reviewer=group.peer.learner)
    prefix = f"rating-{review.public_id}"
    for visitor in (group.peer.learner, group.other.learner, group.trainer):
        client.force_login(visitor)
        response = client.post(
            reverse("reflections:rate", args=[review.public_id]),
            {f"{prefix}-helpfulness": 1, f"{prefix}-felt_heard": 1},
        )
        assert response.status_code == 404
    assert not ReviewRating.objects.exists()


def test_ratings_show_up_on_the_reviewers_feedback_page_escaped(client, group):
    submission = submitted_reflection(enrolment=group.author, assignment=group.assignment)
    review = PeerReviewFactory(submission=submission, reviewer=group.peer.learner)
    ReviewRatingFactory(
        review=review, helpfulness=4, felt_heard=3, thanks="<script>alert(1)</script>"
    )
    client.force_login(group.peer.learner)

    response = client.get(reverse("reflections:my_feedback"))

    html = response.content.decode()
    assert response.status_code == 200 and _private(response)
    assert group.assignment.title in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert group.author.learner.get_full_name() not in html


# --- The course flow ----------------------------------------------------------


def test_module_page_lists_the_assignment_with_the_learners_status(client, group):
    module = group.assignment.get_parent()
    client.force_login(group.author.learner)

    html = _english(client).get(module.url).content.decode()

    assert group.assignment.url in html
    assert '<span class="badge">draft</span>' in html


def test_starting_a_reflection_in_a_locked_module_is_refused(client):
    from tests.factories import (
        CohortFactory,
        EnrolmentFactory,
        ReflectionAssignmentPageFactory,
        build_course,
    )
    from training.assessments.models import Submission

    course = build_course(modules=2, lessons_per_module=1, sequential=True)
    second_module = course.get_children().order_by("path").last()
    assignment = ReflectionAssignmentPageFactory(parent=second_module)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.learner)

    response = client.post(
        reverse("reflections:start"), {"assignment": assignment.pk, "text": "Mijn verhaal"}
    )

    assert response.status_code == 404
    assert not Submission.objects.exists()


def test_the_rating_address_leads_back_to_the_feedback(client, group):
    """After an incomplete rating the browser shows …/waarderen/: reloading it as a page
    (or opening it from the history) lands on the feedback, not on an error."""
    submission = submitted_reflection(enrolment=group.author, assignment=group.assignment)
    review = PeerReviewFactory(submission=submission, reviewer=group.peer.learner)
    url = reverse("reflections:rate", args=[review.public_id])

    client.force_login(group.author.learner)
    response = client.get(url)
    assert response.status_code == 302
    detail = reverse("reflections:detail", args=[submission.public_id])
    assert response["Location"] == f"{detail}#feedback-{review.public_id}"

    client.force_login(group.peer.learner)  # not the author: nothing to find
    assert client.get(url).status_code == 404
