"""The trainer's reflection workspace in the Wagtail admin, clicked through.

The trainer opens the queue and a reflection, approves it, raises a concern
and follows it up from the concerns listing, opens the ratings of feedback,
exports the concerns as CSV, and gives a learner more time and takes it back.
Every admin page is scanned with axe (WCAG 2.1 A and AA) at 1280 and 390 px;
the queue's header must show its whole title, with no oversized icons and no
sideways scrolling.
"""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in as sign_in
from tests.browser.conftest import nl
from tests.factories import (
    PeerReviewFactory,
    ReviewRatingFactory,
    reflection_cohort,
    submitted_reflection,
)
from training.accounts.services import user_email_mark_verified
from training.assessments.models import ConcernFlag, DeadlineExtension

pytestmark = pytest.mark.browser


def assert_header_fits(page, title):
    """The whole title shows, and no icon in the header is larger than ~32 px."""
    heading = page.locator("header h1").first
    expect(heading).to_contain_text(title)
    fits = heading.evaluate("h => h.scrollWidth <= h.clientWidth + 1")
    assert fits, "the page title is cut off"
    box = heading.bounding_box()
    assert box["width"] >= 60
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('header svg, #main svg')]
            .map(svg => svg.getBoundingClientRect())
            .map(r => Math.max(r.width, r.height))"""
    )
    assert sizes and max(sizes) <= 32, f"icons up to {max(sizes)} px"


def test_trainer_works_through_the_reflection_workspace(new_page, live_server, check_screen):
    due = datetime.date.today() + datetime.timedelta(days=5)
    assignment, (anouk, bram, chris) = reflection_cohort(learners=3, submission_due_on=due)
    cohort = anouk.cohort
    trainer = cohort.trainers.get()
    for user in (trainer, anouk.learner, bram.learner):
        user_email_mark_verified(user)
    # Shared with the trainer only: it waits for the trainer at once.
    submitted_reflection(enrolment=bram, assignment=assignment, audience="trainer")
    other = submitted_reflection(enrolment=anouk, assignment=assignment)
    ReviewRatingFactory(review=PeerReviewFactory(submission=other, reviewer=chris.learner))

    # The queue: all groups, then this group.
    page = sign_in(new_page, live_server, trainer, reverse("reflection_queue:index"))
    assert_header_fits(page, nl("Reflections"))
    check_screen(page, "queue-index")
    page.get_by_role("link", name=cohort.name).click()
    expect(page).to_have_url(live_server.url + reverse("reflection_queue:cohort", args=[cohort.pk]))
    assert_header_fits(page, nl("Reflections"))
    for count in page.locator("[data-status-count]").all():
        assert count.bounding_box()["width"] > 0
    check_screen(page, "queue-cohort")

    # A reflection: approve it, then raise a concern.
    page.get_by_role("link", name=bram.learner.get_full_name()).first.click()
    expect(page.locator("header h1")).to_contain_text(bram.learner.get_full_name())
    check_screen(page, "submission")
    page.get_by_label(nl("Approve")).check()
    page.get_by_role("button", name=nl("Save decision")).click()
    expect(page.locator(".messages")).to_contain_text(
        nl("The reflection is approved. The learner gets an email.")
    )
    page.get_by_label(nl("What worries you?")).fill("Hij lijkt moe; even bellen.")
    page.get_by_role("button", name=nl("Raise a concern")).click()
    expect(page.locator(".messages")).to_contain_text(
        nl("Your concern is recorded. The trainers of this group get an email.")
    )

    # The concerns listing, the concern, its follow-up.
    page.goto(reverse("reflection_queue:concerns", args=[cohort.pk]))
    expect(page.locator("#listing-results")).to_contain_text("Hij lijkt moe")
    check_screen(page, "concerns")
    page.locator("#listing-results").get_by_role(
        "link", name=bram.learner.get_full_name()
    ).first.click()
    check_screen(page, "concern-inspect")
    page.get_by_label(nl("What did you do? (optional)")).fill("Gebeld.")
    page.get_by_role("button", name=nl("Mark as followed up")).click()
    expect(page.locator(".messages")).to_contain_text(nl("The concern is marked as followed up."))
    assert ConcernFlag.objects.get().followed_up_at is not None

    # The export: a CSV download, without the concern itself.
    response = page.request.get(reverse("reflection_concerns:index") + "?export=csv")
    assert response.ok
    body = response.text()
    assert bram.learner.get_full_name() in body
    assert "moe" not in body

    # The ratings of feedback.
    page.goto(reverse("reflection_queue:learners", args=[cohort.pk]))
    check_screen(page, "learners")
    page.goto(reverse("reflection_ratings:index") + f"?cohort={cohort.pk}")
    expect(page.locator("#listing-results")).to_contain_text(chris.learner.get_full_name())
    check_screen(page, "ratings")

    # More time for Anouk, then taken back.
    page.goto(reverse("reflection_queue:cohort", args=[cohort.pk]))
    page.get_by_role("link", name=nl("Give a learner more time")).click()
    check_screen(page, "extension-form")
    page.get_by_label(nl("Learner")).select_option(label=anouk.learner.get_full_name())
    page.get_by_label(nl("Assignment")).select_option(label=assignment.title)
    page.get_by_label(nl("Deadline for")).select_option(value="submission")
    page.get_by_label(nl("New deadline")).fill((due + datetime.timedelta(days=7)).isoformat())
    page.get_by_role("button", name=nl("Give more time")).click()
    expect(page.locator(".messages")).to_contain_text(anouk.learner.get_full_name())
    assert DeadlineExtension.objects.filter(enrolment=anouk).exists()
    check_screen(page, "queue-with-extension")
    page.get_by_role("button", name=nl("Withdraw extension")).click()
    expect(page.locator(".messages")).to_contain_text(anouk.learner.get_full_name())
    assert not DeadlineExtension.objects.exists()
    check_screen(page, "queue-extension-withdrawn")
