"""Associations, their staff, the facilitators linked to them, invitations and API tokens.

Personal data held, per model, is in each model's docstring.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Association(models.Model):
    """A patient association or recovery centre that deploys facilitators.

    Personal data held: none itself; its staff are linked through `AssociationStaff`.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        through="AssociationStaff",
        related_name="associations",
        verbose_name=_("staff"),
    )
    # An association can be an academy: its own trainers, courses, cohorts, certificates.
    academy = models.OneToOneField(
        "academies.Academy",
        verbose_name=_("academy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="association",
    )

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StaffRole(models.TextChoices):
    """Admins manage the association's staff and facilitator links; all staff see the status."""

    ADMIN = "admin", _("administrator")
    STAFF = "staff", _("staff member")


class AssociationStaff(models.Model):
    """A user who works for an association and sees its facilitators' status.

    Personal data held: that this user works for this association, in which
    role and since when. Every association keeps at least one admin (the
    services refuse to remove the last one).
    """

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="staff_links",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="association_staff_links",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=StaffRole.choices, default=StaffRole.STAFF
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("association staff member")
        verbose_name_plural = _("association staff")
        ordering = ["association", "user__display_name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "user"], name="associations_one_staff_link_per_user"
            ),
            models.CheckConstraint(
                condition=Q(role__in=StaffRole.values), name="associations_staff_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.association} ({self.get_role_display()})"

    @property
    def is_admin(self) -> bool:
        return self.role == StaffRole.ADMIN


class AssociationMembership(models.Model):
    """A learner linked to an association outside its cohorts, e.g. a facilitator it deploys.

    The learner sees this link on their certificates page; it lets the
    association see the learner's certificates and progress status (never
    reflections or feedback). `confirmed_at` is set when the learner accepted
    an invitation: such a link the learner can end themselves. Links without
    it were made by the site administrator.

    Personal data held: that this learner is a facilitator of this
    association, since when, and when they confirmed it.
    """

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.CASCADE,
        related_name="association_memberships",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed by the facilitator"), null=True, blank=True)

    class Meta:
        verbose_name = _("association membership")
        verbose_name_plural = _("association memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "learner"], name="associations_one_membership_per_learner"
            ),
        ]

    def __str__(self):
        return f"{self.learner} · {self.association}"


class InvitationKind(models.TextChoices):
    STAFF = "staff", _("staff member")
    FACILITATOR = "facilitator", _("facilitator")


class AssociationInvitation(models.Model):
    """An association admin's invitation to an email address: to join its staff, or to
    link as a facilitator. It holds no secret: the invitee sees it once signed in
    with that (verified) address, and accepts or declines it there.

    Accepting creates the `AssociationStaff` or `AssociationMembership` and
    sets `accepted_at`; declining or withdrawing deletes the row (the audit
    log keeps both). At most one open invitation per association, address and kind.

    Personal data held: the invitee's email address, who invited them and when.
    """

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("email address"))
    kind = models.CharField(_("kind"), max_length=12, choices=InvitationKind.choices)
    role = models.CharField(
        _("role"), max_length=10, choices=StaffRole.choices, default=StaffRole.STAFF
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("association invitation")
        verbose_name_plural = _("association invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "email", "kind"],
                condition=Q(accepted_at__isnull=True),
                name="associations_one_open_invitation",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=InvitationKind.values), name="associations_invitation_kind"
            ),
            models.CheckConstraint(
                condition=Q(role__in=StaffRole.values), name="associations_invitation_role"
            ),
        ]

    def __str__(self):
        return f"{self.email} · {self.association} ({self.get_kind_display()})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None


class ApiToken(models.Model):
    """A key an association's systems use for the API. Only its SHA-256 hash is stored.

    The token itself is shown once, when it is created; `prefix` (its first
    characters) lets staff tell their tokens apart.

    Personal data held: which staff member created it.
    """

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for."))
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Endorsement(models.Model):
    """An association vouches for a facilitator's certificate: an Open Badges 3.0
    `EndorsementCredential`, signed by the site on the association's behalf.

    One per association and certificate. Withdrawing sets the bit of its status
    entry (a list of its own, beside the certificates' lists) and `withdrawn_at`;
    endorsing again later signs a new credential with a new entry, so a copy of
    the withdrawn one stays withdrawn.

    Personal data held: which staff member endorsed or withdrew, and when. The
    credential names the association and the certificate's credential, not the holder.
    """

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    certificate = models.ForeignKey(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    uuid = models.UUIDField(unique=True)
    status_entry = models.OneToOneField(
        "credentials.StatusEntry", on_delete=models.PROTECT, related_name="endorsement"
    )
    jwt = models.TextField(blank=True)
    key_id = models.CharField(max_length=300, blank=True)
    # The same credential with an embedded Data Integrity proof, once the securing
    # seam (training/credentials/securing.py) makes one; None until then.
    data_integrity = models.JSONField(null=True, blank=True)
    endorsed_at = models.DateTimeField()
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["-endorsed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "certificate"], name="associations_one_endorsement"
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True)
                | Q(withdrawn_at__gte=models.F("endorsed_at")),
                name="associations_endorsement_withdrawn_after",
            ),
        ]

    def __str__(self):
        return f"{self.association} · certificate {self.certificate_id}"

    @property
    def urn(self) -> str:
        return f"urn:uuid:{self.uuid}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
