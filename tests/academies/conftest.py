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
        support_request=_support_request(learner),
    )
    return side


def _support_request(learner):
    from training.continuing.models import SupportRequest

    return SupportRequest.objects.create(facilitator=learner)


@pytest.fixture
def sides(db):
    return build_side("A"), build_side("B")
