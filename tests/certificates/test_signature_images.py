"""Signatures and association logos: only their owner (through "My signature") and admins.

A second trainer can neither list, choose, edit, replace nor delete the first
trainer's signature image or an association's logo in Wagtail's image
library; a superuser can.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model

from tests.factories import (
    AssociationFactory,
    TrainerFactory,
    UserFactory,
    login_with_mfa,
    png_upload,
    wagtail_image,
)
from training.certificates.models import TrainerSignature
from training.certificates.signatures import trainer_signature_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(db):
    call_command("sync_roles")
    first, second = TrainerFactory(), TrainerFactory()
    signature = trainer_signature_save(
        trainer=first, name="Tessa de Groot", role="", upload=png_upload("scan.png")
    )
    association = AssociationFactory(logo=wagtail_image("Logo"))
    call_command("sync_roles")  # sorts the logo into its collection
    return {
        "first": first,
        "second": second,
        "signature": signature.image,
        "logo": association.logo,
    }


def unchanged(image):
    fresh = get_image_model().objects.filter(pk=image.pk).first()
    return fresh is not None and fresh.file.name == image.file.name and fresh.title == image.title


@pytest.mark.parametrize("which", ["signature", "logo"])
@pytest.mark.parametrize("who", ["first", "second"])
def test_trainers_cannot_list_choose_edit_replace_or_delete_them(client, setup, which, who):
    """Even the signature's owner changes it only through "My signature"."""
    image = setup[which]
    login_with_mfa(client, setup[who])
    listing = client.get(reverse("wagtailimages:index"))
    assert listing.status_code == 200 and image.title not in listing.content.decode()
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert image.title not in chooser.content.decode()

    edit_url = reverse("wagtailimages:edit", args=[image.pk])
    assert client.get(edit_url).status_code in (302, 403, 404)
    client.post(edit_url, {"title": "Vervalst", "file": png_upload("vervalst.png", "red")})
    delete_url = reverse("wagtailimages:delete", args=[image.pk])
    assert client.post(delete_url).status_code in (302, 403, 404)
    assert unchanged(image)
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code != 200


def test_admins_can_list_edit_and_delete_them(client, setup):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(reverse("wagtailimages:index")).content.decode()
    assert setup["signature"].title in listing and setup["logo"].title in listing
    edit = client.get(reverse("wagtailimages:edit", args=[setup["logo"].pk]))
    assert edit.status_code == 200
    response = client.post(reverse("wagtailimages:delete", args=[setup["logo"].pk]))
    assert response.status_code == 302
    assert not get_image_model().objects.filter(pk=setup["logo"].pk).exists()


def test_the_owner_replaces_their_signature_on_my_signature(client, setup):
    first, old = setup["first"], setup["signature"]
    login_with_mfa(client, first)
    url = reverse("certificates_admin:signature")
    page = client.get(url)
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(
        url, {"name": "Tessa de Groot", "role": "Trainer", "upload": png_upload("nieuw.png")}
    )
    assert response.status_code == 302
    signature = TrainerSignature.objects.get(trainer=first)
    assert signature.image_id != old.pk and signature.image.collection.name == "Handtekeningen"
    assert "nieuw" not in signature.image.file.name  # a random name, nothing to guess
    assert not get_image_model().objects.filter(pk=old.pk).exists()

    client.post(url, {"name": "Tessa de Groot", "role": "Trainer", "remove_image": "on"})
    assert TrainerSignature.objects.get(trainer=first).image is None


def test_a_trainer_cannot_set_someone_elses_image_as_their_signature(client, setup):
    login_with_mfa(client, setup["second"])
    client.post(
        reverse("certificates_admin:signature"),
        {"name": "Nep", "role": "", "image": setup["signature"].pk},
    )
    assert TrainerSignature.objects.get(trainer=setup["second"]).image is None


def test_a_file_that_is_not_an_image_gets_a_friendly_error(client, setup):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login_with_mfa(client, setup["second"])
    response = client.post(
        reverse("certificates_admin:signature"),
        {"name": "Nep", "role": "", "upload": SimpleUploadedFile("x.png", b"not a picture")},
    )
    assert response.status_code == 400
    assert not TrainerSignature.objects.filter(trainer=setup["second"]).exists()
