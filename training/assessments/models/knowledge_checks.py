"""Answers to knowledge checks.

Personal data held: which options a learner chose and when. Visible to the
learner and their cohort's trainers.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class KnowledgeCheckAttempt(models.Model):
    """One answer to one knowledge check; learners may retry, every try is kept."""

    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="knowledge_check_attempts"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    check_id = models.CharField(max_length=36, help_text=_("The knowledge check block's id."))
    selected_option_ids = models.JSONField(default=list)
    is_correct = models.BooleanField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("knowledge check attempt")
        ordering = ["answered_at", "pk"]
        indexes = [models.Index(fields=["enrolment", "lesson"])]

    def __str__(self):
        return f"{self.enrolment} · {self.check_id}"
