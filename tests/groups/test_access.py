"""Every page and export of a group is a 404 for everyone but its facilitator (and, for the
quarter figures, its association's staff): another facilitator, another association's
staff, a trainer without opt-in, an anonymous visitor."""

import pytest
from django.urls import reverse

from tests.factories import AssociationFactory, EnrolmentFactory, UserFactory, login_with_mfa
from training.learning.models import Enrolment

from .conftest import answer

pytestmark = pytest.mark.django_db


def group_urls(group, moment):
    return [
        ("get", reverse("groups:detail", args=[group.public_id])),
        ("get", reverse("groups:group_edit", args=[group.public_id])),
        ("post", reverse("groups:group_edit", args=[group.public_id])),
        ("get", reverse("groups:moment_new", args=[group.public_id])),
        ("post", reverse("groups:moment_new", args=[group.public_id])),
        ("get", reverse("groups:moment", args=[moment.public_id])),
        ("get", reverse("groups:moment_screen", args=[moment.public_id])),
        ("get", reverse("groups:moment_card", args=[moment.public_id])),
        ("post", reverse("groups:moment_close", args=[moment.public_id])),
    ]


def association_urls(association):
    query = "?kwartaal=2026-1"
    return [
        ("get", reverse("groups:association_quarter", args=[association.pk]) + query),
        ("get", reverse("groups:association_quarter_csv", args=[association.pk]) + query),
        ("get", reverse("groups:association_quarter_pdf", args=[association.pk]) + query),
    ]


@pytest.fixture
def setting(facilitator, group, association, clock):
    group.association = association
    group.save()
    from .conftest import open_moment

    moment = open_moment(group)
    for _ in range(5):
        answer(moment)
    return group, moment, association


def _others(facilitator):
    other_facilitator = EnrolmentFactory().learner
    other_staff = UserFactory()
    AssociationFactory(staff=[other_staff])
    trainer = Enrolment.objects.get(learner=facilitator).cohort.trainers.get()
    return {
        "another facilitator": other_facilitator,
        "another association's staff": other_staff,
        "a trainer without opt-in": trainer,
        "an anonymous visitor": None,
    }


def test_everyone_else_gets_404_on_every_page_and_export(client, facilitator, setting):
    group, moment, association = setting
    for who, user in _others(facilitator).items():
        client.logout()
        if user is not None:
            login_with_mfa(client, user)  # a passed second step: the 404 is not a 2FA redirect
        for method, url in group_urls(group, moment) + association_urls(association):
            response = getattr(client, method)(url)
            assert response.status_code == 404, (who, method, url, response.status_code)
        response = client.get(reverse("groups:trainer"))
        assert response.status_code in (404, 302), (who, response.status_code)
    moment.refresh_from_db()
    assert moment.is_open()  # nobody else closed it


def test_the_facilitator_and_the_associations_staff_get_their_pages(
    client, facilitator, setting, association_staff
):
    group, moment, association = setting
    client.force_login(facilitator)
    for method, url in group_urls(group, moment):
        if method == "get":
            assert client.get(url).status_code == 200, url
    client.logout()
    login_with_mfa(client, association_staff)
    for _method, url in association_urls(association):
        assert client.get(url).status_code == 200, url


def test_a_wrong_quarter_is_a_404(client, setting, association_staff):
    _group, _moment, association = setting
    login_with_mfa(client, association_staff)
    url = reverse("groups:association_quarter", args=[association.pk])
    for bad in ("2026-5", "2026-0", "abcd-1", "1999-1", "2026", "99999-1"):
        assert client.get(url + "?kwartaal=" + bad).status_code == 404, bad
