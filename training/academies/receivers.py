"""Keeps the cached map of academy catalogues (`selectors.academy_catalogue_paths`) true."""

from django.db.models.signals import post_delete, post_save

from .models import Academy


def _forget(**kwargs):
    from .selectors import academy_catalogue_paths_forget

    academy_catalogue_paths_forget()


def connect() -> None:
    post_save.connect(_forget, sender=Academy, dispatch_uid="academies_paths_saved")
    post_delete.connect(_forget, sender=Academy, dispatch_uid="academies_paths_deleted")
