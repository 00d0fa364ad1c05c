import sys

import pytest

from tests.certificates.helpers import complete_course
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    TrainerFactory,
    build_course,
    knowledge_check_block,
)
from training.assessments.knowledge_checks import knowledge_check_answer
from training.certificates import rules
from training.certificates.models import TrainerSignoff
from training.certificates.selectors import certification_state
from training.courses.models import LessonPage
from training.learning.models import LessonProgress

pytestmark = pytest.mark.django_db


def results_by_label(enrolment):
    return {result.label: result for result in rules.rules_evaluate(enrolment=enrolment)}


def test_lessons_rule_counts_the_live_lessons(enrolment):
    lessons = [lesson.specific for lesson in LessonPage.objects.descendant_of(enrolment.course)]
    complete_course(enrolment, lessons=lessons[:2])
    result = results_by_label(enrolment)[str(rules.LESSONS_LABEL)]
    assert not result.met and result.detail.startswith("2 ")

    complete_course(enrolment)
    assert results_by_label(enrolment)[str(rules.LESSONS_LABEL)].met
    assert rules.rules_met(enrolment=enrolment)


def test_knowledge_check_rule_needs_every_check_passed_once(enrolment):
    lesson = next(
        lesson.specific
        for lesson in LessonPage.objects.descendant_of(enrolment.course)
        if lesson.specific.knowledge_checks()
    )
    check = lesson.knowledge_checks()[0]
    wrong = sorted({o for o, _t in check.value.choices()} - check.value.correct_option_ids())
    knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=check.id, selected_option_ids=wrong[:1]
    )
    assert not results_by_label(enrolment)[str(rules.CHECKS_LABEL)].met

    knowledge_check_answer(
        enrolment=enrolment,
        lesson=lesson,
        check_id=check.id,
        selected_option_ids=sorted(check.value.correct_option_ids()),
    )
    assert results_by_label(enrolment)[str(rules.CHECKS_LABEL)].met


def test_sign_off_rule_only_when_the_course_asks_for_it(enrolment):
    course = enrolment.course
    assert str(rules.SIGNOFF_LABEL) not in results_by_label(enrolment)

    course.require_trainer_signoff = True
    course.save()
    complete_course(enrolment)
    assert not results_by_label(enrolment)[str(rules.SIGNOFF_LABEL)].met
    assert not rules.rules_met(enrolment=enrolment)

    TrainerSignoff.objects.create(enrolment=enrolment, signed_by=TrainerFactory())
    assert rules.rules_met(enrolment=enrolment)


def test_a_course_with_no_rule_ticked_gives_no_certificate():
    course = build_course(
        modules=1,
        require_all_lessons=False,
        require_knowledge_checks=False,
        require_reflections_approved=False,
        require_peer_reviews_given=False,
    )
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    assert not rules.course_gives_certificate(course)
    assert not rules.rules_met(enrolment=enrolment)
    assert not certification_state(enrolment=enrolment).gives_certificate


def test_reflection_rules_report_met_while_the_reflections_module_is_missing(
    enrolment, monkeypatch
):
    # A None entry in sys.modules makes importing that module fail with
    # ModuleNotFoundError, as if it did not exist.
    monkeypatch.setitem(sys.modules, "training.assessments.reflections.selectors", None)
    monkeypatch.delattr("training.assessments.reflections.selectors", raising=False)
    results = results_by_label(enrolment)
    for label in (rules.REFLECTIONS_LABEL, rules.PEER_REVIEWS_LABEL):
        assert results[str(label)].met
        assert results[str(label)].detail == "geen reflecties in deze cursus"


def test_reflection_rules_use_the_reflections_selectors(enrolment, monkeypatch):
    from training.assessments.reflections import selectors

    class Requirement:
        def __init__(self, met, detail):
            self.met, self.detail = met, detail

    monkeypatch.setattr(
        selectors, "required_reflections_approved", lambda *, enrolment: Requirement(False, "Les 1")
    )
    monkeypatch.setattr(selectors, "peer_reviews_given", lambda *, enrolment: Requirement(True, ""))
    results = results_by_label(enrolment)
    assert not results[str(rules.REFLECTIONS_LABEL)].met
    assert "Les 1" in results[str(rules.REFLECTIONS_LABEL)].detail
    assert results[str(rules.PEER_REVIEWS_LABEL)].met


def test_the_state_explains_which_rules_are_missing(enrolment):
    state = certification_state(enrolment=enrolment)
    assert state.gives_certificate and not state.all_met
    assert {r.label for r in state.missing} == {
        str(rules.LESSONS_LABEL),
        str(rules.CHECKS_LABEL),
    }


def test_knowledge_check_rule_uses_the_course_pass_mark_like_the_lesson():
    """One definition of "passed": a lesson whose checks reach the pass mark is done,
    and then the certificate's knowledge-check rule is met too."""
    course = build_course(modules=1, lessons_per_module=0, knowledge_check_pass_percentage=50)
    module = course.get_children().first()
    lesson = LessonPageFactory(
        parent=module, body=[knowledge_check_block(), knowledge_check_block()]
    )
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    right, wrong = lesson.knowledge_checks()
    for check, correct in ((right, True), (wrong, False)):
        options = check.value.correct_option_ids()
        if not correct:
            options = {o for o, _t in check.value.choices()} - options
        knowledge_check_answer(
            enrolment=enrolment,
            lesson=lesson,
            check_id=check.id,
            selected_option_ids=sorted(options)[:1],
        )
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).exists()
    result = results_by_label(enrolment)[str(rules.CHECKS_LABEL)]
    assert result.met
    assert result.detail == "1 van 1 lessen met kennisvragen gehaald"
