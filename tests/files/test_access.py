"""Who gets which file: the rule of training/files/permissions.py, through the URLs pages use.

Every protected file URL (an image's original, its rendition, a document) is a 404 for a
visitor without an account and for every role of another academy, and 200 with
`private, no-store` for the academy's own people; public files are 200 and cacheable for
everyone; a signature image only for its trainer and superusers.
"""

import pytest
from django.urls import reverse

from tests.factories import TrainerFactory, UserFactory, login_with_mfa, wagtail_image
from tests.files.conftest import public_collection
from training.files.permissions import can_see_file

ROLES = ("administrator", "trainer", "staff", "learner")


def image_urls(image) -> list[str]:
    return [image.file.url, image.get_rendition("max-165x165").url]


def urls_of(item) -> list[str]:
    return image_urls(item) if hasattr(item, "get_rendition") else [item.url]


def fetch(client, url):
    """GET `url` and read the body (a streamed file is closed, and its bytes are there)."""
    response = client.get(url)
    if response.status_code == 200:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body, url
    return response


def assert_private_200(response, url):
    assert response.status_code == 200, url
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", ")), url


def test_no_file_url_is_a_media_address(files):
    for kind in ("protected image", "public image", "logo", "signature", "platform image"):
        for url in image_urls(files[kind]):
            assert url.startswith("/bestanden/") and "/media/" not in url, (kind, url)
    for kind in ("protected document", "public document"):
        assert files[kind].url.startswith("/documenten/"), kind


@pytest.mark.parametrize("kind", ["protected image", "protected document"])
def test_anonymous_visitors_get_404(client, files, kind):
    for url in urls_of(files[kind]):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["protected image", "protected document"])
def test_every_role_of_another_academy_gets_404(client, files, role, kind):
    login_with_mfa(client, files["b"].people[role])
    for url in urls_of(files[kind]):
        assert client.get(url).status_code == 404, (role, url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["protected image", "protected document"])
def test_the_academy_s_own_people_get_it_never_stored(client, files, role, kind):
    login_with_mfa(client, files["a"].people[role])
    for url in urls_of(files[kind]):
        assert_private_200(fetch(client, url), url)


def test_a_learner_who_left_no_longer_gets_it(client, files):
    learner = files["a"].people["learner"]
    learner.enrolments.update(status="left")
    client.force_login(learner)
    assert client.get(files["protected image"].file.url).status_code == 404


def test_a_platform_trainer_without_a_role_there_gets_404(client, files):
    login_with_mfa(client, TrainerFactory())
    for url in urls_of(files["protected image"]):
        assert client.get(url).status_code == 404


def test_a_superuser_gets_it(client, files):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    for url in urls_of(files["protected image"]) + urls_of(files["protected document"]):
        assert_private_200(fetch(client, url), url)


@pytest.mark.parametrize("kind", ["public image", "public document", "logo", "platform image"])
def test_public_files_are_for_everyone_and_cacheable(client, files, kind):
    for url in urls_of(files[kind]):
        response = fetch(client, url)
        assert response.status_code == 200, url
        assert response["Cache-Control"].startswith("public, max-age="), url


def test_an_image_is_served_as_an_image_and_nothing_else(client, files):
    response = fetch(client, files["logo"].file.url)
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert client.post(files["logo"].file.url).status_code == 405
    for name in ("original_images/bestaat-niet.png", "documents/werkblad.pdf", "../settings.py"):
        assert client.get(reverse("files:serve", args=[name])).status_code == 404, name


def test_a_signature_image_only_for_its_trainer_and_superusers(client, files):
    signature = files["signature"]
    for person in (None, files["a"].people["trainer"], TrainerFactory()):
        client.logout()
        if person is not None:
            login_with_mfa(client, person)
        for url in image_urls(signature):
            assert client.get(url).status_code == 404, (person, url)
    for person in (files["signer"], UserFactory(is_superuser=True, is_staff=True)):
        login_with_mfa(client, person)
        for url in image_urls(signature):
            assert_private_200(fetch(client, url), url)


def test_moving_an_image_changes_who_gets_it_at_once(client, files):
    image = files["protected image"]
    url = image.get_rendition("max-165x165").url
    assert client.get(url).status_code == 404
    image.collection = public_collection(files["a"].academy)
    image.save()
    assert client.get(url).status_code == 200
    image.collection = files["b"].academy.collection
    image.save()
    assert client.get(url).status_code == 404


def test_the_rule_is_one_function(files):
    """The views ask `can_see_file`; it answers for images and documents alike."""
    a_trainer, b_trainer = files["a"].people["trainer"], files["b"].people["trainer"]
    for kind in ("protected image", "protected document"):
        assert can_see_file(a_trainer, files[kind]) and not can_see_file(b_trainer, files[kind])
    assert can_see_file(None, files["platform image"])
    assert (
        can_see_file(None, wagtail_image("Los", collection=files["b"].academy.collection)) is False
    )


def test_the_tests_catch_a_rule_that_forgets_the_academy(client, files, monkeypatch):
    """With a rule that lets every signed-in person through, another academy's trainer gets
    the file: the 404 checks above can fail."""
    from training.files import permissions, views, wagtail_hooks

    def forgetful(user, item):
        return user is None or user.is_authenticated

    for module in (permissions, views, wagtail_hooks):
        monkeypatch.setattr(module, "can_see_file", forgetful, raising=False)
    login_with_mfa(client, files["b"].people["trainer"])
    for url in urls_of(files["protected image"]) + urls_of(files["protected document"]):
        assert fetch(client, url).status_code == 200, url


def test_a_public_image_costs_two_queries(client, files, django_assert_max_num_queries):
    url = files["platform image"].get_rendition("max-165x165").url
    with django_assert_max_num_queries(2):
        fetch(client, url)


def test_a_protected_image_asks_the_collection_tree_once(client, files, django_assert_num_queries):
    """The file and its image, the collection's ancestors, session and user, the role."""
    client.force_login(files["a"].people["trainer"])
    url = files["protected image"].file.url
    with django_assert_num_queries(5):
        assert fetch(client, url).status_code == 200
