"""Every model that can hold a learner's personal data is covered by erasure and export.

Fails when someone adds a model with a relation to the user model, or a model
(or a text field) reachable from a learner's enrolments, without saying in
training.privacy.registry how erasure and export handle it.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from training.learning.models import Enrolment
from training.privacy.registry import PERSONAL_DATA

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.FileField)


def models_related_to_the_user():
    user_model = get_user_model()
    found = {user_model._meta.label}
    for model in apps.get_models():
        for field in model._meta.get_fields(include_parents=False):
            if field.concrete and field.is_relation and field.related_model is user_model:
                found.add(model._meta.label)
    return found


def models_reachable_from_enrolments():
    """Enrolment and every model that points at it, or at one of those, and so on."""
    seen, todo = set(), [Enrolment]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for relation in model._meta.related_objects:
            if relation.one_to_many or relation.one_to_one:
                todo.append(relation.related_model)
    return seen


def text_fields(model):
    return {
        field.name
        for field in model._meta.get_fields(include_parents=False)
        if field.concrete and isinstance(field, TEXT_FIELDS) and not field.choices
    }


def test_every_model_with_a_user_relation_is_covered():
    missing = models_related_to_the_user() - PERSONAL_DATA.keys()
    assert not missing, f"Say in training.privacy.registry how erasure and export handle {missing}"


def test_every_text_field_reachable_from_enrolments_is_covered():
    problems = {}
    for model in models_reachable_from_enrolments():
        coverage = PERSONAL_DATA.get(model._meta.label)
        if coverage is None:
            problems[model._meta.label] = "not in the registry"
        elif text_fields(model) != coverage.texts:
            problems[model._meta.label] = sorted(text_fields(model) ^ coverage.texts)
    assert not problems, f"Cover these in training.privacy.registry (and erasure): {problems}"


def test_the_registry_names_only_models_that_exist():
    assert all(apps.get_model(label) for label in PERSONAL_DATA)


def test_a_new_model_with_a_user_foreign_key_would_fail_the_check():
    """The check itself can fail: a model it has not seen is reported."""

    class Diary(models.Model):
        author = models.ForeignKey(get_user_model(), on_delete=models.CASCADE)

        class Meta:
            app_label = "privacy"

        def __str__(self):
            return "diary"

    try:
        assert "privacy.Diary" in models_related_to_the_user() - PERSONAL_DATA.keys()
    finally:
        apps.all_models["privacy"].pop("diary", None)
        apps.clear_cache()
