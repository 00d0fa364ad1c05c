import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from training.groups import selectors
from training.groups.models import FeedbackAnswer, PeerGroup


@pytest.mark.django_db
def test_the_demo_facilitator_leads_a_group_with_a_trend_and_an_open_moment(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    out = io.StringIO()
    call_command("seed_demo", stdout=out)  # idempotent

    group = PeerGroup.objects.get(facilitator__email="deelnemer5@example.org")
    results = selectors.group_results(group=group)
    assert len(results.shown_meetings) == 6
    assert FeedbackAnswer.objects.filter(moment__meeting__group=group).count() == 40
    assert [trend.key for trend in results.dipping] == ["room"]
    open_moments = [m.moment for m in results.meetings if m.moment.is_open()]
    assert len(open_moments) == 1
    link = reverse("groups:answer", kwargs={"token": open_moments[0].token})
    assert link in out.getvalue()
    assert client.get(link).status_code == 200
