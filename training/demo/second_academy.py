"""The demo's second academy: "Stichting Samen Verder", beside the platform's own courses.

Its own administrator and trainer (two-step sign-in, like the platform's trainer), its
own short course in its own catalogue, its own cohort and one certified facilitator, so a
newcomer sees two academies side by side. Idempotent: what exists is kept.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

SECOND_ACADEMY = "Stichting Samen Verder"
SECOND_ACCENT = "#0f5132"
SECOND_COHORT = "Najaarsgroep Samen Verder (demo)"
SECOND_COURSE_SLUG = "luisteren-in-de-groep"
SECOND_ACCOUNTS = {
    "samenverder-beheer@example.org": ("Sanne van Samen Verder", "administrator"),
    "samenverder-trainer@example.org": ("Sem Trainer", "trainer"),
    "samenverder-deelnemer@example.org": ("Fatima El Amrani", "learner"),
}


def seed_second_academy(*, platform_admin, account_ready) -> None:
    """`account_ready(user, two_step)` marks the email verified and sets up two steps."""
    from training.academies.models import Academy
    from training.academies.services import academy_create, academy_role_grant
    from training.associations.models import Association

    academy = Academy.objects.filter(name=SECOND_ACADEMY).first() or academy_create(
        name=SECOND_ACADEMY, user=platform_admin, accent_colour=SECOND_ACCENT
    )
    association, _ = Association.objects.get_or_create(name=SECOND_ACADEMY)
    if association.academy_id is None:
        association.academy = academy
        association.save(update_fields=["academy"])

    User = get_user_model()
    people = {}
    for email, (name, role) in SECOND_ACCOUNTS.items():
        user, created = User.objects.get_or_create(email=email, defaults={"display_name": name})
        if created:
            from .seed import DEMO_PASSWORD

            user.set_password(DEMO_PASSWORD)
            user.save()
        account_ready(user, two_step=role != "learner")
        if role != "learner":
            academy_role_grant(academy=academy, person=user, role=role, user=platform_admin)
        people[role] = user

    course = _short_course(academy)
    _cohort_with_certified_facilitator(academy, course, people)


def _short_course(academy):
    from training.courses.models import CoursePage, LessonPage, ModulePage
    from training.courses.pillars import Pillar

    from .seed import _publish_child

    catalogue = academy.catalogue
    course = CoursePage.objects.child_of(catalogue).filter(slug=SECOND_COURSE_SLUG).first()
    if course is not None:
        return course
    course = _publish_child(
        catalogue,
        CoursePage(
            title="Luisteren in de groep",
            slug=SECOND_COURSE_SLUG,
            intro="<p>Een korte cursus van Stichting Samen Verder: luisteren, samenvatten en "
            "doorvragen in je eigen groep.</p>",
            study_load_hours=3,
            target_audience="Vrijwilligers die bij Stichting Samen Verder een groep begeleiden.",
            sequential=False,
        ),
    )
    module = _publish_child(
        course,
        ModulePage(
            title="Echt luisteren",
            slug="echt-luisteren",
            pillar=Pillar.LISTENING,
            study_load_hours=3,
        ),
    )
    for number, (title, text) in enumerate(
        [
            ("Eerst luisteren", "Je hoeft niets op te lossen. Luister en laat stiltes toe."),
            ("Samenvatten", "Zeg in je eigen woorden wat je hoorde. Zo voelt iemand zich gehoord."),
        ],
        1,
    ):
        _publish_child(
            module,
            LessonPage(
                title=title,
                slug=f"les-{number}",
                summary=text,
                duration_minutes=10,
                body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
            ),
        )
    return course


def _cohort_with_certified_facilitator(academy, course, people) -> None:
    from training.certificates.services import certificate_issue
    from training.courses.models import LessonPage
    from training.learning.models import Cohort
    from training.learning.services import enrolment_join, lesson_complete

    today = timezone.localdate()
    cohort, created = Cohort.objects.get_or_create(
        name=SECOND_COHORT,
        defaults={
            "course": course,
            "academy": academy,
            "starts_on": today - datetime.timedelta(days=60),
            "ends_on": today + datetime.timedelta(days=30),
            "capacity": 10,
        },
    )
    if not created:
        return
    cohort.trainers.add(people["trainer"])
    enrolment = enrolment_join(learner=people["learner"], cohort=cohort)
    for lesson in LessonPage.objects.descendant_of(course).live():
        lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate_issue(enrolment=enrolment)
