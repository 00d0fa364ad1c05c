"""An academy with its people, an outsider of every kind, and one file of every audience."""

from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    academy_course,
    academy_create,
    academy_person,
    png_upload,
    wagtail_image,
)
from training.academies.models import PUBLIC_COLLECTION
from training.certificates.signatures import trainer_signature_save


@dataclass
class Academy:
    academy: object
    people: dict = field(default_factory=dict)


def academy_with_people(label: str) -> Academy:
    academy = academy_create(f"Academie {label}")
    side = Academy(academy=academy)
    for role in ("administrator", "trainer", "staff"):
        side.people[role] = academy_person(academy, role, email=f"{role}-{label}@example.org")
    learner = UserFactory(email=f"leerling-{label}@example.org")
    course = academy_course(academy, modules=1, lessons_per_module=1)
    cohort = CohortFactory(academy=academy, course=course, trainers=[side.people["trainer"]])
    EnrolmentFactory(cohort=cohort, learner=learner)
    side.people["learner"] = learner
    return side


def document(title: str, collection) -> object:
    return get_document_model().objects.create(
        title=title,
        collection=collection,
        file=ContentFile(b"%PDF-1.7 werkblad", name="werkblad.pdf"),
    )


def public_collection(academy):
    return academy.collection.get_children().get(name=PUBLIC_COLLECTION)


@pytest.fixture
def files(db):
    """Academy A (with its people and files), academy B (the outsiders) and the platform."""
    a, b = academy_with_people("A"), academy_with_people("B")
    logo = wagtail_image("Logo A", collection=a.academy.collection)
    a.academy.logo = logo
    a.academy.save()
    signer = TrainerFactory()
    signature = trainer_signature_save(
        trainer=signer, name="Tessa de Groot", role="", upload=png_upload("scan.png")
    ).image
    return {
        "a": a,
        "b": b,
        "signer": signer,
        "protected image": wagtail_image("Werkblad A", collection=a.academy.collection),
        "protected document": document("Handleiding A", a.academy.collection),
        "public image": wagtail_image("Omslag A", collection=public_collection(a.academy)),
        "public document": document("Folder A", public_collection(a.academy)),
        "logo": logo,
        "platform image": wagtail_image("Lesbeeld", collection=Collection.get_first_root_node()),
        "signature": signature,
    }
