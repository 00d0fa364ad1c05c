"""Reflection assignments, submissions, peer review and trainer review.

Personal data held (special category: learners write about their own health
and lives): reflection texts and their versions, peer feedback, ratings of
feedback, concern flags with their reasons, and who read a reflection when.
Readable only by the author, the peers allocated to it (when shared with
peers) and the cohort's trainers; see training.assessments.reflections.permissions.
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from training.blocks import RICH_TEXT_FEATURES
from training.courses.models import PersonalPageMixin


class ReflectionAssignmentPage(PersonalPageMixin, Page):
    """A reflection assignment in a module; it follows the module's pillar."""

    prompt = RichTextField(_("assignment"), features=RICH_TEXT_FEATURES)
    guidance = RichTextField(_("guidance"), blank=True, features=RICH_TEXT_FEATURES)
    min_words = models.PositiveIntegerField(_("minimum words"), default=150)
    max_words = models.PositiveIntegerField(_("maximum words"), default=800)
    peer_review_enabled = models.BooleanField(_("peer review"), default=True)
    reviews_per_learner = models.PositiveSmallIntegerField(
        _("reviews each learner gives"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    reviews_per_submission = models.PositiveSmallIntegerField(
        _("reviews each reflection receives"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    claim_hours = models.PositiveSmallIntegerField(
        _("hours a reviewer has to finish a claimed review"),
        default=48,
        validators=[MinValueValidator(1)],
        help_text=_("After this, an unfinished review goes back to the pool for someone else."),
    )
    submission_due_days = models.PositiveSmallIntegerField(
        _("submit within (days after the cohort starts)"), null=True, blank=True
    )
    submission_due_on = models.DateField(_("or submit by (date)"), null=True, blank=True)
    review_due_days = models.PositiveSmallIntegerField(
        _("review within (days after the cohort starts)"), null=True, blank=True
    )
    review_due_on = models.DateField(_("or review by (date)"), null=True, blank=True)
    required = models.BooleanField(_("required for the certificate"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("prompt"),
        FieldPanel("guidance"),
        FieldRowPanel([FieldPanel("min_words"), FieldPanel("max_words")], heading=_("Length")),
        MultiFieldPanel(
            [
                FieldPanel("peer_review_enabled"),
                FieldRowPanel(
                    [FieldPanel("reviews_per_learner"), FieldPanel("reviews_per_submission")]
                ),
                FieldPanel("claim_hours"),
            ],
            heading=_("Peer review"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("submission_due_days"), FieldPanel("submission_due_on")]),
                FieldRowPanel([FieldPanel("review_due_days"), FieldPanel("review_due_on")]),
                FieldPanel("required"),
            ],
            heading=_("Deadlines and certificate"),
        ),
        InlinePanel("rubric_criteria", heading=_("Rubric for reviewers"), label=_("Criterion")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("prompt")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "assessments/reflection_assignment_page.html"

    class Meta:
        verbose_name = _("reflection assignment")
        verbose_name_plural = _("reflection assignments")

    def clean(self):
        super().clean()
        if self.min_words and self.max_words and self.min_words > self.max_words:
            raise ValidationError({"max_words": _("The maximum must be at least the minimum.")})

    def submission_deadline(self, cohort) -> datetime.date | None:
        if self.submission_due_on:
            return self.submission_due_on
        if self.submission_due_days is not None:
            return cohort.starts_on + datetime.timedelta(days=self.submission_due_days)
        return None

    def review_deadline(self, cohort) -> datetime.date | None:
        if self.review_due_on:
            return self.review_due_on
        if self.review_due_days is not None:
            return cohort.starts_on + datetime.timedelta(days=self.review_due_days)
        return None

    def get_context(self, request, *args, **kwargs):
        from training.assessments.reflections.selectors import assignment_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(assignment_page_context(user=request.user, assignment=self))
        return context


class RubricCriterion(Orderable):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale 1–4")
        COMMENT = "comment", _("Open comment")

    page = ParentalKey(
        ReflectionAssignmentPage, on_delete=models.CASCADE, related_name="rubric_criteria"
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    title = models.CharField(_("criterion"), max_length=150)
    guidance = models.TextField(_("guidance for the reviewer"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    level_1 = models.CharField(_("label for 1"), max_length=60, default="Nog niet")
    level_2 = models.CharField(_("label for 2"), max_length=60, default="Een begin")
    level_3 = models.CharField(_("label for 3"), max_length=60, default="Grotendeels")
    level_4 = models.CharField(_("label for 4"), max_length=60, default="Helemaal")

    panels = [
        FieldPanel("title"),
        FieldPanel("guidance"),
        FieldPanel("kind"),
        FieldRowPanel(
            [
                FieldPanel("level_1"),
                FieldPanel("level_2"),
                FieldPanel("level_3"),
                FieldPanel("level_4"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("rubric criterion")

    def __str__(self):
        return self.title

    @property
    def levels(self) -> list[tuple[int, str]]:
        return [(1, self.level_1), (2, self.level_2), (3, self.level_3), (4, self.level_4)]


class Submission(models.Model):
    """A learner's reflection for one assignment; its text lives in versions."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in peer review")
        AWAITING_TRAINER = "awaiting_trainer", _("awaiting the trainer")
        REVISION_REQUESTED = "revision_requested", _("revision requested")
        APPROVED = "approved", _("approved")

    class Audience(models.TextChoices):
        PEERS = "peers", _("trainer and fellow learners")
        TRAINER = "trainer", _("only the trainer")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="submissions"
    )
    # Denormalised for the no-self-review constraint and cohort-scoped allocation.
    # `cohort` is always the enrolment's cohort: it moves with the enrolment
    # (training.assessments.receivers.follow_moved_enrolment).
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    cohort = models.ForeignKey("learning.Cohort", on_delete=models.CASCADE, related_name="+")
    assignment = models.ForeignKey(
        ReflectionAssignmentPage, on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.PEERS)
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "assignment"], name="assessments_one_submission_per_assignment"
            ),
        ]
        indexes = [models.Index(fields=["cohort", "assignment", "status"])]

    def __str__(self):
        return f"{self.assignment} · {self.author}"

    @property
    def shared_with_peers(self) -> bool:
        return self.audience == self.Audience.PEERS

    def latest_version(self):
        return self.versions.order_by("-number").first()

    # -- State: the only writers of `status` (tests/test_state_owners.py) ----------------
    # Each guards the move, changes and saves; the services around them (in
    # training.assessments.reflections.services) lock the row, log and notify.

    def submit(self, *, audience: str, to_peers: bool, now) -> None:
        """A version was submitted: to peer review, or straight to the trainer."""
        if self.status not in (self.Status.DRAFT, self.Status.REVISION_REQUESTED):
            raise SubmissionStateError(self.status, "submit")
        self.audience = audience
        self.first_submitted_at = self.first_submitted_at or now
        self.status = self.Status.IN_REVIEW if to_peers else self.Status.AWAITING_TRAINER
        self.save(update_fields=["audience", "first_submitted_at", "status", "updated_at"])

    def peer_review_complete(self) -> None:
        """Enough feedback was given: the reflection goes on to the trainer."""
        if self.status != self.Status.IN_REVIEW:
            raise SubmissionStateError(self.status, "peer_review_complete")
        self.status = self.Status.AWAITING_TRAINER
        self.save(update_fields=["status", "updated_at"])

    def decide(self, *, approved: bool) -> None:
        """The trainer approved the submitted version, or asked for a revision."""
        if self.status not in (self.Status.IN_REVIEW, self.Status.AWAITING_TRAINER):
            raise SubmissionStateError(self.status, "decide")
        self.status = self.Status.APPROVED if approved else self.Status.REVISION_REQUESTED
        self.save(update_fields=["status", "updated_at"])


class SubmissionStateError(Exception):
    """A reflection cannot make this move from its current state (a programming error:
    the services check the version first and answer the learner in Dutch)."""

    def __init__(self, status: str, move: str):
        super().__init__(f"a reflection in state {status!r} cannot {move}")
        self.status, self.move = status, move


class SubmissionVersion(models.Model):
    """One version of the text. Submitting locks it; a revision request opens the next."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("approved")
        REVISION = "revision", _("revision requested")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    word_count = models.PositiveIntegerField(default=0)
    revision = models.PositiveIntegerField(
        default=0, help_text=_("Increases with every saved draft.")
    )
    saved_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    decision_comment = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="assessments_unique_version_number"
            ),
        ]

    def __str__(self):
        return f"{self.submission} v{self.number}"

    @property
    def is_locked(self) -> bool:
        return self.submitted_at is not None


class DraftRevision(models.Model):
    """One saved draft of a version, kept so that no acknowledged text is ever lost.

    Personal data held: the learner's own draft text (special category: it may
    be about their health), readable by its author only. The last
    `REFLECTION_DRAFT_HISTORY` revisions of a version are kept; older ones are
    deleted in the transaction that saves a new one. `client_id` is a random
    per-tab id sent by the editor (not personal): a tab whose base is stale
    only because of its own earlier saves is not in conflict.
    """

    version = models.ForeignKey(
        SubmissionVersion, on_delete=models.CASCADE, related_name="draft_revisions"
    )
    revision = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    word_count = models.PositiveIntegerField(default=0)
    saved_at = models.DateTimeField(default=timezone.now)
    client_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "revision"], name="assessments_unique_draft_revision"
            ),
        ]

    def __str__(self):
        return f"{self.version} r{self.revision}"


class PeerReviewQuerySet(models.QuerySet):
    def lapse(self) -> int:
        """Give the open claims among these back to the pool (their slots become free);
        feedback already given stays. The only writer of a lapse; returns claims lapsed."""
        return self.filter(status=PeerReview.Status.CLAIMED).update(
            status=PeerReview.Status.LAPSED, reviewer_slot=None, submission_slot=None
        )


class PeerReview(models.Model):
    """A reviewer's claim on a submission, and the feedback once given.

    `reviewer_slot` and `submission_slot` number the active claims of a
    reviewer (per assignment) and of a submission; unique constraints on them
    cap both under concurrent claims. A lapsed claim gives its slots back (NULL).
    """

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("claimed")
        SUBMITTED = "submitted", _("feedback given")
        LAPSED = "lapsed", _("lapsed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="peer_reviews"
    )
    version = models.ForeignKey(
        SubmissionVersion, on_delete=models.CASCADE, related_name="peer_reviews"
    )
    assignment = models.ForeignKey(
        ReflectionAssignmentPage, on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_reviews_given"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CLAIMED)
    reviewer_slot = models.PositiveSmallIntegerField(null=True, blank=True)
    submission_slot = models.PositiveSmallIntegerField(null=True, blank=True)
    claimed_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(_("This is what I read in your story"), blank=True)
    question = models.TextField(_("My question to you"), blank=True)
    recognition = models.TextField(_("What I recognise from my own experience"), blank=True)
    rubric = models.JSONField(
        default=dict, blank=True, help_text=_("Per criterion key: score and comment.")
    )

    objects = PeerReviewQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "reviewer"], name="assessments_one_review_per_reviewer"
            ),
            models.CheckConstraint(
                condition=~Q(reviewer=F("author")), name="assessments_no_self_review"
            ),
            models.UniqueConstraint(
                fields=["reviewer", "assignment", "reviewer_slot"],
                name="assessments_reviewer_slot_unique",
            ),
            models.UniqueConstraint(
                fields=["submission", "submission_slot"], name="assessments_submission_slot_unique"
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self):
        return f"{self.reviewer} → {self.submission}"

    def give(self, *, summary: str, question: str, recognition: str, rubric: dict, now) -> None:
        """The reviewer gives the feedback they claimed: the only writer of SUBMITTED."""
        if self.status != self.Status.CLAIMED:
            raise SubmissionStateError(self.status, "give feedback")
        self.summary, self.question, self.recognition = summary, question, recognition
        self.rubric = rubric
        self.status, self.submitted_at = self.Status.SUBMITTED, now
        self.save()


class ReviewRating(models.Model):
    """The author's rating of feedback received: how helpful, and did I feel heard."""

    review = models.OneToOneField(PeerReview, on_delete=models.CASCADE, related_name="rating")
    helpfulness = models.PositiveSmallIntegerField()
    felt_heard = models.PositiveSmallIntegerField()
    thanks = models.TextField(blank=True)
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rating of feedback")
        verbose_name_plural = _("ratings of feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(helpfulness__gte=1, helpfulness__lte=4),
                name="assessments_helpfulness_1_4",
            ),
            models.CheckConstraint(
                condition=Q(felt_heard__gte=1, felt_heard__lte=4), name="assessments_felt_heard_1_4"
            ),
        ]

    def __str__(self):
        return f"{self.review}: {self.helpfulness}/{self.felt_heard}"


class ConcernFlag(models.Model):
    """'Ik maak me zorgen': goes privately to the cohort's trainers, never to peers."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="concerns")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField()
    raised_at = models.DateTimeField(default=timezone.now)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    follow_up_note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")

    def __str__(self):
        return f"{self.submission} ({self.raised_at:%Y-%m-%d})"


class ReflectionRead(models.Model):
    """Someone other than the author opened a reflection (role, not identity, is shown)."""

    class Role(models.TextChoices):
        PEER = "peer", _("fellow learner")
        TRAINER = "trainer", _("trainer")
        ADMIN = "admin", _("administrator")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reads")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=10, choices=Role.choices)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["submission", "role"])]

    def __str__(self):
        return f"{self.submission} · {self.role}"
