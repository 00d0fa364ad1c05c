"""Academies: each association can run its own academy on the one platform.

Why a model of its own, and why here. Cohorts (`learning`) must point to the
academy that runs them, and an academy owns a part of the page tree (its
course catalogue, a `courses` page tree). The `Association` model lives in
`associations`, high in the app order (it depends on certificates and
credentials), so a cohort cannot point to it without turning the order
around. So the academy is a small model just above `courses` and below
`learning` (`tests/test_import_direction.py`), and an association *can be*
an academy through a nullable one-to-one on `Association`. A cohort without
an academy is a platform cohort, run by the platform's trainers (the Trainer
group) as before.

- `Academy`: name, slug, logo, accent colour (checked for WCAG AA contrast
  when saved, `colours.py`), the root of its catalogue in the page tree and
  its collection for images and documents.
- `AcademyRole`: a person's role in an academy (administrator, trainer,
  staff); one person can hold roles in several academies.
- `AcademyInvitation`: an administrator's invitation of an email address to a
  role; the invitee (with or without an account yet) accepts it once signed in
  with that verified address.
- `AcademyCourseCopy`: the academy's copy of a shared course (one per course and
  academy, so a double click or a retry of "Copy to my academy" makes one copy; it
  goes when the copy is deleted, and then the academy may copy again).
- `AcademyGroup`: the Django group that carries the Wagtail permissions of
  one role in one academy (page permissions on its catalogue, collection
  permissions on its collection). Created by `academy_create`; a role grant
  adds the person to it. Nobody edits these groups by hand.

Personal data held: which person holds which role in which academy, since when;
the email addresses invited to a role, who invited them, when, and who accepted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from training.blocks import RICH_TEXT_FEATURES

from .colours import validate_accent_colour

DEFAULT_ACCENT = "#1d4ed8"
#: The sub-collection of an academy's collection whose images and documents anyone may
#: fetch (for its public pages); the rest of the collection is for its people only
#: (training/files/permissions.py).
PUBLIC_COLLECTION = "Openbaar"


class AcademyCatalogPage(Page):
    """An academy's course catalogue: the root of its own part of the page tree."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    template = "courses/catalog_page.html"

    class Meta:
        verbose_name = _("academy course catalogue")

    def get_context(self, request, *args, **kwargs):
        from training.courses.pillars import Pillar
        from training.courses.selectors import catalog_courses

        context = super().get_context(request, *args, **kwargs)
        pillar = request.GET.get("pijler", "")
        selected = pillar if pillar in Pillar.values else ""
        context["courses"] = catalog_courses(catalog=self, pillar=selected or None)
        context["pillars"] = list(Pillar)
        context["selected_pillar"] = selected
        return context


class Academy(models.Model):
    """An association's own academy: its trainers, courses, cohorts and certificates."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_accent_colour],
        help_text=_("A dark colour, as #rrggbb: white text on it must stay easy to read."),
    )
    catalogue = models.OneToOneField(
        AcademyCatalogPage,
        verbose_name=_("course catalogue"),
        on_delete=models.PROTECT,
        related_name="academy",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="academy",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("academy")
        verbose_name_plural = _("academies")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(accent_colour__regex=r"^#[0-9a-f]{6}$"),
                name="academies_accent_colour_hex",
            )
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("administrator")
    TRAINER = "trainer", _("trainer")
    STAFF = "staff", _("staff member")


#: Roles that train the academy's cohorts they are named on.
TEACHING_ROLES = (Role.ADMINISTRATOR, Role.TRAINER)


class AcademyRole(models.Model):
    """A person's role in an academy. Personal data held: who works where, in which role."""

    academy = models.ForeignKey(
        Academy, verbose_name=_("academy"), on_delete=models.CASCADE, related_name="roles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="academy_roles",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("academy role")
        verbose_name_plural = _("academy roles")
        ordering = ["academy", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["academy", "user", "role"], name="academies_one_role_per_person"
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="academies_role_known"),
        ]

    def __str__(self):
        return f"{self.user} · {self.academy} · {self.get_role_display()}"


class AcademyGroup(models.Model):
    """The Django group carrying one academy role's Wagtail permissions (no personal data)."""

    academy = models.ForeignKey(Academy, on_delete=models.CASCADE, related_name="groups")
    role = models.CharField(max_length=16, choices=Role.choices)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="academy")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["academy", "role"], name="academies_one_group_per_role")
        ]

    def __str__(self):
        return self.group.name


#: How long an invitation can be accepted; inviting the address again renews it.
INVITATION_VALID_DAYS = 30


class AcademyInvitation(models.Model):
    """An academy administrator's invitation of an email address to a role.

    It holds no secret: the invitee sees it once signed in with that address,
    verified (`permissions.academy_invitations_for`), and accepts or declines it
    there. Accepting grants the role (`AcademyRole`, and its group) and sets
    `accepted_at`; declining or withdrawing deletes the row (the audit log keeps
    both). At most one open invitation per academy, address and role.

    Personal data held: the invitee's email address, who invited them and when,
    and who accepted it and when.
    """

    academy = models.ForeignKey(
        Academy, verbose_name=_("academy"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited on"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("academy invitation")
        verbose_name_plural = _("academy invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["academy", "email", "role"],
                condition=Q(accepted_at__isnull=True),
                name="academies_one_open_invitation",
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="academies_invitation_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.email} · {self.academy} · {self.get_role_display()}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None


class AcademyCourseCopy(models.Model):
    """An academy's copy of a shared course: at most one per course (no personal data)."""

    academy = models.ForeignKey(
        Academy, verbose_name=_("academy"), on_delete=models.CASCADE, related_name="course_copies"
    )
    source = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("shared course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    copy = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("copy"),
        on_delete=models.CASCADE,
        related_name="academy_copy",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course copy")
        verbose_name_plural = _("course copies")
        constraints = [
            models.UniqueConstraint(
                fields=["academy", "source"], name="academies_one_copy_per_course"
            )
        ]

    def __str__(self):
        return f"{self.academy} · {self.copy_id} ← {self.source_id}"
