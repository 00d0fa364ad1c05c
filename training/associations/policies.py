"""Who may endorse a certificate for an association, and withdraw an endorsement.

Any staff member of the association (superusers for every association) may
endorse the valid certificate of one of its facilitators (the latest of each
qualification, as on the status page), and withdraw its endorsements. Views
scope their lookups with this policy, so another association's endorsement,
or a certificate that is not one of its facilitators', is a 404.
"""

from __future__ import annotations

from django.db.models import QuerySet

from training.certificates.models import Certificate
from training.policies import ScopedPermissionPolicy

from .models import Association, Endorsement
from .permissions import associations_staffed_by
from .selectors import association_endorsable_certificates


class EndorsementPolicy(ScopedPermissionPolicy):
    actions = ("view", "withdraw")

    def instances_for(self, user, action: str) -> QuerySet[Endorsement]:
        return Endorsement.objects.filter(association__in=associations_staffed_by(user))

    def certificates_endorsable(self, user, association: Association) -> QuerySet[Certificate]:
        """The certificates `user` may endorse for `association` (none if not its staff)."""
        if not associations_staffed_by(user).filter(pk=association.pk).exists():
            return Certificate.objects.none()
        return association_endorsable_certificates(association=association)


endorsement_policy = EndorsementPolicy(Endorsement)
