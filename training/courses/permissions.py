"""Who may do what with courses: the Trainer group and its Wagtail permissions.

The least a trainer's work needs, and nothing else (`manage.py sync_roles`
sets exactly this and removes any other grant):

- the admin itself (`access_admin`);
- pages: add, change, publish and lock pages under every course catalogue
  (no `unlock_page`: a lock someone else set is theirs or an admin's to lift;
  no bulk delete, no other page trees);
- images and documents: add and choose in the "Lesmateriaal" collection
  only. Without `change_*`, Wagtail's ownership rule lets a trainer edit,
  replace and delete only what they uploaded themselves;
- cohorts: add, change and view (the admin views scope them to the cohorts
  the trainer trains; deleting is for administrators).

No other snippets (the skills lab's scenarios are the one exception), reports, users, groups, sites, redirects, forms or settings.
Signatures and association logos live in collections no group has any
permission on ("Handtekeningen", "Verenigingslogo's"), so only superusers
see or change them in the image library; a trainer sets their own signature
on the scoped "My signature" screen. Association staff work on the site's
own pages and hold no Wagtail permission or group at all.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

TRAINER_GROUP = "Trainer"

COURSE_MATERIAL_COLLECTION = "Lesmateriaal"
SIGNATURE_COLLECTION = "Handtekeningen"
LOGO_COLLECTION = "Verenigingslogo's"

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page")
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "choose_image"),
    "wagtaildocs": ("add_document", "choose_document"),
}
MODEL_PERMISSIONS = {
    "wagtailadmin": ("access_admin",),
    "learning": (
        "add_cohort",
        "change_cohort",
        "view_cohort",
        "add_announcement",
        "change_announcement",
        "view_announcement",
        "delete_announcement",
    ),
    "assessments": (
        "add_commentphrase",
        "change_commentphrase",
        "view_commentphrase",
        "delete_commentphrase",
    ),
    # The skills lab's scenario library (Wagtail snippets): trainers write and
    # reuse speaker cards; deleting one that activities use is for administrators.
    "practice": ("add_scenario", "change_scenario", "view_scenario"),
}


def _permissions(spec: dict) -> list[Permission]:
    query = Q(pk__in=[])
    for app_label, codenames in spec.items():
        query |= Q(content_type__app_label=app_label, codename__in=codenames)
    return list(Permission.objects.filter(query))


def collection_ensure(name: str) -> Collection:
    """The child of the root collection called `name`, created if missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


@transaction.atomic
def trainer_group_ensure() -> Group:
    """Create the Trainer group or set its permissions to exactly the list above (idempotent).

    Page permissions are granted on every course catalogue, so a catalogue
    added later is covered the next time this runs (`manage.py sync_roles`).
    """
    from .models import CatalogPage

    group, _ = Group.objects.get_or_create(name=TRAINER_GROUP)
    group.permissions.set(_permissions(MODEL_PERMISSIONS))

    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    wanted_pages = set()
    for catalog in CatalogPage.objects.all():
        for permission in page_permissions:
            grant, _ = GroupPagePermission.objects.get_or_create(
                group=group, page=catalog, permission=permission
            )
            wanted_pages.add(grant.pk)
    GroupPagePermission.objects.filter(group=group).exclude(pk__in=wanted_pages).delete()

    material = collection_ensure(COURSE_MATERIAL_COLLECTION)
    collection_ensure(SIGNATURE_COLLECTION)
    collection_ensure(LOGO_COLLECTION)
    wanted_collections = set()
    for permission in _permissions(COLLECTION_PERMISSIONS):
        grant, _ = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=material, permission=permission
        )
        wanted_collections.add(grant.pk)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        pk__in=wanted_collections
    ).delete()
    return group


def course_material_collect() -> int:
    """Move the images and documents left in the root collection into "Lesmateriaal".

    Run after signatures and logos have gone to their own collections, so
    trainers can keep choosing the lesson images and documents from before.
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    root = Collection.get_first_root_node()
    material = collection_ensure(COURSE_MATERIAL_COLLECTION)
    moved = 0
    for model in (get_image_model(), get_document_model()):
        moved += model.objects.filter(collection=root).update(collection=material)
    return moved


def is_platform_trainer(user) -> bool:
    """A superuser or a member of the platform's Trainer group. Academy roles count too in
    `training.learning.permissions.is_trainer`, which every trainer screen asks."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=TRAINER_GROUP).exists()
    )
