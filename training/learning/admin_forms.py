"""The cohort form in the Wagtail admin."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MinValueValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm

from training.academies.models import TEACHING_ROLES
from training.academies.permissions import academies_where
from training.courses.models import CatalogPage, CoursePage
from training.courses.permissions import TRAINER_GROUP, is_platform_trainer

from .models import Cohort, Enrolment
from .reports import SORT_CHOICES, STATUS_CHOICES


def trainer_label(user) -> str:
    return f"{user.display_name} ({user.email})" if user.display_name else user.email


class CohortForm(WagtailAdminModelForm):
    """Name, course, trainers, dates and enrolment settings of a cohort.

    Academy: where the cohort runs, among the academies the person trains in
    (a platform trainer may also leave it empty: a platform cohort); fixed once
    the cohort exists. Courses are the live course pages of the shared platform
    catalogue and of those academies' catalogues; trainers are the people who
    hold the trainer role there (the Trainer group for platform cohorts). The
    chosen course and trainers must fit the chosen academy (`clean`). What the
    cohort already has stays choosable (an unpublished course, a trainer who
    left), so saving never drops it silently. The person creating a cohort is
    added to its trainers by the create view.
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
            "academy",
        ]
        widgets = {
            "course": forms.Select,
            "trainers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        editing = self.instance.pk is not None

        user = self.for_user
        self.platform_allowed = user is not None and is_platform_trainer(user)
        academies = academies_where(user, *TEACHING_ROLES) if user is not None else None
        academy_field = self.fields["academy"]
        academy_field.queryset = (
            academies if academies is not None else academy_field.queryset.none()
        )
        academy_field.required = not self.platform_allowed
        academy_field.empty_label = _("The platform (national)")
        academy_field.help_text = _("Who runs this cohort. It cannot be changed later.")
        if editing:
            academy_field.disabled = True
            academy_field.queryset = academy_field.queryset.model.objects.filter(
                pk=self.instance.academy_id
            )

        catalogues = list(CatalogPage.objects.all())
        if academies is not None:
            catalogues += [academy.catalogue for academy in academies.select_related("catalogue")]
        in_catalogues = Q(pk__in=[])
        for catalogue in catalogues:
            in_catalogues |= Q(path__startswith=catalogue.path, depth=catalogue.depth + 1)
        courses = Q(live=True) & in_catalogues
        academy_trainers = Q(
            academy_roles__academy__in=academies if academies is not None else [],
            academy_roles__role__in=TEACHING_ROLES,
        )
        trainers = academy_trainers
        if self.platform_allowed:
            trainers |= Q(groups__name=TRAINER_GROUP)
        trainers &= Q(is_active=True)
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
        self._clean_fits_academy(cleaned_data)
        return cleaned_data

    def _clean_fits_academy(self, cleaned_data):
        """The course is shared or the academy's own; the trainers hold the role there."""
        academy = cleaned_data.get("academy") if not self.instance.pk else self.instance.academy
        course = cleaned_data.get("course")
        if course is not None and not (self.instance.pk and course.pk == self.instance.course_id):
            shared = CatalogPage.objects.filter(path=course.path[: -CoursePage.steplen]).exists()
            own = academy is not None and course.path.startswith(academy.catalogue.path)
            if not (shared or own):
                self.add_error("course", _("Choose a shared course or a course of this academy."))
        already = (
            set(self.instance.trainers.values_list("pk", flat=True)) if self.instance.pk else set()
        )
        for trainer in cleaned_data.get("trainers") or []:
            if trainer.pk in already:
                continue
            if academy is None:
                fits = trainer.groups.filter(name=TRAINER_GROUP).exists()
            else:
                fits = trainer.academy_roles.filter(
                    academy=academy, role__in=TEACHING_ROLES
                ).exists()
            if not fits:
                self.add_error(
                    "trainers",
                    _("%(name)s is not a trainer where this cohort runs.")
                    % {"name": trainer_label(trainer)},
                )


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
