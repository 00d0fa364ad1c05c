"""Who may do what with certificates in the admin: one policy, registered with Wagtail.

- `view` and `revoke` (and undo a revocation): the certificates of the
  cohorts a trainer trains; a superuser every certificate
  (`certificates_managed_by`).
- `download` (the PDF): those, and the user's own certificates
  (`certificates_readable_by`); the public gets the verification page only.
- Signing off is done on an enrolment, not a certificate:
  `enrolments_for_signoff` and `user_may_sign_off` answer it here, from
  `enrolments_signable_by`, so the sign-off list, the enrolment a POST names
  (a wrong id is a 404) and the action's check are the same answer.

At model level (may this user open the certificate admin at all?) the answer
is "is a trainer", so a trainer without certificates sees an empty list.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.permissions import register_permission_policy

from training.learning.models import Enrolment
from training.learning.policies import TrainerScopedPolicy

from .models import Certificate
from .permissions import certificates_managed_by, certificates_readable_by, enrolments_signable_by


class CertificatePolicy(TrainerScopedPolicy):
    actions = ("view", "revoke", "download")

    def instances_for(self, user, action: str) -> QuerySet[Certificate]:
        if action == "download":
            return certificates_readable_by(user)
        return certificates_managed_by(user)

    # -- sign-off (an action on an enrolment) ----------------------------------

    def enrolments_for_signoff(self, user) -> QuerySet[Enrolment]:
        """Active enrolments in the user's cohorts whose course asks for a sign-off."""
        if user is None or not user.is_authenticated:
            return Enrolment.objects.none()
        return enrolments_signable_by(user).filter(course__require_trainer_signoff=True)

    def user_may_sign_off(self, user, enrolment: Enrolment) -> bool:
        if enrolment is None or enrolment.pk is None:
            return False
        return self.enrolments_for_signoff(user).filter(pk=enrolment.pk).exists()


certificate_policy = CertificatePolicy(Certificate)


def register() -> None:
    """Called from `CertificatesConfig.ready()`, as every app registers its policies."""
    register_permission_policy(Certificate, certificate_policy)
