"""What a trainer does on day one, clicked through in the browser.

The trainer invites learners by pasting addresses (one invalid, one twice),
sees what was sent and the pending invitation on the cohort's page; the
learner opens the personal link from the email, logs in and joins. The
trainer writes an announcement, which the learner then reads on their
dashboard (and gets by email). A second walk: the trainer gives a learner
more time, sees it in the stuck-learner list, and uses the comment bank on
the decision form; the learner finds the new date on the assignment page
and makes a calendar address on the profile page.

Every new screen is scanned with axe-core (WCAG 2.1 A and AA) at 1280 and
390 px, and saved for a person to look at when BROWSER_SCREENSHOT_DIR is set. The live
server runs in this process (locmem email, immediate tasks).
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in as sign_in
from tests.browser.conftest import nl
from tests.factories import (
    PASSWORD,
    CohortFactory,
    TrainerFactory,
    UserFactory,
    reflection_cohort,
    submitted_reflection,
)
from training.accounts.services import user_email_mark_verified
from training.assessments.models import CommentPhrase, DeadlineExtension
from training.learning.models import Announcement, CohortInvitation, Enrolment

pytestmark = pytest.mark.browser


def log_in(page, live_server, user, next_url):
    """Sign a learner (one step) in on `page` itself, keeping where they came from."""
    page.goto(f"/account/login/?next={next_url}")
    page.get_by_label(nl("Email"), exact=True).fill(user.email)
    page.get_by_label(nl("Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=nl("Sign In")).click()
    expect(page).to_have_url(live_server.url + next_url)
    return page


def test_bulk_invite_then_a_learner_joins_and_reads_an_announcement(
    new_page, live_server, check_screen
):
    trainer = TrainerFactory(display_name="Tessa Trainer")
    cohort = CohortFactory(name="Voorjaarsgroep Zwolle", trainers=[trainer])
    user_email_mark_verified(trainer)
    learner = UserFactory(email="anouk@example.org", display_name="Anouk Verbeek")
    user_email_mark_verified(learner)

    # 1. The trainer pastes addresses on the cohort's invite page.
    page_t = sign_in(new_page, live_server, trainer, reverse("cohorts:edit", args=[cohort.pk]))
    page_t.get_by_role("link", name=nl("Invite learners by email")).click()
    expect(page_t).to_have_url(live_server.url + reverse("cohorts:invite_bulk", args=[cohort.pk]))
    check_screen(page_t, "invite-form")
    page_t.get_by_label(nl("Email addresses")).fill(
        "Anouk@example.org\nniet-een-adres\nanouk@example.org"
    )
    page_t.get_by_role("button", name=nl("Send invitations")).click()
    result = page_t.get_by_role("status").filter(has_text=nl("Result"))
    expect(result).to_contain_text("anouk@example.org")
    expect(result).to_contain_text(nl("Not email addresses (nothing sent)"))
    expect(result).to_contain_text("niet-een-adres")
    expect(result).to_contain_text(nl("In the list more than once (sent once)"))
    check_screen(page_t, "invite-result")
    assert CohortInvitation.objects.filter(cohort=cohort).count() == 1
    [invitation_mail] = mail.outbox
    assert invitation_mail.to == ["anouk@example.org"]

    # 2. The cohort's page lists the pending invitation.
    page_t.get_by_role("link", name=nl("Back to the group and its invitations")).click()
    pending = page_t.get_by_role("table", name=nl("Invitations not yet accepted"))
    expect(pending.get_by_role("row", name=re.compile("anouk@example.org"))).to_be_visible()
    check_screen(page_t, "cohort-invitations")

    # 3. The learner opens the personal link, logs in and joins.
    link = re.search(r"http://testserver(\S+)", invitation_mail.body).group(1)
    page_l = new_page()
    page_l.goto(link)
    expect(page_l.get_by_role("heading", level=1)).to_contain_text(cohort.course.title)
    check_screen(page_l, "invite-personal")
    log_in(page_l, live_server, learner, link)
    page_l.get_by_role("button", name=nl("Join this course")).click()
    expect(page_l).to_have_url(re.compile(re.escape(cohort.course.url) + "$"))
    assert Enrolment.objects.get(learner=learner).cohort == cohort
    assert CohortInvitation.objects.get().accepted_by == learner

    # The trainer's page no longer lists it as pending.
    page_t.reload()
    expect(page_t.get_by_text(nl("No invitations are waiting to be accepted."))).to_be_visible()

    # 4. The trainer writes an announcement to the group.
    mail.outbox.clear()
    page_t.goto(reverse("announcements:add"))
    page_t.get_by_label(nl("title"), exact=False).first.fill("Eerste bijeenkomst")
    page_t.get_by_label(nl("message"), exact=False).first.fill(
        "Welkom allemaal! We beginnen dinsdag om 19.30 uur.\nNeem iets te drinken mee."
    )
    check_screen(page_t, "announcement-form")
    page_t.locator("#w-editor-form button[type=submit]").first.click()
    expect(page_t).to_have_url(live_server.url + reverse("announcements:index"))
    assert Announcement.objects.get().author == trainer
    assert [m.to for m in mail.outbox] == [["anouk@example.org"]]
    assert "dinsdag om 19.30 uur" in mail.outbox[0].body

    # 5. The learner reads it on the dashboard.
    page_l.goto("/mijn/")
    messages = page_l.get_by_role("region", name=nl("Messages from your trainer"))
    expect(messages.get_by_role("heading", name="Eerste bijeenkomst")).to_be_visible()
    expect(messages).to_contain_text("We beginnen dinsdag om 19.30 uur.")
    check_screen(page_l, "dashboard-announcement")


def test_more_time_comment_bank_and_calendar(new_page, live_server, check_screen):
    due = datetime.date.today() + datetime.timedelta(days=10)
    assignment, (anouk, bram) = reflection_cohort(
        learners=2, submission_due_on=due, review_due_on=due, title="Gehoord worden"
    )
    cohort = anouk.cohort
    trainer = cohort.trainers.get()
    for user in (trainer, anouk.learner, bram.learner):
        user_email_mark_verified(user)
    # Shared with the trainer only: it waits for the trainer at once.
    submission = submitted_reflection(enrolment=bram, assignment=assignment, audience="trainer")
    CommentPhrase.objects.create(
        owner=trainer, label="Meer diepgang", text="Wat voelde je op dat moment?", use="revision"
    )

    # The trainer gives Anouk more time.
    page_t = sign_in(
        new_page, live_server, trainer, reverse("reflection_queue:cohort", args=[cohort.pk])
    )
    page_t.get_by_role("link", name=nl("Give a learner more time")).click()
    check_screen(page_t, "extension-form")
    page_t.get_by_label(nl("Learner")).select_option(label=anouk.learner.get_full_name())
    page_t.get_by_label(nl("Assignment")).select_option(label=assignment.title)
    page_t.get_by_label(nl("Deadline for")).select_option(value="submission")
    later = due + datetime.timedelta(days=7)
    page_t.get_by_label(nl("New deadline")).fill(later.isoformat())
    page_t.get_by_role("button", name=nl("Give more time")).click()
    expect(page_t.locator("#main")).to_contain_text(
        nl("Extensions for “%(title)s”") % {"title": assignment.title}
    )
    assert DeadlineExtension.objects.get().until == later
    check_screen(page_t, "stuck-with-extension")

    # The comment bank fills the comment on the decision form.
    page_t.goto(reverse("reflection_queue:submission", args=[submission.public_id]))
    page_t.get_by_label(nl("Use a phrase from your comment bank")).select_option(
        label=f"Meer diepgang ({nl('asking for a revision')})"
    )
    expect(page_t.get_by_label(nl("Comment for the learner"))).to_have_value(
        "Wat voelde je op dat moment?"
    )
    check_screen(page_t, "decision-comment-bank")

    # Anouk sees her own date, can download it, and makes a calendar address.
    page_l = log_in(new_page(), live_server, anouk.learner, assignment.url)
    expect(page_l.locator("header.page-header")).to_contain_text(str(later.year))
    with page_l.expect_download() as download:
        page_l.get_by_role("link", name=nl("Add the hand-in date to your calendar")).click()
    assert download.value.suggested_filename.endswith("-submission.ics")
    page_l.goto(reverse("accounts:profile"))
    page_l.get_by_role("button", name=nl("Make my calendar address")).click()
    address = page_l.get_by_label(nl("Your calendar address"))
    expect(address).to_have_value(re.compile(r"/agenda/[\w-]+\.ics$"))
    check_screen(page_l, "profile-calendar")
