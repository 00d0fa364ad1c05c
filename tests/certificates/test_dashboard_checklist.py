"""The certificate rules on the dashboard, as a checklist with where to do each (issue 15)."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import CertificateFactory, EnrolmentFactory
from training.certificates.selectors import certification_state
from training.certificates.templatetags.certificates import certificate_checklist

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(course):
    from tests.factories import CohortFactory

    return EnrolmentFactory(cohort=CohortFactory(course=course))


def test_every_enabled_rule_is_an_item_open_ones_with_a_link(enrolment):
    with translation.override("en"):
        items = certificate_checklist(certification_state(enrolment=enrolment))

    by_label = {item.label: item for item in items}
    lessons = by_label["All lessons completed"]
    assert not lessons.met and lessons.url == enrolment.course.url
    assert by_label["All knowledge checks passed"].url == enrolment.course.url
    # No reflections in this course: those rules are met, and done items need no link.
    reflections = by_label["Required reflections approved by a trainer"]
    assert reflections.met and reflections.url == ""


def test_open_reflection_rules_link_to_the_reflections(enrolment):
    from training.certificates.templatetags.certificates import _where_to_do_it

    for field in ("require_reflections_approved", "require_peer_reviews_given"):
        url, link_text = _where_to_do_it(field, enrolment)
        assert url == reverse("reflections:index") and link_text
    assert _where_to_do_it("require_trainer_signoff", enrolment) == ("", "")


def test_the_dashboard_lists_done_and_open_rules(client, enrolment):
    client.force_login(enrolment.learner)

    html = client.get(reverse("learning:dashboard")).content.decode()

    assert "Op weg naar je certificaat" in html
    assert "rules-list__item--open" in html
    assert f'href="{enrolment.course.url}">Naar de lessen</a>' in html
    assert "; " not in html.split("Op weg naar je certificaat")[1].split("</section>")[0]


def test_a_certified_learner_sees_no_checklist(client, enrolment):
    CertificateFactory(enrolment=enrolment)
    client.force_login(enrolment.learner)

    html = client.get(reverse("learning:dashboard")).content.decode()

    assert "Gecertificeerd" in html and "Op weg naar je certificaat" not in html
