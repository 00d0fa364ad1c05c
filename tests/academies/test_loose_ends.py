"""Loose ends of the academies: `sync_roles` keeps every academy's groups too, and the
cached map of academy catalogues follows a catalogue that moves."""

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from tests.factories import academy_course, academy_create, build_course
from training.academies.models import AcademyGroup, Role
from training.academies.selectors import academy_catalogue_paths, academy_of_page

pytestmark = pytest.mark.django_db


def _grants(academy, role):
    group = AcademyGroup.objects.get(academy=academy, role=role).group
    pages = {
        (grant.page_id, grant.permission.codename)
        for grant in GroupPagePermission.objects.filter(group=group)
    }
    collections = {
        (grant.collection_id, grant.permission.codename)
        for grant in GroupCollectionPermission.objects.filter(group=group)
    }
    return group, pages, collections, set(group.permissions.values_list("codename", flat=True))


def test_sync_roles_resets_every_academys_role_groups(db):
    national = build_course(modules=1, lessons_per_module=1)
    academies = [academy_create("Academie A"), academy_create("Academie B")]
    wanted = {
        (academy.pk, role): _grants(academy, role)[1:] for academy in academies for role in Role
    }
    for academy in academies:
        group, *_ = _grants(academy, Role.TRAINER)
        # Drift: a grant lost, a stray grant on the shared course, a stray model permission.
        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.create(group=group, page=national, permission_type="change")
        group.permissions.add(Permission.objects.get(codename="delete_cohort"))
        GroupCollectionPermission.objects.filter(group=group).delete()

    call_command("sync_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115

    for academy in academies:
        for role in Role:
            assert _grants(academy, role)[1:] == wanted[(academy.pk, role)], (academy, role)


@pytest.fixture
def moved_setting():
    from home.models import HomePage

    academy = academy_create("Academie A")
    lesson = academy_course(academy, modules=1, lessons_per_module=1).get_descendants().last()
    second_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Tweede site", slug="tweede-site")
    )
    return academy, lesson, second_home


def test_the_catalogue_map_follows_a_catalogue_that_moves(moved_setting):
    academy, lesson, second_home = moved_setting
    assert academy_of_page(lesson) == academy  # the map is cached now
    academy.catalogue.move(second_home, pos="last-child")
    lesson.refresh_from_db()
    assert academy_of_page(lesson) == academy
    assert academy_catalogue_paths() == {Page.objects.get(pk=academy.catalogue_id).path: academy.pk}


def test_the_catalogue_map_follows_when_an_ancestor_moves(moved_setting):
    academy, lesson, second_home = moved_setting
    home = academy.catalogue.get_parent()
    assert academy_of_page(lesson) == academy
    home.move(second_home, pos="last-child")
    lesson.refresh_from_db()
    assert academy_of_page(lesson) == academy


def test_the_catalogue_map_is_forgotten_when_a_catalogue_page_is_copied_or_deleted(db):
    """A copy of a catalogue is no academy's; a catalogue page goes only with its academy
    (PROTECT). Both leave the map true; the map is read fresh after either."""
    from django.core.cache import cache

    from training.academies.selectors import CATALOGUE_PATHS_KEY

    academy = academy_create("Academie A")
    academy_catalogue_paths()
    copy = academy.catalogue.copy(update_attrs={"slug": "kopie", "title": "Kopie"})
    assert cache.get(CATALOGUE_PATHS_KEY) is None
    academy_catalogue_paths()
    copy.delete()
    assert cache.get(CATALOGUE_PATHS_KEY) is None
    assert academy_catalogue_paths() == {academy.catalogue.path: academy.pk}
