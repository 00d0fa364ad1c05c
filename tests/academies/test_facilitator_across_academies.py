"""A facilitator who leads groups for two associations, each with its own academy.

One account; one certificate per course taken, whichever academy ran the cohort (the
shared national course taken again in the other academy adds none); each association
sees the facilitator only once the facilitator confirmed its link, as before academies.
"""

import pytest
from django.db import IntegrityError, transaction

from tests.certificates.helpers import complete_course
from tests.factories import (
    AssociationFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    academy_course,
    academy_create,
    build_course,
)
from training.associations.models import InvitationKind
from training.associations.selectors import association_facilitators
from training.associations.services import invitation_accept, invitation_create
from training.certificates.models import Certificate
from training.certificates.services import certificate_issue

pytestmark = pytest.mark.django_db


def certified(cohort, learner):
    enrolment = EnrolmentFactory(cohort=cohort, learner=learner)
    complete_course(enrolment)
    return certificate_issue(enrolment=enrolment)


def test_one_account_one_certificate_per_course_each_association_after_confirming():
    a, b = academy_create("Academie Reuma"), academy_create("Stichting Samen Verder")
    national = build_course(modules=1, lessons_per_module=1)
    own_course_b = academy_course(b, modules=1, lessons_per_module=1)
    fenna = UserFactory(email="fenna@example.org", display_name="Fenna Tweemaal")

    in_a = certified(CohortFactory(academy=a, course=national, association=None), fenna)
    in_b = certified(CohortFactory(academy=b, course=own_course_b, association=None), fenna)
    # The national course once more, in B's cohort: one enrolment per course, and issuing
    # again gives the certificate she has.
    with pytest.raises(IntegrityError), transaction.atomic():
        EnrolmentFactory(cohort=CohortFactory(academy=b, course=national), learner=fenna)
    assert certificate_issue(enrolment=in_a.enrolment) == in_a

    assert Certificate.objects.filter(learner=fenna).count() == 2
    assert (in_a.issuer_name, in_b.issuer_name) == ("Academie Reuma", "Stichting Samen Verder")
    assert fenna.enrolments.count() == 2  # one account in both academies

    admins = {}
    associations = {}
    for label, academy in (("reuma", a), ("samen", b)):
        admins[label] = UserFactory()
        associations[label] = AssociationFactory(
            name=f"Vereniging {label}", academy=academy, admins=[admins[label]]
        )

    def seen_by(label):
        rows = association_facilitators(association=associations[label])
        return {row.certificate_id for row in rows if row.learner_id == fenna.pk}

    invitations = {
        label: invitation_create(
            association=associations[label],
            user=admins[label],
            email="fenna@example.org",
            kind=InvitationKind.FACILITATOR,
        )[0]
        for label in associations
    }
    assert seen_by("reuma") == set() and seen_by("samen") == set()

    invitation_accept(invitation=invitations["reuma"], user=fenna)
    assert seen_by("reuma") == {in_a.pk, in_b.pk}
    assert seen_by("samen") == set()

    invitation_accept(invitation=invitations["samen"], user=fenna)
    assert seen_by("samen") == {in_a.pk, in_b.pk}
