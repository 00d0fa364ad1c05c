"""Forms for the learner's reflection pages: writing, giving and rating feedback.

Forms only parse input; the rules (word limits, who may do what, required
rubric scores) live in the services, whose friendly errors the views add to
these forms so a refused post keeps everything the learner typed.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from training.assessments.models import RubricCriterion, Submission

HELPFULNESS_LEVELS = [
    (1, _("Not helpful")),
    (2, _("A little helpful")),
    (3, _("Helpful")),
    (4, _("Very helpful")),
]
FELT_HEARD_LEVELS = [
    (1, _("Not really")),
    (2, _("A little")),
    (3, _("Mostly")),
    (4, _("Completely")),
]


class ReflectionForm(forms.Form):
    """The editor on the assignment page (without JavaScript, it posts as is)."""

    text = forms.CharField(
        label=_("Your text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true", "autocomplete": "off"}),
    )
    audience = forms.ChoiceField(
        label=_("Who may read your reflection?"),
        choices=Submission.Audience.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Choosing who reads your story is part of guarding your own boundaries. "
            "“Only the trainer” is completely fine and costs you nothing; you still "
            "give feedback to fellow learners."
        ),
    )
    base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, audience_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        # The draft text is checked in one place (`text.draft_text_check`), with its own
        # messages: not also by Django's NUL-character validator.
        self.fields["text"].validators = []
        # Browsers ask for the audience before submitting; "save draft" skips that check.
        self.fields["audience"].widget.attrs["required"] = audience_required or None


class ReviewForm(forms.Form):
    """Feedback in the order of listening: what I read, my question, what I recognise, then the rubric."""

    summary = forms.CharField(
        label=_("This is what I read in your story"),
        help_text=_(
            "Summarise in your own words what the writer told. No advice: just what you heard."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )
    question = forms.CharField(
        label=_("My question to you"),
        help_text=_("One open question that invites the writer to tell more."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    recognition = forms.CharField(
        label=_("What I recognise from my own experience"),
        help_text=_(
            "Only if you want to: a short piece of your own experience, in service of the writer."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            if criterion.kind == RubricCriterion.Kind.SCALE:
                self.fields[self.score_name(criterion)] = forms.TypedChoiceField(
                    label=criterion.title,
                    choices=[(value, f"{value} · {label}") for value, label in criterion.levels],
                    coerce=int,
                    widget=forms.RadioSelect,
                    help_text=criterion.guidance,
                )
                self.fields[self.comment_name(criterion)] = forms.CharField(
                    label=_("Explanation for “%(criterion)s”") % {"criterion": criterion.title},
                    widget=forms.Textarea(attrs={"rows": 2}),
                    required=False,
                    max_length=2000,
                )
            else:
                self.fields[self.comment_name(criterion)] = forms.CharField(
                    label=criterion.title,
                    help_text=criterion.guidance,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    required=False,
                    max_length=2000,
                )

    @staticmethod
    def score_name(criterion) -> str:
        return f"score-{criterion.key}"

    @staticmethod
    def comment_name(criterion) -> str:
        return f"comment-{criterion.key}"

    def rubric_rows(self):
        """Per criterion: (criterion, score field or None, comment field), for the template."""
        for criterion in self.criteria:
            score_name = self.score_name(criterion)
            score = self[score_name] if score_name in self.fields else None
            yield criterion, score, self[self.comment_name(criterion)]

    def rubric(self) -> dict:
        """`PeerReview.rubric` as the service expects it: keyed by criterion key."""
        rubric = {}
        for criterion in self.criteria:
            entry = {"comment": self.cleaned_data.get(self.comment_name(criterion), "")}
            if criterion.kind == RubricCriterion.Kind.SCALE:
                entry["score"] = self.cleaned_data.get(self.score_name(criterion))
            rubric[str(criterion.key)] = entry
        return rubric


class RatingForm(forms.Form):
    helpfulness = forms.TypedChoiceField(
        label=_("How helpful was this feedback for you?"),
        choices=HELPFULNESS_LEVELS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    felt_heard = forms.TypedChoiceField(
        label=_("I felt heard"),
        choices=FELT_HEARD_LEVELS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    thanks = forms.CharField(
        label=_("A word of thanks"),
        help_text=_("Your fellow learner reads this, without your name."),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )


class ConcernForm(forms.Form):
    reason = forms.CharField(
        label=_("What worries you?"),
        help_text=_(
            "This goes privately to the trainers of the group, never to the writer or other learners."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
