""" "Copy to my academy": the button on a shared course, the confirm view, one copy only.

The service (`academy_course_copy`) is Wagtail's own page copy; these tests cover what
the admin adds around it: who sees the button, who may copy where, the choice of
academy, the redirect to the copy's editor, idempotency and the audit log.
"""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import (
    academy_course,
    academy_create,
    academy_person,
    build_course,
    login_with_mfa,
)
from training.academies import services
from training.academies.models import AcademyCourseCopy
from training.courses.models import CoursePage

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
        "national": build_course(modules=2, lessons_per_module=2, title="Landelijke basis"),
    }


def _copy_url(page):
    return reverse("academies_course_copy", args=[page.pk])


def _copies(academy):
    return CoursePage.objects.child_of(academy.catalogue).filter(copied_from__isnull=False)


def test_the_shared_course_offers_copy_to_my_academy_in_the_explorer(tree, client):
    national = tree["national"]
    login_with_mfa(client, tree["trainer"])
    listing = client.get(reverse("wagtailadmin_explore", args=[national.get_parent().pk]))
    assert _copy_url(national) in listing.content.decode()
    assert "Kopieer naar mijn academie" in listing.content.decode()
    header = client.get(reverse("wagtailadmin_explore", args=[national.pk]))
    assert _copy_url(national) in header.content.decode()
    own = client.get(reverse("wagtailadmin_explore", args=[tree["a"].catalogue.pk]))
    assert _copy_url(tree["own"]) not in own.content.decode()


def test_copy_confirm_copy_and_open_the_editor(tree, client):
    national, a = tree["national"], tree["a"]
    login_with_mfa(client, tree["trainer"])
    confirm = client.get(_copy_url(national))
    assert confirm.status_code == 200
    content = confirm.content.decode()
    assert "Landelijke basis" in content and "De kopie komt in Academie A." in content
    assert "no-store" in confirm["Cache-Control"]

    response = client.post(_copy_url(national), {"academy": a.pk}, follow=True)
    copy = _copies(a).get()
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert "is gekopieerd naar Academie A" in response.content.decode()
    assert copy.copied_from_id == national.pk and not copy.live
    assert copy.get_descendants().count() == national.get_descendants().count() == 6
    entry = ModelLogEntry.objects.get(action="academies.course_copy")
    assert entry.user_id == tree["trainer"].pk
    assert entry.data == {"course": national.pk, "copy": copy.pk}


def test_a_double_click_makes_one_copy(tree, client):
    national, a = tree["national"], tree["a"]
    login_with_mfa(client, tree["trainer"])
    first = client.post(_copy_url(national), {"academy": a.pk})
    second = client.post(_copy_url(national), {"academy": a.pk}, follow=True)
    copy = _copies(a).get()
    assert first.url == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert second.redirect_chain[-1][0] == first.url
    assert "heeft al een kopie van Landelijke basis" in second.content.decode()
    assert AcademyCourseCopy.objects.count() == 1
    assert ModelLogEntry.objects.filter(action="academies.course_copy").count() == 1


def test_the_database_allows_one_copy_per_course_and_academy(tree):
    copy = services.academy_course_copy(
        course=tree["national"], academy=tree["a"], user=tree["trainer"]
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AcademyCourseCopy.objects.create(
            academy=tree["a"], source=tree["national"], copy=tree["own"]
        )
    assert (
        services.academy_course_copy(
            course=tree["national"], academy=tree["a"], user=tree["trainer"]
        )
        == copy
    )


def test_the_loser_of_a_race_gets_the_winners_copy(tree, monkeypatch):
    """Two requests at once without row locks (SQLite): the constraint stops the second;
    its whole transaction rolls back and it answers with the first one's copy."""
    winner = services.academy_course_copy(
        course=tree["national"], academy=tree["a"], user=tree["trainer"]
    )
    pages_before = CoursePage.objects.count()

    def racing_copy(**kwargs):
        raise IntegrityError("academies_one_copy_per_course")

    monkeypatch.setattr(services, "_course_copy", racing_copy)
    loser = services.academy_course_copy(
        course=tree["national"], academy=tree["a"], user=tree["trainer"]
    )
    assert loser == winner
    assert CoursePage.objects.count() == pages_before


def test_a_copy_deleted_can_be_made_again(tree):
    copy = services.academy_course_copy(
        course=tree["national"], academy=tree["a"], user=tree["trainer"]
    )
    copy.delete()
    assert not AcademyCourseCopy.objects.exists()
    again = services.academy_course_copy(
        course=tree["national"], academy=tree["a"], user=tree["trainer"]
    )
    assert again.pk != copy.pk


def test_someone_in_two_academies_chooses_where_the_copy_goes(tree, client):
    from training.academies.services import academy_role_grant

    trainer = tree["trainer"]
    admin = academy_person(tree["b"], "administrator")
    academy_role_grant(academy=tree["b"], person=trainer, role="trainer", user=admin)
    login_with_mfa(client, trainer)
    confirm = client.get(_copy_url(tree["national"]))
    assert "Academie A" in confirm.content.decode() and "Academie B" in confirm.content.decode()
    missing = client.post(_copy_url(tree["national"]), {})
    assert missing.status_code == 400
    assert "Kies de academie die de kopie krijgt." in missing.content.decode()
    assert not AcademyCourseCopy.objects.exists()
    client.post(_copy_url(tree["national"]), {"academy": tree["b"].pk})
    assert _copies(tree["b"]).count() == 1 and _copies(tree["a"]).count() == 0


def test_no_copy_to_an_academy_one_does_not_work_for(tree, client):
    login_with_mfa(client, tree["trainer"])
    response = client.post(_copy_url(tree["national"]), {"academy": tree["b"].pk})
    assert response.status_code == 400
    assert not AcademyCourseCopy.objects.exists()


@pytest.mark.parametrize("kind", ["own course", "other academy's course", "lesson", "catalogue"])
def test_only_a_shared_course_can_be_copied(tree, client, kind):
    page = {
        "own course": tree["own"],
        "other academy's course": tree["foreign"],
        "lesson": tree["national"].get_descendants().last(),
        "catalogue": tree["national"].get_parent(),
    }[kind]
    login_with_mfa(client, tree["trainer"])
    assert client.get(_copy_url(page)).status_code == 404
    assert client.post(_copy_url(page), {"academy": tree["a"].pk}).status_code == 404
    assert not AcademyCourseCopy.objects.exists()


def test_a_staff_member_gets_a_friendly_refusal(tree, client):
    staff = academy_person(tree["a"], "staff")
    login_with_mfa(client, staff)
    response = client.get(_copy_url(tree["national"]))
    assert response.status_code == 403
    assert "Je kunt deze cursus niet kopiëren." in response.content.decode()
    assert client.post(_copy_url(tree["national"]), {"academy": tree["a"].pk}).status_code == 403
    assert not AcademyCourseCopy.objects.exists()
