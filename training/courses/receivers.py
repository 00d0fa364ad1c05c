"""Published content changed: start a new content-cache generation (see content_cache.py).

Sites count too: the header's navigation (home.context_processors) is cached by generation.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .content_cache import content_changed


def _changed(sender=None, instance=None, **kwargs):
    # Now, and again after the commit: a request that rebuilt an entry from
    # the old rows while the transaction was open must not keep it.
    content_changed()
    transaction.on_commit(content_changed)


def _page_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _changed()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"course-content-{id(signal)}")
    # Pages saved or deleted directly (scripts, the demo seed, tests) count too.
    post_save.connect(_page_saved_or_deleted, dispatch_uid="course-content-page-saved")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="course-content-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _changed,
            sender=PageViewRestriction,
            dispatch_uid=f"course-content-restriction-{id(signal)}",
        )
        signal.connect(_changed, sender=Site, dispatch_uid=f"course-content-site-{id(signal)}")
