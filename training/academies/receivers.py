"""Keeps the cached map of academy catalogues (`selectors.academy_catalogue_paths`) true,
and gives the academies their read-only grant on a shared catalogue made later."""

from django.db.models.signals import post_delete, post_save

from .models import Academy


def _forget(**kwargs):
    from .selectors import academy_catalogue_paths_forget

    academy_catalogue_paths_forget()


def _shared_catalogue_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import shared_catalogue_grant

        shared_catalogue_grant(catalogue=instance)


def connect() -> None:
    from training.courses.models import CatalogPage

    post_save.connect(
        _shared_catalogue_saved, sender=CatalogPage, dispatch_uid="academies_shared_catalogue"
    )
    post_save.connect(_forget, sender=Academy, dispatch_uid="academies_paths_saved")
    post_delete.connect(_forget, sender=Academy, dispatch_uid="academies_paths_deleted")
