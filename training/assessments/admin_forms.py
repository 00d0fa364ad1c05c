"""Forms of the trainer's review queue in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from training.learning.models import Enrolment

from .models import DeadlineKind, ReflectionAssignmentPage, Submission

TEXT_MAX_LENGTH = 5000


class QueueFilterForm(forms.Form):
    """Filter a cohort's queue by assignment and status (both optional)."""

    assignment = forms.ModelChoiceField(
        label=_("Assignment"),
        queryset=ReflectionAssignmentPage.objects.none(),
        required=False,
        empty_label=_("All assignments"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *Submission.Status.choices],
        required=False,
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignment"].queryset = ReflectionAssignmentPage.objects.descendant_of(
            cohort.course
        ).order_by("path")


class DecisionForm(forms.Form):
    """Approve the submitted version, or ask for a revision (which needs a comment)."""

    APPROVE = "approve"
    REVISION = "revision"

    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[(APPROVE, _("Approve")), (REVISION, _("Ask for a revision"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the learner"),
        help_text=_("Required when you ask for a revision: say what to work on."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=TEXT_MAX_LENGTH,
        required=False,
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == self.REVISION and not cleaned_data.get("comment"):
            self.add_error("comment", _("Say what the learner should work on."))
        return cleaned_data

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE


class ConcernForm(forms.Form):
    reason = forms.CharField(
        label=_("What worries you?"),
        help_text=_("Only the trainers of this group see this."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_MAX_LENGTH,
    )


class ConcernFollowUpForm(forms.Form):
    note = forms.CharField(
        label=_("What did you do? (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=TEXT_MAX_LENGTH,
        required=False,
    )


class DeadlineExtensionForm(forms.Form):
    """Give one learner of the cohort a later deadline for one assignment."""

    enrolment = forms.ModelChoiceField(label=_("Learner"), queryset=Enrolment.objects.none())
    assignment = forms.ModelChoiceField(
        label=_("Assignment"), queryset=ReflectionAssignmentPage.objects.none()
    )
    kind = forms.ChoiceField(label=_("Deadline for"), choices=DeadlineKind.choices)
    until = forms.DateField(label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"].queryset = (
            cohort.enrolments.filter(status=Enrolment.Status.ACTIVE)
            .select_related("learner")
            .order_by("learner__display_name", "learner__email")
        )
        self.fields["enrolment"].label_from_instance = lambda e: e.learner.get_full_name()
        self.fields["assignment"].queryset = (
            ReflectionAssignmentPage.objects.descendant_of(cohort.course).live().order_by("path")
        )
