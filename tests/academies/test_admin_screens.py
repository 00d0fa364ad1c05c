"""The academies' admin screens: platform overview and creation; an academy's team."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    academy_create,
    academy_person,
    login_with_mfa,
)
from training.academies.models import Academy, AcademyRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform_admin():
    return UserFactory(is_superuser=True, is_staff=True, email="beheer@example.org")


def test_a_platform_administrator_gives_an_association_its_academy(client, platform_admin):
    login_with_mfa(client, platform_admin)
    response = client.post(
        reverse("academies_admin:add"),
        {"name": "Stichting Samen Verder", "slug": "", "accent_colour": "#0f5132"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    academy = Academy.objects.get()
    assert academy.slug == "stichting-samen-verder"
    assert academy.catalogue.live and academy.collection.name.endswith("Samen Verder")
    assert academy.groups.count() == 3


def test_a_colour_without_enough_contrast_is_refused_with_a_clear_message(client, platform_admin):
    login_with_mfa(client, platform_admin)
    response = client.post(
        reverse("academies_admin:add"),
        {"name": "Lichtgeel", "slug": "", "accent_colour": "#ffee88"},
    )
    assert response.status_code == 200
    assert "contrast" in response.content.decode()
    assert not Academy.objects.exists()


def test_the_platform_overview_counts_per_academy_without_names(client, platform_admin):
    a = academy_create("Academie A")
    academy_person(a, "trainer")
    cohort = CohortFactory(academy=a)
    learner = UserFactory(display_name="Persoonlijke Naam")
    CertificateFactory(enrolment=EnrolmentFactory(cohort=cohort, learner=learner))
    login_with_mfa(client, platform_admin)
    page = client.get(reverse("academies_admin:index")).content.decode()
    assert "Academie A" in page
    assert "Persoonlijke Naam" not in page
    from training.academies.admin_views import AcademyIndexView

    view = AcademyIndexView(model=Academy)
    view.request = None
    counted = {academy.name: academy for academy in view.get_base_queryset()}["Academie A"]
    assert (counted.trainer_count, counted.cohort_count) == (1, 1)
    assert (counted.learner_count, counted.certificate_count) == (1, 1)


def test_the_overview_counts_each_person_and_certificate_once(client, platform_admin):
    """Several trainers, cohorts, learners (one in two cohorts) and certificates: each
    counted once, and another academy's never."""
    a, b = academy_create("Academie A"), academy_create("Academie B")
    for _ in range(2):
        academy_person(a, "trainer")
    academy_person(a, "staff")
    academy_person(b, "trainer")
    cohorts = [CohortFactory(academy=a) for _ in range(3)]
    twice = UserFactory()
    for cohort in cohorts[:2]:
        CertificateFactory(enrolment=EnrolmentFactory(cohort=cohort, learner=twice))
    for _ in range(2):
        EnrolmentFactory(cohort=cohorts[2])
    CertificateFactory(enrolment=EnrolmentFactory(cohort=CohortFactory(academy=b)))
    from training.academies.admin_views import AcademyIndexView

    view = AcademyIndexView(model=Academy)
    view.request = None
    counted = {academy.name: academy for academy in view.get_base_queryset()}
    a_counts, b_counts = counted["Academie A"], counted["Academie B"]
    assert (a_counts.trainer_count, a_counts.cohort_count) == (2, 3)
    assert (a_counts.learner_count, a_counts.certificate_count) == (3, 2)
    assert (b_counts.trainer_count, b_counts.cohort_count) == (1, 1)
    assert (b_counts.learner_count, b_counts.certificate_count) == (1, 1)
    login_with_mfa(client, platform_admin)
    page = client.get(reverse("academies_admin:index")).content.decode()
    with translation.override("nl"):
        headings = [
            translation.gettext(h)
            for h in ("Trainers", "Cohorts", "Learners", "Certificates issued")
        ]
    for heading in headings:
        assert heading in page, heading


def test_an_academy_administrator_cannot_open_the_platform_screens(client):
    a = academy_create("Academie A")
    admin = academy_person(a, "administrator")
    login_with_mfa(client, admin)
    assert client.get(reverse("academies_admin:index")).status_code in {302, 403}
    assert client.get(reverse("wagtailusers_groups:index")).status_code in {302, 403}


def test_an_academy_administrator_gives_and_takes_away_roles_in_their_academy_only(client):
    a, b = academy_create("Academie A"), academy_create("Academie B")
    admin = academy_person(a, "administrator")
    academy_person(b, "trainer", display_name="Trainer GEHEIM-B")
    newcomer = UserFactory(email="nieuw@example.org")
    login_with_mfa(client, admin)

    listing = client.get(reverse("academy_team:index"))
    assert listing.status_code == 200
    assert "GEHEIM-B" not in listing.content.decode()

    response = client.post(
        reverse("academy_team:add"),
        {"academy": a.pk, "role": "trainer", "email": "Nieuw@example.org"},
    )
    assert response.status_code == 302
    role = AcademyRole.objects.get(user=newcomer)
    assert role.academy == a and role.role == "trainer"
    assert newcomer.groups.filter(academy__academy=a, academy__role="trainer").exists()

    refused = client.post(
        reverse("academy_team:add"),
        {"academy": b.pk, "role": "trainer", "email": "nieuw@example.org"},
    )
    assert refused.status_code == 200
    assert not AcademyRole.objects.filter(user=newcomer, academy=b).exists()

    foreign = AcademyRole.objects.get(academy=b)
    assert client.get(reverse("academy_team:delete", args=[foreign.pk])).status_code == 404

    client.post(reverse("academy_team:delete", args=[role.pk]))
    assert not AcademyRole.objects.filter(pk=role.pk).exists()
    assert not newcomer.groups.exists()


def test_an_unknown_address_gets_a_friendly_error_and_nothing_changes(client):
    a = academy_create("Academie A")
    admin = academy_person(a, "administrator")
    login_with_mfa(client, admin)
    response = client.post(
        reverse("academy_team:add"),
        {"academy": a.pk, "role": "staff", "email": "niemand@example.org"},
    )
    assert response.status_code == 200
    assert AcademyRole.objects.filter(academy=a).count() == 1


def test_the_team_listing_offers_taking_a_role_away(client):
    a = academy_create("Academie A")
    admin = academy_person(a, "administrator")
    trainer = academy_person(a, "trainer")
    login_with_mfa(client, admin)
    listing = client.get(reverse("academy_team:index")).content.decode()
    role = AcademyRole.objects.get(user=trainer)
    assert reverse("academy_team:delete", args=[role.pk]) in listing


def test_the_last_administrator_keeps_the_role_with_a_clear_message(client):
    a = academy_create("Academie A")
    admin = academy_person(a, "administrator")
    login_with_mfa(client, admin)
    own = AcademyRole.objects.get(user=admin)
    response = client.post(reverse("academy_team:delete", args=[own.pk]), follow=True)
    assert response.status_code == 200
    assert "minstens één beheerder" in response.content.decode()
    assert AcademyRole.objects.filter(pk=own.pk).exists()
