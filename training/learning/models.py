"""Cohorts, enrolments and lesson progress.

Personal data held: who is enrolled in which cohort, when they were active,
which lessons they completed. Visible to the learner and the cohort's trainers.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_invite_token() -> str:
    return secrets.token_urlsafe(24)


class Cohort(models.Model):
    """One run of a course, led by one or more trainers."""

    name = models.CharField(_("name"), max_length=150)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), related_name="trained_cohorts"
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    capacity = models.PositiveIntegerField(_("capacity"), default=20)
    is_open = models.BooleanField(
        _("open for enrolment"), default=True, help_text=_("Closed cohorts accept no new learners.")
    )
    self_enrolment = models.BooleanField(
        _("open to self-enrolment"),
        default=False,
        help_text=_(
            "Anyone with an account can join from the course page, without the invite link."
        ),
    )
    invite_token = models.CharField(
        _("invite token"), max_length=64, unique=True, default=new_invite_token, editable=False
    )
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("commissioned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohorts",
    )
    # The academy that runs the cohort; none: a platform cohort (platform trainers).
    academy = models.ForeignKey(
        "academies.Academy",
        verbose_name=_("academy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="learning_cohort_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="learning_cohort_capacity_positive"
            ),
        ]

    def __str__(self):
        return self.name


class Enrolment(models.Model):
    """A learner's place in a cohort. One per learner and course, enforced by the database."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        LEFT = "left", _("left the course")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    # Denormalised from the cohort so "one enrolment per learner and course"
    # can be a plain unique constraint.
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="enrolments")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(null=True, blank=True)
    # Completed lessons that are in the course's outline now (live, public),
    # kept by the progress services in the transaction that adds or removes a
    # row (an F() update), and recounted when the outline changes
    # (`enrolments_recount_lessons_done`). The trainer's progress table
    # filters and sorts by it within a cohort (the index below).
    lessons_done = models.PositiveIntegerField(default=0, editable=False)
    # The same count per pillar (the pillar of the lesson's module), kept in
    # the same UPDATE as `lessons_done`, so the learner's pillar progress is
    # read from this row instead of computed over the outline per request.
    # They always add up to `lessons_done` (the check constraint below).
    experience_done = models.PositiveIntegerField(default=0, editable=False)
    listening_done = models.PositiveIntegerField(default=0, editable=False)
    boundaries_done = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"], name="learning_one_enrolment_per_course"
            ),
            models.CheckConstraint(
                condition=Q(
                    lessons_done=F("experience_done") + F("listening_done") + F("boundaries_done")
                ),
                name="learning_pillar_counters_add_up",
            ),
        ]
        indexes = [
            models.Index(
                fields=["cohort", "status", "lessons_done"], name="learning_enrolment_progress"
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.cohort}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    def pillar_lessons_done(self, pillar) -> int:
        """Completed lessons in the outline's modules of `pillar` (the counter)."""
        return getattr(self, pillar_counter_field(pillar))


def pillar_counter_field(pillar) -> str:
    """The name of `Enrolment`'s counter for `pillar` (a `Pillar` or its value)."""
    return f"{getattr(pillar, 'value', pillar)}_done"


class LessonProgress(models.Model):
    """A learner completed a lesson. One row per enrolment and lesson."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="learning_one_progress_per_lesson"
            ),
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.lesson_id}"


def normalise_email(email: str) -> str:
    return email.strip().lower()


class CohortInvitation(models.Model):
    """A personal invitation to join a cohort, sent by email to one address.

    Personal data held: the invited email address, who invited it, and when it
    was sent, accepted (and by which account) or withdrawn. At most one open
    invitation per cohort and address (a partial unique constraint).
    """

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    token = models.CharField(max_length=64, unique=True, default=new_invite_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohort_invitations_accepted",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "email"],
                condition=Q(accepted_at__isnull=True, withdrawn_at__isnull=True),
                name="learning_one_open_invitation_per_address",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(withdrawn_at__isnull=True),
                name="learning_invitation_accepted_or_withdrawn",
            ),
        ]

    def __str__(self):
        return f"{self.email} · {self.cohort}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.withdrawn_at is None


class Announcement(models.Model):
    """A trainer's message to a cohort: on the learners' dashboard from `publish_at`,
    and by email at that moment. Plain text; never about one learner's work."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="announcements")
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    publish_at = models.DateTimeField(_("publish at"), default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["cohort", "publish_at"])]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.publish_at <= timezone.now()
