"""The cohort viewset in the Wagtail admin: scoping, permissions, the form, the invite link."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.messages import SUCCESS, get_messages
from django.shortcuts import resolve_url
from django.urls import reverse

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    build_course,
    login_with_mfa,
)
from training.courses.permissions import TRAINER_GROUP, trainer_group_ensure
from training.learning.admin_forms import CohortForm
from training.learning.models import Cohort

pytestmark = pytest.mark.django_db

COHORT_URLS = ["edit", "delete", "history", "usage", "progress", "progress_csv", "rotate_invite"]


def cohort_url(name, cohort):
    return reverse(f"cohorts:{name}", args=[cohort.pk])


def admin_login_url():
    """Where Wagtail sends people who may not use the admin (configurable in settings)."""
    return resolve_url(getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login"))


@pytest.fixture
def own_cohort(trainer):
    return CohortFactory(name="Voorjaarsgroep Utrecht", trainers=[trainer])


@pytest.fixture
def other_cohort():
    return CohortFactory(name="Najaarsgroep Groningen", trainers=[TrainerFactory()])


def form_data(course, **overrides):
    data = {
        "name": "Nieuwe groep",
        "course": course.pk,
        "starts_on": "2030-03-01",
        "ends_on": "2030-06-01",
        "capacity": "12",
        "is_open": "on",
        "association": "",
    }
    data.update(overrides)
    return data


# --- Permissions of the Trainer group ----------------------------------------


def test_trainer_group_may_add_change_and_view_cohorts_but_not_delete():
    trainer_group_ensure()
    group = trainer_group_ensure()  # idempotent

    codenames = set(
        group.permissions.filter(content_type__app_label="learning").values_list(
            "codename", flat=True
        )
    )
    cohort_codenames = {c for c in codenames if c.endswith("_cohort")}
    assert cohort_codenames == {"add_cohort", "change_cohort", "view_cohort"}
    assert Group.objects.filter(name=TRAINER_GROUP).count() == 1


# --- Listing ----------------------------------------------------------------


def test_trainer_sees_only_the_cohorts_they_train(client, trainer, own_cohort, other_cohort):
    EnrolmentFactory(cohort=own_cohort)
    login_with_mfa(client, trainer)

    response = client.get(reverse("cohorts:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert own_cohort.name in html
    assert other_cohort.name not in html
    assert list(response.context["object_list"]) == [own_cohort]
    assert response.context["object_list"][0].active_enrolments == 1
    assert cohort_url("progress", own_cohort) in html
    assert cohort_url("edit", own_cohort) in html


def test_listing_search_stays_within_own_cohorts(client, trainer, own_cohort, other_cohort):
    login_with_mfa(client, trainer)

    response = client.get(reverse("cohorts:index"), {"q": "groep"})

    assert list(response.context["object_list"]) == [own_cohort]


def test_superuser_sees_every_cohort(client, own_cohort, other_cohort):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))

    response = client.get(reverse("cohorts:index"))

    assert set(response.context["object_list"]) == {own_cohort, other_cohort}


def test_cohorts_menu_item_is_shown_to_trainers(client, trainer):
    login_with_mfa(client, trainer)

    response = client.get(reverse("wagtailadmin_home"))

    assert reverse("cohorts:index") in response.content.decode()


# --- Scoping: another trainer's cohort is a 404 ------------------------------


@pytest.mark.parametrize("name", COHORT_URLS)
def test_another_trainers_cohort_is_not_found(client, trainer, other_cohort, name):
    login_with_mfa(client, trainer)

    assert client.get(cohort_url(name, other_cohort)).status_code == 404


@pytest.mark.parametrize("name", ["edit", "delete", "rotate_invite"])
def test_posting_to_another_trainers_cohort_is_not_found_and_changes_nothing(
    client, trainer, other_cohort, name
):
    token = other_cohort.invite_token
    login_with_mfa(client, trainer)

    response = client.post(cohort_url(name, other_cohort), form_data(other_cohort.course))

    other_cohort.refresh_from_db()
    assert response.status_code == 404
    assert other_cohort.invite_token == token
    assert other_cohort.name == "Najaarsgroep Groningen"


@pytest.mark.parametrize("name", ["edit", "history", "usage", "progress", "progress_csv"])
def test_trainer_reaches_their_own_cohort(client, trainer, own_cohort, name):
    login_with_mfa(client, trainer)

    assert client.get(cohort_url(name, own_cohort)).status_code == 200


def test_trainer_cannot_delete_even_their_own_cohort(client, trainer, own_cohort):
    login_with_mfa(client, trainer)

    response = client.post(cohort_url("delete", own_cohort))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert Cohort.objects.filter(pk=own_cohort.pk).exists()


@pytest.mark.parametrize("name", COHORT_URLS)
def test_anonymous_visitor_is_sent_to_log_in(client, own_cohort, name):
    url = cohort_url(name, own_cohort)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(admin_login_url())


@pytest.mark.parametrize("name", ["index", "add"])
def test_anonymous_visitor_is_sent_to_log_in_from_listing_and_create(client, name):
    response = client.get(reverse(f"cohorts:{name}"))

    assert response.status_code == 302
    assert response["Location"].startswith(admin_login_url())


@pytest.mark.parametrize("name", COHORT_URLS)
def test_learner_without_admin_access_cannot_reach_cohort_views(client, own_cohort, name):
    learner = EnrolmentFactory(cohort=own_cohort).learner
    token = own_cohort.invite_token
    client.force_login(learner)

    get = client.get(cohort_url(name, own_cohort))
    post = client.post(cohort_url(name, own_cohort))

    own_cohort.refresh_from_db()
    assert get.status_code == post.status_code == 302
    assert get["Location"].startswith(admin_login_url())
    assert own_cohort.invite_token == token


def test_learner_without_admin_access_cannot_list_cohorts(client, own_cohort):
    client.force_login(UserFactory())

    response = client.get(reverse("cohorts:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(admin_login_url())


# --- Create and edit ----------------------------------------------------------


def test_trainer_creating_a_cohort_becomes_its_trainer(client, trainer):
    course = build_course(modules=1)
    colleague = TrainerFactory()
    login_with_mfa(client, trainer)

    response = client.post(reverse("cohorts:add"), form_data(course, trainers=[colleague.pk]))

    cohort = Cohort.objects.get(name="Nieuwe groep")
    assert response.status_code == 302
    assert response["Location"] == cohort_url("edit", cohort)
    assert set(cohort.trainers.all()) == {trainer, colleague}
    assert cohort.course.specific == course
    assert cohort.capacity == 12 and cohort.is_open and not cohort.self_enrolment


def test_trainer_creating_a_cohort_without_choosing_trainers_becomes_its_trainer(client, trainer):
    login_with_mfa(client, trainer)

    client.post(reverse("cohorts:add"), form_data(build_course(modules=1)))

    assert list(Cohort.objects.get(name="Nieuwe groep").trainers.all()) == [trainer]


def test_superuser_may_create_a_cohort_for_other_trainers(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    colleague = TrainerFactory()
    login_with_mfa(client, admin)

    client.post(reverse("cohorts:add"), form_data(build_course(modules=1), trainers=[colleague.pk]))

    assert list(Cohort.objects.get(name="Nieuwe groep").trainers.all()) == [colleague]


def test_superuser_choosing_nobody_becomes_the_trainer(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    login_with_mfa(client, admin)

    client.post(reverse("cohorts:add"), form_data(build_course(modules=1)))

    assert list(Cohort.objects.get(name="Nieuwe groep").trainers.all()) == [admin]


def test_end_date_before_start_date_is_a_friendly_form_error(client, trainer):
    login_with_mfa(client, trainer)

    response = client.post(
        reverse("cohorts:add"),
        form_data(build_course(modules=1), starts_on="2030-06-01", ends_on="2030-03-01"),
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["ends_on"]
    assert not Cohort.objects.filter(name="Nieuwe groep").exists()


def test_capacity_must_be_at_least_one(client, trainer):
    login_with_mfa(client, trainer)

    response = client.post(reverse("cohorts:add"), form_data(build_course(modules=1), capacity="0"))

    assert list(response.context["form"].errors) == ["capacity"]


def test_capacity_cannot_drop_below_the_active_learners(client, trainer, own_cohort):
    EnrolmentFactory(cohort=own_cohort)
    EnrolmentFactory(cohort=own_cohort)
    login_with_mfa(client, trainer)

    response = client.post(
        cohort_url("edit", own_cohort),
        form_data(own_cohort.course, name=own_cohort.name, trainers=[trainer.pk], capacity="1"),
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["capacity"]
    assert "al 2 actieve cursisten" in str(response.context["form"].errors["capacity"])
    own_cohort.refresh_from_db()
    assert own_cohort.capacity != 1


def test_trainer_edits_their_own_cohort(client, trainer, own_cohort):
    login_with_mfa(client, trainer)

    response = client.post(
        cohort_url("edit", own_cohort),
        form_data(own_cohort.course, name="Hernoemde groep", trainers=[trainer.pk], is_open=""),
    )

    own_cohort.refresh_from_db()
    assert response.status_code == 302
    assert own_cohort.name == "Hernoemde groep" and not own_cohort.is_open


def test_an_edited_cohort_keeps_at_least_one_trainer(client, trainer, own_cohort):
    login_with_mfa(client, trainer)

    response = client.post(cohort_url("edit", own_cohort), form_data(own_cohort.course))

    assert list(response.context["form"].errors) == ["trainers"]
    assert list(own_cohort.trainers.all()) == [trainer]


def test_form_offers_only_trainers_and_live_courses(trainer, own_cohort):
    learner = UserFactory()
    draft = build_course(modules=1)
    draft.unpublish()

    form = CohortForm(for_user=trainer)

    assert trainer in form.fields["trainers"].queryset
    assert learner not in form.fields["trainers"].queryset
    assert own_cohort.course in form.fields["course"].queryset
    assert draft not in form.fields["course"].queryset


def test_form_keeps_what_an_existing_cohort_already_has(own_cohort, trainer):
    former_trainer = UserFactory()
    own_cohort.trainers.add(former_trainer)
    own_cohort.course.unpublish()

    form = CohortForm(instance=own_cohort, for_user=trainer)

    assert former_trainer in form.fields["trainers"].queryset
    assert own_cohort.course in form.fields["course"].queryset


# --- Invite link ----------------------------------------------------------------


def test_edit_page_shows_the_full_invite_url_and_is_not_cached(client, trainer, own_cohort):
    login_with_mfa(client, trainer)

    response = client.get(cohort_url("edit", own_cohort))

    html = response.content.decode()
    assert f"http://testserver/mijn/uitnodiging/{own_cohort.invite_token}/" in html
    assert cohort_url("rotate_invite", own_cohort) in html
    assert "learning/cohort-invite.js" in html and "data-cohort-copy-invite" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_rotating_the_invite_link_needs_a_confirmed_post(client, trainer, own_cohort):
    old = own_cohort.invite_token
    login_with_mfa(client, trainer)

    confirmation = client.get(cohort_url("rotate_invite", own_cohort))
    own_cohort.refresh_from_db()
    assert confirmation.status_code == 200
    assert own_cohort.invite_token == old
    assert f'action="{cohort_url("rotate_invite", own_cohort)}"' in confirmation.content.decode()

    response = client.post(cohort_url("rotate_invite", own_cohort))

    own_cohort.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == cohort_url("edit", own_cohort)
    assert own_cohort.invite_token != old
    assert [m.level for m in get_messages(response.wsgi_request)] == [SUCCESS]
    assert client.get(f"/mijn/uitnodiging/{old}/").status_code == 404
    assert client.get(f"/mijn/uitnodiging/{own_cohort.invite_token}/").status_code == 200


# --- Delete (superusers only) -------------------------------------------------------


def test_superuser_deletes_an_empty_cohort(client, own_cohort):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))

    response = client.post(cohort_url("delete", own_cohort))

    assert response.status_code == 302
    assert not Cohort.objects.filter(pk=own_cohort.pk).exists()


def test_cohort_with_learners_is_not_deleted_but_explained(client, own_cohort):
    EnrolmentFactory(cohort=own_cohort)
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))

    response = client.post(cohort_url("delete", own_cohort))

    assert response.status_code == 302
    assert response["Location"] == cohort_url("edit", own_cohort)
    assert Cohort.objects.filter(pk=own_cohort.pk).exists()


def test_cohort_dates_in_the_listing(client, trainer):
    CohortFactory(
        trainers=[trainer],
        starts_on=datetime.date(2030, 3, 1),
        ends_on=datetime.date(2030, 6, 1),
    )
    login_with_mfa(client, trainer)

    html = client.get(reverse("cohorts:index")).content.decode()

    assert "2030" in html and "1 maart 2030" in html
