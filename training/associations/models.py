"""Associations that commission cohorts and check certificates, and their links.

Personal data held: which accounts are staff of an association; which
learners an association deploys (AssociationMembership: the link and when it
was made), so it can see their certificates and progress status, never their
reflections or feedback; who created an API token for it. Visible to the
association's staff and to administrators.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Association(models.Model):
    """A patient association or recovery centre that deploys facilitators.

    Personal data held: its staff (accounts that may see its facilitators' status).
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="associations", verbose_name=_("staff")
    )

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class AssociationMembership(models.Model):
    """A learner linked to an association outside its cohorts, e.g. a facilitator it deploys.

    The learner sees this link on their certificates page; it lets the
    association see the learner's certificates and progress status (never
    reflections or feedback).

    Personal data held: that this learner is linked to this association, and since when.
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
