import io

import pytest
from django.core.management import call_command

from training.associations.models import Association
from training.associations.selectors import association_facilitators
from training.certificates.models import Certificate
from training.continuing import selectors
from training.continuing.models import (
    ExternalActivity,
    IntervisionMeeting,
    PracticeSession,
    WellbeingCheckIn,
)


@pytest.mark.django_db
def test_the_demo_has_a_facilitator_part_way_to_renewal(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent

    noor = Certificate.objects.get(learner__email="deelnemer5@example.org")
    progress = selectors.renewal_progress(certificate=noor)
    assert progress is not None and not progress.is_met
    assert 0 < progress.hours < progress.rule.hours
    assert progress.missing_intervision_hours > 0
    assert PracticeSession.objects.filter(facilitator=noor.learner).count() == 4
    assert WellbeingCheckIn.objects.filter(facilitator=noor.learner).count() == 4
    assert ExternalActivity.objects.filter(status="pending").count() == 1
    assert IntervisionMeeting.objects.count() == 4

    association = Association.objects.get(name="Vereniging Samen Sterk (demo)")
    rows = {r.name: r for r in association_facilitators(association=association)}
    row = rows[noor.learner.get_full_name()]
    assert row.renewal_percent == progress.percent and row.in_intervision
