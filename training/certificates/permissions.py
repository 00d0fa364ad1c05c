"""Who may do what with certificates: one place for the rules.

- Anyone with a verification code sees that certificate's public data.
- A learner sees and downloads their own certificates.
- The PDF itself goes only to the holder, the cohort's trainers and
  superusers (`certificates_readable_by`); the public gets the verification
  page, never the file.
- A trainer sees, revokes and un-revokes the certificates of the cohorts they
  train, signs off learners in those cohorts and manages their own signature;
  a superuser does all of this for every cohort.
- Associations see their facilitators' certificates (training/associations).
Views scope their querysets with these functions, so a wrong id is a 404.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from training.learning.models import Enrolment
from training.learning.permissions import ACTIVE, cohorts_trained_by

from .models import Certificate


def own_certificates(user) -> QuerySet[Certificate]:
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(learner=user)


def certificates_managed_by(user) -> QuerySet[Certificate]:
    """Certificates a trainer may see and revoke: those of the cohorts they train.

    A superuser trains every cohort: the same set, said without the subquery, so the
    newest page of all certificates is read in the listing's index order (sorting
    every certificate of 300 academies took most of the listing's time)."""
    if user.is_authenticated and user.is_active and user.is_superuser:
        return Certificate.objects.filter(cohort__isnull=False)
    return Certificate.objects.filter(cohort__in=cohorts_trained_by(user))


def certificates_readable_by(user) -> QuerySet[Certificate]:
    """Certificates whose PDF `user` may download: their own and those they manage."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    if user.is_superuser:
        return Certificate.objects.all()
    return Certificate.objects.filter(Q(learner=user) | Q(cohort__in=cohorts_trained_by(user)))


def enrolments_signable_by(user) -> QuerySet[Enrolment]:
    """Enrolments a trainer may sign off: active ones, in the cohorts they train."""
    return Enrolment.objects.filter(cohort__in=cohorts_trained_by(user), status=ACTIVE)
