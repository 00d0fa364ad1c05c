"""Nobody waits unseen: the grouping moment, one calm email, the dashboard line,
the stuck tab, and the trainer's two ways out when no group of three can form."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.factories import CohortFactory, EnrolmentFactory, login_with_mfa
from tests.practice.test_services import opt_in_all
from training.practice import services
from training.practice.models import GroupingWaitNotice, PracticeGroup
from training.practice.stuck import practice_stuck_sections
from training.practice.tasks import waiting_emails_task
from training.practice.waiting import waiting_emails_send

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


def test_the_grouping_moment_defaults_to_seven_days_and_is_validated(activity):
    assert activity.grouping_days == 7
    activity.grouping_days = 0
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "grouping_days" in error.value.message_dict
    activity.grouping_days = 61
    with pytest.raises(ValidationError):
        activity.full_clean()


def test_the_page_editor_offers_the_grouping_moment_with_help(client, activity):
    from tests.factories import TrainerFactory

    login_with_mfa(client, TrainerFactory(is_superuser=True))
    page = client.get(f"/beheer/pages/{activity.pk}/edit/").content.decode()
    assert 'name="grouping_days"' in page and 'value="7"' in page
    assert "krijgt één korte e-mail en een melding op het dashboard" in page


def test_opted_in_never_grouped_gets_one_email_after_the_grouping_moment(clock, activity, learners):
    opt_in_all(activity, learners[:2])  # two: no group of three can form

    clock.move_to(MONDAY + 7 * DAY - datetime.timedelta(minutes=1))
    assert waiting_emails_send() == 0  # before the moment: nothing

    clock.move_to(MONDAY + 7 * DAY)
    assert waiting_emails_send() == 2
    assert waiting_emails_send() == 0  # a second run
    waiting_emails_task.enqueue()  # the periodic job's own task, another worker
    clock.move_to(MONDAY + 20 * DAY)
    assert waiting_emails_send() == 0  # and much later
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.learner.email for e in learners[:2])
    message = mail.outbox[0]
    assert activity.title in message.subject
    assert "Hallo," in message.body and "Je trainer" in message.body
    for enrolment in learners:  # nobody's name, not even their own
        assert enrolment.learner.display_name not in message.body
    assert GroupingWaitNotice.objects.count() == 2


def test_a_custom_grouping_moment_and_a_grouped_learner(clock, activity, learners):
    activity.grouping_days = 2
    activity.save()
    opt_in_all(activity, learners)
    services.practice_groups_form(activity=activity, cohort=learners[0].cohort)
    late = EnrolmentFactory(cohort=learners[0].cohort)
    clock.move_to(MONDAY + DAY)
    opt_in_all(activity, [late])

    clock.move_to(MONDAY + 3 * DAY)
    assert waiting_emails_send() == 1  # only the one without a group, two days on
    assert [m.to[0] for m in mail.outbox] == [late.learner.email]


def test_the_database_refuses_a_second_waiting_email(activity, learners):
    GroupingWaitNotice.objects.create(activity=activity, enrolment=learners[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        GroupingWaitNotice.objects.create(activity=activity, enrolment=learners[0])


def test_a_learner_who_left_or_opted_out_gets_no_waiting_email(clock, activity, learners):
    opt_in_all(activity, learners[:2])
    learners[0].status = "left"
    learners[0].save()
    services.practice_opt_out(activity=activity, enrolment=learners[1])
    clock.move_to(MONDAY + 8 * DAY)
    assert waiting_emails_send() == 0
    assert mail.outbox == []


def test_the_dashboard_says_what_happens_next_before_and_after_the_moment(
    clock, client, activity, learners
):
    opt_in_all(activity, learners[:1])
    client.force_login(learners[0].learner)

    before = client.get("/mijn/").content.decode()
    assert "Oefenen in een groep" in before
    assert "uiterlijk 9 maart" in before  # seven days after opting in

    clock.move_to(MONDAY + 8 * DAY)
    after = client.get("/mijn/").content.decode()
    assert "nog geen oefengroep" in after
    assert "Je hoeft nu niets te doen" in after

    # A learner who did not opt in sees no such line.
    client.force_login(learners[1].learner)
    assert "Oefenen in een groep" not in client.get("/mijn/").content.decode()


def test_the_trainer_keeps_seeing_the_waiting_learner_in_the_stuck_tab(clock, activity, learners):
    activity.grouping_days = 3
    activity.save()
    opt_in_all(activity, learners[:2])
    cohort = learners[0].cohort

    clock.move_to(MONDAY + 2 * DAY)
    assert practice_stuck_sections(cohort=cohort) == []  # before their moment: not yet stuck
    clock.move_to(MONDAY + 3 * DAY)
    waiting_emails_send()
    [section] = practice_stuck_sections(cohort=cohort)
    assert {s.enrolment for s in section.learners} == set(learners[:2])


# --- The trainer's two ways out ---------------------------------------------------------


def _trainer(cohort):
    return cohort.trainers.first()


def test_two_waiting_form_a_group_with_the_trainer_as_observer(
    clock, activity, learners, django_capture_on_commit_callbacks
):
    from training.practice.actions import GroupWithTrainerAction
    from training.practice.errors import NobodyWaiting

    opt_in_all(activity, learners[:2])
    cohort = learners[0].cohort
    trainer = _trainer(cohort)
    with django_capture_on_commit_callbacks(execute=True):
        group = GroupWithTrainerAction(activity, cohort=cohort, user=trainer).execute()
    with pytest.raises(NobodyWaiting):  # a second click: nothing changes, nothing logged
        GroupWithTrainerAction(activity, cohort=cohort, user=trainer).execute()

    assert PracticeGroup.objects.count() == 1
    members = list(group.members.order_by("position"))
    assert [m.enrolment for m in members[:2]] == learners[:2]
    assert members[2].trainer == trainer and members[2].has_agreed
    # Both learners are told, by email and on the dashboard.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.learner.email for e in learners[:2])
    assert "is klaar" in mail.outbox[0].subject

    for member in members[:2]:
        services.practice_agree(member=member)
    rounds = list(group.rounds.order_by("number"))
    assert {r.listener.enrolment for r in rounds} == set(learners[:2])  # each learner listens
    assert all(not r.listener.is_trainer and not r.speaker.is_trainer for r in rounds)
    assert all(services.round_observers(r) == [members[2]] for r in rounds)  # trainer observes

    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="practice.group_with_trainer")
    assert entry.user == trainer and entry.data["group"] == group.pk


def test_one_waiting_practises_with_the_trainer_who_speaks_and_observes(
    clock, client, activity, learners
):
    from tests.practice.factories import answers_for
    from training.practice.selectors import listener_rounds_observed

    opt_in_all(activity, learners[:1])
    cohort = learners[0].cohort
    trainer = _trainer(cohort)
    group = services.practice_group_with_trainer_form(
        activity=activity, cohort=cohort, trainer=trainer
    )
    [learner_member, trainer_member] = group.members.order_by("position")
    services.practice_agree(member=learner_member)
    rounds = list(group.rounds.order_by("number"))
    assert rounds and all(r.listener == learner_member for r in rounds)
    assert all(r.speaker == trainer_member for r in rounds)

    # The trainer fills in the observation through the round page, like a member.
    client.force_login(trainer)
    page = client.get(f"/mijn/oefenen/groep/{group.public_id}/").content.decode()
    assert "(trainer)" in page
    # A live round counts once the group met (skills lab: practice that happened).
    services.practice_group_met_confirm(group=group, member=learner_member)
    services.observation_submit(
        practice_round=rounds[0], observer=trainer_member, answers=answers_for(activity)
    )
    assert listener_rounds_observed(enrolment=learners[0]) == 1  # counts for the learner only

    # The learner's dashboard points to the group until they agreed... and the page shows it.
    client.force_login(learners[0].learner)
    group_page = client.get(f"/mijn/oefenen/groep/{group.public_id}/")
    assert group_page.status_code == 200 and "(trainer)" in group_page.content.decode()


def test_three_waiting_cannot_take_the_trainer_in(activity, learners):
    from training.practice.errors import EnoughToGroup

    opt_in_all(activity, learners)
    with pytest.raises(EnoughToGroup):
        services.practice_group_with_trainer_form(
            activity=activity, cohort=learners[0].cohort, trainer=_trainer(learners[0].cohort)
        )
    assert PracticeGroup.objects.count() == 0


def test_a_learner_turns_to_written_practice_with_a_partner_of_another_cohort(
    clock, client, activity, learners, django_capture_on_commit_callbacks
):
    from training.practice.actions import WrittenPartnerAction
    from training.practice.errors import LearnerNotWaiting

    other = EnrolmentFactory(cohort=CohortFactory(course=activity.course))
    opt_in_all(activity, [learners[0]])
    clock.move_to(MONDAY + DAY)
    opt_in_all(activity, [other])
    trainer = _trainer(learners[0].cohort)

    with django_capture_on_commit_callbacks(execute=True):
        group = WrittenPartnerAction(activity, enrolment=learners[0], user=trainer).execute()
    with pytest.raises(LearnerNotWaiting):  # a second click
        WrittenPartnerAction(activity, enrolment=learners[0], user=trainer).execute()

    assert group.is_written and activity.mode == "live"
    assert {m.enrolment for m in group.members.all()} == {learners[0], other}
    assert PracticeGroup.objects.count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [learners[0].learner.email, other.learner.email]
    )
    assert "schriftelijk" in mail.outbox[0].body

    client.force_login(other.learner)
    dashboard = client.get("/mijn/").content.decode()
    assert "is klaar" in dashboard and "iemand uit een andere groep" in dashboard
    # The partner's own trainer can see the pair too.
    client.force_login(_trainer(other.cohort))
    assert client.get(f"/mijn/oefenen/groep/{group.public_id}/").status_code == 200


def test_written_practice_needs_someone_waiting_in_another_cohort(activity, learners):
    from training.practice.errors import NoPartnerElsewhere

    opt_in_all(activity, learners[:2])  # both in the same cohort
    with pytest.raises(NoPartnerElsewhere):
        services.practice_written_partner_pair(activity=activity, enrolment=learners[0])
    assert PracticeGroup.objects.count() == 0


def test_the_trainer_options_in_the_admin_screen(clock, client, activity, learners):
    from wagtail.models import ModelLogEntry

    other = EnrolmentFactory(cohort=CohortFactory(course=activity.course))
    opt_in_all(activity, [learners[0], other])
    cohort = learners[0].cohort
    login_with_mfa(client, _trainer(cohort))
    url = reverse("practice_admin:cohort", args=[cohort.pk])
    page = client.get(url).content.decode()
    assert 'value="with_trainer"' in page and 'value="written"' in page
    assert other.learner.display_name not in page  # another cohort's learner: a number only

    response = client.post(
        url, {"action": "written", "activity": activity.pk, "enrolment": learners[0].pk}
    )
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="practice.written_partner").count() == 1
    # A learner of another cohort is a 404 for this trainer.
    outsider = client.post(
        url, {"action": "written", "activity": activity.pk, "enrolment": other.pk}
    )
    assert outsider.status_code == 404


def test_another_cohorts_trainer_may_not_take_part(activity, learners):
    from django.core.exceptions import PermissionDenied

    from training.practice.actions import GroupWithTrainerAction

    opt_in_all(activity, learners[:1])
    stranger = _trainer(CohortFactory(course=activity.course))
    with pytest.raises(PermissionDenied):
        GroupWithTrainerAction(activity, cohort=learners[0].cohort, user=stranger).execute()
    assert PracticeGroup.objects.count() == 0
