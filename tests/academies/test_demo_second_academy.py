"""The demo's second academy, seeded beside the platform (idempotent)."""

import pytest
import time_machine

from tests.factories import UserFactory
from training.academies.models import Academy, AcademyRole
from training.certificates.models import Certificate
from training.demo.second_academy import SECOND_ACADEMY, seed_second_academy
from training.learning.models import Cohort
from training.learning.permissions import cohorts_trained_by

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-10-05 10:00 +02:00", tick=False)
def test_the_second_academy_has_its_trainer_course_cohort_and_certified_facilitator():
    admin = UserFactory(is_superuser=True, is_staff=True, email="beheer@example.org")
    ready = []
    for _ in range(2):
        seed_second_academy(
            platform_admin=admin, account_ready=lambda user, two_step: ready.append(user.email)
        )
    academy = Academy.objects.get(name=SECOND_ACADEMY)
    assert academy.association.name == SECOND_ACADEMY
    trainer = AcademyRole.objects.get(academy=academy, role="trainer").user
    cohort = Cohort.objects.get(academy=academy)
    assert list(cohorts_trained_by(trainer)) == [cohort]
    assert cohort.course.get_parent().pk == academy.catalogue.pk
    certificate = Certificate.objects.get(cohort=cohort)
    assert certificate.issuer_name == SECOND_ACADEMY
    assert Academy.objects.count() == 1 and Certificate.objects.count() == 1
