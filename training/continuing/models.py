"""What a facilitator keeps after the course.

- `PracticeSession`: a group session they led, with a private reflection on
  the three pillars. Private by default; the facilitator may share one entry
  with their trainers (`shared_with_trainer`).
- `WellbeingCheckIn`: how a session (or the month) went for the volunteer
  themselves. Visible to nobody but the facilitator: not to trainers, not to
  associations, not in any admin screen.
- `SupportRequest`: "I would like my trainer to contact me", raised from a
  check-in. It carries no content at all: who asked, when, and of which
  academy (or the platform). Each of these is addressed to one place; only
  its trainers see it (`permissions.py`).

Personal data: reflections and check-ins are the facilitator's own words
about their (mental) health; see training/privacy/registry.py.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey


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
    # The place this is addressed to: an academy, or the platform (empty); only the
    # trainers who trained the facilitator there see it (`permissions.addressed_place`).
    academy = models.ForeignKey(
        "academies.Academy",
        verbose_name=_("academy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
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
    # The place this is addressed to: an academy, or the platform (empty); only the
    # trainers who trained the facilitator there see it (`permissions.addressed_place`).
    academy = models.ForeignKey(
        "academies.Academy",
        verbose_name=_("academy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("request for contact")
        verbose_name_plural = _("requests for contact")
        ordering = ["-raised_at"]
        constraints = [
            # One open request at a time per place (0: the platform): asking the same
            # place again while one waits adds nothing.
            models.UniqueConstraint(
                "facilitator",
                Coalesce("academy", 0),
                condition=Q(followed_up_at__isnull=True),
                name="continuing_one_open_support_request_per_place",
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


# --- Intervision ---------------------------------------------------------------------


class IntervisionGroup(models.Model):
    """A long-lived group of facilitators who discuss cases together, with a coordinator."""

    name = models.CharField(_("name"), max_length=120)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.PROTECT,
        related_name="coordinated_intervision_groups",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        related_name="intervision_groups",
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("intervision group")
        verbose_name_plural = _("intervision groups")
        ordering = ["name"]

    def __str__(self):
        return self.name


class IntervisionMeeting(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=120)
    place = models.CharField(
        _("where"), max_length=200, blank=True, help_text=_("An address or a video link.")
    )
    attendance_taken_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("intervision meeting")
        verbose_name_plural = _("intervision meetings")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "starts_at"], name="continuing_one_meeting_per_group_and_time"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=15) & Q(duration_minutes__lte=600),
                name="continuing_meeting_duration_15_to_600",
            ),
        ]

    def __str__(self):
        return f"{self.group} · {self.starts_at:%Y-%m-%d}"


class IntervisionAttendance(models.Model):
    meeting = models.ForeignKey(
        IntervisionMeeting, on_delete=models.CASCADE, related_name="attendance"
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intervision_attendance"
    )
    present = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "facilitator"], name="continuing_attendance_once_per_meeting"
            )
        ]

    def __str__(self):
        return f"{self.meeting} · {self.facilitator_id}: {self.present}"


class IntervisionCase(models.Model):
    """A case brought to a meeting, in the steps of the incident method.

    Written by the one who brought it; private unless they share it with the
    group (as with reflections, a wrong id is a 404)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(IntervisionMeeting, on_delete=models.CASCADE, related_name="cases")
    brought_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intervision_cases"
    )
    client_id = models.UUIDField()
    case = models.TextField(_("The case I brought"))
    questions = models.TextField(_("Questions to clarify"), blank=True)
    analysis = models.TextField(_("Analysis"), blank=True)
    advice = models.TextField(_("The advice round"), blank=True)
    takeaway = models.TextField(_("What I take home"), blank=True)
    shared_with_group = models.BooleanField(_("share with my intervision group"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # The version an edit form was made from: a save from an older form is refused.
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["brought_by", "client_id"], name="continuing_case_once_per_client_id"
            )
        ]

    def __str__(self):
        return f"{self.meeting} · {self.brought_by_id}"


# --- Continued education and renewal ------------------------------------------------


class RenewalRule(models.Model):
    """'Within the validity period, at least H hours, of which B on boundaries and I from
    intervision': meeting it renews the certificate of `qualification` without a refresher."""

    # Authored inline in the course page (InlinePanel "renewal_rules", at most one).
    qualification = ParentalKey(
        "courses.CoursePage",
        verbose_name=_("qualification"),
        on_delete=models.CASCADE,
        related_name="renewal_rules",
    )
    hours = models.PositiveSmallIntegerField(_("hours of continued education"), default=12)
    boundary_hours = models.PositiveSmallIntegerField(_("of which on boundaries"), default=2)
    intervision_hours = models.PositiveSmallIntegerField(_("of which intervision"), default=4)
    practice_cap_hours = models.PositiveSmallIntegerField(
        _("logged practice counts for at most (hours)"), default=4
    )
    # Contributed through the hook lotgenoot_renewal_lines (the groups app knows which
    # logged sessions reflect on participants' feedback).
    feedback_reflection_cap_hours = models.PositiveSmallIntegerField(
        _("reflections on participants' feedback count for at most (hours)"),
        default=0,
        help_text=_(
            "0: they do not count. Each reflection in the practice log on a meeting with "
            "enough participants' feedback counts one hour."
        ),
    )

    class Meta:
        verbose_name = _("renewal rule")
        verbose_name_plural = _("renewal rules")
        constraints = [
            models.UniqueConstraint(
                fields=["qualification"], name="continuing_one_renewal_rule_per_qualification"
            ),
            models.CheckConstraint(
                condition=Q(boundary_hours__lte=models.F("hours"))
                & Q(intervision_hours__lte=models.F("hours")),
                name="continuing_renewal_parts_within_total",
            ),
        ]

    def __str__(self):
        return f"{self.qualification}: {self.hours}"


def proof_upload_to(instance, filename):
    return f"education-proofs/{instance.facilitator_id}/{uuid.uuid4().hex}-{filename[-60:]}"


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class ExternalActivity(models.Model):
    """Continued education outside the platform, with proof, counted once a trainer confirms."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a trainer")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("not counted")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.CASCADE,
        related_name="external_activities",
    )
    client_id = models.UUIDField()
    title = models.CharField(_("what you did"), max_length=200)
    done_on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    on_boundaries = models.BooleanField(_("about guarding boundaries"), default=False)
    proof = models.FileField(
        _("proof"), upload_to=proof_upload_to, storage=_private_storage, max_length=255
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # The place this is addressed to: an academy, or the platform (empty); only the
    # trainers who trained the facilitator there see it (`permissions.addressed_place`).
    academy = models.ForeignKey(
        "academies.Academy",
        verbose_name=_("academy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("external activity")
        verbose_name_plural = _("external activities")
        ordering = ["-done_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["facilitator", "client_id"], name="continuing_activity_once_per_client_id"
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=40),
                name="continuing_activity_hours_up_to_40",
            ),
        ]

    def __str__(self):
        return self.title
