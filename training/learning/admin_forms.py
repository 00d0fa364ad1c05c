"""The cohort form in the Wagtail admin."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MinValueValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm

from training.courses.models import CoursePage
from training.courses.permissions import TRAINER_GROUP

from .models import Cohort, Enrolment
from .reports import SORT_CHOICES, STATUS_CHOICES


def trainer_label(user) -> str:
    return f"{user.display_name} ({user.email})" if user.display_name else user.email


class CohortForm(WagtailAdminModelForm):
    """Name, course, trainers, dates and enrolment settings of a cohort.

    Courses are the live course pages; trainers are the members of the Trainer
    group. What the cohort already has stays choosable (an unpublished course,
    a trainer who left the group), so saving never drops it silently. The
    person creating a cohort is added to its trainers by the create view.
    """

    class Meta:
        model = Cohort
        fields = [
            "name",
            "course",
            "trainers",
            "starts_on",
            "ends_on",
            "capacity",
            "is_open",
            "self_enrolment",
            "association",
        ]
        widgets = {
            "course": forms.Select,
            "trainers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        editing = self.instance.pk is not None

        courses = Q(live=True)
        trainers = Q(groups__name=TRAINER_GROUP, is_active=True)
        if editing:
            courses |= Q(pk=self.instance.course_id)
            trainers |= Q(trained_cohorts=self.instance)
        self.fields["course"].queryset = CoursePage.objects.filter(courses).order_by("title")

        trainer_field = self.fields["trainers"]
        trainer_field.queryset = (
            get_user_model().objects.filter(trainers).distinct().order_by("display_name", "email")
        )
        trainer_field.label_from_instance = trainer_label
        trainer_field.required = False
        if not editing:
            user = self.for_user
            if user is not None and user.is_superuser:
                trainer_field.help_text = _(
                    "If you choose nobody, you become the trainer yourself."
                )
            else:
                trainer_field.help_text = _(
                    "You are added as a trainer yourself; choose colleagues who lead "
                    "the cohort with you."
                )

        capacity = self.fields["capacity"]
        capacity.validators.append(MinValueValidator(1))
        capacity.widget.attrs["min"] = 1

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk is not None and capacity is not None:
            active = self.instance.enrolments.filter(status=Enrolment.Status.ACTIVE).count()
            if capacity < active:
                raise forms.ValidationError(
                    ngettext(
                        "This group already has %(count)s active learner; "
                        "the capacity cannot be lower.",
                        "This group already has %(count)s active learners; "
                        "the capacity cannot be lower.",
                        active,
                    )
                    % {"count": active}
                )
        return capacity

    def clean_trainers(self):
        trainers = self.cleaned_data["trainers"]
        if self.instance.pk is not None and not trainers:
            raise forms.ValidationError(_("Choose at least one trainer."))
        return trainers

    def clean(self):
        cleaned_data = super().clean()
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return cleaned_data


class BulkInviteForm(forms.Form):
    """Paste addresses, upload a CSV, or both."""

    addresses = forms.CharField(
        label=_("Email addresses"),
        help_text=_("One per line, or separated by commas or semicolons."),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=100_000,
    )
    csv_file = forms.FileField(
        label=_("Or upload a CSV file"),
        help_text=_("Every cell with an email address is read; other columns are ignored."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("addresses", "").strip() and not cleaned_data.get("csv_file"):
            raise forms.ValidationError(_("Paste at least one email address or upload a CSV file."))
        return cleaned_data


class ProgressFilterForm(forms.Form):
    """The filters of the cohort progress page (GET); a wrong value is ignored, not an error."""

    q = forms.CharField(label=_("Search by name or email address"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = STATUS_CHOICES
        self.fields["sort"].choices = SORT_CHOICES
