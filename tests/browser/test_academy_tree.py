"""Issue 24 in the browser: an academy trainer authors and publishes a lesson in the
academy's own tree, sees the platform's shared course in the page explorer but cannot
edit it, cannot open the other academy's pages (the demo's "Stichting Samen Verder"),
and copies the shared course to their academy. axe finds nothing, nothing scrolls
sideways at 390 px, no CSP violation (the `new_page` fixture)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.factories import (
    UserFactory,
    academy_course,
    academy_create,
    academy_person,
    build_course,
)
from training.academies.models import Academy, AcademyCourseCopy
from training.accounts.services import user_email_mark_verified
from training.courses.models import CoursePage, LessonPage
from training.demo.second_academy import SECOND_ACADEMY, seed_second_academy

pytestmark = pytest.mark.browser


def test_an_academy_trainer_authors_sees_the_shared_course_and_copies_it(
    new_page, live_server, check_screen
):
    platform_admin = UserFactory(is_superuser=True, is_staff=True, email="beheer@example.org")
    seed_second_academy(platform_admin=platform_admin, account_ready=lambda user, two_step: None)
    other = Academy.objects.get(name=SECOND_ACADEMY)
    other_course = CoursePage.objects.child_of(other.catalogue).get()
    national = build_course(modules=1, lessons_per_module=1, title="Basistraining lotgenoten")
    shared_catalogue = national.get_parent()
    mine = academy_create("Academie Hoop")
    module = academy_course(
        mine, modules=1, lessons_per_module=0, title="Eigen cursus Hoop"
    ).get_children()[0]
    trainer = academy_person(mine, "trainer", email="tessa@example.org", display_name="Tessa")
    user_email_mark_verified(trainer)

    # Authors and publishes a lesson in the academy's own tree.
    page = log_in(
        new_page, live_server, trainer, f"/beheer/pages/add/courses/lessonpage/{module.pk}/"
    )
    page.locator("#id_title").fill("Het eerste gesprek")
    page.locator(".c-sf-add-button").first.click()
    page.get_by_role("listbox").get_by_role("option", name=nl("Text"), exact=True).click()
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Zo begin je een eerste gesprek met een nieuwe deelnemer.")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name=nl("Publish"), exact=True).click()
    expect(page).not_to_have_url(re.compile(r"/add/"))  # saved: the editor or the explorer
    expect(page.locator(".messages")).to_contain_text("Het eerste gesprek")
    lesson = LessonPage.objects.get(title="Het eerste gesprek")
    assert lesson.live and lesson.get_parent().pk == module.pk

    # The explorer: the academy's catalogue and the shared one, never the other academy.
    page.goto("/beheer/pages/")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Academie Hoop")
    expect(main).to_contain_text(shared_catalogue.title)
    expect(main).not_to_contain_text(SECOND_ACADEMY)
    page.goto(f"/beheer/pages/{shared_catalogue.pk}/")
    expect(main).to_contain_text(national.title)
    check_screen(page, "explorer-shared-catalogue")

    # The shared course is read-only: its editor refuses.
    page.goto(f"/beheer/pages/{national.pk}/edit/")
    expect(page).not_to_have_url(re.compile(r"/edit/$"))
    expect(page.locator("form#page-edit-form")).to_have_count(0)

    # The other academy's pages do not open, in the explorer or the editor.
    for url in (
        f"/beheer/pages/{other.catalogue.pk}/",
        f"/beheer/pages/{other_course.pk}/",
        f"/beheer/pages/{other_course.pk}/edit/",
    ):
        response = page.goto(url)
        assert response.status in {403, 404} or not page.url.endswith(url), url
        assert other_course.title not in page.content(), url

    # Copy to my academy: from the shared course's "more" menu, a confirm, the copy's editor.
    page.goto(f"/beheer/pages/{shared_catalogue.pk}/")
    more = nl("More options for '%(title)s'") % {"title": national.title}
    page.get_by_role("button", name=more).click()
    page.get_by_role("link", name=nl("Copy to my academy")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(nl("Copy to my academy"))
    check_screen(page, "course-copy-confirm")
    page.get_by_role("button", name=nl("Copy to my academy")).click()
    copy = AcademyCourseCopy.objects.get(academy=mine, source=national).copy
    expect(page).to_have_url(re.compile(rf"/beheer/pages/{copy.pk}/edit/$"))
    expect(page.locator(".messages")).to_contain_text(mine.name)
    assert copy.get_parent().pk == mine.catalogue.pk and not copy.live
