"""An editor panel that says whether the course's practice rule can be met, per mode.

Shown in the practice activity's page editor and in the rule's own form (see
`feasibility.practice_rules_feasibility`). It reads the object being edited:
a practice activity counts with its own mode and rounds, a rule with its number.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


def _course_of(instance, form):
    from training.courses.models import CoursePage

    if getattr(instance, "course_id", None):  # a PracticeRequirement
        return instance.course
    if getattr(instance, "pk", None) and hasattr(instance, "module"):  # a saved activity
        return instance.course
    parent = getattr(form, "parent_page", None)  # a new activity under a module
    if parent is None:
        return None
    return CoursePage.objects.ancestor_of(parent, inclusive=True).first()


class PracticeFeasibilityPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Can every learner meet the practice rule?"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "practice_feasibility"

    class BoundPanel(Panel.BoundPanel):
        template_name = "practice/admin/feasibility_panel.html"

        def get_context_data(self, parent_context=None):
            from .feasibility import practice_rules_feasibility
            from .models import PracticeActivityPage, PracticeRequirement

            context = super().get_context_data(parent_context)
            course = _course_of(self.instance, self.form)
            feasibility = None
            if course is not None:
                if isinstance(self.instance, PracticeActivityPage):
                    feasibility = practice_rules_feasibility(course=course, activity=self.instance)
                elif isinstance(self.instance, PracticeRequirement) and self.instance.pk:
                    feasibility = practice_rules_feasibility(
                        course=course, required=self.instance.listener_rounds
                    )
                else:
                    feasibility = practice_rules_feasibility(course=course)
            context["feasibility"] = feasibility
            context["rows"] = (
                [
                    {
                        "label": offer.label,
                        "summary": feasibility.summary(offer),
                        "met": feasibility.met_in(offer),
                    }
                    for offer in feasibility.modes
                ]
                if feasibility and feasibility.required is not None
                else []
            )
            context["course"] = course
            return context
