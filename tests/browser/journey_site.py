"""A small site with every page of the visitor, learner and association journeys.

Titles are long Dutch compounds on purpose: they are what pushed pages
sideways on a phone (issue 15).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from tests.factories import (
    AssociationFactory,
    CatalogPageFactory,
    CertificateFactory,
    CohortFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    PeerReviewFactory,
    ReflectionAssignmentPageFactory,
    UserFactory,
    knowledge_check_block,
    paragraph_block,
    submitted_reflection,
)
from training.accounts.services import user_email_mark_verified
from training.courses.pillars import Pillar

COURSE_TITLE = "Ervaringsdeskundigheidstraining voor gespreksbegeleiders"
MODULE_TITLE = "Ervaringsdeskundigheid: je eigen ervaring als bron"
LESSON_TITLE = "Van ervaring naar ervaringsdeskundigheid"
QUESTION = "Wat doe je als een deelnemer zijn verhaal vertelt?"
RIGHT = ("Eerst luisteren en samenvatten", True, "Ja: zo voelt iemand zich gehoord.")
WRONG = ("Meteen een oplossing aandragen", False, "Liever niet: eerst luisteren.")


@dataclass
class JourneySite:
    course: object
    module: object
    lesson: object
    assignment: object
    learner: object
    association: object
    association_staff: object
    submission: object
    review_to_give: object
    certificate: object


def verified_user(email, name, **kwargs):
    user = UserFactory(email=email, display_name=name, **kwargs)
    user_email_mark_verified(user)
    return user


def journey_site() -> JourneySite:
    catalog = CatalogPageFactory()
    course = CoursePageFactory(parent=catalog, title=COURSE_TITLE, sequential=False)
    module = ModulePageFactory(parent=course, title=MODULE_TITLE, pillar=Pillar.EXPERIENCE)
    lesson = LessonPageFactory(
        parent=module,
        title=LESSON_TITLE,
        body=[
            paragraph_block("<p>Ervaringsdeskundigheidsbevordering begint bij luisteren.</p>"),
            knowledge_check_block(question=QUESTION, options=[RIGHT, WRONG]),
        ],
    )
    assignment = ReflectionAssignmentPageFactory(
        parent=module, title="Reflectie: lotgenotencontactbijeenkomsten"
    )
    association = AssociationFactory(name="Patiëntenvereniging Samen Sterk Ervaringsdeskundigen")
    cohort = CohortFactory(course=course, association=association, name="Voorjaarsgroep 2026")
    learner = verified_user("noor@example.org", "Noor Jansen-Vandenbroucke")
    enrolment = EnrolmentFactory(learner=learner, cohort=cohort)
    submission = submitted_reflection(enrolment=enrolment, assignment=assignment)
    fellow = verified_user("sem@example.org", "Sem de Vries")
    fellow_enrolment = EnrolmentFactory(learner=fellow, cohort=cohort)
    PeerReviewFactory(submission=submission, reviewer=fellow)
    fellow_submission = submitted_reflection(enrolment=fellow_enrolment, assignment=assignment)
    review_to_give = PeerReviewFactory(
        submission=fellow_submission, reviewer=learner, status="claimed", submitted_at=None
    )
    today = timezone.localdate()
    certificate = CertificateFactory(
        enrolment=EnrolmentFactory(
            learner=learner,
            cohort=CohortFactory(association=association, name="Najaarsgroep 2023"),
        ),
        issued_on=today - datetime.timedelta(days=400),
    )
    staff = verified_user("medewerker@example.org", "Fatima Ouali")
    association.staff.add(staff, through_defaults={"role": "admin"})
    return JourneySite(
        course=course,
        module=module,
        lesson=lesson,
        assignment=assignment,
        learner=learner,
        association=association,
        association_staff=staff,
        submission=submission,
        review_to_give=review_to_give,
        certificate=certificate,
    )
