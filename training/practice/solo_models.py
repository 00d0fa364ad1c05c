"""A learner's answer to a "respond to this" block in a lesson.

Imported at the end of `models.py` so Django registers it with the practice app.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SoloAnswer(models.Model):
    """What one learner wrote for one "respond to this" block: a summary and an open question.

    One row per enrolment, lesson and block (the block's stream id); answering
    again updates it. Only the learner sees it (and their data export).
    """

    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="solo_answers"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(_("block"), max_length=64)
    summary = models.TextField(_("summary"))
    question = models.TextField(_("open question"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("solo practice answer")
        verbose_name_plural = _("solo practice answers")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson", "block_id"], name="practice_solo_answer_once"
            ),
        ]

    def __str__(self):
        return f"{self.lesson_id} · {self.block_id}"


class DilemmaPath(models.Model):
    """One learner's way through one dilemma block: the choices opened, in order,
    and an optional short reflection.

    `choices` holds choice keys ("2" for the second choice, "2.1" for the first
    choice one step further), each once, in the order first opened. One row
    per enrolment, lesson and block (the block's stream id); every later step
    updates it. Only the learner sees it (and their data export).
    """

    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="dilemma_paths"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(_("block"), max_length=64)
    choices = models.JSONField(_("choices opened"), default=list, blank=True)
    reflection = models.TextField(_("reflection"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dilemma path")
        verbose_name_plural = _("dilemma paths")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson", "block_id"], name="practice_dilemma_path_once"
            ),
        ]

    def __str__(self):
        return f"{self.lesson_id} · {self.block_id}"
