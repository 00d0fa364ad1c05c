"""The skills lab in the Wagtail admin: the scenario library, the certificate
requirement, the trainer's practice screens and the audit-log actions."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from training.hooks import (
    CALENDAR_EVENTS,
    LEARNER_CONTEXT,
    ORDER,
    PROGRESS_EXTRAS,
    STUCK_SECTIONS,
)

from .admin_views import PracticeAdminViewSet
from .calendar import member_meeting_events
from .course_pages import practice_page_context
from .dilemmas import dilemma_page_context
from .models import PracticeRequirement, Scenario
from .progress import practice_progress
from .solo_course_pages import solo_page_context
from .stuck import practice_stuck_sections


class ScenarioViewSet(SnippetViewSet):
    model = Scenario
    icon = "user"
    menu_label = _("Scenarios")
    list_display = ["title", "pillar_labels", "difficulty"]
    list_filter = ["pillars", "difficulty"]
    search_fields = ["title", "who_you_are"]

    def get_queryset(self, request):
        return Scenario.objects.prefetch_related("pillars")


register_snippet(ScenarioViewSet)


def _warn_if_a_mode_falls_short(request, course, activity=None) -> None:
    """After a save: say which learners cannot meet the practice rule (live or in writing)."""
    from .feasibility import practice_rules_feasibility

    for text in practice_rules_feasibility(course=course, activity=activity).warnings():
        messages.warning(request, text)


class FeasibilityWarningMixin:
    def form_valid(self, form):
        response = super().form_valid(form)
        _warn_if_a_mode_falls_short(self.request, self.object.course)
        return response


class PracticeRequirementCreateView(FeasibilityWarningMixin, generic.CreateView):
    pass


class PracticeRequirementEditView(FeasibilityWarningMixin, generic.EditView):
    pass


class PracticeRequirementViewSet(ModelViewSet):
    model = PracticeRequirement
    icon = "tick"
    menu_label = _("Practice for the certificate")
    add_to_settings_menu = True
    form_fields = ["course", "listener_rounds"]
    list_display = ["course", "listener_rounds"]
    add_view_class = PracticeRequirementCreateView
    edit_view_class = PracticeRequirementEditView


@hooks.register("register_admin_viewset")
def register_practice_requirement_viewset():
    return PracticeRequirementViewSet("practice_requirements")


@hooks.register("register_admin_viewset")
def register_practice_admin_viewset():
    return PracticeAdminViewSet()


@hooks.register("register_log_actions")
def register_practice_log_actions(actions):
    actions.register_action(
        "practice.groups_form", _("Form practice groups"), _("Practice groups formed")
    )
    actions.register_action(
        "practice.member_move", _("Move a learner to another practice group"), _("Learner moved")
    )
    actions.register_action(
        "practice.group_with_trainer",
        _("Form a smaller practice group with the trainer in it"),
        _("Practice group formed with the trainer"),
    )
    actions.register_action(
        "practice.written_partner",
        _("Pair a learner for written practice with another cohort"),
        _("Written practice pair formed"),
    )


# -- Contributions to lower apps (training.hooks) ------------------------------------------
hooks.register(LEARNER_CONTEXT.name, practice_page_context, order=ORDER["practice"])
hooks.register(LEARNER_CONTEXT.name, solo_page_context, order=ORDER["practice"])
hooks.register(LEARNER_CONTEXT.name, dilemma_page_context, order=ORDER["practice"])
hooks.register(CALENDAR_EVENTS.name, member_meeting_events, order=ORDER["practice"])
hooks.register(PROGRESS_EXTRAS.name, practice_progress, order=ORDER["practice"])
hooks.register(STUCK_SECTIONS.name, practice_stuck_sections, order=ORDER["practice"])


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_the_practice_rule_falls_short(request, page):
    """Saving a practice activity: say whether every learner can still meet the rule."""
    from .models import PracticeActivityPage

    specific = page.specific
    if isinstance(specific, PracticeActivityPage) and specific.course is not None:
        _warn_if_a_mode_falls_short(request, specific.course, activity=specific)


@hooks.register("before_unpublish_page")
@hooks.register("before_delete_page")
def refuse_to_leave_the_practice_rule_unmet(request, page):
    """Unpublishing or deleting a practice activity may not leave a rule nobody can meet."""
    from .feasibility import practice_rules_feasibility
    from .models import PracticeActivityPage

    specific = page.specific
    if not isinstance(specific, PracticeActivityPage) or specific.course is None:
        return None
    feasibility = practice_rules_feasibility(course=specific.course, without=specific)
    if feasibility.can_be_met:
        return None
    messages.error(
        request,
        f"{_('Not done: the practice rule for the certificate needs this activity.')} "
        f"{feasibility.refusal()}",
    )
    return redirect("wagtailadmin_pages:edit", specific.pk)
