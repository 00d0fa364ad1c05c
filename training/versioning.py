"""Edit forms that never overwrite newer text: optimistic versions on `updated_at`.

An edit form carries the `updated_at` of the row it was made from (a hidden
`version` field). The save is one conditional UPDATE on primary key and that
version; when another tab or device saved in between, nothing changes and
`ChangedElsewhere` is raised, so the view can show both texts and let the
writer choose (saving again from the refreshed form, which has the new
version). The database, not a read-then-write in Python, decides.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime


class ChangedElsewhere(Exception):
    """The row was saved after the form was made."""


class VersionedFormMixin(forms.Form):
    """For a ModelForm on a model with `updated_at`: adds and reads the `version` field."""

    version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["version"].initial = self.instance.updated_at.isoformat()

    def clean_version(self):
        # An unreadable version counts as an old one: the save refuses it.
        return parse_datetime(self.cleaned_data["version"] or "")


def with_version(data, version: str) -> dict:
    """Submitted form data with another version: the refreshed form after a conflict."""
    return (
        {**data.dict(), "version": version}
        if hasattr(data, "dict")
        else {**data, "version": version}
    )


def conflict_forms(form_class, data, rows, pk):
    """After `ChangedElsewhere`: the row as saved now, and the form that keeps what was
    typed, at the saved version (saving it again is the writer's choice).

    Two reads on purpose: a bound form writes into its instance, so the row shown
    as saved must be another object than the form's."""
    saved = rows.get(pk=pk)
    form = form_class(with_version(data, saved.updated_at.isoformat()), instance=rows.get(pk=pk))
    return saved, form


def update_if_unchanged(instance: models.Model, *, version, fields: dict) -> models.Model:
    """Write `fields` to `instance`'s row only if its `updated_at` is still `version`."""
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean(validate_unique=False, validate_constraints=False)
    now = timezone.now()
    model = type(instance)
    changed = version is not None and model._default_manager.filter(
        pk=instance.pk, updated_at=version
    ).update(**fields, updated_at=now)
    if not changed:
        raise ChangedElsewhere()
    instance.updated_at = now
    return instance
