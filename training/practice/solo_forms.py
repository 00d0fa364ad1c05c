"""The learner's form for a "respond to this" block (see solo.py and solo_views.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import solo


class SoloAnswerForm(forms.Form):
    """Both texts as written: no maxlength in the page (a browser would cut a paste short)."""

    summary = forms.CharField(
        label=_("Your summary"),
        strip=False,
        error_messages={"required": solo.EmptySummary.message},
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In your own words: what do you hear them say?"),
    )
    question = forms.CharField(
        label=_("Your open question"),
        strip=False,
        error_messages={"required": solo.EmptyQuestion.message},
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One question that invites them to tell more."),
    )

    def clean(self):
        data = super().clean()
        problems = solo.solo_text_check(
            summary=data.get("summary", ""), question=data.get("question", "")
        )
        for name, problem in problems.items():
            if name not in self.errors:  # an empty field has its "required" message already
                self.add_error(name, problem.message)
        return data


def solo_form(*, block_id, answer=None, data=None) -> SoloAnswerForm:
    """The form of one block; ids carry the block id so two blocks on a page never clash."""
    initial = {"summary": answer.summary, "question": answer.question} if answer else None
    return SoloAnswerForm(data=data, initial=initial, auto_id=f"respond-{block_id}-%s")


class DilemmaReflectionForm(forms.Form):
    """The optional short reflection under a dilemma; as written (no maxlength in the page)."""

    reflection = forms.CharField(
        label=_("What do you take with you from this dilemma?"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A few sentences at most. Only you can see this."),
    )

    def clean_reflection(self):
        from .dilemmas import dilemma_reflection_check

        reflection = self.cleaned_data["reflection"]
        problem = dilemma_reflection_check(reflection)
        if problem:
            raise forms.ValidationError(problem.message)
        return reflection


def dilemma_form(*, block_id, path=None, data=None) -> DilemmaReflectionForm:
    """The reflection form of one dilemma block; ids carry the block id."""
    initial = {"reflection": path.reflection} if path else None
    return DilemmaReflectionForm(data=data, initial=initial, auto_id=f"dilemma-{block_id}-%s")
