"""A trainer's own reusable phrases for decisions and revision requests.

Personal data held: none about learners; the phrases are the trainer's own
words, visible only to the trainer who wrote them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CommentPhrase(models.Model):
    class Use(models.TextChoices):
        ANY = "any", _("any decision")
        APPROVE = "approve", _("approving")
        REVISION = "revision", _("asking for a revision")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_phrases"
    )
    label = models.CharField(
        _("short name"), max_length=80, help_text=_("What you see in the list, e.g. “More depth”.")
    )
    text = models.TextField(_("phrase"), max_length=2000)
    use = models.CharField(_("for"), max_length=10, choices=Use.choices, default=Use.ANY)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("comment phrase")
        verbose_name_plural = _("comment bank")
        ordering = ["label", "pk"]

    def __str__(self):
        return self.label
