"""The skills lab: practising listening in threes (speaker, listener, observer).

Authoring: `PracticeActivityPage` under a module, with its observation form
(`ObservationCriterion`, inline orderables) and scenarios from the library
(`Scenario`, a snippet). Practice: learners opt in (`PracticeOptIn`), are
placed in groups (`PracticeGroup`, `PracticeMember`), meet and play rounds
(`PracticeRound`) with rotating roles; after each round the observer fills
the form (`Observation`), the speaker rates "did you feel heard"
(`SpeakerRating`) and the listener reflects (`ListenerReflection`). Written
mode keeps the turns of the conversation (`WrittenTurn`).

Only practice that happened counts (`PracticeRound.objects.that_count()`): a
live round from the start of the group's meeting or from when the group said
it met (`PracticeGroupMet`), a written round once its conversation is closed.

Personal data held: who practised with whom and when, the meeting place,
observations and ratings about the listener, the listener's self-reflection,
and in written mode the turns (the speaker plays a scenario card there);
who said the group met, and when.
The speaker's own story is never stored: no field asks for it. Readable only
by the group's members and the cohort's trainers (training.practice.policies).
"""

import uuid

from django import forms
from django.conf import settings
from django.contrib.admin import display as admin_display
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from training.blocks import RICH_TEXT_FEATURES
from training.courses.models import PersonalPageMixin
from training.courses.pillars import Pillar

from .panels import PracticeFeasibilityPanel


class PillarTag(models.Model):
    """One of the three pillars as a row, so a scenario can be tagged with several.

    The rows are made by a migration (one per `Pillar`) and never edited;
    a join table works the same on SQLite and PostgreSQL.
    """

    pillar = models.CharField(_("pillar"), max_length=20, choices=Pillar.choices, unique=True)

    class Meta:
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self):
        return str(Pillar(self.pillar).label)

    @classmethod
    def ensure_all(cls) -> None:
        """Every pillar has its row (the migration made them; a flushed database has none)."""
        for pillar in Pillar:
            cls.objects.get_or_create(pillar=pillar)


class Scenario(index.Indexed, models.Model):
    """A speaker card from the scenario library, reusable across activities."""

    class Difficulty(models.IntegerChoices):
        LIGHT = 1, _("light")
        MEDIUM = 2, _("medium")
        HARD = 3, _("challenging")

    title = models.CharField(_("title"), max_length=150)
    who_you_are = models.TextField(_("who you are"))
    what_you_bring = models.TextField(_("what you bring"))
    what_you_need = models.TextField(_("what you need"))
    what_you_do_not_need = models.TextField(_("what you do not need"))
    pillars = models.ManyToManyField(
        PillarTag,
        verbose_name=_("pillars"),
        related_name="scenarios",
        help_text=_(
            "The pillars this scenario trains; activities of these pillars offer it first."
        ),
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    debrief_questions = models.TextField(
        _("debrief questions"), blank=True, help_text=_("One question per line.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("pillars", widget=forms.CheckboxSelectMultiple),
        FieldPanel("difficulty"),
        MultiFieldPanel(
            [
                FieldPanel("who_you_are"),
                FieldPanel("what_you_bring"),
                FieldPanel("what_you_need"),
                FieldPanel("what_you_do_not_need"),
            ],
            heading=_("Speaker card"),
        ),
        FieldPanel("debrief_questions"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("who_you_are")]

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["difficulty", "title"]

    def __str__(self):
        return self.title

    @property
    def pillar_list(self) -> list[Pillar]:
        """The scenario's pillars in the fixed pillar order."""
        tagged = {tag.pillar for tag in self.pillars.all()}
        return [pillar for pillar in Pillar if pillar in tagged]

    @admin_display(description=_("pillars"))
    def pillar_labels(self) -> str:
        return ", ".join(str(pillar.label) for pillar in self.pillar_list)

    @property
    def debrief_question_list(self) -> list[str]:
        return [line.strip() for line in self.debrief_questions.splitlines() if line.strip()]


class PracticeActivityForm(WagtailAdminPageForm):
    """The editor offers the scenarios of the module's pillar first, with their pillars."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("scenarios")
        if field is None:
            return
        module = self.parent_page.specific if self.parent_page else None
        field.queryset = scenarios_preferring(getattr(module, "pillar", None))
        field.label_from_instance = lambda scenario: (
            f"{scenario.title} ({scenario.pillar_labels()})"
            if scenario.pillar_list
            else scenario.title
        )


def scenarios_preferring(pillar, queryset=None):
    """Scenarios with those tagged `pillar` first, then by difficulty and title."""
    queryset = (queryset if queryset is not None else Scenario.objects.all()).prefetch_related(
        "pillars"
    )
    if not pillar:
        return queryset.order_by("difficulty", "title")
    tagged = Scenario.pillars.through.objects.filter(
        scenario_id=OuterRef("pk"), pillartag__pillar=pillar
    )
    return queryset.annotate(preferred=Exists(tagged)).order_by("-preferred", "difficulty", "title")


class PracticeActivityPage(PersonalPageMixin, Page):
    """A practice activity in a module; it follows the module's pillar."""

    class Mode(models.TextChoices):
        LIVE = "live", _("live (meet on video or in person)")
        WRITTEN = "written", _("written (a conversation on the platform)")

    instructions = RichTextField(_("instructions"), features=RICH_TEXT_FEATURES)
    minutes_per_round = models.PositiveSmallIntegerField(
        _("minutes per round"), default=10, validators=[MinValueValidator(3), MaxValueValidator(60)]
    )
    rounds = models.PositiveSmallIntegerField(
        _("number of rounds"),
        default=3,
        validators=[MinValueValidator(2), MaxValueValidator(6)],
        help_text=_("Roles rotate each round; a group of four plays four rounds."),
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.LIVE)
    scenarios = ParentalManyToManyField(
        Scenario, verbose_name=_("scenarios"), blank=True, related_name="activities"
    )
    grouping_days = models.PositiveSmallIntegerField(
        _("groups formed within (days)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "Days after a learner signs up by which you form the groups. A learner still "
            "without a group then gets one short email and a note on their dashboard, and "
            "shows up in your stuck-learner tab."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("instructions"),
        FieldRowPanel(
            [FieldPanel("minutes_per_round"), FieldPanel("rounds"), FieldPanel("mode")],
            heading=_("Rounds"),
        ),
        FieldPanel("grouping_days"),
        FieldPanel(
            "scenarios",
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Scenarios of this module's pillar come first."),
        ),
        InlinePanel("criteria", heading=_("Observation form"), label=_("Criterion"), min_num=1),
        PracticeFeasibilityPanel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("instructions")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "practice/practice_activity_page.html"
    base_form_class = PracticeActivityForm

    class Meta:
        verbose_name = _("practice activity")
        verbose_name_plural = _("practice activities")

    @cached_property
    def module(self):
        from training.courses.models import ModulePage

        return ModulePage.objects.parent_of(self).first()

    @property
    def pillar(self) -> str:
        module = self.module
        return module.pillar if module else Pillar.LISTENING

    @property
    def course(self):
        from training.courses.models import CoursePage

        return CoursePage.objects.ancestor_of(self).first()

    def scenarios_for_rounds(self) -> list[Scenario]:
        """The chosen scenarios for the rounds, those of the activity's pillar first."""
        return list(scenarios_preferring(self.pillar, self.scenarios.all()))

    def grouping_moment(self, opted_in_at):
        """When a learner who opted in at `opted_in_at` should have a group."""
        import datetime

        return opted_in_at + datetime.timedelta(days=self.grouping_days)

    def rounds_for(self, group_size: int) -> int:
        """Enough rounds for every member to listen once."""
        return max(self.rounds, group_size)

    def get_context(self, request, *args, **kwargs):
        from .selectors import activity_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(activity_page_context(user=request.user, activity=self))
        return context


class ObservationCriterion(Orderable):
    """One line of the observation form the observer fills about the listener."""

    class Kind(models.TextChoices):
        COUNT = "count", _("Count (how often)")
        SCALE = "scale", _("Scale 1–4")
        EXAMPLE = "example", _("Example (quote a moment)")

    class Measure(models.TextChoices):
        NONE = "", _("— (not in the growth chart)")
        SUMMARIES = "summaries", _("summaries")
        OPEN_QUESTIONS = "open_questions", _("open questions")
        CLOSED_QUESTIONS = "closed_questions", _("closed questions")
        ADVICE = "advice", _("advice")

    page = ParentalKey(PracticeActivityPage, on_delete=models.CASCADE, related_name="criteria")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    label = models.CharField(_("label"), max_length=150)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNT)
    measure = models.CharField(
        _("counts towards"),
        max_length=20,
        choices=Measure.choices,
        blank=True,
        default=Measure.NONE,
        help_text=_("For counts: which line of the listener's growth chart this feeds."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("measure")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("observation criterion")
        verbose_name_plural = _("observation criteria")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.measure and self.kind != self.Kind.COUNT:
            raise ValidationError({"measure": _("Only a count can feed the growth chart.")})


class PracticeOptIn(models.Model):
    """A learner wants to practise this activity, at these moments of the week."""

    activity = models.ForeignKey(
        PracticeActivityPage, on_delete=models.CASCADE, related_name="opt_ins"
    )
    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="practice_opt_ins"
    )
    cohort = models.ForeignKey("learning.Cohort", on_delete=models.CASCADE, related_name="+")
    slots = models.JSONField(_("moments I can"), default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("practice opt-in")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "enrolment"], name="practice_one_opt_in_per_activity"
            ),
        ]
        indexes = [models.Index(fields=["activity", "cohort"])]

    def __str__(self):
        return f"{self.enrolment} · {self.activity_id}"


class PracticeGroup(models.Model):
    """Two to four learners of one cohort practising one activity together.

    Two exceptions a trainer makes when a group of three cannot be formed
    (see `services.practice_group_with_trainer_form` and
    `services.practice_written_partner_pair`): a smaller group with the
    trainer as a member, and a written pair with a learner of another cohort
    of the same course (`mode` then overrides the activity's mode; `cohort`
    is the cohort of the learner it was made for).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.ForeignKey(
        PracticeActivityPage, on_delete=models.CASCADE, related_name="groups"
    )
    cohort = models.ForeignKey("learning.Cohort", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveSmallIntegerField()
    mode = models.CharField(
        _("mode"),
        max_length=10,
        choices=PracticeActivityPage.Mode.choices,
        blank=True,
        default="",
        help_text=_("Empty: the activity's mode."),
    )
    meeting_at = models.DateTimeField(_("we meet at"), null=True, blank=True)
    meeting_place = models.CharField(
        _("where we meet"),
        max_length=300,
        blank=True,
        help_text=_("A video link of your choice, or a place."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("practice group")
        verbose_name_plural = _("practice groups")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "cohort", "number"], name="practice_group_number_unique"
            ),
        ]

    def __str__(self):
        return f"{self.activity} · {_('group')} {self.number}"

    @property
    def practice_mode(self) -> str:
        """How this group practises: its own mode, else the activity's."""
        return self.mode or self.activity.mode

    @property
    def is_written(self) -> bool:
        return self.practice_mode == PracticeActivityPage.Mode.WRITTEN


class PracticeMember(models.Model):
    """A place in a practice group: one per learner and activity.

    Usually a learner (`enrolment`); in a group a trainer completed because
    too few learners waited, the trainer (`trainer`, exactly one of the two).
    A trainer member never listens, so never counts towards a certificate:
    they observe, and speak when they practise with one learner alone.
    """

    group = models.ForeignKey(PracticeGroup, on_delete=models.CASCADE, related_name="members")
    enrolment = models.ForeignKey(
        "learning.Enrolment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="practice_memberships",
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="practice_memberships_as_trainer",
    )
    # Denormalised so "one membership per learner and activity" is a plain constraint.
    activity = models.ForeignKey(PracticeActivityPage, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("practice group member")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "enrolment"], name="practice_one_group_per_activity"
            ),
            models.UniqueConstraint(
                fields=["group", "trainer"],
                condition=Q(trainer__isnull=False),
                name="practice_trainer_once_per_group",
            ),
            models.CheckConstraint(
                condition=Q(enrolment__isnull=False, trainer__isnull=True)
                | Q(enrolment__isnull=True, trainer__isnull=False),
                name="practice_member_learner_or_trainer",
            ),
        ]

    def __str__(self):
        return f"{self.group} · {self.person}"

    @property
    def has_agreed(self) -> bool:
        return self.agreed_at is not None

    @property
    def is_trainer(self) -> bool:
        return self.enrolment_id is None

    @property
    def person(self):
        """The learner or the trainer (a user)."""
        return self.trainer if self.is_trainer else self.enrolment.learner

    @property
    def display_name(self) -> str:
        person = self.person
        name = person.display_name or getattr(person, "pseudonym", "") or ""
        if self.is_trainer:
            return _("%(name)s (trainer)") % {"name": name} if name else str(_("trainer"))
        return name


class PracticeGroupMet(models.Model):
    """The group says "we met": from then on its live rounds can be recorded.

    A choice of the group, made by one member for all; one per group (a
    second click or a second member finds the first). Kept with who said it
    and when, so a trainer can see what a certificate rests on.
    """

    group = models.OneToOneField(PracticeGroup, on_delete=models.CASCADE, related_name="met")
    confirmed_by = models.ForeignKey(
        PracticeMember, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("practice group met")
        verbose_name_plural = _("practice groups met")

    def __str__(self):
        return f"{self.group} · {self.confirmed_at:%Y-%m-%d %H:%M}"


class PracticeRoundQuerySet(models.QuerySet):
    def that_count(self):
        """Rounds whose practice happened, with an observation received.

        A written round counts once its conversation is closed. A live round
        counts with an observation saved at or after the start of the group's
        meeting, or after the group said it met: if the meeting is moved later,
        an observation saved before its new start no longer counts.
        """
        observed = Observation.objects.filter(round=OuterRef("pk"))
        observed_after_start = observed.filter(
            Q(submitted_at__gte=OuterRef("group__meeting_at"))
            | Q(submitted_at__gte=OuterRef("group__met__confirmed_at"))
        )
        # The group's own mode (a written pair across cohorts), else its activity's.
        written = Q(group__mode=PracticeActivityPage.Mode.WRITTEN) | Q(
            group__mode="", group__activity__mode=PracticeActivityPage.Mode.WRITTEN
        )
        return self.filter(
            (written & Q(written_closed_at__isnull=False) & Exists(observed))
            | (~written & Exists(observed_after_start))
        )


class PracticeRound(models.Model):
    """One round of a group: who speaks, who listens, who observes."""

    group = models.ForeignKey(PracticeGroup, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    speaker = models.ForeignKey(PracticeMember, on_delete=models.CASCADE, related_name="+")
    listener = models.ForeignKey(PracticeMember, on_delete=models.CASCADE, related_name="+")
    scenario = models.ForeignKey(
        Scenario, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_closed_at = models.DateTimeField(null=True, blank=True)

    objects = PracticeRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice round")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "number"], name="practice_round_number_unique"
            ),
            models.CheckConstraint(
                condition=~Q(speaker=F("listener")), name="practice_speaker_is_not_listener"
            ),
        ]

    def __str__(self):
        return f"{self.group} · {self.number}"


class Observation(models.Model):
    """An observer's form about the listener in one round (per criterion key: a value)."""

    round = models.ForeignKey(PracticeRound, on_delete=models.CASCADE, related_name="observations")
    observer = models.ForeignKey(PracticeMember, on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("observation")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "observer"], name="practice_one_observation_per_observer"
            ),
        ]

    def __str__(self):
        return f"{self.round} · {self.observer_id}"


class SpeakerRating(models.Model):
    """The speaker's answer to "did you feel heard?" (1–4) and one sentence."""

    round = models.OneToOneField(PracticeRound, on_delete=models.CASCADE, related_name="rating")
    felt_heard = models.PositiveSmallIntegerField()
    sentence = models.CharField(max_length=300, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("speaker rating")
        constraints = [
            models.CheckConstraint(
                condition=Q(felt_heard__gte=1, felt_heard__lte=4), name="practice_felt_heard_1_4"
            ),
        ]

    def __str__(self):
        return f"{self.round}: {self.felt_heard}"


class ListenerReflection(models.Model):
    """The listener's short self-reflection after a round."""

    round = models.OneToOneField(
        PracticeRound, on_delete=models.CASCADE, related_name="self_reflection"
    )
    went_well = models.TextField(blank=True)
    advice_moment = models.TextField(blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("listener's self-reflection")

    def __str__(self):
        return f"{self.round} · {_('self-reflection')}"


class WrittenTurn(models.Model):
    """One turn of a written practice conversation (speaker plays the scenario card)."""

    round = models.ForeignKey(PracticeRound, on_delete=models.CASCADE, related_name="turns")
    number = models.PositiveSmallIntegerField()
    author = models.ForeignKey(PracticeMember, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("written turn")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="practice_turn_number_unique"),
        ]

    def __str__(self):
        return f"{self.round} · {self.number}"


class PracticeRequirement(models.Model):
    """A course's certificate rule: rounds as listener with an observation received.

    No row: the rule is off (the default). The certificates rules registry
    reads it as `course.practice_requirement` (training.certificates.rules).
    """

    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="practice_requirement",
    )
    listener_rounds = models.PositiveSmallIntegerField(
        _("practice rounds as listener with an observation received"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )

    panels = [FieldPanel("course"), FieldPanel("listener_rounds"), PracticeFeasibilityPanel()]

    class Meta:
        verbose_name = _("practice requirement for the certificate")
        verbose_name_plural = _("practice requirements for the certificate")
        constraints = [
            models.CheckConstraint(
                condition=Q(listener_rounds__gte=1), name="practice_requirement_at_least_one"
            ),
        ]

    def __str__(self):
        return f"{self.course} · {self.listener_rounds}"

    def clean(self):
        """Refuse a rule no learner can meet with the course's practice activities.

        A rule that only one mode can meet (say, not in writing) is saved, with
        a warning in the editor (`feasibility`).
        """
        super().clean()
        if not self.course_id or not self.listener_rounds:
            return
        from .feasibility import practice_rules_feasibility

        feasibility = practice_rules_feasibility(course=self.course, required=self.listener_rounds)
        if not feasibility.can_be_met:
            raise ValidationError({"listener_rounds": feasibility.refusal()})


class MeetingReminder(models.Model):
    """An email about a group's meeting, sent once per member, kind and meeting time.

    The unique constraint makes every send idempotent (double runs, two
    workers, retries). The meeting time is part of the key, so a group that
    moves its meeting gets a fresh invitation and fresh reminders.
    No personal data beyond who was emailed when.
    """

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("invitation")
        DAY_BEFORE = "day_before", _("reminder the day before")
        HOUR_BEFORE = "hour_before", _("reminder an hour before")

    member = models.ForeignKey(
        PracticeMember, on_delete=models.CASCADE, related_name="meeting_reminders"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    meeting_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("practice meeting reminder")
        verbose_name_plural = _("practice meeting reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind", "meeting_at"], name="practice_one_meeting_reminder"
            ),
        ]

    def __str__(self):
        return f"{self.member_id} · {self.kind}"


class GroupingWaitNotice(models.Model):
    """The one email to a learner still without a group at the activity's grouping moment.

    Unique per activity and enrolment, written in the same transaction as the
    send (training/practice/waiting.py): double runs, two workers and retries
    never send twice. No personal data beyond who was emailed when.
    """

    activity = models.ForeignKey(PracticeActivityPage, on_delete=models.CASCADE, related_name="+")
    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="practice_wait_notices"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("practice waiting email")
        verbose_name_plural = _("practice waiting emails")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "enrolment"], name="practice_one_wait_notice"
            ),
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.activity_id}"


# Solo practice answers live in their own module (see solo_models.py).
from .solo_models import DilemmaPath, SoloAnswer  # noqa: E402, F401
