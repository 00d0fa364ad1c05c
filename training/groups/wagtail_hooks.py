"""What this app adds to lower apps' pages (through the hooks in training/hooks.py) and
to the trainer's admin home."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from training.continuing.selectors import LedgerLine
from training.hooks import ORDER, PRACTICE_LOG_PROMPTS, RENEWAL_LINES, LogPrompt
from training.learning.permissions import is_trainer

from .permissions import groups_shared_with_trainer
from .selectors import dipping_groups, feedback_reflections


class SharedGroupsPanel(Component):
    """On a trainer's admin home, once a learner they trained shares a group's figures with
    them: a link to the totals. A panel on the home page, not a menu item, so the other
    admin pages pay no query for it."""

    name = "group_feedback"
    order = 150
    template_name = "groups/admin/home_panel.html"

    def get_context_data(self, parent_context=None):
        return {"url": reverse("groups:trainer")}


@hooks.register("construct_homepage_panels")
def add_shared_groups_panel(request, panels):
    user = request.user
    if is_trainer(user) and groups_shared_with_trainer(user).exists():
        panels.append(SharedGroupsPanel())


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


#: What one reflection on a meeting's participants' feedback counts toward renewal.
FEEDBACK_REFLECTION_HOURS = 1.0


@hooks.register(RENEWAL_LINES.name, order=ORDER["groups"])
def feedback_reflection_lines(*, user_id, start, end) -> list[LedgerLine]:
    """Each practice-log entry with a written reflection on a meeting whose feedback
    reached the threshold (the renewal rule caps how much of it counts)."""
    return [
        LedgerLine(
            day=session.held_on,
            kind="feedback_reflection",
            title=session.group_kind,
            hours=FEEDBACK_REFLECTION_HOURS,
        )
        for session in feedback_reflections(user_id=user_id, start=start, end=end)
    ]
