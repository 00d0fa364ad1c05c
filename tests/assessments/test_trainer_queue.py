"""The trainer's review queue in the Wagtail admin: who may see what, and what it shows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.assessments.reflection_admin import (
    admin_login_url,
    another_cohort_with_reflection,
    is_private,
    make_queue,
    queue_url,
    set_status,
    staff_without_cohorts,
)
from tests.factories import (
    ConcernFlagFactory,
    EnrolmentFactory,
    PeerReviewFactory,
    ReflectionAssignmentPageFactory,
    ReviewRatingFactory,
    UserFactory,
    login_with_mfa,
)
from training.assessments.admin_selectors import fallback_reason_text, stuck_reason_text
from training.assessments.models import ReflectionRead, Submission
from training.assessments.reflections import services
from training.assessments.reflections.reasons import FallbackReason, StuckReason

pytestmark = pytest.mark.django_db

PAGES = ["index", "cohort", "concerns", "learners", "learner_ratings", "submission"]
ACTIONS = ["decide", "raise_concern", "concern_follow_up"]


@pytest.fixture
def queue():
    return make_queue(learners=3)


@pytest.fixture
def submission(queue):
    return queue.submit(queue.enrolments[0])


@pytest.fixture
def flag(submission, queue):
    return ConcernFlagFactory(submission=submission, raised_by=queue.enrolments[1].learner)


def url_for(name, queue, submission, flag=None):
    cohort = queue.cohort
    args = {
        "index": [],
        "cohort": [cohort.pk],
        "concerns": [cohort.pk],
        "learners": [cohort.pk],
        "learner_ratings": [cohort.pk, queue.enrolments[1].pk],
        "submission": [submission.public_id],
        "decide": [submission.public_id],
        "raise_concern": [submission.public_id],
        "concern_follow_up": [cohort.pk, flag.public_id if flag else None],
    }[name]
    return queue_url(name, *args)


ACTION_DATA = {
    "decide": {"decision": "approve", "comment": "Mooi."},
    "raise_concern": {"reason": "Ik maak me zorgen."},
    "concern_follow_up": {"flag-note": "Gebeld."},
}


def assert_nothing_changed(submission, flag):
    submission.refresh_from_db()
    flag.refresh_from_db()
    assert submission.status == Submission.Status.IN_REVIEW
    assert not submission.versions.exclude(decision="").exists()
    assert submission.concerns.count() == 1
    assert flag.followed_up_at is None
    assert not ReflectionRead.objects.exists()


# --- Who gets in -------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitor_is_sent_to_log_in(client, queue, submission, name):
    response = client.get(url_for(name, queue, submission))

    assert response.status_code == 302
    assert response["Location"].startswith(admin_login_url())


@pytest.mark.parametrize("name", ACTIONS)
def test_anonymous_post_is_sent_to_log_in_and_changes_nothing(
    client, queue, submission, flag, name
):
    response = client.post(url_for(name, queue, submission, flag), ACTION_DATA[name])

    assert response.status_code == 302
    assert response["Location"].startswith(admin_login_url())
    assert_nothing_changed(submission, flag)


@pytest.mark.parametrize("name", PAGES)
def test_learner_without_admin_access_is_turned_away(client, queue, submission, name):
    client.force_login(queue.enrolments[0].learner)  # the author herself

    response = client.get(url_for(name, queue, submission))

    assert response.status_code == 302
    assert response["Location"].startswith(admin_login_url())


@pytest.mark.parametrize("name", ACTIONS)
def test_learner_without_admin_access_cannot_act(client, queue, submission, flag, name):
    client.force_login(queue.enrolments[1].learner)  # a fellow learner

    response = client.post(url_for(name, queue, submission, flag), ACTION_DATA[name])

    assert response.status_code == 302
    assert_nothing_changed(submission, flag)


@pytest.mark.parametrize("name", [name for name in PAGES if name != "index"])
def test_trainer_of_another_cohort_gets_not_found(client, queue, submission, flag, name):
    other_cohort, _other_submission = another_cohort_with_reflection()
    login_with_mfa(client, other_cohort.trainers.get())

    assert client.get(url_for(name, queue, submission, flag)).status_code == 404
    assert_nothing_changed(submission, flag)


@pytest.mark.parametrize("name", ACTIONS)
def test_trainer_of_another_cohort_cannot_act(client, queue, submission, flag, name):
    other_cohort, _other_submission = another_cohort_with_reflection()
    login_with_mfa(client, other_cohort.trainers.get())

    response = client.post(url_for(name, queue, submission, flag), ACTION_DATA[name])

    assert response.status_code == 404
    assert_nothing_changed(submission, flag)


@pytest.mark.parametrize("name", [name for name in PAGES if name != "index"] + ACTIONS)
def test_staff_who_do_not_train_the_cohort_get_not_found(client, queue, submission, flag, name):
    login_with_mfa(client, staff_without_cohorts())

    get = client.get(url_for(name, queue, submission, flag))
    post = client.post(url_for(name, queue, submission, flag), ACTION_DATA.get(name, {}))

    assert get.status_code == post.status_code == 404
    assert_nothing_changed(submission, flag)


def test_own_cohort_with_someone_elses_object_is_not_found(client, queue, submission):
    """Mixing an own cohort id with another cohort's enrolment or concern is a 404 too."""
    other_cohort, other_submission = another_cohort_with_reflection()
    other_flag = ConcernFlagFactory(submission=other_submission)
    other_enrolment = other_cohort.enrolments.get()
    login_with_mfa(client, queue.trainer)

    ratings = client.get(queue_url("learner_ratings", queue.cohort.pk, other_enrolment.pk))
    follow_up = client.post(queue_url("concern_follow_up", queue.cohort.pk, other_flag.public_id))

    other_flag.refresh_from_db()
    assert ratings.status_code == follow_up.status_code == 404
    assert other_flag.followed_up_at is None


@pytest.mark.parametrize("name", PAGES)
def test_own_trainer_reaches_every_page_and_nothing_is_cached(
    client, queue, submission, flag, name
):
    login_with_mfa(client, queue.trainer)

    # The concerns and ratings of a group open Wagtail's listings, filtered on it.
    response = client.get(url_for(name, queue, submission, flag), follow=True)

    assert response.status_code == 200
    assert is_private(response)


@pytest.mark.parametrize("name", PAGES)
def test_superuser_reaches_every_page(client, queue, submission, flag, name):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))

    assert client.get(url_for(name, queue, submission, flag), follow=True).status_code == 200


@pytest.mark.parametrize("name", ACTIONS)
def test_actions_answer_only_post(client, queue, submission, flag, name):
    login_with_mfa(client, queue.trainer)

    assert client.get(url_for(name, queue, submission, flag)).status_code == 405


def test_reflections_menu_item_is_shown_to_trainers_only(client, queue):
    index = queue_url("index")

    login_with_mfa(client, queue.trainer)
    trainer_home = client.get(reverse("wagtailadmin_home")).content.decode()
    login_with_mfa(client, staff_without_cohorts())
    staff_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert index in trainer_home
    assert index not in staff_home


# --- The index: the trainer's cohorts with what needs attention -----------------------


def test_index_lists_own_cohorts_with_counts(client, queue, submission, flag):
    other_cohort, _other_submission = another_cohort_with_reflection()
    queue.submit(queue.enrolments[1], audience=Submission.Audience.TRAINER)
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("index"))

    [row] = response.context["rows"]
    assert row.cohort == queue.cohort
    assert (row.awaiting_trainer, row.in_review, row.open_concerns) == (1, 1, 1)
    html = response.content.decode()
    assert queue_url("cohort", queue.cohort.pk) in html
    assert queue_url("concerns", queue.cohort.pk) in html
    assert other_cohort.name not in html


# --- The cohort's queue ----------------------------------------------------------------


def entries(response):
    return response.context["entries"]


def test_queue_puts_reflections_needing_the_trainer_first(client, queue):
    a, b, c = queue.enrolments
    in_review = queue.submit(a)
    trainer_only = queue.submit(b, audience=Submission.Audience.TRAINER)
    draft = services.submission_get_or_create(enrolment=c, assignment=queue.assignment)
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("cohort", queue.cohort.pk))

    rows = entries(response)
    assert [entry.row.submission for entry in rows][0] == trainer_only
    assert {entry.row.submission for entry in rows[1:]} == {in_review, draft}
    assert rows[0].reason == fallback_reason_text("trainer_only")
    assert rows[0].reason in response.content.decode()
    assert queue_url("submission", trainer_only.public_id) in response.content.decode()
    # Drafts, submitted, then in peer review, awaiting the trainer, revision requested, approved.
    assert [count for _label, count in response.context["status_counts"]] == [1, 2, 1, 1, 0, 0]


def test_queue_shows_drafts_feedback_ratings_and_open_concerns(client, queue):
    a, b, c = queue.enrolments
    submission = services.submission_get_or_create(enrolment=a, assignment=queue.assignment)
    services.draft_save(submission=submission, text="Een eerste begin.", base_revision=0)
    services.draft_save(submission=submission, text="Een eerste begin, langer.", base_revision=1)
    submission = queue.submit(a)
    ReviewRatingFactory(
        review=PeerReviewFactory(submission=submission, reviewer=b.learner),
        helpfulness=2,
        felt_heard=3,
    )
    ReviewRatingFactory(
        review=PeerReviewFactory(submission=submission, reviewer=c.learner),
        helpfulness=4,
        felt_heard=4,
    )
    set_status(submission, Submission.Status.AWAITING_TRAINER)
    ConcernFlagFactory(submission=submission)
    services.concern_follow_up(
        flag=ConcernFlagFactory(submission=submission), trainer=queue.trainer
    )
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("cohort", queue.cohort.pk))

    [entry] = entries(response)
    assert entry.row.drafts_saved == 3
    assert (entry.row.reviews_given, entry.row.reviews_required) == (2, 2)
    assert (entry.helpfulness, entry.felt_heard) == (3, 3.5)
    assert entry.row.open_concerns == 1
    assert entry.row.needs_trainer
    html = response.content.decode()
    assert "3,5" in html  # Dutch decimal comma
    assert queue_url("concerns", queue.cohort.pk) in html


def test_queue_filters_by_assignment_and_status(client, queue):
    a, b, _c = queue.enrolments
    second = ReflectionAssignmentPageFactory(parent=queue.assignment.get_parent())
    first_a = queue.submit(a)
    second_b = services.submission_get_or_create(enrolment=b, assignment=second)
    login_with_mfa(client, queue.trainer)
    url = queue_url("cohort", queue.cohort.pk)

    by_assignment = client.get(url, {"assignment": second.pk})
    by_status = client.get(url, {"status": Submission.Status.IN_REVIEW})
    both = client.get(url, {"assignment": second.pk, "status": Submission.Status.IN_REVIEW})

    assert [e.row.submission for e in entries(by_assignment)] == [second_b]
    assert [e.row.submission for e in entries(by_status)] == [first_a]
    assert entries(both) == []
    assert all(group.assignment == second for group in by_assignment.context["stuck_groups"])


def test_an_invalid_filter_shows_everything_and_says_so(client, queue):
    other_cohort, _other_submission = another_cohort_with_reflection()
    foreign_assignment = Submission.objects.get(cohort=other_cohort).assignment
    queue.submit(queue.enrolments[0])
    login_with_mfa(client, queue.trainer)

    response = client.get(
        queue_url("cohort", queue.cohort.pk), {"assignment": foreign_assignment.pk, "status": "x"}
    )

    assert response.status_code == 200
    assert set(response.context["filter_form"].errors) == {"assignment", "status"}
    assert len(entries(response)) == 1


def test_stuck_learners_with_reasons_in_plain_words(client):
    """Two learners, two reviews needed: the one who submitted can get neither enough peers nor work."""
    queue = make_queue(learners=2)
    a, b = queue.enrolments
    queue.submit(a)
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("cohort", queue.cohort.pk))

    [group] = response.context["stuck_groups"]
    [stuck] = group.learners
    assert stuck.enrolment == a
    assert set(stuck.reasons) == {
        stuck_reason_text("waiting_for_reflections_to_review"),
        stuck_reason_text(StuckReason.NEEDS_TRAINER_REVIEW, FallbackReason.NO_PEERS),
    }
    [entry] = entries(response)
    assert entry.row.needs_trainer
    assert entry.reason == fallback_reason_text("no_peers")
    html = response.content.decode()
    assert all(reason in html for reason in stuck.reasons)
    assert "needs_trainer_review" not in html


def test_learners_who_missed_the_deadline_are_stuck(client):
    queue = make_queue(
        learners=2, submission_due_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("cohort", queue.cohort.pk))

    [group] = response.context["stuck_groups"]
    assert {entry.enrolment for entry in group.learners} == set(queue.enrolments)
    assert stuck_reason_text("not_submitted_after_deadline") in response.content.decode()


# --- A reflection --------------------------------------------------------------------


def test_reflection_page_shows_versions_feedback_ratings_and_concerns(client, queue):
    a, b, c = queue.enrolments
    submission = queue.submit(a, text="Mijn eerste versie gaat over de groep van dinsdag.")
    review = PeerReviewFactory(
        submission=submission, reviewer=b.learner, question="Wat had je nodig?"
    )
    ReviewRatingFactory(review=review, helpfulness=4, felt_heard=3, thanks="Dit raakte me.")
    ConcernFlagFactory(submission=submission, raised_by=c.learner, reason="Ze lijkt erg somber.")
    services.submission_decide(
        submission=submission, trainer=queue.trainer, approve=False, comment="Vertel meer."
    )
    services.submission_submit(
        submission=submission,
        text="Mijn tweede versie gaat dieper op dinsdag in.",
        audience="peers",
    )
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("submission", submission.public_id))

    html = response.content.decode()
    for text in [
        "Mijn eerste versie gaat over de groep van dinsdag.",
        "Mijn tweede versie gaat dieper op dinsdag in.",
        "Vertel meer.",
        "Wat had je nodig?",
        "Dit raakte me.",
        "Ze lijkt erg somber.",
        "Vat samen wat je las",  # the rubric criterion, with the level label given
        "Grotendeels",
    ]:
        assert text in html
    detail = response.context["detail"]
    assert [v.number for v in detail.versions] == [1, 2]
    assert detail.can_decide
    [feedback] = detail.feedback
    assert [(s.criterion, s.score) for s in feedback.scores] == [
        ("Vat samen wat je las", 3),
        ("Wat ik nog wil zeggen", None),
    ]
    assert feedback.rating.helpfulness == 4


def test_a_draft_in_progress_is_not_shown(client, queue):
    submission = queue.submit(queue.enrolments[0])
    services.submission_decide(
        submission=submission, trainer=queue.trainer, approve=False, comment="Meer."
    )
    services.draft_save(
        submission=submission, text="Nog niet af, alleen voor mezelf.", base_revision=0
    )
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("submission", submission.public_id))

    assert "Nog niet af" not in response.content.decode()
    assert not response.context["detail"].can_decide


def test_opening_a_reflection_logs_the_read_with_the_role(client, queue, submission):
    admin = UserFactory(is_superuser=True, is_staff=True)

    login_with_mfa(client, queue.trainer)
    client.get(queue_url("submission", submission.public_id))
    login_with_mfa(client, admin)
    client.get(queue_url("submission", submission.public_id))

    reads = ReflectionRead.objects.filter(submission=submission).order_by("pk")
    assert [(r.reader, r.role) for r in reads] == [
        (queue.trainer, ReflectionRead.Role.TRAINER),
        (admin, ReflectionRead.Role.ADMIN),
    ]


def test_the_queue_itself_logs_no_read(client, queue, submission):
    login_with_mfa(client, queue.trainer)

    client.get(queue_url("cohort", queue.cohort.pk))

    assert not ReflectionRead.objects.exists()


# --- Ratings per learner ------------------------------------------------------------


def test_ratings_per_learner_over_time_within_the_cohort_only(client, queue):
    a, b, c = queue.enrolments
    reviewer = b.learner
    for author, helpfulness, day in [(a, 2, 1), (c, 4, 3)]:
        review = PeerReviewFactory(submission=queue.submit(author), reviewer=reviewer)
        ReviewRatingFactory(
            review=review,
            helpfulness=helpfulness,
            rated_at=datetime.datetime(2030, 3, day, tzinfo=datetime.UTC),
        )
    # The same learner also reviews in a cohort of another course, with another trainer.
    elsewhere = make_queue(learners=1)
    EnrolmentFactory(learner=reviewer, cohort=elsewhere.cohort)
    ReviewRatingFactory(
        review=PeerReviewFactory(
            submission=elsewhere.submit(elsewhere.enrolments[0]), reviewer=reviewer
        ),
        helpfulness=1,
    )
    login_with_mfa(client, queue.trainer)

    overview = client.get(queue_url("learners", queue.cohort.pk))
    detail = client.get(queue_url("learner_ratings", queue.cohort.pk, b.pk), follow=True)

    row = next(row for row in overview.context["rows"] if row.enrolment == b)
    assert (row.count, row.helpfulness) == (2, 3)
    assert [r.helpfulness for r in detail.context["object_list"]] == [2, 4]
    first_reviewed = Submission.objects.get(author=a.learner)
    assert queue_url("submission", first_reviewed.public_id) in detail.content.decode()


# --- Query budget ------------------------------------------------------------------------


def _grow(queue, learners, **submit_kwargs):
    for _ in range(learners):
        enrolment = EnrolmentFactory(cohort=queue.cohort)
        queue.submit(enrolment, **submit_kwargs)


def _queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_queue_queries_do_not_grow_with_reflections(client, django_assert_max_num_queries):
    """Our view adds a fixed number of queries (assignment without peer review)."""
    queue = make_queue(learners=3, peer_review_enabled=False)
    for enrolment in queue.enrolments:
        queue.submit(enrolment)
    login_with_mfa(client, queue.trainer)
    url = queue_url("cohort", queue.cohort.pk)
    client.get(url)  # warm up per-process caches
    with_three = _queries_for(client, url)

    _grow(queue, 27)

    with django_assert_max_num_queries(with_three):
        response = client.get(url)
    assert len(entries(response)) == 30


def test_queue_queries_do_not_grow_with_reflections_in_peer_review(
    client, django_assert_max_num_queries
):
    queue = make_queue(learners=3)
    for enrolment in queue.enrolments:
        queue.submit(enrolment)
    login_with_mfa(client, queue.trainer)
    url = queue_url("cohort", queue.cohort.pk)
    client.get(url)
    with_three = _queries_for(client, url)

    _grow(queue, 27)

    with django_assert_max_num_queries(with_three):
        client.get(url)


def test_a_large_cohorts_queue_is_paginated_and_its_queries_do_not_grow(
    client, django_assert_max_num_queries
):
    """Issue 11: a cohort of hundreds. The page shows 50 reflections, whatever the size,
    with the same number of queries as for three."""
    queue = make_queue(learners=3, peer_review_enabled=False)
    for enrolment in queue.enrolments:
        queue.submit(enrolment)
    login_with_mfa(client, queue.trainer)
    url = queue_url("cohort", queue.cohort.pk)
    client.get(url)
    with_three = _queries_for(client, url)

    _grow(queue, 57)

    with django_assert_max_num_queries(with_three):
        response = client.get(url)
    assert len(entries(response)) == 50
    assert response.context["page_obj"].paginator.count == 60
    second = client.get(url, {"p": 2})
    assert len(entries(second)) == 10
    assert queue_url("cohort", queue.cohort.pk) + "?p=2" in response.content.decode()
