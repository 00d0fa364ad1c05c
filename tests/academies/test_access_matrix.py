"""The access matrix across two academies: nothing of academy B reaches academy A's people.

Every role of A (learner, trainer, administrator, staff, the staff of A's association)
against B's objects of every kind:

- every scoped permission policy registered with Wagtail (cohorts, reflections, concerns,
  ratings, deadline extensions, certificates, practice groups, after-course work): no
  instance of B among what an A person may do anything with;
- every admin viewset of those models: the listing does not show B's data, and every URL
  of a B object (edit, inspect, delete, progress, the CSV export, ...) is a 404 for people
  with admin access, a redirect or 403 for the others, and never shows B's data;
- the association pages and their CSV export, and the association API with A's token;
- B's images (original and rendition) and documents.

`test_the_matrix_fails_on_a_broken_policy` swaps in a policy that forgets the academy and
shows the matrix catches it, so a green matrix means something.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import policy_registry

from tests.factories import login_with_mfa
from training.policies import ScopedPermissionPolicy

ROLES = ("learner", "trainer", "administrator", "staff", "association staff")
MARKER = "GEHEIM-B"
# Email addresses are stored in lower case, so B's invitation is looked for by its address.
B_INVITEE = "uitgenodigd-b@example.org"


def shows_b(content: bytes) -> bool:
    text = content.decode(errors="replace")
    return MARKER in text or B_INVITEE in text


SEARCH = "GEHEIM"


def scoped_policies():
    registered = {**policy_registry.values_by_class, **policy_registry.values_by_exact_class}
    return {
        model: policy
        for model, policy in registered.items()
        if isinstance(policy, ScopedPermissionPolicy)
    }


def policy_leaks(a_side, b_side) -> list[str]:
    """Every (role, model, action) where an A person may act on an instance B's people own."""
    leaks = []
    b_people = [b_side.people[role] for role in ("administrator", "trainer", "staff")]
    for model, policy in scoped_policies().items():
        for action in policy.actions:
            b_pks = set()
            for person in b_people:
                b_pks |= set(
                    policy.instances_user_has_permission_for(person, action).values_list(
                        "pk", flat=True
                    )
                )
            for role in ROLES:
                seen = set(
                    policy.instances_user_has_permission_for(
                        a_side.people[role], action
                    ).values_list("pk", flat=True)
                )
                if seen & b_pks:
                    leaks.append(f"{role} of A: {model._meta.label} {action}")
    return leaks


def test_every_scoped_policy_keeps_academy_b_from_academy_a(sides):
    a_side, b_side = sides
    assert policy_leaks(a_side, b_side) == []


def test_the_matrix_sees_b_s_objects_so_it_can_fail(sides):
    """B's people do see their own objects through the same policies (the matrix is not
    comparing empty sets), and A's administrator sees A's."""
    a_side, b_side = sides
    policies = scoped_policies()
    for kind in (
        "cohort",
        "submission",
        "concern",
        "certificate",
        "support_request",
        "shared_session",
        "external_activity",
        "support_request of a learner of both",
        "shared_session of a learner of both",
        "external_activity of a learner of both",
    ):
        instance = b_side.objects[kind]
        policy = policies[type(instance)]
        assert policy.user_has_permission_for_instance(
            b_side.people["administrator"], "view", instance
        ), kind
        assert not policy.user_has_permission_for_instance(
            a_side.people["administrator"], "view", instance
        ), kind
    own = a_side.objects["submission"]
    assert policies[type(own)].user_has_permission_for_instance(
        a_side.people["administrator"], "view", own
    )


def test_the_matrix_fails_on_a_broken_policy(sides, monkeypatch):
    """A policy that forgets the academy (every cohort for every trainer) is caught."""
    from training.learning import policies
    from training.learning.models import Cohort

    monkeypatch.setattr(policies, "cohorts_trained_by", lambda user: Cohort.objects.all())
    a_side, b_side = sides
    leaks = policy_leaks(a_side, b_side)
    assert "trainer of A: learning.Cohort view" in leaks
    assert "administrator of A: learning.Cohort view" in leaks


def test_the_matrix_fails_on_a_broken_invitation_policy(sides, monkeypatch):
    """An invitation policy that forgets the academy (every open invitation for every
    administrator) is caught too."""
    from training.academies import policies
    from training.academies.models import AcademyInvitation

    monkeypatch.setattr(
        policies, "academy_invitations_managed_by", lambda user: AcademyInvitation.objects.all()
    )
    a_side, b_side = sides
    assert "administrator of A: academies.AcademyInvitation view" in policy_leaks(a_side, b_side)


def test_the_matrix_fails_on_a_broken_staff_overview_policy(sides, monkeypatch):
    """A staff overview that forgets the academy (every academy for every staff member)
    is caught."""
    from training.academies.models import Academy
    from training.learning import policies

    monkeypatch.setattr(policies, "academies_overseen_by", lambda user: Academy.objects.all())
    a_side, b_side = sides
    assert "staff of A: learning.Enrolment view" in policy_leaks(a_side, b_side)


def test_a_s_staff_do_see_a_s_own_learners_in_their_overview(sides, client):
    a_side, _ = sides
    login_with_mfa(client, a_side.people["staff"])
    response = client.get(reverse("academy_overview:index"))
    assert "Leerling GEHEIM-A" in response.content.decode()


def test_the_matrix_reaches_the_team_screens(sides):
    """The URL discovery finds the withdraw and take-away URLs of B's rows."""
    _, b_side = sides
    urls = _object_urls(b_side)
    assert reverse("academy_invitations:delete", args=[b_side.objects["invitation"].pk]) in urls
    assert reverse("academy_team:delete", args=[b_side.objects["academy_role"].pk]) in urls


def test_the_matrix_fails_on_after_course_work_scoped_per_learner_only(sides, monkeypatch):
    """The rule before academies (every request, entry and activity of a learner one
    trained) lets A's trainer see what a learner of A and B addressed to B: caught."""
    from training.continuing import policies
    from training.continuing.models import ExternalActivity, PracticeSession, SupportRequest
    from training.learning.permissions import learners_trained_by

    def per_learner(model, **only):
        return lambda user: model.objects.filter(facilitator__in=learners_trained_by(user), **only)

    monkeypatch.setattr(policies, "support_requests_for", per_learner(SupportRequest))
    monkeypatch.setattr(
        policies, "sessions_shared_with", per_learner(PracticeSession, shared_with_trainer=True)
    )
    monkeypatch.setattr(policies, "activities_decidable_by", per_learner(ExternalActivity))
    a_side, b_side = sides
    leaks = policy_leaks(a_side, b_side)
    for label in (
        "continuing.SupportRequest view",
        "continuing.PracticeSession view",
        "continuing.ExternalActivity decide",
    ):
        assert f"trainer of A: {label}" in leaks


def _viewsets():
    reverse("wagtailadmin_home")  # loading the URLconf registers the admin viewsets
    for viewset in viewsets.viewsets:
        members = viewset.registerables if isinstance(viewset, ViewSetGroup) else [viewset]
        yield from members


def _url_arguments(viewset, b_side) -> dict:
    """What each URL parameter of the trainers' viewsets names, for B's objects."""
    objects = b_side.objects
    model = getattr(viewset, "model", None)
    own = next((obj for obj in objects.values() if type(obj) is model), None)
    return {
        "pk": own.pk if own is not None else None,
        "cohort_id": objects["cohort"].pk,
        "enrolment_id": objects["enrolment"].pk,
        "flag_id": objects["concern"].public_id,
        "public_id": objects["submission"].public_id,
    }


def _object_urls(b_side) -> list[str]:
    """Every admin URL of the scoped viewsets that names one of B's objects."""
    urls = []
    policies = scoped_policies()
    for viewset in _viewsets():
        model = getattr(viewset, "model", None)
        if model is not None and model not in policies:
            continue
        arguments = _url_arguments(viewset, b_side)
        for pattern in viewset.get_urlpatterns():
            names = list(pattern.pattern.converters)
            if not names or any(arguments.get(name) is None for name in names):
                continue
            kwargs = {name: quote(str(arguments[name])) for name in names}
            urls.append(reverse(viewset.get_url_name(pattern.name), kwargs=kwargs))
    return urls


def _listing_urls() -> list[str]:
    urls = []
    for viewset in _viewsets():
        model = getattr(viewset, "model", None)
        if model is not None and model not in scoped_policies():
            continue
        try:
            urls.append(reverse(viewset.get_url_name("index")))
        except NoReverseMatch:
            continue
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_admin_urls_of_b_s_objects_are_404_for_every_role_of_a(sides, client, role):
    a_side, b_side = sides
    person = a_side.people[role]
    login_with_mfa(client, person)
    object_urls = _object_urls(b_side)
    assert any(url.startswith(reverse("cohorts:index")) for url in object_urls)
    assert len(object_urls) > 20
    for url in object_urls:
        response = client.get(url)
        # 404: out of scope; a redirect or 403: the action is not theirs at all (a
        # learner without the admin, staff without trainer screens, a view-only model).
        assert response.status_code in {302, 403, 404}, (url, response.status_code)
        assert not shows_b(response.content), url
        if role == "administrator" and "academy_" in url:
            # The team screens are theirs: another academy's row is a plain 404.
            assert response.status_code == 404, url
    if role in ("trainer", "administrator"):
        for url in _core_urls(b_side):
            assert client.get(url).status_code == 404, url


def _core_urls(b_side) -> list[str]:
    """B's cohort, its progress export, a reflection and a certificate: a plain 404 for
    A's trainers, who may open these screens for their own academy."""
    objects = b_side.objects
    return [
        reverse("cohorts:edit", args=[objects["cohort"].pk]),
        reverse("cohorts:progress_csv", args=[objects["cohort"].pk]),
        reverse("reflection_queue:submission", args=[objects["submission"].public_id]),
        reverse("certificates_admin:inspect", args=[objects["certificate"].pk]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_admin_listings_show_nothing_of_b(sides, client, role):
    a_side, _ = sides
    login_with_mfa(client, a_side.people[role])
    for url in _listing_urls():
        response = client.get(url)
        assert response.status_code in {200, 302, 403}, (url, response.status_code)
        assert not shows_b(response.content), url


def test_a_s_trainer_does_see_a_s_own_data_in_the_listings(sides, client):
    a_side, _ = sides
    login_with_mfa(client, a_side.people["trainer"])
    response = client.get(reverse("cohorts:index"))
    assert "GEHEIM-A" in response.content.decode()


def _b_files(b_side) -> list[str]:
    """Every URL of B's own files: an image's original and rendition, a document."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from tests.factories import png_upload

    collection = b_side.academy.collection
    # The marker in the titles, not in the file names: a 404 page may show its own address.
    image = get_image_model().objects.create(
        title=f"Werkblad {MARKER}", collection=collection, file=png_upload("werkblad.png")
    )
    document = get_document_model().objects.create(
        title=f"Handleiding {MARKER}",
        collection=collection,
        file=ContentFile(b"%PDF-1.7 GEHEIM-B", name="handleiding.pdf"),
    )
    return [image.file.url, image.get_rendition("max-165x165").url, document.url]


@pytest.mark.parametrize("role", ROLES)
def test_b_s_images_and_documents_are_404_for_every_role_of_a(sides, client, role):
    """Files too (training/files): 404 for A's people, 200 and never stored for B's."""
    a_side, b_side = sides
    urls = _b_files(b_side)
    login_with_mfa(client, a_side.people[role])
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, (role, url)
        assert MARKER not in response.content.decode(errors="replace"), url
    if role != "association staff":  # an association's staff hold no role in its academy
        login_with_mfa(client, b_side.people[role])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (role, url)
            assert "no-store" in response["Cache-Control"], url
            b"".join(
                response
            )  # read to the end: the test client closes it (never close_old_connections)


@pytest.mark.parametrize("role", ROLES)
def test_association_pages_exports_and_api_of_b_are_closed_to_a(sides, client, role):
    from training.associations.services import api_token_create

    a_side, b_side = sides
    person = a_side.people[role]
    login_with_mfa(client, person)
    b_association = b_side.objects["association"]
    for name in ("status", "status_csv", "staff", "facilitators", "tokens", "endorsements"):
        response = client.get(reverse(f"associations:{name}", args=[b_association.pk]))
        assert response.status_code in {302, 403, 404}, (name, response.status_code)
        assert MARKER not in response.content.decode(errors="replace")

    _, raw = api_token_create(
        association=a_side.objects["association"],
        user=a_side.people["association staff"],
        name="koppeling",
    )
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    b_code = b_side.objects["certificate"].code
    for path in (
        f"/api/v1/associations/{b_association.pk}",
        f"/api/v1/associations/{b_association.pk}/certificates",
        f"/api/v1/associations/{b_association.pk}/group-feedback?year=2026&quarter=4",
        f"/api/v1/associations/{b_association.pk}/certificates/{b_code}/open-badge",
        # A's own association, B's certificate: not one of A's facilitators.
        f"/api/v1/associations/{a_side.objects['association'].pk}/certificates/{b_code}/open-badge",
    ):
        response = client.get(path, **auth)
        assert response.status_code == 404, (path, response.status_code)
        assert MARKER not in response.content.decode()
    own = client.get(f"/api/v1/associations/{a_side.objects['association'].pk}", **auth)
    assert own.status_code == 200


def test_the_certificate_download_of_b_is_404_for_a_s_learner(sides, client):
    a_side, b_side = sides
    client.force_login(a_side.people["learner"])
    url = reverse("certificates:download", args=[b_side.objects["certificate"].pk])
    response = client.get(url)
    assert response.status_code == 404
    assert MARKER not in response.content.decode(errors="replace")


def _search_export_and_report_urls() -> list[str]:
    """Every scoped listing searched for B's marker and exported as CSV; the admin's
    image and document libraries and choosers searched; Wagtail's reports."""
    urls = []
    # Searched for "GEHEIM": the search box echoes the query, never the "-B" of the marker.
    for url in _listing_urls():
        urls += [f"{url}?q={SEARCH}", f"{url}?export=csv", f"{url}?q={SEARCH}&export=csv"]
    for name in (
        "wagtailimages:index",
        "wagtailimages_chooser:choose",
        "wagtaildocs:index",
        "wagtaildocs_chooser:choose",
        "wagtailadmin_pages:search",
    ):
        urls.append(f"{reverse(name)}?q={SEARCH}")
    for name in (
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:aging_pages",
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:workflow",
        "wagtailadmin_reports:workflow_tasks",
    ):
        try:
            urls.append(reverse(name))
        except NoReverseMatch:
            continue
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_search_exports_choosers_and_reports_show_nothing_of_b(sides, client, role):
    a_side, b_side = sides
    _b_files(b_side)
    login_with_mfa(client, a_side.people[role])
    urls = _search_export_and_report_urls()
    assert any("export=csv" in url for url in urls)
    assert any("site-history" in url or "site_history" in url for url in urls)
    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 302, 403}, (url, response.status_code)
        body = b"".join(response) if response.streaming else response.content
        assert not shows_b(body), url


def test_b_s_administrator_does_find_b_s_files_so_the_search_test_can_fail(sides, client):
    _, b_side = sides
    _b_files(b_side)
    login_with_mfa(client, b_side.people["administrator"])
    for name in ("wagtailimages:index", "wagtaildocs:index", "wagtaildocs_chooser:choose"):
        response = client.get(f"{reverse(name)}?q={SEARCH}")
        assert MARKER in response.content.decode(), name
