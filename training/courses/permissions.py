"""Who may do what with courses: the Trainer group and its Wagtail permissions.

Trainers author courses (the catalogue subtree), manage images and documents,
and add, change and view cohorts (only the cohorts they train: the admin views
scope their querysets); they cannot delete cohorts and get no access to site
settings, users or other page trees.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

TRAINER_GROUP = "Trainer"

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
# Model permissions; deleting a cohort is left to administrators.
MODEL_PERMISSIONS = {
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
}


def trainer_group_ensure() -> Group:
    """Create or update the Trainer group (idempotent).

    Page permissions are granted on every course catalogue, so a catalogue
    added later is covered the next time this runs (`manage.py sync_roles`).
    """
    from .models import CatalogPage

    group, _ = Group.objects.get_or_create(name=TRAINER_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for app_label, codenames in MODEL_PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    for catalog in CatalogPage.objects.all():
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=catalog, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return group


def is_trainer(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=TRAINER_GROUP).exists()
    )
