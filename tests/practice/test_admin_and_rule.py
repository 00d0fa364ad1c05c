"""The trainer's skills-lab screens, the audited actions and the certificate rule."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import EnrolmentFactory, TrainerFactory, login_with_mfa
from tests.practice.factories import answers_for
from training.certificates import rules
from training.practice import services
from training.practice.models import PracticeMember, PracticeRequirement

pytestmark = pytest.mark.django_db


def opted_in(activity, learners):
    for enrolment in learners:
        services.practice_opt_in(activity=activity, enrolment=enrolment, slots=["3-evening"])


def test_trainer_forms_groups_with_an_audit_entry(client, activity, learners):
    opted_in(activity, learners)
    cohort = learners[0].cohort
    trainer = cohort.trainers.first()
    login_with_mfa(client, trainer)
    url = reverse("practice_admin:cohort", args=[cohort.pk])
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "3 cursisten wachten op een groep." in page.content.decode()
    client.post(url, {"action": "form", "activity": activity.pk})
    assert PracticeMember.objects.filter(group__cohort=cohort).count() == 3
    entry = ModelLogEntry.objects.get(action="practice.groups_form")
    assert entry.object_id == str(cohort.pk)
    assert (
        reverse("practice_admin:learner", args=[cohort.pk, learners[0].pk])
        in client.get(url).content.decode()
    )


def test_another_trainer_gets_a_404(client, activity, learners):
    opted_in(activity, learners)
    cohort = learners[0].cohort
    login_with_mfa(client, TrainerFactory())
    url = reverse("practice_admin:cohort", args=[cohort.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "form", "activity": activity.pk}).status_code == 404
    assert not PracticeMember.objects.exists()
    learner_url = reverse("practice_admin:learner", args=[cohort.pk, learners[0].pk])
    assert client.get(learner_url).status_code == 404


def test_trainer_moves_a_learner_and_a_refusal_is_explained(client, activity):
    from tests.factories import CohortFactory

    cohort = CohortFactory(course=activity.course)
    enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(6)]
    opted_in(activity, enrolments)
    first, second = services.practice_groups_form(activity=activity, cohort=cohort)
    login_with_mfa(client, cohort.trainers.first())
    url = reverse("practice_admin:cohort", args=[cohort.pk])
    member = first.members.first()
    response = client.post(
        url, {"action": "move", "member": member.pk, "group": second.pk}, follow=True
    )
    member.refresh_from_db()
    assert member.group == second
    assert ModelLogEntry.objects.filter(action="practice.member_move").count() == 1
    # The first group now has two: moving one more would leave one alone.
    response = client.post(
        url,
        {"action": "move", "member": first.members.first().pk, "group": second.pk},
        follow=True,
    )
    assert "Een groep heeft minstens twee leden nodig" in response.content.decode()


def test_the_practice_rule_is_off_by_default_and_counts_observed_listening(activity, learners):
    enrolment = learners[0]
    labels = [r.label for r in rules.rules_evaluate(enrolment=enrolment)]
    assert str(rules.PRACTICE_LABEL) not in labels
    PracticeRequirement.objects.create(course=activity.course, listener_rounds=1)
    enrolment.course.refresh_from_db()
    enrolment = type(enrolment).objects.get(pk=enrolment.pk)

    def practice_result():
        [result] = [
            r
            for r in rules.rules_evaluate(enrolment=enrolment)
            if r.label == str(rules.PRACTICE_LABEL)
        ]
        return result

    assert not practice_result().met
    opted_in(activity, learners)
    [group] = services.practice_groups_form(activity=activity, cohort=enrolment.cohort)
    for member in group.members.all():
        services.practice_agree(member=member)
    services.practice_group_met_confirm(group=group, member=group.members.first())
    listening = group.rounds.get(listener__enrolment=enrolment)
    services.rating_submit(
        practice_round=listening, speaker=listening.speaker, felt_heard=4, sentence=""
    )
    assert not practice_result().met  # a rating alone is no observation
    [observer] = services.round_observers(listening)
    services.observation_submit(
        practice_round=listening, observer=observer, answers=answers_for(activity)
    )
    result = practice_result()
    assert result.met and result.detail == "1 van 1 oefenrondes als luisteraar geobserveerd"
