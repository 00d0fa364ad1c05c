"""The signed credential of each certificate, and the status lists that hold their bits."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# W3C Bitstring Status List v1.0: at least 131,072 entries (16 KB), so a list
# gives no hint of how many credentials an issuer has or which one is checked.
STATUS_LIST_SIZE = 131_072


class StatusPurpose(models.TextChoices):
    REVOCATION = "revocation", _("revocation")
    SUSPENSION = "suspension", _("suspension")


class CredentialFormat(models.IntegerChoices):
    """How the credential is secured: what `credentials_backfill` brings up to date."""

    # An EdDSA VC-JWT only (`typ: vc+jwt`), before Data Integrity and OB 3.0 §8.2.
    EDDSA_JWT = 1, _("EdDSA VC-JWT")
    # A Data Integrity proof (eddsa-rdfc-2022) and an OB 3.0 §8.2 VC-JWT (ES256).
    DATA_INTEGRITY_AND_ES256_JWT = 2, _("Data Integrity and ES256 VC-JWT")


CURRENT_FORMAT = CredentialFormat.DATA_INTEGRITY_AND_ES256_JWT


class StatusScope(models.TextChoices):
    """Which credentials a list holds bits for: certificates' or endorsements' (each its own lists)."""

    CERTIFICATE = "certificate", _("certificates")
    ENDORSEMENT = "endorsement", _("endorsements")


class StatusList(models.Model):
    """One Bitstring Status List credential, published at /credentials/status/<number>.

    Indexes are handed out in order from `next_index` and never again, even when
    a credential is deleted: a verifier holding an old credential must never read
    the bit of another.
    """

    number = models.PositiveIntegerField(unique=True)
    purpose = models.CharField(
        max_length=20, choices=StatusPurpose.choices, default=StatusPurpose.REVOCATION
    )
    scope = models.CharField(
        max_length=20, choices=StatusScope.choices, default=StatusScope.CERTIFICATE
    )
    size = models.PositiveIntegerField(default=STATUS_LIST_SIZE)
    next_index = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")
        constraints = [
            models.CheckConstraint(
                condition=Q(next_index__lte=F("size")), name="credentials_status_list_not_overfull"
            ),
            models.CheckConstraint(
                condition=Q(size__gte=STATUS_LIST_SIZE), name="credentials_status_list_min_size"
            ),
            models.CheckConstraint(
                condition=Q(purpose__in=StatusPurpose.values), name="credentials_status_purpose"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=StatusScope.values), name="credentials_status_scope"
            ),
        ]

    def __str__(self):
        return f"{self.purpose} {self.number}"


class Credential(models.Model):
    """The Open Badges 3.0 credential of one certificate, in both secured forms.

    `document` is the credential with its Data Integrity proof and `jwt` the
    OB 3.0 §8.2 VC-JWT, each exactly as signed, so a copy the holder shared
    stays byte-for-byte what we serve. A re-issue (new forms, or the holder's
    DID) signs again but keeps the id and both status indexes, so every copy
    issued before keeps verifying and keeps following the status.
    `revoked` and `suspended` are the credential's bits in its two status
    lists. Erasure empties `jwt` and `document` (they carry the holder's name)
    but keeps the row, its indexes and its bits, so a shared copy keeps its status.

    Personal data held: the holder's name, a salted hash of their email and
    the DID they gave (inside the signed forms), and that DID.
    """

    certificate = models.OneToOneField(
        "certificates.Certificate", on_delete=models.CASCADE, related_name="credential"
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="entries")
    status_index = models.PositiveIntegerField()
    revoked = models.BooleanField(default=False)
    suspension_list = models.ForeignKey(
        StatusList, null=True, blank=True, on_delete=models.PROTECT, related_name="suspensions"
    )
    suspension_index = models.PositiveIntegerField(null=True, blank=True)
    suspended = models.BooleanField(default=False)
    jwt = models.TextField(blank=True)
    document = models.JSONField(default=dict, blank=True)
    format = models.PositiveSmallIntegerField(
        choices=CredentialFormat.choices, default=CredentialFormat.EDDSA_JWT
    )
    holder_did = models.CharField(max_length=500, blank=True)
    key_id = models.CharField(max_length=300)
    proof_method = models.CharField(max_length=300, blank=True)
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("digital certificate")
        verbose_name_plural = _("digital certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credentials_one_per_status_index"
            ),
            models.UniqueConstraint(
                fields=["suspension_list", "suspension_index"],
                name="credentials_one_per_suspension_index",
            ),
            models.CheckConstraint(
                condition=Q(suspension_list__isnull=True, suspension_index__isnull=True)
                | Q(suspension_list__isnull=False, suspension_index__isnull=False),
                name="credentials_suspension_entry_complete",
            ),
        ]

    def __str__(self):
        return f"{self.uuid} · {self.status_list_id}:{self.status_index}"

    @property
    def urn(self) -> str:
        return f"urn:uuid:{self.uuid}"


class StatusEntry(models.Model):
    """One status bit of a credential that is not a certificate's (an endorsement's).

    The credential that owns it points here; the row outlives it, so an index
    is never handed out twice and a withdrawn credential stays withdrawn.
    """

    status_list = models.ForeignKey(
        StatusList, on_delete=models.PROTECT, related_name="other_entries"
    )
    status_index = models.PositiveIntegerField()
    is_set = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("status entry")
        verbose_name_plural = _("status entries")
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credentials_one_entry_per_index"
            ),
        ]

    def __str__(self):
        return f"{self.status_list_id}:{self.status_index}"


class WalletOffer(models.Model):
    """One OpenID4VCI credential offer (pre-authorised code flow) for a certificate.

    The holder asks for it on "Mijn certificaten"; a wallet app redeems it once,
    within `expires_at`. No secret is stored: the offer's address, its
    pre-authorised code, the optional transaction code and the access token are
    kept as SHA-256 hashes only (each is a long random value, so no salt or slow
    hash is needed; the transaction code is short, so it also gets few tries).

    Personal data held: that the holder asked for a wallet copy, and when.
    The holder's wallet DID is not kept.
    """

    certificate = models.ForeignKey(
        "certificates.Certificate", on_delete=models.CASCADE, related_name="wallet_offers"
    )
    offer_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, unique=True)
    tx_code_hash = models.CharField(max_length=64, blank=True)
    tx_code_attempts = models.PositiveSmallIntegerField(default=0)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    redeemed_at = models.DateTimeField(null=True, blank=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("wallet offer")
        verbose_name_plural = _("wallet offers")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="credentials_offer_expires_later"
            ),
            models.CheckConstraint(
                condition=Q(redeemed_at__isnull=True)
                | (Q(token_hash__isnull=False) & Q(token_expires_at__isnull=False)),
                name="credentials_offer_redeemed_has_token",
            ),
            models.CheckConstraint(
                condition=Q(delivered_at__isnull=True) | Q(redeemed_at__isnull=False),
                name="credentials_offer_delivered_after_redeemed",
            ),
        ]

    def __str__(self):
        return f"offer {self.pk} · certificate {self.certificate_id}"


class WalletNonce(models.Model):
    """A `c_nonce` of the OpenID4VCI nonce endpoint: the wallet signs it in its proof.

    Used once (`used_at`), short-lived; kept as a SHA-256 hash. Personal data held: none.
    """

    nonce_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("wallet nonce")
        verbose_name_plural = _("wallet nonces")

    def __str__(self):
        return f"nonce {self.pk}"
