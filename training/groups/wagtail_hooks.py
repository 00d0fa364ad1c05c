"""What this app adds to lower apps' pages (through the hooks in training/hooks.py) and
to Wagtail's admin menu."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from training.continuing.selectors import LedgerLine
from training.hooks import ORDER, PRACTICE_LOG_PROMPTS, RENEWAL_LINES, LogPrompt
from training.learning.permissions import is_trainer

from .permissions import groups_shared_with_trainer
from .selectors import dipping_groups, feedback_reflections


class SharedGroupsMenuItem(MenuItem):
    """Shown to a trainer once a learner they trained shares a group's figures with them."""

    def is_shown(self, request):
        user = request.user
        return is_trainer(user) and groups_shared_with_trainer(user).exists()


@hooks.register("register_admin_menu_item")
def register_shared_groups_menu_item():
    return SharedGroupsMenuItem(
        gettext_lazy("Group feedback"),
        reverse("groups:trainer"),
        name="group-feedback",
        icon_name="group",
        order=265,
    )


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
