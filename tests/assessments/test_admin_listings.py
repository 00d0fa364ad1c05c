"""Concerns and ratings of feedback as Wagtail listings: scoped, filtered, exported safely."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from tests.assessments.reflection_admin import (
    admin_login_url,
    is_private,
    make_queue,
    queue_url,
    staff_without_cohorts,
)
from tests.factories import (
    ConcernFlagFactory,
    EnrolmentFactory,
    PeerReviewFactory,
    ReviewRatingFactory,
    UserFactory,
    login_with_mfa,
)
from training.assessments.actions import ConcernFollowUpAction, ConcernRaiseAction
from training.assessments.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return make_queue(learners=3)


@pytest.fixture
def submission(queue):
    return queue.submit(queue.enrolments[0])


@pytest.fixture
def other():
    other = make_queue(learners=2)
    submission = other.submit(other.enrolments[0])
    flag = ConcernFlagFactory(submission=submission, reason="Een zorg in een andere groep.")
    rating = ReviewRatingFactory(
        review=PeerReviewFactory(submission=submission, reviewer=other.enrolments[1].learner)
    )
    return other, flag, rating


def url(viewset, name, *args):
    return reverse(f"reflection_{viewset}:{name}", args=args)


def export(client, viewset, fmt="csv", **params):
    response = client.get(url(viewset, "index"), {"export": fmt, **params})
    assert response.status_code == 200
    if fmt == "csv":
        return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


# --- Concerns -------------------------------------------------------------------------


def test_trainer_lists_own_concerns_open_first_and_never_another_groups(
    client, queue, submission, other
):
    done = ConcernFlagFactory(submission=submission, reason="Al opgevolgd.")
    ConcernFollowUpAction(done, queue.trainer).execute()
    open_flag = ConcernFlagFactory(submission=submission, reason="Ze lijkt erg somber.")
    login_with_mfa(client, queue.trainer)

    response = client.get(url("concerns", "index"))

    assert response.status_code == 200
    assert is_private(response)
    assert list(response.context["object_list"]) == [open_flag, done]
    html = response.content.decode()
    assert "Ze lijkt erg somber." in html
    assert url("concerns", "inspect", open_flag.pk) in html
    assert "Een zorg in een andere groep." not in html


def test_the_queues_concerns_link_opens_the_listing_for_that_group(client, queue, submission):
    flag = ConcernFlagFactory(submission=submission)
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("concerns", queue.cohort.pk), follow=True)

    assert response.redirect_chain[-1][0] == f"{url('concerns', 'index')}?cohort={queue.cohort.pk}"
    assert list(response.context["object_list"]) == [flag]


def test_concerns_filter_by_group_status_and_date(client, queue, submission):
    a = ConcernFlagFactory(
        submission=submission, raised_at=datetime.datetime(2030, 1, 5, 12, tzinfo=datetime.UTC)
    )
    b = ConcernFlagFactory(
        submission=submission, raised_at=datetime.datetime(2030, 2, 5, 12, tzinfo=datetime.UTC)
    )
    ConcernFollowUpAction(b, queue.trainer).execute()
    login_with_mfa(client, queue.trainer)
    index = url("concerns", "index")

    def listed(**params):
        return list(client.get(index, params).context["object_list"])

    assert listed(status="open") == [a]
    assert listed(status="followed_up") == [b]
    assert listed(raised_at_from="2030-02-01") == [b]
    assert listed(cohort=queue.cohort.pk) == [a, b]


def test_a_foreign_group_is_not_offered_and_filters_nothing_in(client, queue, submission, other):
    other_queue, other_flag, _rating = other
    login_with_mfa(client, queue.trainer)

    response = client.get(url("concerns", "index"), {"cohort": other_queue.cohort.pk})

    assert other_flag not in response.context["object_list"]
    assert other_queue.cohort.name not in response.content.decode()


def test_inspect_shows_the_concern_with_the_follow_up_form(client, queue, submission):
    flag = ConcernFlagFactory(submission=submission, reason="Ik maak me zorgen om haar.")
    login_with_mfa(client, queue.trainer)

    response = client.get(url("concerns", "inspect", flag.pk))

    html = response.content.decode()
    assert response.status_code == 200 and is_private(response)
    assert "Ik maak me zorgen om haar." in html
    assert queue_url("concern_follow_up", queue.cohort.pk, flag.public_id) in html
    assert queue_url("submission", submission.public_id) in html


def test_history_shows_raising_and_following_up(client, queue, submission):
    flag = ConcernRaiseAction(submission, queue.trainer, reason="Zorg.").execute()
    ConcernFollowUpAction(flag, queue.trainer, note="Gebeld.").execute()
    login_with_mfa(client, queue.trainer)

    response = client.get(url("concerns", "history", flag.pk))

    assert response.status_code == 200
    assert [entry.action for entry in response.context["object_list"]] == [
        "assessments.concern_follow_up",
        "assessments.concern_raise",
    ]


@pytest.mark.parametrize("viewset", ["concerns", "ratings"])
@pytest.mark.parametrize("name", ["inspect", "history"])
def test_another_groups_object_is_not_found(client, queue, other, viewset, name):
    _other_queue, flag, rating = other
    login_with_mfa(client, queue.trainer)
    target = flag if viewset == "concerns" else rating

    assert client.get(url(viewset, name, target.pk)).status_code == 404
    assert client.get(url(viewset, name, 987654)).status_code == 404


@pytest.mark.parametrize("viewset", ["concerns", "ratings"])
def test_anonymous_visitors_log_in_and_staff_without_groups_are_turned_away(client, other, viewset):
    _other_queue, flag, rating = other
    target = flag if viewset == "concerns" else rating

    anonymous = client.get(url(viewset, "index"))
    login_with_mfa(client, staff_without_cohorts())
    staff_index = client.get(url(viewset, "index"))
    staff_inspect = client.get(url(viewset, "inspect", target.pk))

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(admin_login_url())
    assert staff_index.status_code == 302  # Wagtail's "permission denied" back to the dashboard
    assert staff_inspect.status_code in (302, 404)


@pytest.mark.parametrize("viewset", ["concerns", "ratings"])
def test_superuser_sees_every_groups_listing(client, other, viewset):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))

    assert len(client.get(url(viewset, "index")).context["object_list"]) == 1


def test_concern_export_is_formula_safe_and_holds_no_concern_text(client, queue, submission):
    author = submission.author
    author.display_name = '=HYPERLINK("https://kwaad.example","klik")'
    author.save()
    ConcernFlagFactory(submission=submission, reason="Ze lijkt erg somber.")
    login_with_mfa(client, queue.trainer)

    for fmt in ["csv", "xlsx"]:
        rows = export(client, "concerns", fmt)
        assert rows[0][0] == "Cursist"
        assert rows[1][0] == "'" + author.display_name
        assert not any("somber" in str(cell) for row in rows for cell in row)


# --- Ratings of feedback ------------------------------------------------------------------


def test_ratings_of_a_learner_within_the_group_only(client, queue):
    a, b, c = queue.enrolments
    for author, helpfulness, day in [(a, 2, 1), (c, 4, 3)]:
        ReviewRatingFactory(
            review=PeerReviewFactory(submission=queue.submit(author), reviewer=b.learner),
            helpfulness=helpfulness,
            rated_at=datetime.datetime(2030, 3, day, tzinfo=datetime.UTC),
        )
    elsewhere = make_queue(learners=1)
    EnrolmentFactory(learner=b.learner, cohort=elsewhere.cohort)
    ReviewRatingFactory(
        review=PeerReviewFactory(
            submission=elsewhere.submit(elsewhere.enrolments[0]), reviewer=b.learner
        ),
        helpfulness=1,
    )
    login_with_mfa(client, queue.trainer)

    response = client.get(queue_url("learner_ratings", queue.cohort.pk, b.pk), follow=True)

    assert [r.helpfulness for r in response.context["object_list"]] == [2, 4]
    first = a.learner.submissions.get() if hasattr(a.learner, "submissions") else None
    html = response.content.decode()

    first = Submission.objects.get(author=a.learner)
    assert queue_url("submission", first.public_id) in html
    assert [
        r.helpfulness
        for r in client.get(url("ratings", "index"), {"rated_at_from": "2030-03-02"}).context[
            "object_list"
        ]
    ] == [4]


def test_ratings_export_is_formula_safe(client, queue):
    a, b, _c = queue.enrolments
    b.learner.display_name = "=1+2"
    b.learner.save()
    ReviewRatingFactory(
        review=PeerReviewFactory(submission=queue.submit(a), reviewer=b.learner),
        helpfulness=3,
        felt_heard=4,
        thanks="Dank je, dit raakte me.",
    )
    login_with_mfa(client, queue.trainer)

    for fmt in ["csv", "xlsx"]:
        rows = export(client, "ratings", fmt)
        assert rows[1][0] == "'=1+2"
        assert [str(cell) for cell in rows[1][4:6]] == ["3", "4"]
        assert not any("raakte" in str(cell) for row in rows for cell in row)
