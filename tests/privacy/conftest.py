"""A learner with data in every model that can hold a learner's personal data."""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from wagtail.log_actions import log

from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    EnrolmentFactory,
    PeerReviewFactory,
    ReviewRatingFactory,
    UserFactory,
    reflection_cohort,
    submitted_reflection,
)
from training.accounts.services import user_email_mark_verified
from training.assessments.models import ConcernFlag, ReflectionRead
from training.associations.models import AssociationMembership
from training.courses.models import LessonPage
from training.learning.models import LessonProgress

EMAIL = "lotte.uniek@example.org"
NAME = "Lotte Uniekenaam"
PSEUDONYM = "Lotuskind"
REFLECTION = "Mijn eigen verhaal over de ziekte van mijn moeder en mijn slapeloze nachten."
THANKS = "Dankjewel Zonnebloem, dit raakte me echt."
RECOGNITION = "Ik herken dit van mijn eigen depressie."
FEEDBACK_TO_PEER = "Ik lees dat jij je eenzaam voelde in het begin."
FEEDBACK_ABOUT_LOTTE = "Ik lees dat je moeder ziek is en je slecht slaapt."
CONCERN_ABOUT_LOTTE = "Lotte schrijft dat ze niet meer slaapt; ik maak me zorgen."
CONCERN_BY_LOTTE = "Zonnebloem klinkt somber, wil iemand contact opnemen?"
PEER_NAME = "Bram Echtenaam"
PEER_PSEUDONYM = "Zonnebloem"

# What must be gone after erasure, anywhere in the database.
LOTTE_TRACES = [
    EMAIL,
    NAME,
    PSEUDONYM,
    REFLECTION,
    THANKS,
    RECOGNITION,
    FEEDBACK_ABOUT_LOTTE,
    CONCERN_ABOUT_LOTTE,
]


@dataclass
class World:
    learner: object
    peer: object
    trainer: object
    enrolment: object
    peer_enrolment: object
    submission: object
    peer_submission: object
    review_received: object
    review_given: object
    certificate: object


@pytest.fixture
def world(db):
    assignment, _ = reflection_cohort(learners=0, reviews_per_learner=1, reviews_per_submission=1)
    learner = UserFactory(email=EMAIL, display_name=NAME, pseudonym=PSEUDONYM)
    user_email_mark_verified(learner)
    peer = UserFactory(display_name=PEER_NAME, pseudonym=PEER_PSEUDONYM)
    cohort = assignment.get_parent().get_parent().specific.cohorts.get()
    trainer = cohort.trainers.get()
    enrolment = EnrolmentFactory(learner=learner, cohort=cohort)
    peer_enrolment = EnrolmentFactory(learner=peer, cohort=cohort)
    LessonProgress.objects.create(
        enrolment=enrolment, lesson=LessonPage.objects.descendant_of(cohort.course).first()
    )
    submission = submitted_reflection(enrolment=enrolment, assignment=assignment, text=REFLECTION)
    peer_submission = submitted_reflection(enrolment=peer_enrolment, assignment=assignment)
    review_received = PeerReviewFactory(
        submission=submission, reviewer=peer, summary=FEEDBACK_ABOUT_LOTTE
    )
    ReviewRatingFactory(review=review_received, thanks=THANKS)
    review_given = PeerReviewFactory(
        submission=peer_submission,
        reviewer=learner,
        summary=FEEDBACK_TO_PEER,
        recognition=RECOGNITION,
    )
    ReviewRatingFactory(review=review_given, thanks="Dank je, dit hielp.")
    ConcernFlag.objects.create(submission=submission, raised_by=peer, reason=CONCERN_ABOUT_LOTTE)
    ConcernFlag.objects.create(
        submission=peer_submission, raised_by=learner, reason=CONCERN_BY_LOTTE
    )
    ReflectionRead.objects.create(submission=submission, reader=trainer, role="trainer")
    certificate = CertificateFactory(enrolment=enrolment)
    certificate.pdf.save("x.pdf", ContentFile(b"%PDF Lotte Uniekenaam"), save=False)
    certificate.pdf_sha256 = "0" * 64
    certificate.save()
    AssociationMembership.objects.create(association=AssociationFactory(), learner=learner)
    log(instance=enrolment, action="certificates.signoff", user=trainer)
    return World(
        learner=learner,
        peer=peer,
        trainer=trainer,
        enrolment=enrolment,
        peer_enrolment=peer_enrolment,
        submission=submission,
        peer_submission=peer_submission,
        review_received=review_received,
        review_given=review_given,
        certificate=certificate,
    )
