"""Wagtail's image library and chooser keep working for an academy's people: their
thumbnails come through the checking file view, and load."""

import json
import re

from django.urls import reverse

from tests.factories import login_with_mfa, wagtail_image

THUMBNAIL = re.compile(r'src="(/bestanden/images/[^"]+)"')


def thumbnails(html: str) -> list[str]:
    return THUMBNAIL.findall(html)


def test_the_image_library_shows_the_academy_s_images_with_thumbnails(client, files):
    """A trainer lists what they uploaded (Wagtail's ownership rule without `change_image`)."""
    trainer = files["a"].people["trainer"]
    own = wagtail_image("Mijn werkblad", files["a"].academy.collection, uploaded_by_user=trainer)
    login_with_mfa(client, trainer)
    page = client.get(reverse("wagtailimages:index")).content.decode()
    assert own.title in page
    assert "/media/" not in page
    found = thumbnails(page)
    assert found
    for url in found:
        response = client.get(url)
        assert response.status_code == 200, url
        b"".join(
            response
        )  # read to the end: the test client closes it (never close_old_connections)


def test_the_chooser_s_thumbnails_load(client, files):
    login_with_mfa(client, files["a"].people["trainer"])
    response = client.get(reverse("wagtailimages_chooser:choose"))
    html = (
        json.loads(response.content)["html"]
        if response["Content-Type"].startswith("application/json")
        else response.content.decode()
    )
    assert files["protected image"].title in html
    found = thumbnails(html)
    assert found
    for url in found:
        answer = client.get(url)
        assert answer.status_code == 200, url
        b"".join(answer)  # read to the end: the test client closes it (never close_old_connections)
