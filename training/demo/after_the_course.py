"""Demo data for life after the course: Noor is part-way to renewing her certificate.

Noor (deelnemer5) holds the basic course's certificate, which expires in
about two months. The basic course renews by continued education (12 hours,
2 on boundaries, 4 of intervision). She has led groups (her log, with
private reflections), attended one intervision meeting of three, and had a
training day confirmed; a second one waits for the trainer. So her page
reads "nog … uur te gaan", the trainer has something to confirm, the
association sees her renewal progress, and her wellbeing trend has points.
Idempotent: every row is found by a natural key before it is made.
"""

import datetime
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone

from training.certificates.models import Certificate
from training.continuing.models import (
    ExternalActivity,
    IntervisionAttendance,
    IntervisionCase,
    IntervisionGroup,
    IntervisionMeeting,
    PracticeSession,
    RenewalRule,
    WellbeingCheckIn,
)

NOOR = "deelnemer5@example.org"
COORDINATOR = "deelnemer6@example.org"
MEMBERS = [NOOR, "deelnemer4@example.org"]
# A one-page PDF: the demo's "proof of attendance".
PROOF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

SESSIONS = [
    (
        200,
        "Leven met reuma, avondgroep",
        120,
        "Ik vertelde kort hoe ik zelf met vermoeidheid omga, en gaf het woord snel terug.",
        "Een nieuwe deelnemer was stil; ik vatte samen wat ik hoorde en ze begon te praten.",
        "Na afloop wilde iemand mijn telefoonnummer. Ik heb vriendelijk nee gezegd.",
    ),
    (
        140,
        "Leven met reuma, avondgroep",
        120,
        "",
        "Ik merkte dat ik een tip wilde geven en vroeg eerst door.",
        "",
    ),
    (
        70,
        "Online groep jonge mensen met reuma",
        90,
        "Mijn ervaring met werk en ziekte kwam dichtbij; ik heb dat benoemd.",
        "",
        "Het verhaal van een deelnemer bleef me bij. Ik heb mijn coördinator gebeld.",
    ),
    (
        20,
        "Leven met reuma, avondgroep",
        120,
        "",
        "Twee mensen praatten door elkaar; ik gaf ieder om de beurt de ruimte.",
        "",
    ),
]


def seed_after_the_course(users: dict) -> None:
    noor = users[NOOR]
    certificate = (
        Certificate.objects.filter(learner=noor, superseded_by__isnull=True)
        .order_by("-period")
        .first()
    )
    if certificate is None:
        return
    RenewalRule.objects.get_or_create(
        qualification_id=certificate.qualification_id,
        defaults={
            "hours": 12,
            "boundary_hours": 2,
            "intervision_hours": 4,
            "practice_cap_hours": 4,
        },
    )
    today = timezone.localdate()
    now = timezone.now().replace(hour=19, minute=30, second=0, microsecond=0)

    for days_ago, kind, minutes, experience, listening, boundary in SESSIONS:
        held_on = today - datetime.timedelta(days=days_ago)
        session, created = PracticeSession.objects.get_or_create(
            facilitator=noor,
            held_on=held_on,
            group_kind=kind,
            defaults={
                "client_id": uuid.uuid4(),
                "setting": "online" if "Online" in kind else "on_site",
                "duration_minutes": minutes,
                "participants": 6,
                "own_experience": experience,
                "listening_moment": listening,
                "boundary_moment": boundary,
            },
        )
        if created:
            WellbeingCheckIn.objects.create(
                facilitator=noor,
                client_id=uuid.uuid4(),
                session=session,
                checked_on=held_on,
                energy_cost=3 if boundary else 2,
                energy_gain=3,
                sleep=2 if boundary else 3,
                lingering=bool(boundary),
            )

    group, _ = IntervisionGroup.objects.get_or_create(
        name="Intervisiegroep Zwolle (demo)",
        defaults={"coordinator": users[COORDINATOR], "created_by": users["trainer@example.org"]},
    )
    group.members.add(*(users[email] for email in MEMBERS))
    for days, present in ((-120, False), (-60, True), (-10, None), (14, None)):
        meeting, _ = IntervisionMeeting.objects.get_or_create(
            group=group,
            starts_at=now + datetime.timedelta(days=days),
            defaults={"duration_minutes": 120, "place": "Buurthuis De Linde, Zwolle"},
        )
        if present is not None:
            IntervisionAttendance.objects.get_or_create(
                meeting=meeting, facilitator=noor, defaults={"present": present}
            )
            if present:
                IntervisionCase.objects.get_or_create(
                    meeting=meeting,
                    brought_by=noor,
                    defaults={
                        "client_id": uuid.uuid4(),
                        "case": "Een deelnemer belde me buiten de groep steeds vaker op.",
                        "questions": "Wat zei je toen ze belde? Wat wilde je eigenlijk zeggen?",
                        "analysis": "Ik voelde me verantwoordelijk; zij zocht houvast.",
                        "advice": "Spreek samen af wanneer je bereikbaar bent; verwijs door.",
                        "takeaway": "Ik zeg het de volgende keer in de groep zelf.",
                        "shared_with_group": True,
                    },
                )

    trainer = users["trainer@example.org"]
    for title, days_ago, hours, boundaries, confirmed in (
        ("Studiedag 'Grenzen stellen als vrijwilliger'", 90, "1.5", True, True),
        ("Webinar rouw en verlies", 12, "2", False, False),
    ):
        if ExternalActivity.objects.filter(facilitator=noor, title=title).exists():
            continue
        activity = ExternalActivity(
            facilitator=noor,
            client_id=uuid.uuid4(),
            title=title,
            done_on=today - datetime.timedelta(days=days_ago),
            hours=hours,
            on_boundaries=boundaries,
        )
        if confirmed:
            activity.status = ExternalActivity.Status.CONFIRMED
            activity.decided_by, activity.decided_at = trainer, timezone.now()
        activity.proof.save("bewijs-van-deelname.pdf", ContentFile(PROOF), save=False)
        activity.save()
