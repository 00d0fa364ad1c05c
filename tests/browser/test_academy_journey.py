"""Issue 24 in the browser: an academy administrator gives a colleague the trainer role;
the trainer works in the academy's own part of the page tree and cannot open the other
academy's; a learner of the academy sees its name on its course page. axe finds nothing,
nothing scrolls sideways at 390 px, no CSP violation (the `new_page` fixture)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, log_in, nl
from tests.factories import (
    UserFactory,
    academy_course,
    academy_create,
    academy_person,
)
from training.academies.models import AcademyRole
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.browser


def verified(user):
    user_email_mark_verified(user)
    return user


def test_administrator_gives_the_trainer_role_and_the_trainer_stays_in_their_tree(
    new_page, live_server, check_screen
):
    a = academy_create("Stichting Samen Verder", accent_colour="#0f5132")
    b = academy_create("Academie GEHEIM-B")
    academy_course(a, modules=1, lessons_per_module=1, title="Luisteren in de groep")
    academy_course(b, modules=1, lessons_per_module=1, title="Cursus GEHEIM-B")
    admin = verified(academy_person(a, "administrator", email="beheer-sv@example.org"))
    colleague = verified(UserFactory(email="sem@example.org", display_name="Sem Trainer"))

    page = log_in(new_page, live_server, admin, "/beheer/academy_team/new/")
    page.get_by_label(nl("Email address")).fill("sem@example.org")
    page.get_by_label(nl("Role")).select_option("trainer")
    check_screen(page, "academy-team-add")
    page.get_by_role("button", name=nl("Create")).first.click()
    expect(page.get_by_role("table")).to_contain_text("Sem Trainer")
    assert AcademyRole.objects.filter(user=colleague, academy=a, role="trainer").exists()
    check_screen(page, "academy-team")

    trainer_page = log_in(new_page, live_server, colleague, f"/beheer/pages/{a.catalogue.pk}/")
    expect(trainer_page.get_by_role("main")).to_contain_text("Luisteren in de groep")
    check_screen(trainer_page, "academy-explorer")
    trainer_page.goto(f"/beheer/pages/{b.catalogue.pk}/")
    assert "GEHEIM-B" not in trainer_page.content()


def test_a_learner_sees_the_academys_name_and_colour_on_its_course_page(new_page, check_screen):
    a = academy_create("Stichting Samen Verder", accent_colour="#0f5132")
    course = academy_course(a, modules=1, lessons_per_module=1, title="Luisteren in de groep")
    page = new_page(viewport=PHONE, is_mobile=True)
    page.goto(course.url)
    expect(page.locator(".site-header")).to_contain_text("Stichting Samen Verder")
    colour = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(15, 81, 50)"
    check_screen(page, "academy-course-page")
