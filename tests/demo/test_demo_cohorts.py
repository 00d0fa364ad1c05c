import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

from training.certificates.models import Certificate
from training.demo.certificates import cohort_season_name
from training.demo.seed import DEMO_COHORT
from training.learning.models import Cohort


def test_a_cohort_is_named_after_the_season_and_year_it_starts_in():
    assert cohort_season_name(dt.date(2024, 3, 1)) == "Voorjaarsgroep 2024 (demo)"
    assert cohort_season_name(dt.date(2023, 7, 31)) == "Najaarsgroep 2023 (demo)"


@pytest.mark.django_db
def test_every_demo_certificate_names_a_cohort_whose_dates_fit_it(settings):
    settings.DEBUG = True
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), tick=False):
        call_command("seed_demo", stdout=io.StringIO())
        call_command("seed_demo", stdout=io.StringIO())  # idempotent: no second old cohort

    everything = Certificate.objects.select_related("cohort", "learner")
    # The platform's own demo; the second academy (training/demo/second_academy.py) has one.
    certificates = everything.filter(cohort__academy__isnull=True)
    assert certificates.count() == 3
    assert everything.filter(cohort__academy__isnull=False).count() == 1
    for certificate in everything:
        cohort = certificate.cohort
        assert certificate.cohort_name == cohort.name
        issued_on = certificate.issued_at.date()
        assert cohort.starts_on <= issued_on <= cohort.ends_on, (cohort.name, issued_on)
        if cohort.academy_id is None:  # the platform's seasons carry their year
            assert str(cohort.starts_on.year) in cohort.name
        assert cohort.enrolments.filter(learner=certificate.learner).exists()

    by_learner = {c.learner.email: c.cohort_name for c in certificates}
    assert by_learner == {
        "deelnemer5@example.org": "Najaarsgroep 2023 (demo)",
        "deelnemer6@example.org": "Najaarsgroep 2023 (demo)",
        "deelnemer4@example.org": DEMO_COHORT,
    }
    alumni = Cohort.objects.get(name="Najaarsgroep 2023 (demo)")
    assert alumni.ends_on < dt.date(2026, 12, 1) and not alumni.is_open
    assert alumni.trainers.filter(email="trainer@example.org").exists()
    assert Cohort.objects.filter(academy__isnull=True).count() == 2
    current = Cohort.objects.get(name=DEMO_COHORT)
    assert current.enrolments.count() == 4
    alumni_emails = ["deelnemer5@example.org", "deelnemer6@example.org"]
    assert not current.enrolments.filter(learner__email__in=alumni_emails).exists()
