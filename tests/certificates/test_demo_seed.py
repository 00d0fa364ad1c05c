import io

import pytest
from django.core.management import call_command

from training.associations.models import Association
from training.associations.selectors import FacilitatorStatus, association_facilitators
from training.certificates.models import Certificate, CertificateStatus


@pytest.mark.django_db
def test_the_demo_has_a_valid_an_expired_and_a_revoked_certificate(settings):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    call_command("seed_demo", stdout=io.StringIO())  # idempotent

    # The platform's own demo; the second academy's one certificate is valid too.
    platform = Certificate.objects.filter(cohort__academy__isnull=True).select_related("learner")
    statuses = {c.learner.email: c.status for c in platform}
    second = Certificate.objects.exclude(cohort__academy__isnull=True)
    assert [c.status for c in second] == [CertificateStatus.VALID]
    assert statuses == {
        "deelnemer5@example.org": CertificateStatus.VALID,
        "deelnemer6@example.org": CertificateStatus.EXPIRED,
        "deelnemer4@example.org": CertificateStatus.REVOKED,
    }
    assert all(c.is_ready and c.association_id for c in platform)
    valid = Certificate.objects.get(learner__email="deelnemer5@example.org")
    assert f"/controleer/{valid.display_code}/" in output.getvalue()

    association = Association.objects.get(staff__email="vereniging@example.org")
    assert association.logo_id
    rows = association_facilitators(association=association)
    assert rows[0].status == FacilitatorStatus.EXPIRES_SOON
    assert {r.status for r in rows} >= {
        FacilitatorStatus.EXPIRED,
        FacilitatorStatus.REVOKED,
        FacilitatorStatus.IN_TRAINING,
    }
