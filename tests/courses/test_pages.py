import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import HomePage, StandardPage
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
)
from training.academies.models import AcademyCatalogPage
from training.assessments.models import ReflectionAssignmentPage
from training.courses.models import CatalogPage, CoursePage, LessonPage, ModulePage
from training.courses.pillars import Pillar
from training.practice.models import PracticeActivityPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "parents", "children"),
    [
        (HomePage, {Page}, {CatalogPage, AcademyCatalogPage, StandardPage}),
        (CatalogPage, {HomePage}, {CoursePage}),
        (CoursePage, {CatalogPage, AcademyCatalogPage}, {ModulePage}),
        (AcademyCatalogPage, {HomePage}, {CoursePage}),
        (ModulePage, {CoursePage}, {LessonPage, ReflectionAssignmentPage, PracticeActivityPage}),
        (LessonPage, {ModulePage}, set()),
        (ReflectionAssignmentPage, {ModulePage}, set()),
    ],
)
def test_page_tree_is_constrained(model, parents, children):
    assert set(model.allowed_parent_page_models()) == parents
    assert set(model.allowed_subpage_models()) == children


@pytest.mark.parametrize(
    "model", [HomePage, StandardPage, CatalogPage, CoursePage, ModulePage, LessonPage]
)
def test_every_page_type_names_its_template(model):
    assert "template" in model.__dict__


def test_course_page_groups_modules_by_pillar_in_fixed_order(client, catalog):
    course = CoursePageFactory(parent=catalog, study_load_hours=24)
    ModulePageFactory(parent=course, title="Grenzen", pillar=Pillar.BOUNDARIES)
    ModulePageFactory(parent=course, title="Eigen verhaal", pillar=Pillar.EXPERIENCE)

    response = client.get(course.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "24 uur studiebelasting" in html
    assert html.index("Ervaringsdeskundigheid") < html.index("Grenzen bewaken")
    assert "Luistervaardigheden" not in html


def test_catalog_filters_courses_by_pillar(client, catalog):
    listening = build_course(catalog=catalog, modules=2, title="Luistercursus")
    boundaries = CoursePageFactory(parent=catalog, title="Grenzencursus")
    ModulePageFactory(parent=boundaries, pillar=Pillar.BOUNDARIES)

    response = client.get(catalog.url, {"pijler": "boundaries"})

    titles = [card.course.title for card in response.context["courses"]]
    assert titles == ["Grenzencursus"]
    assert listening.title in client.get(catalog.url).content.decode()


def test_catalog_ignores_an_unknown_pillar(client, catalog):
    build_course(catalog=catalog, modules=1)
    response = client.get(catalog.url, {"pijler": "<script>"})
    assert response.status_code == 200
    assert len(response.context["courses"]) == 1


def test_lesson_page_links_to_previous_and_next_across_modules(client, catalog):
    course = build_course(catalog=catalog, modules=2, lessons_per_module=1)
    first, second = LessonPage.objects.descendant_of(course).order_by("path")

    response = client.get(first.url)

    assert response.context["previous_lesson"] is None
    assert response.context["next_lesson"].pk == second.pk
    assert f'href="{second.url}"' in response.content.decode()


def test_unpublished_lesson_is_not_served_or_linked(client, catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    draft = LessonPageFactory(parent=module, title="Nog in concept")
    draft.unpublish()

    assert client.get(draft.url if draft.url else "/cursussen/x/").status_code == 404
    assert "Nog in concept" not in client.get(module.url).content.decode()


def test_lesson_page_queries_do_not_grow_with_course_size(
    client, catalog, django_assert_max_num_queries
):
    small = build_course(catalog=catalog, modules=3, lessons_per_module=1)
    large = build_course(catalog=catalog, modules=3, lessons_per_module=20)
    small_lesson = LessonPage.objects.descendant_of(small).first()
    large_lesson = LessonPage.objects.descendant_of(large).last()
    client.get(small_lesson.url)  # warm per-process caches (content types)
    client.get(large_lesson.url)  # and the cached outline and body of each course

    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(small_lesson.url).status_code == 200
    with django_assert_max_num_queries(20), CaptureQueriesContext(connection) as large_queries:
        assert client.get(large_lesson.url).status_code == 200

    assert len(large_queries) == len(small_queries)


def test_outline_leaves_out_pages_under_a_view_restriction(catalog):
    from wagtail.models import PageViewRestriction

    from training.courses.selectors import course_outline

    course = build_course(catalog=catalog, modules=2, lessons_per_module=2)
    hidden_module = ModulePage.objects.child_of(course).last()
    PageViewRestriction.objects.create(
        page=hidden_module, restriction_type=PageViewRestriction.LOGIN
    )

    outline = course_outline(course=course)

    assert [m.page.pk for m in outline.modules] == [ModulePage.objects.child_of(course).first().pk]
    assert len(outline.lessons) == 2
