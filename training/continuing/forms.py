import datetime
import uuid

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.versioning import VersionedFormMixin

from .models import ExternalActivity, IntervisionCase, PracticeSession, WellbeingCheckIn


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


PLATFORM = "platform"


class AddressedPlaceMixin:
    """An `academy` choice for a facilitator who took courses in more than one place
    (academies, or the platform): whose trainers the entry is for. With one place there
    is nothing to choose and no field (the service addresses it there)."""

    place_label = _("For the trainers of")
    place_help = ""

    def add_place_field(self, places, current=None):
        if not places or len(places) < 2:
            return
        self._places = {self._place_value(place): place for place in places}
        self.fields["academy"] = forms.ChoiceField(
            label=self.place_label,
            help_text=self.place_help,
            choices=[
                (value, place.name if place else settings.WAGTAIL_SITE_NAME)
                for value, place in self._places.items()
            ],
            initial=self._place_value(current if current in places else places[0]),
            widget=forms.RadioSelect,
        )

    @staticmethod
    def _place_value(place) -> str:
        return str(place.pk) if place is not None else PLATFORM

    def clean_academy(self):
        return self._places[self.cleaned_data["academy"]]


class PracticeSessionForm(AddressedPlaceMixin, forms.ModelForm):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = PracticeSession
        fields = [
            "held_on",
            "group_kind",
            "setting",
            "duration_minutes",
            "co_facilitator",
            "participants",
            "own_experience",
            "listening_moment",
            "boundary_moment",
            "shared_with_trainer",
        ]
        widgets = {
            "held_on": DateInput(),
            "setting": forms.RadioSelect,
            "own_experience": forms.Textarea(attrs={"rows": 4}),
            "listening_moment": forms.Textarea(attrs={"rows": 4}),
            "boundary_moment": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "duration_minutes": _("For example 90 for an evening of an hour and a half."),
            "own_experience": _("Only for you, unless you choose to share this entry."),
            "shared_with_trainer": _(
                "Your trainers can then read this entry, reflection included. "
                "You can undo this at any time."
            ),
        }

    place_label = _("Share with the trainers of")
    place_help = _(
        "You took a course at more than one academy. If you share this entry, only the "
        "trainers of the academy you choose can read it."
    )

    def __init__(self, *args, places=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_place_field(places, current=self.instance.academy if self.instance.pk else None)
        if self.instance.pk:
            del self.fields["client_id"]
        else:
            self.fields["held_on"].initial = timezone.localdate
        self.fields["duration_minutes"].min_value = 5
        self.fields["duration_minutes"].widget.attrs.update({"min": 5, "max": 600})
        self.fields["participants"].widget.attrs.update({"min": 0, "max": 500})

    def clean_held_on(self):
        day = self.cleaned_data["held_on"]
        if day > timezone.localdate() + datetime.timedelta(days=1):
            raise forms.ValidationError(_("Log a session once it has taken place."))
        return day

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if not 5 <= minutes <= 600:
            raise forms.ValidationError(_("Fill in a duration between 5 and 600 minutes."))
        return minutes

    def clean_participants(self):
        number = self.cleaned_data["participants"]
        if number is not None and number > 500:
            raise forms.ValidationError(_("Fill in at most 500 participants."))
        return number


class CheckInForm(AddressedPlaceMixin, forms.ModelForm):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = WellbeingCheckIn
        fields = ["energy_cost", "energy_gain", "sleep", "lingering", "wants_contact"]
        widgets = {
            "energy_cost": forms.RadioSelect,
            "energy_gain": forms.RadioSelect,
            "sleep": forms.RadioSelect,
        }
        help_texts = {
            "wants_contact": _(
                "Your trainer gets a message that you would like contact, without any of "
                "your answers."
            ),
        }

    place_label = _("Contact from a trainer of")
    place_help = _(
        "You took a course at more than one academy. Only if you ask for contact: a trainer "
        "of the academy you choose gets the message."
    )

    def __init__(self, *args, places=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_place_field(places)
        for name in ("energy_cost", "energy_gain", "sleep"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]


PROOF_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
PROOF_MAX_BYTES = 5 * 1024 * 1024


class ExternalActivityForm(AddressedPlaceMixin, forms.ModelForm):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    place_label = _("Checked by the trainers of")
    place_help = _(
        "You took a course at more than one academy. A trainer of the academy you choose "
        "checks your proof."
    )

    def __init__(self, *args, places=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_place_field(places)

    class Meta:
        model = ExternalActivity
        fields = ["title", "done_on", "hours", "on_boundaries", "proof"]
        widgets = {
            "done_on": DateInput(),
            # Text, not type=number: "1,5" is how Dutch people write it.
            "hours": forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        }
        localized_fields = ["hours"]
        help_texts = {
            "title": _("For example: a training day on grief, or a course on group dynamics."),
            "hours": _("In hours, for example 3 or 1.5."),
            "proof": _(
                "A certificate of attendance or similar, as PDF, JPG or PNG (at most 5 MB)."
            ),
        }

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if not 0 < hours <= 40:
            raise forms.ValidationError(_("Fill in between 0.5 and 40 hours."))
        return hours

    def clean_done_on(self):
        day = self.cleaned_data["done_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Add an activity once you have done it."))
        return day

    def clean_proof(self):
        proof = self.cleaned_data["proof"]
        if proof.size > PROOF_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        head = proof.read(8)
        proof.seek(0)
        if not (
            head.startswith(b"%PDF")
            or head.startswith(b"\xff\xd8\xff")
            or head.startswith(b"\x89PNG\r\n\x1a\n")
        ):
            raise forms.ValidationError(_("Upload a PDF, JPG or PNG file."))
        return proof


class CaseForm(forms.ModelForm):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = IntervisionCase
        fields = ["case", "questions", "analysis", "advice", "takeaway", "shared_with_group"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields[:5]}
        help_texts = {
            "case": _("Describe the situation without names or details that make someone known."),
            "shared_with_group": _("The members of your group can then read these notes."),
        }


class CaseEditForm(VersionedFormMixin, forms.ModelForm):
    """One's own case notes again, from the version that was opened."""

    class Meta(CaseForm.Meta):
        pass


class PracticeSessionEditForm(VersionedFormMixin, PracticeSessionForm):
    """A logged session again, from the version that was opened."""


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(
        label=_("Who was there?"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (str(m.pk), m.get_full_name() or m.email) for m in members
        ]
