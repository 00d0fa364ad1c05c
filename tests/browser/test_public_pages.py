"""A visitor finds a lesson by clicking through the public pages, on desktop and phone.

Each page is scanned with axe-core (WCAG 2.1 A and AA) and must have no
violations.
"""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, nl
from tests.factories import (
    CatalogPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    knowledge_check_block,
    paragraph_block,
)
from training.courses.pillars import Pillar

pytestmark = pytest.mark.browser

QUESTION = "Wat doe je als een deelnemer zijn verhaal vertelt?"
OPTIONS = [
    ("Eerst luisteren en samenvatten", True, "Ja: zo voelt iemand zich gehoord."),
    ("Meteen een oplossing aandragen", False, "Liever niet: eerst luisteren."),
    ("Over je eigen ervaring vertellen", False, "Dat kan later, als het helpt."),
]


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def rich_lesson_body():
    return [
        paragraph_block(
            "<p>In een lotgenotengroep is <b>luisteren</b> belangrijker dan adviseren. "
            'Lees ook de <a href="/zoeken/?q=luisteren">andere lessen over luisteren</a>.</p>'
        ),
        block("heading", {"text": "Waarom samenvatten werkt", "level": "h2"}),
        paragraph_block(
            "<p>Een samenvatting laat zien dat je hebt gehoord wat iemand zei.</p>"
            "<ul><li>Kort</li><li>In je eigen woorden</li><li>Zonder oordeel</li></ul>"
        ),
        block(
            "quote",
            {
                "text": "Hier hoefde ik niets uit te leggen. Ze wisten het gewoon.",
                "attribution": "Deelnemer aan een lotgenotengroep",
            },
        ),
        block("heading", {"text": "Zo pak je het aan", "level": "h3"}),
        block(
            "callout",
            {"kind": "tip", "title": "", "text": "<p>Vat samen voordat je doorvraagt.</p>"},
        ),
        block(
            "callout",
            {
                "kind": "attention",
                "title": "Let op je eigen grenzen",
                "text": "<p>Merk je dat een verhaal je raakt? Neem na afloop even rust.</p>",
            },
        ),
        block(
            "exercise",
            {
                "title": "Een nieuwe deelnemer",
                "scenario": "<p>Een nieuwe deelnemer vertelt aan één stuk door.</p>",
                "instruction": "<p>Oefen een samenvatting in twee zinnen.</p>",
            },
        ),
        knowledge_check_block(question=QUESTION, options=OPTIONS),
    ]


@pytest.fixture
def course_tree():
    """A catalogue with one course: a module per pillar, two lessons each."""
    catalog = CatalogPageFactory(
        title="Cursussen", intro="<p>Alle cursussen voor gespreksbegeleiders.</p>"
    )
    course = CoursePageFactory(
        parent=catalog,
        title="Een lotgenotengroep begeleiden",
        learning_goals=[
            {"type": "goal", "value": "Je vat samen wat een deelnemer vertelt."},
            {"type": "goal", "value": "Je bewaakt je eigen grenzen."},
        ],
    )
    modules = {}
    lessons = {}
    for pillar, title in (
        (Pillar.EXPERIENCE, "Je eigen verhaal"),
        (Pillar.LISTENING, "Luisteren en samenvatten"),
        (Pillar.BOUNDARIES, "Grenzen en zelfzorg"),
    ):
        modules[pillar] = ModulePageFactory(
            parent=course, title=title, pillar=pillar, intro="<p>Over deze module.</p>"
        )
        LessonPageFactory(parent=modules[pillar], title=f"{title}: een eerste verkenning")
    lessons["rich"] = LessonPageFactory(
        parent=modules[Pillar.LISTENING],
        title="Samenvatten zonder oordeel",
        summary="Hoe je laat merken dat je iemand hebt gehoord.",
        body=rich_lesson_body(),
    )
    return {"catalog": catalog, "course": course, "modules": modules, "lesson": lessons["rich"]}


def test_visitor_clicks_from_home_to_a_lesson_and_every_page_passes_axe(
    page, live_server, axe, screenshot, course_tree
):
    catalog, course, lesson = course_tree["catalog"], course_tree["course"], course_tree["lesson"]
    module = course_tree["modules"][Pillar.LISTENING]

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lotgenoot Academie")
    axe(page)

    page.get_by_role("link", name=nl("View the courses")).click()
    expect(page).to_have_url(live_server.url + catalog.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Cursussen")
    axe(page)

    page.get_by_role("link", name=course.title).click()
    expect(page).to_have_url(live_server.url + course.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    axe(page)

    page.get_by_role("link", name=module.title, exact=True).click()
    expect(page).to_have_url(live_server.url + module.url)
    axe(page)

    page.get_by_role("link", name=lesson.title).click()
    expect(page).to_have_url(live_server.url + lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
    check = page.get_by_role("group", name=QUESTION)
    expect(check).to_be_visible()
    for text, _correct, feedback in OPTIONS:
        expect(check.get_by_role("radio", name=text)).to_be_visible()
        expect(page.get_by_text(feedback)).to_have_count(0)
    expect(page.get_by_role("heading", name="Waarom samenvatten werkt", level=2)).to_be_visible()
    expect(page.get_by_text("Ze wisten het gewoon.")).to_be_visible()
    expect(page.get_by_text("Oefen een samenvatting in twee zinnen.")).to_be_visible()
    axe(page)
    screenshot(page, "lesson-desktop")

    menu = page.get_by_role("navigation", name=nl("Main menu"))
    menu.get_by_role("link", name=nl("Search")).click()
    page.get_by_label(nl("Search term")).fill("samenvatten")
    page.get_by_label(nl("Search term")).press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=samenvatten"))
    expect(page.get_by_role("link", name=lesson.title)).to_be_visible()
    axe(page)

    response = page.goto("/deze-pagina-bestaat-niet/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("This page could not be found"))
    axe(page)


def test_lesson_fits_a_phone_and_its_skip_link_works(new_page, axe, screenshot, course_tree):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    lesson = course_tree["lesson"]
    pages = ["/", course_tree["catalog"].url, course_tree["course"].url, lesson.url]

    for url in pages:
        page.goto(url)
        widths = page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
        )
        assert widths["scroll"] <= widths["inner"], f"{url} scrolls sideways on a phone: {widths}"
    expect(page.get_by_role("group", name=QUESTION)).to_be_visible()
    screenshot(page, "lesson-phone")

    skip = page.get_by_role("link", name=nl("Skip to content"))
    assert skip.bounding_box()["y"] < 0, "the skip link should be off-screen until focused"
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    expect(skip).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    assert page.url.endswith("#main")
    axe(page)
