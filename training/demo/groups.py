"""Demo data for the groups' own voice: Noor leads a group whose participants answered.

Noor (deelnemer5) leads "Leven met reuma, avondgroep" under the demo association (she
confirmed her link to it). Six past meetings each have the answers of six to eight
participants, so the trend shows at once; at the last one fewer felt there was room for
their story (a dip: the group page offers a reflection prompt). Today's meeting has an
open moment, so the participant's page can be tried at once (`make run` prints its link).
Idempotent: every row is found by a natural key before it is made; answers are made only
with their moment.
"""

import datetime
import hashlib
import uuid

from django.utils import timezone

from training.associations.models import Association, AssociationMembership
from training.groups import services
from training.groups.models import (
    MAX_LIFETIME_HOURS,
    STATEMENT_FIELDS,
    FeedbackAnswer,
    FeedbackMoment,
    PeerGroup,
)

NOOR = "deelnemer5@example.org"
GROUP_NAME = "Leven met reuma, avondgroep"
# Days ago, and per participant the five scores (safe, accepted, room, atmosphere,
# agreements). The last past meeting dips on "room".
MEETINGS = [
    (84, ["55455", "45444", "55545", "44434", "54554", "45445"]),
    (70, ["55555", "45454", "54444", "44545", "55455", "45444", "54545"]),
    (56, ["55554", "55455", "45444", "44544", "55555", "54545"]),
    (42, ["55545", "45455", "55444", "54555", "44444", "55554", "45545", "55455"]),
    (28, ["55555", "45454", "55545", "54444", "45545", "55455", "44544"]),
    (14, ["54355", "45244", "55345", "44244", "54254", "45345"]),
]
GAINS = ["gain_recognition", "gain_support", "gain_less_alone", "gain_meeting_people"]
OPEN_ANSWERS = [
    "Dat ik mijn verhaal kwijt kon zonder dat iemand meteen advies gaf.",
    "Herkenning: ik ben niet de enige die zo moe is.",
    "",
    "De rustige manier waarop de gespreksleider iedereen aan het woord liet.",
    "",
    "Tips over werk en ziekte.",
    "",
    "",
]


def seed_groups(users: dict) -> None:
    noor = users.get(NOOR)
    if noor is None:
        return
    association = Association.objects.filter(name="Vereniging Samen Sterk (demo)").first()
    if association is not None:
        AssociationMembership.objects.get_or_create(
            association=association, learner=noor, defaults={"confirmed_at": timezone.now()}
        )
    group = PeerGroup.objects.filter(facilitator=noor, name=GROUP_NAME).first()
    if group is None:
        group, _created = services.peer_group_create(
            facilitator=noor,
            client_id=uuid.uuid4(),
            name=GROUP_NAME,
            association=association,
            setting="on_site",
            rhythm="om de week, dinsdagavond",
            shared_with_trainers=True,
        )
    today = timezone.localdate()
    for days_ago, rows in MEETINGS:
        held_on = today - datetime.timedelta(days=days_ago)
        meeting = services.meeting_get_or_create(group=group, held_on=held_on)
        if FeedbackMoment.objects.filter(meeting=meeting).exists():
            continue
        moment = services.moment_open(meeting=meeting)
        # The meeting is past: its moment opened that evening and closed two days later.
        opened = timezone.make_aware(datetime.datetime.combine(held_on, datetime.time(21, 30)))
        FeedbackMoment.objects.filter(pk=moment.pk).update(opened_at=opened)
        FeedbackAnswer.objects.bulk_create(
            [
                FeedbackAnswer(
                    moment=moment,
                    phone_key=hashlib.sha256(f"{moment.token}:{index}".encode()).hexdigest(),
                    answered_on=held_on,
                    open_answer=OPEN_ANSWERS[index % len(OPEN_ANSWERS)],
                    **{name: int(score) for name, score in zip(STATEMENT_FIELDS, row, strict=True)},
                    **{gain: (index + n) % 3 != 0 for n, gain in enumerate(GAINS)},
                )
                for index, row in enumerate(rows)
            ]
        )
    today_meeting = services.meeting_get_or_create(group=group, held_on=today)
    open_moment = FeedbackMoment.objects.filter(meeting=today_meeting).first()
    if open_moment is None:
        services.moment_open(meeting=today_meeting, lifetime_hours=MAX_LIFETIME_HOURS)


def demo_open_moment() -> FeedbackMoment | None:
    """The demo group's moment that is open now (for the link `make run` prints)."""
    moments = FeedbackMoment.objects.filter(
        meeting__group__facilitator__email=NOOR, meeting__group__name=GROUP_NAME
    ).order_by("-meeting__held_on")
    return next((moment for moment in moments if moment.is_open()), None)
