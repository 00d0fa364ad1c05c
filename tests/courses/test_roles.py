"""`sync_roles`: the Trainer group holds exactly the permissions its work needs, no more."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from tests.factories import (
    AssociationFactory,
    CatalogPageFactory,
    TrainerFactory,
    UserFactory,
    wagtail_image,
)
from training.courses.permissions import TRAINER_GROUP

pytestmark = pytest.mark.django_db

MODEL_PERMISSIONS = {
    "wagtailadmin.access_admin",
    "learning.add_cohort",
    "learning.change_cohort",
    "learning.view_cohort",
    # Announcements to their cohorts and their own comment bank (scoped by the viewsets).
    "learning.add_announcement",
    "learning.change_announcement",
    "learning.view_announcement",
    "learning.delete_announcement",
    "assessments.add_commentphrase",
    "assessments.change_commentphrase",
    "assessments.view_commentphrase",
    "assessments.delete_commentphrase",
    "practice.add_scenario",
    "practice.change_scenario",
    "practice.view_scenario",
}
PAGE_PERMISSIONS = {"add_page", "change_page", "publish_page", "lock_page"}
COLLECTION_PERMISSIONS = {
    ("Lesmateriaal", "add_image"),
    ("Lesmateriaal", "choose_image"),
    ("Lesmateriaal", "add_document"),
    ("Lesmateriaal", "choose_document"),
}


def granted(group):
    models = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    pages = {
        (g.page_id, g.permission.codename) for g in GroupPagePermission.objects.filter(group=group)
    }
    collections = {
        (g.collection.name, g.permission.codename)
        for g in GroupCollectionPermission.objects.filter(group=group)
    }
    return models, pages, collections


def test_sync_roles_sets_exactly_the_trainer_permissions_and_removes_extras(catalog):
    other_catalog = CatalogPageFactory(title="Meer cursussen")
    call_command("sync_roles")
    group = Group.objects.get(name=TRAINER_GROUP)
    # Grants that slipped in by hand: all of them must go.
    group.permissions.add(*Permission.objects.filter(codename__in=["delete_cohort", "add_user"]))
    root = Collection.get_first_root_node()
    for codename in ("change_image", "change_document", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=group, collection=root, permission=Permission.objects.get(codename=codename)
        )
    GroupPagePermission.objects.create(
        group=group, page=catalog, permission=Permission.objects.get(codename="unlock_page")
    )

    call_command("sync_roles")
    call_command("sync_roles")  # idempotent

    models, pages, collections = granted(group)
    assert models == MODEL_PERMISSIONS
    assert pages == {(page.pk, p) for page in (catalog, other_catalog) for p in PAGE_PERMISSIONS}
    assert collections == COLLECTION_PERMISSIONS


def test_sync_roles_sorts_signatures_logos_and_material_into_their_collections(db):
    from training.certificates.models import TrainerSignature

    Image = get_image_model()

    signature, logo = wagtail_image("handtekening"), wagtail_image("logo")
    wagtail_image("les")
    TrainerSignature.objects.create(trainer=TrainerFactory(), name="T", image=signature)
    AssociationFactory(logo=logo)

    call_command("sync_roles")

    names = {i.title: i.collection.name for i in Image.objects.select_related("collection")}
    assert names == {
        "handtekening": "Handtekeningen",
        "logo": "Verenigingslogo's",
        "les": "Lesmateriaal",
    }


def test_association_staff_hold_no_wagtail_permission(client):
    staff = UserFactory()
    AssociationFactory(staff=[staff])
    call_command("sync_roles")
    staff.refresh_from_db()
    assert staff.get_all_permissions() == set()
    assert not staff.groups.exists()
