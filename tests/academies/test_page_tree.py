"""Each academy's part of the page tree, by Wagtail's own page and collection permissions.

`academy_create` gives every role group page permissions on the academy's catalogue
and collection permissions on its collection, so Wagtail's explorer, page permission
tester and image choosers limit an academy's trainers to their own subtree.
"""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission
from wagtail.permissions import policy_registry

from tests.factories import (
    academy_course,
    academy_create,
    academy_person,
    build_course,
    login_with_mfa,
    wagtail_image,
)
from training.academies.models import AcademyGroup, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    a, b = academy_create("Academie A"), academy_create("Academie B")
    return {
        "a": a,
        "b": b,
        "trainer": academy_person(a, "trainer"),
        "own": academy_course(a, modules=1, lessons_per_module=1, title="Eigen cursus A"),
        "foreign": academy_course(b, modules=1, lessons_per_module=1, title="Cursus GEHEIM-B"),
        "national": build_course(modules=1, lessons_per_module=1, title="Landelijke basis"),
    }


def test_create_gives_each_role_a_group_with_grants_on_its_own_subtree_only(tree):
    a = tree["a"]
    groups = {link.role: link.group for link in AcademyGroup.objects.filter(academy=a)}
    assert set(groups) == set(Role.values)
    trainer_grants = GroupPagePermission.objects.filter(group=groups[Role.TRAINER]).exclude(
        permission__codename="view_page"  # the shared catalogues, read-only (tests below)
    )
    assert {grant.page_id for grant in trainer_grants} == {a.catalogue.pk}
    assert {grant.permission.codename for grant in trainer_grants} == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
    }
    assert not GroupPagePermission.objects.filter(group=groups[Role.STAFF]).exists()


def test_an_academy_trainer_authors_in_their_tree_only(tree):
    trainer = tree["trainer"]
    lesson = tree["own"].get_descendants().last().specific
    assert tree["a"].catalogue.permissions_for_user(trainer).can_add_subpage()
    assert lesson.permissions_for_user(trainer).can_edit()
    assert lesson.permissions_for_user(trainer).can_publish()
    for other in (tree["foreign"], tree["national"], tree["b"].catalogue):
        permissions = other.permissions_for_user(trainer)
        assert not permissions.can_edit() and not permissions.can_add_subpage(), other


def test_the_explorer_shows_a_trainer_their_tree_not_the_other_academys(tree, client):
    login_with_mfa(client, tree["trainer"])
    own = client.get(reverse("wagtailadmin_explore", args=[tree["a"].catalogue.pk]))
    assert own.status_code == 200
    assert "Eigen cursus A" in own.content.decode()
    foreign = client.get(reverse("wagtailadmin_explore", args=[tree["b"].catalogue.pk]))
    assert foreign.status_code in {302, 403, 404}
    assert "GEHEIM-B" not in foreign.content.decode()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[tree["foreign"].pk]))
    assert edit.status_code in {302, 403, 404}
    assert "GEHEIM-B" not in edit.content.decode()
    root = client.get(reverse("wagtailadmin_explore_root"))
    assert "GEHEIM-B" not in root.content.decode()


def test_images_are_chosen_from_the_academys_own_collection_only(tree, client):
    trainer = tree["trainer"]
    own = wagtail_image(title="Beeld A", collection=tree["a"].collection)
    wagtail_image(title="Beeld GEHEIM-B", collection=tree["b"].collection)
    image_policy = policy_registry.get_by_type(get_image_model())
    choosable = image_policy.instances_user_has_any_permission_for(trainer, ["choose"])
    assert list(choosable) == [own]
    login_with_mfa(client, trainer)
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200
    assert "GEHEIM-B" not in chooser.content.decode()
    assert get_image_model().objects.count() == 2


def test_an_academy_copies_the_shared_course_and_keeps_where_it_came_from(tree):
    from django.core.exceptions import PermissionDenied

    from training.academies.services import academy_course_copy

    trainer = tree["trainer"]
    copy = academy_course_copy(course=tree["national"], academy=tree["a"], user=trainer)
    assert copy.get_parent().pk == tree["a"].catalogue.pk
    assert copy.copied_from == tree["national"]
    assert not copy.live
    assert copy.get_descendants().count() == tree["national"].get_descendants().count()
    assert copy.permissions_for_user(trainer).can_edit()
    with pytest.raises(PermissionDenied):
        academy_course_copy(course=tree["national"], academy=tree["b"], user=trainer)
    with pytest.raises(PermissionDenied):
        academy_course_copy(course=tree["foreign"], academy=tree["a"], user=trainer)


def test_admin_page_search_and_chooser_show_nothing_of_the_other_academy(tree, client):
    login_with_mfa(client, tree["trainer"])
    for url in (
        reverse("wagtailadmin_pages:search") + "?q=GEHEIM",
        reverse("wagtailadmin_choose_page") + "?q=GEHEIM",
        reverse("wagtailadmin_choose_page_child", args=[tree["b"].catalogue.pk]),
    ):
        response = client.get(url)
        assert "GEHEIM-B" not in response.content.decode(), url


# --- The explorer: the academy's own tree and the shared courses (read-only) --------------


def test_academy_teaching_roles_get_a_view_grant_on_the_shared_catalogue(tree):
    """The shared catalogue made after the academy is covered too (a receiver grants it)."""
    national_catalogue = tree["national"].get_parent()
    for role in (Role.TRAINER, Role.ADMINISTRATOR):
        group = AcademyGroup.objects.get(academy=tree["a"], role=role).group
        grants = GroupPagePermission.objects.filter(group=group, page=national_catalogue)
        assert {grant.permission.codename for grant in grants} == {"view_page"}, role
    staff = AcademyGroup.objects.get(academy=tree["a"], role=Role.STAFF).group
    assert not GroupPagePermission.objects.filter(group=staff).exists()


def test_the_explorer_shows_a_trainer_the_shared_course_read_only(tree, client):
    from wagtail.models import Page

    trainer = tree["trainer"]
    national = tree["national"]
    policy = policy_registry.get_by_type(Page)
    explorable = policy.explorable_instances(trainer)
    assert explorable.filter(pk=national.pk).exists()
    assert explorable.filter(pk=national.get_children().first().pk).exists()
    assert not explorable.filter(pk=tree["b"].catalogue.pk).exists()
    assert not explorable.filter(pk=tree["foreign"].pk).exists()
    permissions = national.permissions_for_user(trainer)
    assert not any(
        (
            permissions.can_edit(),
            permissions.can_publish(),
            permissions.can_delete(),
            permissions.can_unpublish(),
            permissions.can_copy(),
            permissions.can_move(),
            permissions.can_lock(),
            permissions.can_add_subpage(),
        )
    )

    login_with_mfa(client, trainer)
    root = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert root.status_code == 200
    content = root.content.decode()
    assert "Academie A" in content and national.get_parent().title in content
    assert "Academie B" not in content
    catalogue = client.get(reverse("wagtailadmin_explore", args=[national.get_parent().pk]))
    assert catalogue.status_code == 200
    assert "Landelijke basis" in catalogue.content.decode()
    course = client.get(reverse("wagtailadmin_explore", args=[national.pk]))
    assert course.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[national.pk]) not in course.content.decode()


def _page_admin_urls(page, revision_id):
    return {
        "explore": reverse("wagtailadmin_explore", args=[page.pk]),
        "explore results": reverse("wagtailadmin_explore_results", args=[page.pk]),
        "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        "view draft": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision_id]),
        "compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision_id]
        ),
        "usage": reverse("wagtailadmin_pages:usage", args=[page.pk]),
        "copy": reverse("wagtailadmin_pages:copy", args=[page.pk]),
        "move": reverse("wagtailadmin_pages:move", args=[page.pk]),
        "delete": reverse("wagtailadmin_pages:delete", args=[page.pk]),
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        "add subpage": reverse("wagtailadmin_pages:add_subpage", args=[page.pk]),
        "privacy": reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
    }


@pytest.mark.parametrize("kind", ["catalogue", "course", "lesson"])
def test_no_admin_url_of_another_academys_page_opens(tree, client, kind):
    b = tree["b"]
    page = {
        "catalogue": b.catalogue,
        "course": tree["foreign"],
        "lesson": tree["foreign"].get_descendants().last(),
    }[kind].specific
    revision = page.save_revision()
    login_with_mfa(client, tree["trainer"])
    for name, url in _page_admin_urls(page, revision.pk).items():
        response = client.get(url)
        _assert_denied(response, name)
        assert "GEHEIM-B" not in response.content.decode(), name
    explore = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert explore.status_code == 404


def _assert_denied(response, name):
    """403 or 404, or Wagtail's own answer to PermissionDenied in its admin: a redirect
    to the admin's home page with "Sorry, you do not have permission" (never the page)."""
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home"), (name, response.url)
    else:
        assert response.status_code in {403, 404}, (name, response.status_code)


def test_no_admin_url_changes_the_shared_course(tree, client):
    national = tree["national"].specific
    revision = national.save_revision()
    login_with_mfa(client, tree["trainer"])
    readable = {"explore", "explore results"}
    for name, url in _page_admin_urls(national, revision.pk).items():
        response = client.get(url)
        if name in readable:
            assert response.status_code == 200, name
        else:
            _assert_denied(response, name)
