import datetime
import hashlib
import threading

import pytest
from django.core import mail
from django.db import connection

from tests.certificates.helpers import complete_course
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    build_course,
)
from training.certificates import services
from training.certificates.models import Certificate, TrainerSignature
from training.courses.models import LessonPage
from training.courses.pillars import Pillar
from training.courses.selectors import course_outline

pytestmark = pytest.mark.django_db


def test_completing_the_course_issues_the_certificate_in_the_background(
    enrolment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(enrolment)

    certificate = Certificate.objects.get()
    learner, course, cohort = enrolment.learner, enrolment.course, enrolment.cohort
    assert certificate.learner == learner and certificate.period == 1
    assert certificate.holder_name == learner.get_full_name()
    assert certificate.course_title == course.title
    assert certificate.cohort_name == cohort.name
    assert certificate.trainer_name == cohort.trainers.get().get_full_name()
    assert certificate.study_hours == course.study_load_hours
    hours = {m.page.pillar: m.page.study_load_hours for m in course_outline(course=course).modules}
    assert certificate.pillars == [{"pillar": p.value, "hours": hours[p.value]} for p in Pillar]
    assert certificate.valid_until == certificate.issued_on.replace(
        year=certificate.issued_on.year + 3
    )
    content = certificate.pdf.read()
    assert content.startswith(b"%PDF")
    assert certificate.pdf_sha256 == hashlib.sha256(content).hexdigest()
    assert len(mail.outbox) == 1 and certificate.display_code in mail.outbox[0].body


def test_nothing_is_issued_before_the_rules_are_met(enrolment, django_capture_on_commit_callbacks):
    lessons = [lesson.specific for lesson in LessonPage.objects.descendant_of(enrolment.course)]
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(enrolment, lessons=lessons[:-1])
    assert not Certificate.objects.exists()
    assert services.certificate_issue(enrolment=enrolment) is None


def test_issuing_again_returns_the_same_certificate(enrolment):
    complete_course(enrolment)
    first = services.certificate_issue(enrolment=enrolment)
    again = services.certificate_issue(enrolment=enrolment)
    assert again.pk == first.pk and Certificate.objects.count() == 1
    assert not services.certificate_evaluate(enrolment=enrolment)
    assert len(mail.outbox) == 1


def test_the_snapshot_keeps_the_name_as_it_was(enrolment):
    complete_course(enrolment)
    certificate = services.certificate_issue(enrolment=enrolment)
    enrolment.learner.display_name = "Een Andere Naam"
    enrolment.learner.save()
    enrolment.course.title = "Nieuwe titel"
    enrolment.course.save()
    certificate.refresh_from_db()
    assert certificate.holder_name != "Een Andere Naam"
    assert certificate.course_title != "Nieuwe titel"


def test_the_signing_trainers_signature_name_and_association_are_recorded(course):
    from tests.factories import AssociationFactory

    trainer = TrainerFactory()
    TrainerSignature.objects.create(trainer=trainer, name="Tessa de Groot", role="Trainer")
    association = AssociationFactory(name="Vereniging Voorbeeld")
    cohort = CohortFactory(course=course, trainers=[trainer], association=association)
    enrolment = EnrolmentFactory(cohort=cohort)
    complete_course(enrolment)
    certificate = services.certificate_issue(enrolment=enrolment)
    assert certificate.trainer_name == "Tessa de Groot"
    assert certificate.association_name == "Vereniging Voorbeeld"


def test_no_validity_period_means_no_expiry():
    course = build_course(modules=1, lessons_per_module=1, certificate_validity_years=None)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    complete_course(enrolment)
    assert services.certificate_issue(enrolment=enrolment).valid_until is None


def test_a_refresher_course_renews_and_supersedes_the_certificate(
    enrolment, django_capture_on_commit_callbacks
):
    complete_course(enrolment)
    first = services.certificate_issue(enrolment=enrolment, issued_on=datetime.date(2023, 1, 10))
    Certificate.objects.filter(pk=first.pk).update(
        issued_at=datetime.datetime(2023, 1, 10, tzinfo=datetime.UTC)
    )
    refresher = build_course(
        modules=1,
        lessons_per_module=1,
        renews_course=enrolment.course,
        certificate_validity_years=3,
    )
    refresher_enrolment = EnrolmentFactory(
        learner=enrolment.learner, cohort=CohortFactory(course=refresher)
    )
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(refresher_enrolment)

    renewed = Certificate.objects.get(period=2)
    first.refresh_from_db()
    assert first.superseded_by == renewed
    assert renewed.qualification_id == enrolment.course.pk
    assert renewed.course_id == refresher.pk
    assert renewed.qualification_title == enrolment.course.title


def test_a_revoked_certificate_is_not_issued_again_automatically(enrolment):
    complete_course(enrolment)
    certificate = services.certificate_issue(enrolment=enrolment)
    trainer = enrolment.cohort.trainers.get()
    services.certificate_revoke(
        certificate=certificate, user=trainer, reason="Onterecht uitgegeven."
    )
    assert services.certificate_issue(enrolment=enrolment).pk == certificate.pk
    assert Certificate.objects.count() == 1


def test_the_database_allows_one_certificate_per_learner_course_and_period(enrolment):
    from django.db import IntegrityError

    from tests.factories import CertificateFactory

    CertificateFactory(enrolment=enrolment)
    with pytest.raises(IntegrityError):
        CertificateFactory(enrolment=enrolment)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_concurrent_triggers_issue_one_certificate():
    course = build_course(modules=1, lessons_per_module=1, certificate_validity_years=3)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course), learner=UserFactory())
    complete_course(enrolment)
    barrier = threading.Barrier(10)
    results, errors = [], []

    def trigger():
        try:
            barrier.wait(timeout=10)
            results.append(services.certificate_issue(enrolment=enrolment).pk)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=trigger) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert Certificate.objects.count() == 1
    certificate = Certificate.objects.get()
    assert set(results) == {certificate.pk}
    assert certificate.is_ready
    assert hashlib.sha256(certificate.pdf.read()).hexdigest() == certificate.pdf_sha256
