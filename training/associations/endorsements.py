"""An association vouches for a facilitator's certificate (Open Badges 3.0 endorsement).

The `EndorsementCredential` names the association in its issuer profile and
the certificate's credential as its subject; the site signs it on the
association's behalf with its own key (its DID is the issuer id, so every
verifier finds the key in the site's DID document). Withdrawing works like
revocation: the endorsement's bit in an endorsement status list is set.
Signing goes through `training.credentials.securing.credential_secure`, as
every other credential does.

Writes go through the audited actions in `actions.py`, which check the
association policy (`policies.py`) first.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.certificates.models import Certificate
from training.credentials.did import base_url, issuer_did
from training.credentials.documents import CREDENTIAL_CONTEXTS, status_list_url
from training.credentials.models import Credential, StatusEntry, StatusScope
from training.credentials.securing import credential_secure
from training.credentials.selectors import credential_of
from training.credentials.services import status_entry_allocate, status_entry_set
from training.errors import FriendlyError

from .models import Association, Endorsement

ENDORSEMENT_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json"
)


class EndorsementError(FriendlyError):
    message = _("This certificate cannot be endorsed now. Reload the page and try again.")


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def endorsement_url(endorsement: Endorsement) -> str:
    """The public address of the endorsement's signed credential (VC-JWT)."""
    return base_url() + reverse("endorsements:credential", args=[endorsement.uuid])


def endorsement_credential(
    *,
    association: Association,
    credential: Credential,
    endorsement_uuid: uuid.UUID,
    entry: StatusEntry,
    endorsed_at: datetime.datetime,
) -> dict:
    """The unsigned `EndorsementCredential` (OB 3.0 §B.1.x): no personal data of the holder."""
    status_url = status_list_url(entry.status_list.number)
    site = settings.WAGTAIL_SITE_NAME
    return {
        "@context": list(CREDENTIAL_CONTEXTS),
        "id": f"urn:uuid:{endorsement_uuid}",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": f"Aanbeveling door {association.name}",
        "description": (
            f"{association.name} beveelt de houder van dit certificaat aan als "
            "gespreksbegeleider van lotgenotengroepen."
        ),
        "issuer": {
            "id": issuer_did(),
            "type": ["Profile"],
            "name": association.name,
            "description": f"Ondertekend door {site} namens {association.name}.",
            "url": base_url() + "/",
        },
        "validFrom": _utc(endorsed_at),
        "credentialSubject": {
            "id": credential.urn,
            "type": ["EndorsementSubject"],
            "endorsementComment": (
                f"{association.name} kent deze gespreksbegeleider en beveelt het certificaat "
                f"“{credential.certificate.course_title}” aan."
            ),
        },
        "credentialStatus": {
            "id": f"{status_url}#{entry.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(entry.status_index),
            "statusListCredential": status_url,
        },
        "credentialSchema": [{"id": ENDORSEMENT_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def _certificate_snapshot(certificate_id: int) -> None:
    """Copy the certificate's active endorsements onto it (`Certificate.endorsed_by`), so
    its verification page and the API show them without a second query."""
    rows = [
        {
            "association": endorsement.association.name,
            "path": reverse("endorsements:credential", args=[endorsement.uuid]),
            "on": timezone.localdate(endorsement.endorsed_at).isoformat(),
        }
        for endorsement in Endorsement.objects.filter(
            certificate_id=certificate_id, withdrawn_at__isnull=True
        )
        .exclude(jwt="")
        .select_related("association")
        .order_by("association__name", "pk")
    ]
    Certificate.objects.filter(pk=certificate_id).update(endorsed_by=rows)


def endorsement_give(
    *, association: Association, certificate: Certificate, user
) -> tuple[Endorsement, bool]:
    """Endorse `certificate` for `association`; idempotent.

    An active endorsement is returned as it is (False). A withdrawn one is
    endorsed again with a new credential and a new status entry (True). The
    unique (association, certificate) constraint keeps a double click or two
    staff members at once from creating two. Permission: see actions.py.
    """
    credential = credential_of(certificate)
    if credential is None:
        raise EndorsementError()
    try:
        with transaction.atomic():
            existing = (
                Endorsement.objects.select_for_update()
                .filter(association=association, certificate=certificate)
                .first()
            )
            if existing is not None and existing.is_active:
                return existing, False
            entry = status_entry_allocate(scope=StatusScope.ENDORSEMENT)
            endorsement = existing or Endorsement(association=association, certificate=certificate)
            endorsement.uuid = uuid.uuid4()
            endorsement.endorsed_at = timezone.now()
            endorsement.endorsed_by = user
            endorsement.withdrawn_at = None
            endorsement.withdrawn_by = None
            endorsement.status_entry = entry
            secured = credential_secure(
                endorsement_credential(
                    association=association,
                    credential=credential,
                    endorsement_uuid=endorsement.uuid,
                    entry=entry,
                    endorsed_at=endorsement.endorsed_at,
                )
            )
            endorsement.jwt = secured.jwt
            endorsement.key_id = secured.key_id
            endorsement.data_integrity = secured.data_integrity
            endorsement.full_clean(validate_constraints=False)
            endorsement.save()
            _certificate_snapshot(certificate.pk)
    except IntegrityError:  # endorsed by a concurrent request a moment ago
        endorsement = Endorsement.objects.filter(
            association=association, certificate=certificate
        ).first()
        if endorsement is None:
            raise
        return endorsement, False
    return endorsement, True


def endorsement_withdraw(*, endorsement: Endorsement, user) -> tuple[Endorsement, bool]:
    """Withdraw an endorsement: its status bit is set for good. Idempotent (False if it
    was withdrawn already)."""
    with transaction.atomic():
        changed = bool(
            Endorsement.objects.filter(pk=endorsement.pk, withdrawn_at__isnull=True).update(
                withdrawn_at=timezone.now(), withdrawn_by=user
            )
        )
        if changed:
            status_entry_set(entry=endorsement.status_entry)
            _certificate_snapshot(endorsement.certificate_id)
    endorsement.refresh_from_db()
    return endorsement, changed
