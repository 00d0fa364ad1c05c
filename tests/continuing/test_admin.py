import uuid

from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import EnrolmentFactory, TrainerFactory, login_with_mfa
from training.continuing import services
from training.continuing.models import SupportRequest

from .test_practice_log import REFLECTION, session_fields


def test_a_trainer_sees_requests_of_their_own_learners_only(client, facilitator, trainer):
    mine, _ = services.support_request_raise(facilitator=facilitator)
    stranger = EnrolmentFactory().learner
    theirs, _ = services.support_request_raise(facilitator=stranger)
    login_with_mfa(client, trainer)
    response = client.get(reverse("support_requests:index"))
    body = response.content.decode()
    assert response.status_code == 200
    assert {"no-store", "private"} <= set(response["Cache-Control"].split(", "))
    assert facilitator.get_full_name() in body
    assert stranger.get_full_name() not in body
    assert client.get(reverse("support_requests:follow_up", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("support_requests:follow_up", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("support_requests:inspect", args=[theirs.pk])).status_code == 404


def test_marking_as_contacted_is_an_audited_action(client, facilitator, trainer):
    request, _ = services.support_request_raise(facilitator=facilitator)
    login_with_mfa(client, trainer)
    assert client.get(reverse("support_requests:follow_up", args=[request.pk])).status_code == 200
    response = client.post(reverse("support_requests:follow_up", args=[request.pk]))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.followed_up_by == trainer and request.followed_up_at is not None
    entry = ModelLogEntry.objects.get(action="continuing.support_request_follow_up")
    assert entry.user == trainer and entry.object_id == str(request.pk)


def test_the_admin_is_read_only(client, facilitator, trainer):
    request, _ = services.support_request_raise(facilitator=facilitator)
    login_with_mfa(client, trainer)
    assert client.get(reverse("support_requests:add")).status_code in (302, 403)
    assert client.get(reverse("support_requests:edit", args=[request.pk])).status_code in (302, 403)
    assert SupportRequest.objects.count() == 1


def test_a_shared_entry_is_readable_by_the_trainer_a_private_one_is_not(
    client, facilitator, trainer
):
    shared, _ = services.practice_session_create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        **session_fields(shared_with_trainer=True, group_kind="Gedeelde avond"),
    )
    private, _ = services.practice_session_create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        **session_fields(group_kind="Eigen avond"),
    )
    login_with_mfa(client, trainer)
    body = client.get(reverse("shared_sessions:index")).content.decode()
    assert "Gedeelde avond" in body and "Eigen avond" not in body
    inspect = client.get(reverse("shared_sessions:inspect", args=[shared.pk]))
    assert inspect.status_code == 200 and REFLECTION in inspect.content.decode()
    assert client.get(reverse("shared_sessions:inspect", args=[private.pk])).status_code == 404
    other_trainer = TrainerFactory()
    client.logout()
    login_with_mfa(client, other_trainer)
    assert client.get(reverse("shared_sessions:inspect", args=[shared.pk])).status_code == 404
