"""The groups a facilitator leads, and what their participants say about a meeting.

- `PeerGroup`: a real peer-support group a facilitator leads (theme, association, where,
  rhythm). Only its facilitator changes it.
- `GroupMeeting`: one meeting of a group, optionally the practice-log entry it was
  (`continuing.PracticeSession`, linked from here: continuing never imports this app).
- `FeedbackMoment`: a meeting's feedback moment, opened by the facilitator. Its link
  carries `token` (`secrets.token_urlsafe`, cannot be guessed or enumerated). It closes by
  itself after `lifetime_hours` (the database refuses more than 7 days).
- `FeedbackAnswer`: one participant's answer. Anonymous by construction: no account, no IP
  address, no user agent, no time (only the day, `answered_on`). `phone_key` is a hash of a
  random value kept in one cookie on the participant's phone (path of this moment only):
  the database refuses a second answer from that phone for the same moment.

Personal data: `open_answer` is a participant's own words (possibly about their health);
it is shown only above the threshold (`selectors.answer_summary`), removed after the
retention period, and never in an export for others. See training/privacy/registry.py.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.continuing.models import GroupSetting

#: The longest a moment may stay open (the database enforces it).
MAX_LIFETIME_HOURS = 7 * 24
DEFAULT_LIFETIME_HOURS = 48
OPEN_ANSWER_MAX_LENGTH = 1000


class PeerGroup(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_groups"
    )
    # Sent by the form so a double click or a retried POST creates one group.
    client_id = models.UUIDField()
    name = models.CharField(
        _("name or theme"),
        max_length=120,
        help_text=_("For example 'Leven met reuma, avondgroep'."),
    )
    association = models.ForeignKey(
        "associations.Association",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="peer_groups",
        verbose_name=_("association"),
    )
    setting = models.CharField(
        _("where"), max_length=10, choices=GroupSetting.choices, default=GroupSetting.ON_SITE
    )
    rhythm = models.CharField(
        _("usual rhythm"),
        max_length=120,
        blank=True,
        help_text=_("For example 'every second Tuesday evening'."),
    )
    shared_with_trainers = models.BooleanField(
        _("share the figures (never the open answers) with my trainers"),
        default=False,
        help_text=_("Your trainers see only totals across groups, to improve the course."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("peer-support group")
        verbose_name_plural = _("peer-support groups")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["facilitator", "client_id"], name="groups_group_once_per_client_id"
            ),
        ]

    def __str__(self):
        return self.name


class GroupMeeting(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    practice_session = models.OneToOneField(
        "continuing.PracticeSession",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="group_meeting",
        verbose_name=_("entry in my practice log"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("group meeting")
        verbose_name_plural = _("group meetings")
        ordering = ["-held_on", "-pk"]
        constraints = [
            # One meeting per group and day: opening a moment twice finds the same meeting.
            models.UniqueConstraint(fields=["group", "held_on"], name="groups_meeting_once_a_day"),
        ]

    def __str__(self):
        return f"{self.group} · {self.held_on:%Y-%m-%d}"


class FeedbackMoment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.OneToOneField(GroupMeeting, on_delete=models.CASCADE, related_name="moment")
    # secrets.token_urlsafe(16): 128 random bits in the participants' link.
    token = models.CharField(max_length=43, unique=True, editable=False)
    opened_at = models.DateTimeField(default=timezone.now, editable=False)
    lifetime_hours = models.PositiveSmallIntegerField(
        _("open for (hours)"), default=DEFAULT_LIFETIME_HOURS
    )
    closed_early_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("feedback moment")
        verbose_name_plural = _("feedback moments")
        constraints = [
            models.CheckConstraint(
                condition=Q(lifetime_hours__gte=1) & Q(lifetime_hours__lte=MAX_LIFETIME_HOURS),
                name="groups_moment_open_1_hour_to_7_days",
            ),
            models.CheckConstraint(condition=~Q(token=""), name="groups_moment_token_not_empty"),
        ]

    def __str__(self):
        return f"{self.meeting}"

    @property
    def closes_at(self):
        end = self.opened_at + timezone.timedelta(hours=self.lifetime_hours)
        if self.closed_early_at and self.closed_early_at < end:
            return self.closed_early_at
        return end

    def is_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.closes_at


class Scale(models.IntegerChoices):
    DISAGREE = 1, _("not true")
    RATHER_NOT = 2, _("not really true")
    NEUTRAL = 3, _("partly true")
    RATHER = 4, _("mostly true")
    AGREE = 5, _("completely true")


#: The five statements, from the survey's success conditions.
STATEMENT_FIELDS = ("safe", "accepted", "room", "atmosphere", "agreements")
#: The national figure for each (the share of participants for whom that condition makes a
#: group work: a safe environment 84%, acceptance 82%, room for exchange 70%, good group
#: dynamics 71%, clear agreements 67%; shared/seeds survey), drawn as a reference line.
NATIONAL_PERCENT = {"safe": 84, "accepted": 82, "room": 70, "atmosphere": 71, "agreements": 67}
#: What participants may have gained today (the survey's gains).
GAIN_FIELDS = (
    "gain_recognition",
    "gain_support",
    "gain_less_alone",
    "gain_meeting_people",
    "gain_knowledge",
)


def _scale_field(label):
    return models.PositiveSmallIntegerField(label, choices=Scale.choices)


class FeedbackAnswer(models.Model):
    """One participant's answer. No account, IP, user agent or time: only the day."""

    moment = models.ForeignKey(FeedbackMoment, on_delete=models.CASCADE, related_name="answers")
    # sha256 of the moment's token and a random value in the phone's cookie.
    phone_key = models.CharField(max_length=64, editable=False)
    answered_on = models.DateField(editable=False)
    safe = _scale_field(_("I felt safe"))
    accepted = _scale_field(_("I was accepted as I am"))
    room = _scale_field(_("There was room for my story"))
    atmosphere = _scale_field(_("The atmosphere in the group was good"))
    agreements = _scale_field(_("The agreements were clear"))
    gain_recognition = models.BooleanField(_("recognition"), default=False)
    gain_support = models.BooleanField(_("support and understanding"), default=False)
    gain_less_alone = models.BooleanField(_("feeling less alone"), default=False)
    gain_meeting_people = models.BooleanField(_("meeting people"), default=False)
    gain_knowledge = models.BooleanField(_("knowledge"), default=False)
    open_answer = models.TextField(
        _("What helped you today?"), max_length=OPEN_ANSWER_MAX_LENGTH, blank=True
    )

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        constraints = [
            models.UniqueConstraint(
                fields=["moment", "phone_key"], name="groups_answer_once_per_phone"
            ),
            models.CheckConstraint(
                condition=Q(safe__gte=1, safe__lte=5)
                & Q(accepted__gte=1, accepted__lte=5)
                & Q(room__gte=1, room__lte=5)
                & Q(atmosphere__gte=1, atmosphere__lte=5)
                & Q(agreements__gte=1, agreements__lte=5),
                name="groups_answer_scales_1_to_5",
            ),
            models.CheckConstraint(
                condition=~Q(phone_key=""), name="groups_answer_phone_key_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.moment} · {self.pk}"
