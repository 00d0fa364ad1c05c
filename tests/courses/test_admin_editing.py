"""A trainer edits and publishes a lesson in Wagtail's admin, and can reach nothing else."""

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import TrainerFactory, build_course, login_with_mfa
from training.courses.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=1)
    return LessonPage.objects.descendant_of(course).get()


@pytest.fixture
def trainer_client(client, catalog):
    # The Trainer group gets its page permissions on the catalogues that exist
    # when it is synced, so the catalogue comes first.
    trainer = TrainerFactory()
    login_with_mfa(client, trainer)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def list_block(items):
    """ListBlock form data (like `streamfield`, without block types)."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def lesson_form(lesson, **changes):
    """What the edit form posts for a lesson, as a trainer would fill it in."""
    data = {
        "title": lesson.title,
        "slug": lesson.slug,
        "summary": lesson.summary,
        "duration_minutes": str(lesson.duration_minutes),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_trainer_publishes_a_changed_lesson_from_the_edit_form(trainer_client, lesson):
    response = trainer_client.get(edit_url(lesson))
    assert response.status_code == 200
    assert b'name="action-publish"' in response.content

    form = lesson_form(
        lesson,
        title="Luisteren zonder oordeel",
        body=streamfield(
            [
                ("heading", {"text": "Wat je hoort", "level": "h2"}),
                ("paragraph", rich_text("<p>Vat samen in <b>je eigen woorden</b>.</p>")),
                (
                    "callout",
                    {"kind": "tip", "title": "", "text": rich_text("<p>Vraag door.</p>")},
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Wat doe je eerst?",
                        "options": list_block(
                            [
                                {"text": "Luisteren", "is_correct": "on", "feedback": "Ja."},
                                {"text": "Adviseren", "feedback": "Liever niet."},
                            ]
                        ),
                    },
                ),
            ]
        ),
    )
    form["action-publish"] = "action-publish"
    response = trainer_client.post(edit_url(lesson), form)

    assert response.status_code == 302, response.context and response.context["form"].errors
    lesson.refresh_from_db()
    assert lesson.title == "Luisteren zonder oordeel"
    assert lesson.live and not lesson.has_unpublished_changes
    assert [block.block_type for block in lesson.body] == [
        "heading",
        "paragraph",
        "callout",
        "knowledge_check",
    ]
    assert lesson.knowledge_checks()[0].value.correct_option_ids() == frozenset(
        {lesson.knowledge_checks()[0].value["options"].bound_blocks[0].id}
    )

    html = trainer_client.get(lesson.url).content.decode()
    assert '<h1 lang="nl">Luisteren zonder oordeel</h1>' in html
    assert "<h2>Wat je hoort</h2>" in html
    assert "Vat samen in <b>je eigen woorden</b>." in html
    assert "Vraag door." in html
    assert "Wat doe je eerst?" in html
    assert "Luisteren is de kern." not in html  # the factory's old body is gone


def test_a_lesson_without_a_correct_option_is_not_published(trainer_client, lesson):
    form = lesson_form(
        lesson,
        title="Zonder goed antwoord",
        body=streamfield(
            [
                (
                    "knowledge_check",
                    {
                        "question": "Wat doe je eerst?",
                        "options": list_block(
                            [
                                {"text": "Luisteren", "feedback": "Ja."},
                                {"text": "Adviseren", "feedback": "Nee."},
                            ]
                        ),
                    },
                )
            ]
        ),
    )
    form["action-publish"] = "action-publish"

    response = trainer_client.post(edit_url(lesson), form)

    assert response.status_code == 200  # the form again, with its errors
    lesson.refresh_from_db()
    assert lesson.title != "Zonder goed antwoord"
    assert "Zonder goed antwoord" not in trainer_client.get(lesson.url).content.decode()


def denied(response):
    """Wagtail answers a missing permission with 403, or a redirect to the admin's start page."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsites:index",
        "wagtailsites:add",
        "wagtailusers_users:index",
        "wagtailusers_users:add",
        "wagtailusers_groups:index",
    ],
)
def test_trainer_cannot_manage_sites_users_or_groups(trainer_client, url_name):
    assert denied(trainer_client.get(reverse(url_name)))


def test_trainer_cannot_edit_site_settings_of_the_default_site(trainer_client):
    site = Site.objects.get(is_default_site=True)
    assert denied(trainer_client.get(reverse("wagtailsites:edit", args=[site.pk])))
    response = trainer_client.post(
        reverse("wagtailsites:edit", args=[site.pk]),
        {"hostname": "evil.example.org", "port": "80", "root_page": site.root_page_id},
    )
    assert denied(response)
    site.refresh_from_db()
    assert site.hostname != "evil.example.org"


def test_trainer_cannot_edit_the_home_page(trainer_client, home_page):
    assert denied(trainer_client.get(edit_url(home_page)))

    response = trainer_client.post(
        edit_url(home_page),
        nested_form_data(
            {
                "title": "Overgenomen",
                "slug": home_page.slug,
                "lead": "",
                "intro": rich_text(""),
                "body": streamfield([]),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )

    assert denied(response)
    home_page.refresh_from_db()
    assert home_page.title != "Overgenomen"
    assert not home_page.has_unpublished_changes
