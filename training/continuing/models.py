"""What a facilitator keeps after the course.

- `PracticeSession`: a group session they led, with a private reflection on
  the three pillars. Private by default; the facilitator may share one entry
  with their trainers (`shared_with_trainer`).
- `WellbeingCheckIn`: how a session (or the month) went for the volunteer
  themselves. Visible to nobody but the facilitator: not to trainers, not to
  associations, not in any admin screen.
- `SupportRequest`: "I would like my trainer to contact me", raised from a
  check-in. It carries no content at all: who asked, and when.

Personal data: reflections and check-ins are the facilitator's own words
about their (mental) health; see training/privacy/registry.py.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class GroupSetting(models.TextChoices):
    ON_SITE = "on_site", _("on site")
    ONLINE = "online", _("online")


class PracticeSession(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_sessions"
    )
    # Sent by the form so a double click or a retried POST creates one entry.
    client_id = models.UUIDField()
    held_on = models.DateField(_("date"))
    group_kind = models.CharField(
        _("kind of group"),
        max_length=120,
        help_text=_("The theme or kind of group, e.g. 'Leven met reuma, avondgroep'."),
    )
    setting = models.CharField(
        _("where"), max_length=10, choices=GroupSetting.choices, default=GroupSetting.ON_SITE
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    co_facilitator = models.CharField(_("co-facilitator"), max_length=120, blank=True)
    participants = models.PositiveSmallIntegerField(
        _("number of participants"), null=True, blank=True
    )
    own_experience = models.TextField(_("What did I bring of my own experience?"), blank=True)
    listening_moment = models.TextField(_("A moment of listening"), blank=True)
    boundary_moment = models.TextField(_("Where did I guard or cross my own boundary?"), blank=True)
    shared_with_trainer = models.BooleanField(_("share this entry with my trainers"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("practice session")
        verbose_name_plural = _("practice sessions")
        ordering = ["-held_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["facilitator", "client_id"], name="continuing_session_once_per_client_id"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5) & Q(duration_minutes__lte=600),
                name="continuing_session_duration_5_to_600",
            ),
            models.CheckConstraint(
                condition=Q(participants__isnull=True) | Q(participants__lte=500),
                name="continuing_session_participants_at_most_500",
            ),
        ]
        indexes = [models.Index(fields=["facilitator", "held_on"])]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} · {self.group_kind}"

    @property
    def has_reflection(self) -> bool:
        return bool(self.own_experience or self.listening_moment or self.boundary_moment)


class WellbeingCheckIn(models.Model):
    class Energy(models.IntegerChoices):
        NONE = 1, _("hardly")
        LITTLE = 2, _("a little")
        SOME = 3, _("quite a lot")
        MUCH = 4, _("a lot")

    class Sleep(models.IntegerChoices):
        BADLY = 1, _("badly")
        RESTLESS = 2, _("restlessly")
        FAIRLY = 3, _("fairly well")
        WELL = 4, _("well")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wellbeing_checkins"
    )
    client_id = models.UUIDField()
    session = models.OneToOneField(
        PracticeSession,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="checkin",
        verbose_name=_("session"),
    )
    checked_on = models.DateField(_("date"), default=timezone.localdate)
    energy_cost = models.PositiveSmallIntegerField(
        _("How much energy did it cost you?"), choices=Energy.choices
    )
    energy_gain = models.PositiveSmallIntegerField(
        _("How much energy did it give you?"), choices=Energy.choices
    )
    sleep = models.PositiveSmallIntegerField(
        _("How did you sleep afterwards?"), choices=Sleep.choices
    )
    lingering = models.BooleanField(_("Something stays with me"), default=False)
    wants_contact = models.BooleanField(
        _("I would like my trainer or coordinator to contact me"), default=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("wellbeing check-in")
        verbose_name_plural = _("wellbeing check-ins")
        ordering = ["-checked_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["facilitator", "client_id"], name="continuing_checkin_once_per_client_id"
            ),
            models.CheckConstraint(
                condition=Q(energy_cost__gte=1, energy_cost__lte=4)
                & Q(energy_gain__gte=1, energy_gain__lte=4)
                & Q(sleep__gte=1, sleep__lte=4),
                name="continuing_checkin_scales_1_to_4",
            ),
        ]

    def __str__(self):
        return f"{self.facilitator_id} · {self.checked_on:%Y-%m-%d}"


class SupportRequest(models.Model):
    """'Neem contact met me op': no content, only who asked and when."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="support_requests",
        verbose_name=_("facilitator"),
    )
    checkin = models.OneToOneField(
        WellbeingCheckIn, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField(_("asked on"), default=timezone.now)
    followed_up_at = models.DateTimeField(_("contacted on"), null=True, blank=True)
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("request for contact")
        verbose_name_plural = _("requests for contact")
        ordering = ["-raised_at"]
        constraints = [
            # One open request at a time: asking again while one waits adds nothing.
            models.UniqueConstraint(
                fields=["facilitator"],
                condition=Q(followed_up_at__isnull=True),
                name="continuing_one_open_support_request",
            ),
        ]

    def __str__(self):
        return f"{self.facilitator} · {self.raised_at:%Y-%m-%d}"


class WellbeingNudge(models.Model):
    """The monthly 'hoe gaat het met jou?' email, at most once a month per person."""

    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField(help_text="The first day of the month it was sent in.")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["facilitator", "month"], name="continuing_one_nudge_a_month"
            )
        ]

    def __str__(self):
        return f"{self.facilitator_id} · {self.month:%Y-%m}"
