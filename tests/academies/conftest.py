"""Two academies side by side, each with every role and a piece of every kind of work.

Academy B's data carries the marker "GEHEIM-B" in every name and text, so a page or
export that shows anything of B to A's people is caught by a plain `in` check.
"""

from dataclasses import dataclass, field

import pytest

from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    CohortFactory,
    ConcernFlagFactory,
    EnrolmentFactory,
    ReflectionAssignmentPageFactory,
    UserFactory,
    academy_course,
    academy_create,
    academy_person,
    submitted_reflection,
)


@dataclass
class AcademySide:
    academy: object
    people: dict = field(default_factory=dict)  # role name → user
    objects: dict = field(default_factory=dict)  # kind → instance


def build_side(label: str) -> AcademySide:
    marker = f"GEHEIM-{label}"
    academy = academy_create(f"Academie {label}")
    side = AcademySide(academy=academy)
    for role in ("administrator", "trainer", "staff"):
        side.people[role] = academy_person(
            academy,
            role,
            display_name=f"{role.title()} {marker}",
            email=f"{role}-{label}@example.org",
        )
    learner = UserFactory(display_name=f"Leerling {marker}", email=f"leerling-{label}@example.org")
    side.people["learner"] = learner
    association = AssociationFactory(name=f"Vereniging {marker}", academy=academy)
    association_staff = UserFactory(email=f"vereniging-{label}@example.org")
    association.staff.add(association_staff, through_defaults={"role": "admin"})
    side.people["association staff"] = association_staff

    course = academy_course(academy, modules=1, lessons_per_module=1, sequential=False)
    assignment = ReflectionAssignmentPageFactory(parent=course.get_children().first())
    cohort = CohortFactory(
        name=f"Groep {marker}",
        academy=academy,
        course=course,
        association=association,
        trainers=[side.people["trainer"]],
    )
    enrolment = EnrolmentFactory(cohort=cohort, learner=learner)
    association.memberships.create(learner=learner, confirmed_at=enrolment.enrolled_at)
    submission = submitted_reflection(
        enrolment=enrolment,
        assignment=assignment,
        text=f"Mijn eigen verhaal {marker}: ik sliep slecht en durfde weinig te zeggen.",
    )
    from training.academies.models import AcademyRole
    from training.academies.services import academy_invitation_create

    invitation, _ = academy_invitation_create(
        academy=academy,
        email=f"uitgenodigd-{label.lower()}@example.org",
        role="trainer",
        user=side.people["administrator"],
    )
    side.objects.update(
        invitation=invitation,
        academy_role=AcademyRole.objects.get(academy=academy, user=side.people["trainer"]),
        association=association,
        cohort=cohort,
        enrolment=enrolment,
        submission=submission,
        concern=ConcernFlagFactory(submission=submission, reason=f"Zorg {marker}"),
        certificate=CertificateFactory(enrolment=enrolment),
        **after_course_work(learner, academy, marker),
    )
    return side


def after_course_work(learner, academy, marker) -> dict:
    """A request for contact, a shared log entry and continued education of `learner`,
    addressed to `academy`."""
    import datetime
    import uuid

    from django.core.files.base import ContentFile

    from training.continuing.models import ExternalActivity, PracticeSession, SupportRequest

    return {
        "support_request": SupportRequest.objects.create(facilitator=learner, academy=academy),
        "shared_session": PracticeSession.objects.create(
            facilitator=learner,
            academy=academy,
            client_id=uuid.uuid4(),
            held_on=datetime.date(2026, 11, 2),
            group_kind=f"Avondgroep {marker}",
            duration_minutes=90,
            listening_moment=f"Wat ik hoorde {marker}",
            shared_with_trainer=True,
        ),
        "external_activity": ExternalActivity.objects.create(
            facilitator=learner,
            academy=academy,
            client_id=uuid.uuid4(),
            title=f"Studiedag {marker}",
            done_on=datetime.date(2026, 11, 3),
            hours=3,
            proof=ContentFile(b"%PDF-1.4 bewijs", name="bewijs.pdf"),
        ),
    }


@pytest.fixture
def sides(db):
    """Academies A and B, and a learner of both (one account): what they addressed to B
    is B's (A's trainers did train them, in A)."""
    a_side, b_side = build_side("A"), build_side("B")
    both = UserFactory(display_name="Leerling van twee", email="beide@example.org")
    for side in (a_side, b_side):
        EnrolmentFactory(cohort=side.objects["cohort"], learner=both)
    for kind, instance in after_course_work(both, b_side.academy, "GEHEIM-B").items():
        b_side.objects[f"{kind} of a learner of both"] = instance
    return a_side, b_side
