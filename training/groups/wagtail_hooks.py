"""What this app adds to lower apps' pages, through the hooks in training/hooks.py."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from training.hooks import ORDER, PRACTICE_LOG_PROMPTS, LogPrompt

from .selectors import dipping_groups


@hooks.register(PRACTICE_LOG_PROMPTS.name, order=ORDER["groups"])
def feedback_dip_prompts(*, user) -> list[LogPrompt]:
    """A short reflection prompt on the three pillars for each group whose last meeting
    dipped clearly against its own trend (figures above the threshold only)."""
    prompts = []
    for group, results in dipping_groups(user=user):
        statements = ", ".join(f"“{trend.label}”" for trend in results.dipping)
        prompts.append(
            LogPrompt(
                title=_("Your group %(name)s: a moment to reflect") % {"name": group.name},
                text=_(
                    "At the last meeting, fewer participants agreed than usual with %(statements)s. "
                    "Think about the three pillars: what did you bring of your own experience? "
                    "Where did you listen, and where not? Did you guard your own boundary and "
                    "the group's agreements?"
                )
                % {"statements": statements},
                links=(
                    (_("Log the session with your reflection"), reverse("continuing:session_new")),
                    (
                        _("See what the group says"),
                        reverse("groups:detail", args=[group.public_id]),
                    ),
                ),
            )
        )
    return prompts
