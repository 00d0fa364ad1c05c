"""Factories and helpers for the skills lab."""

import factory
from django.utils import timezone

from tests.factories import PageFactory
from training.practice.models import ObservationCriterion, PracticeActivityPage, Scenario


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    title = factory.Sequence(lambda n: f"Scenario {n}")
    who_you_are = "Je bent Ria, 58, en zorgt al jaren voor je man."
    what_you_bring = "Je bent moe en wilt je verhaal kwijt."
    what_you_need = "Iemand die luistert."
    what_you_do_not_need = "Goede raad."
    debrief_questions = "Wat hielp?\nWanneer wilde je advies geven?"


CRITERIA = [
    ("Open vragen", "count", "open_questions"),
    ("Gesloten vragen", "count", "closed_questions"),
    ("Adviezen", "count", "advice"),
    ("Samenvattingen", "count", "summaries"),
    ("Luisterhouding", "scale", ""),
    ("Een moment om te onthouden", "example", ""),
]


class PracticeActivityPageFactory(PageFactory):
    class Meta:
        model = PracticeActivityPage

    title = factory.Sequence(lambda n: f"Oefenen {n}")
    instructions = "<p>Oefen in drietallen.</p>"

    @classmethod
    def _create(cls, model_class, *args, parent, criteria=True, scenarios=(), **kwargs):
        page = model_class(*args, **kwargs)
        page.first_published_at = page.last_published_at = timezone.now()
        if criteria:
            for order, (label, kind, measure) in enumerate(CRITERIA):
                page.criteria.add(
                    ObservationCriterion(label=label, kind=kind, measure=measure, sort_order=order)
                )
        page.scenarios = list(scenarios)
        parent.add_child(instance=page)
        return page


def answers_for(activity, **by_measure):
    """Observation answers keyed by criterion key; counts by measure name (default 0)."""
    answers = {}
    for criterion in activity.criteria.all():
        if criterion.kind == "count":
            answers[str(criterion.key)] = by_measure.get(criterion.measure, 0)
        elif criterion.kind == "scale":
            answers[str(criterion.key)] = 3
        else:
            answers[str(criterion.key)] = "Ze vatte mooi samen."
    return answers
