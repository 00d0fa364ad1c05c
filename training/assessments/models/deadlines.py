"""Deadline extensions for one learner, and the reminders sent before deadlines.

Personal data held: that a learner was given more time for an assignment
(and by which trainer), and which deadline reminders they were sent. No
reflection text, no reason for the extension.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeadlineKind(models.TextChoices):
    SUBMISSION = "submission", _("submitting the reflection")
    REVIEW = "review", _("giving feedback")


class DeadlineExtension(models.Model):
    """A later deadline for one learner (enrolment) and one assignment; one per kind."""

    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="deadline_extensions"
    )
    assignment = models.ForeignKey(
        "assessments.ReflectionAssignmentPage",
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="deadline_extensions",
    )
    kind = models.CharField(_("deadline"), max_length=10, choices=DeadlineKind.choices)
    until = models.DateField(_("new deadline"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "assignment", "kind"],
                name="assessments_one_extension_per_deadline",
            ),
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.assignment_id} · {self.kind} → {self.until}"


class DeadlineReminder(models.Model):
    """A reminder sent `days_before` a deadline; the constraint makes it once only."""

    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="deadline_reminders"
    )
    assignment = models.ForeignKey(
        "assessments.ReflectionAssignmentPage", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=DeadlineKind.choices)
    days_before = models.PositiveSmallIntegerField()
    deadline = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "assignment", "kind", "days_before"],
                name="assessments_one_deadline_reminder",
            ),
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.kind} −{self.days_before}"
