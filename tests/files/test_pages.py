"""Pages never show a `/media/` address: every image and document link asks the file rule.

A public page of an academy (its course page, with its logo in the header) and a lesson
its learner reads (with a protected image and a protected document in the body) link
only to `/bestanden/` and `/documenten/`; what the lesson links to is the learner's, and a
404 for a visitor without an account.
"""

import re

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import paragraph_block, wagtail_image

MEDIA = re.compile(r"/media/|X-Amz-Signature")


def lesson_with_files(files):
    from training.courses.models import LessonPage

    academy = files["a"].academy
    lesson = LessonPage.objects.descendant_of(academy.catalogue).first().specific
    image = files["protected image"]
    document = get_document_model().objects.create(
        title="Oefenblad",
        collection=academy.collection,
        file=ContentFile(b"%PDF-1.7 oefenblad", name="oefenblad.pdf"),
    )
    lesson.body = [
        paragraph_block(),
        {"type": "image", "value": {"image": image.pk, "alt_text": "Een werkblad", "caption": ""}},
        {"type": "document", "value": {"document": document.pk, "title": "Oefenblad"}},
    ]
    lesson.save_revision().publish()
    return lesson, image, document


def test_an_academy_s_public_page_links_its_logo_through_the_file_view(client, files):
    course = files["a"].academy.catalogue.get_children().first()
    page = client.get(course.url).content.decode()
    assert "/bestanden/images/" in page
    assert not MEDIA.search(page)
    logo_url = re.search(r'src="(/bestanden/images/[^"]+)"', page).group(1)
    assert client.get(logo_url).status_code == 200


def test_a_lesson_links_its_protected_files_only_through_the_checking_views(client, files):
    lesson, image, document = lesson_with_files(files)
    client.force_login(files["a"].people["learner"])
    page = client.get(lesson.url).content.decode()
    assert not MEDIA.search(page)
    shown = set(re.findall(r"/bestanden/images/[^\"' ,]+", page))
    image_urls = {url for url in shown if "Werkblad_A" in url}  # not the (public) logo
    assert len(image_urls) == 2, "the lesson shows its image, two sizes"
    assert document.url in page
    for url in [*image_urls, document.url]:
        assert client.get(url).status_code == 200, url
    client.logout()
    for url in [*image_urls, document.url]:
        assert client.get(url).status_code == 404, url


def test_no_image_anywhere_has_a_media_address(files):
    image = wagtail_image("Nog een", collection=files["b"].academy.collection)
    assert not MEDIA.search(image.get_rendition("width-640").url)
    assert not MEDIA.search(image.file.url)
