"""Announcements: a trainer writes to a cohort; learners see it from its time and get it by email once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    login_with_mfa,
)
from training.learning import announcements
from training.learning.models import Announcement

pytestmark = pytest.mark.django_db


def write(cohort, trainer, commit, **kwargs):
    with commit(execute=True):
        return announcements.announcement_create(
            cohort=cohort,
            title=kwargs.pop("title", "Bijeenkomst verplaatst"),
            body=kwargs.pop("body", "We zien elkaar donderdag om 19.30 uur.\nTot dan!"),
            author=trainer,
            **kwargs,
        )


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_a_new_announcement_is_emailed_to_the_active_learners_at_once(
    cohort, trainer, learners, commit
):
    left = EnrolmentFactory(cohort=cohort, status="left").learner

    announcement = write(cohort, trainer, commit)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in learners)
    assert left.email not in [m.to[0] for m in mail.outbox]
    assert "donderdag om 19.30 uur" in mail.outbox[0].body
    assert mail.outbox[0].subject.endswith("Bijeenkomst verplaatst")
    announcement.refresh_from_db()
    assert announcement.emailed_at is not None
    assert ModelLogEntry.objects.filter(action="wagtail.create").exists()


def test_email_goes_out_once_however_often_it_is_asked(cohort, trainer, learners, commit):
    announcement = write(cohort, trainer, commit)
    mail.outbox.clear()

    assert announcements.announcement_email(announcement_id=announcement.pk) == 0
    assert announcements.announcements_send_due() == 0
    assert mail.outbox == []


def test_a_scheduled_announcement_waits_for_its_time(cohort, trainer, learners, commit, client):
    later = timezone.now() + datetime.timedelta(days=2)
    announcement = write(cohort, trainer, commit, publish_at=later)

    assert mail.outbox == []
    client.force_login(learners[0])
    assert "Bijeenkomst verplaatst" not in client.get("/mijn/").content.decode()

    assert announcements.announcements_send_due(now=later + datetime.timedelta(minutes=1)) == 2
    assert len(mail.outbox) == 2
    announcement.refresh_from_db()
    assert announcement.emailed_at is not None


def test_a_backend_that_can_defer_gets_the_task_with_run_after(
    cohort, trainer, commit, monkeypatch
):
    from training.learning import notifications

    scheduled = []

    class Deferring:
        supports_defer = True

    class FakeTask:
        def get_backend(self):
            return Deferring()

        def using(self, run_after):
            task = FakeTask()
            task.run_after = run_after
            return task

        def enqueue(self, pk):
            scheduled.append((pk, self.run_after))

    monkeypatch.setattr(notifications, "send_announcement", FakeTask())
    later = timezone.now() + datetime.timedelta(days=2)

    announcement = write(cohort, trainer, commit, publish_at=later)

    assert scheduled == [(announcement.pk, later)]


def test_the_dashboard_shows_published_announcements_of_the_learners_own_cohorts(
    cohort, trainer, learners, commit, client
):
    write(cohort, trainer, commit)
    other = CohortFactory(trainers=[TrainerFactory()])
    write(other, trainer, commit, title="Andere groep")
    client.force_login(learners[0])

    response = client.get("/mijn/")

    page = response.content.decode()
    assert "Bijeenkomst verplaatst" in page
    assert "donderdag om 19.30 uur" in page
    assert "Andere groep" not in page
    assert "no-store" in response["Cache-Control"]


def test_the_body_is_shown_as_text_not_html(cohort, trainer, learners, commit, client):
    write(cohort, trainer, commit, body="<script>alert(1)</script>")
    client.force_login(learners[0])
    assert "<script>alert(1)</script>" not in client.get("/mijn/").content.decode()


def test_an_empty_title_is_refused(cohort, trainer):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        announcements.announcement_create(cohort=cohort, title=" ", body="x", author=trainer)


def test_the_management_command_sends_the_due_announcements(cohort, trainer, learners, capsys):
    Announcement.objects.create(
        cohort=cohort, title="Gepland", body="Tekst", author=trainer, publish_at=timezone.now()
    )
    call_command("announcements_send")
    assert "Announcement emails sent: 2." in capsys.readouterr().out


# --- The admin viewset --------------------------------------------------------------


def test_trainer_writes_an_announcement_in_the_admin(cohort, trainer, learners, client, commit):
    login_with_mfa(client, trainer)
    with commit(execute=True):
        response = client.post(
            reverse("announcements:add"),
            {
                "cohort": cohort.pk,
                "title": "Welkom",
                "body": "Fijn dat je er bent.",
                "publish_at": "",
            },
        )

    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert announcement.author == trainer
    assert len(mail.outbox) == 2


def test_trainer_cannot_write_to_or_see_another_trainers_cohort(cohort, trainer, client, commit):
    other = CohortFactory(trainers=[TrainerFactory()])
    theirs = write(other, other.trainers.get(), commit, title="Van een ander")
    login_with_mfa(client, trainer)

    response = client.post(
        reverse("announcements:add"),
        {"cohort": other.pk, "title": "Hoi", "body": "x", "publish_at": ""},
    )
    assert response.status_code == 200  # the form refuses the choice
    assert Announcement.objects.count() == 1
    assert "Van een ander" not in client.get(reverse("announcements:index")).content.decode()
    assert client.get(reverse("announcements:edit", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("announcements:delete", args=[theirs.pk])).status_code == 404


def test_a_learner_cannot_use_the_admin_viewset(client, cohort):
    client.force_login(UserFactory())
    assert client.get(reverse("announcements:index")).status_code == 302
