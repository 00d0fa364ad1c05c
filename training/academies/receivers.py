"""Keeps the cached map of academy catalogues (`selectors.academy_catalogue_paths`) true
(an academy saved or deleted, any page moved, a catalogue page made or deleted), and
gives the academies their read-only grant on a shared catalogue made later."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import post_page_move

from .models import Academy, AcademyCatalogPage


def _forget(**kwargs):
    from .selectors import academy_catalogue_paths_forget

    # Now, and again after the commit: a request that rebuilt the map from the old
    # rows while the transaction was open must not keep it.
    academy_catalogue_paths_forget()
    transaction.on_commit(academy_catalogue_paths_forget)


def _catalogue_page_saved(sender, instance, created, **kwargs):
    if created:  # a copy of a catalogue (no academy's yet): read the map fresh anyway
        _forget()


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
    # A move changes the paths of the page and everything below it: any page's move may
    # move a catalogue (Wagtail's signal, sent by `MovePageAction` with the specific class).
    post_page_move.connect(_forget, dispatch_uid="academies_paths_page_moved")
    post_save.connect(
        _catalogue_page_saved, sender=AcademyCatalogPage, dispatch_uid="academies_paths_copied"
    )
    post_delete.connect(
        _forget, sender=AcademyCatalogPage, dispatch_uid="academies_paths_catalogue_deleted"
    )
    post_delete.connect(_forget, sender=Academy, dispatch_uid="academies_paths_deleted")
