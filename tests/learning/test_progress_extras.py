"""Higher apps add progress items per pillar and report columns (the PROGRESS_EXTRAS hook)."""

import pytest

from tests.factories import CohortFactory, EnrolmentFactory
from training.courses.pillars import Pillar
from training.hooks import PROGRESS_EXTRAS
from training.learning import extras
from training.learning.reports import cohort_progress_report, progress_report_csv_rows
from training.learning.selectors import cohort_progress, course_progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributor(hook_only):
    calls = []

    def practice(*, course, outline, enrolments, columns):
        calls.append((len(enrolments), columns))
        found = extras.ProgressExtras(
            columns=[extras.ProgressColumn("extra", "Extra")] if columns else []
        )
        for enrolment in enrolments:
            found.items[enrolment.pk] = [
                extras.ProgressItem("boundaries-work", 1, 2, pillar=Pillar.BOUNDARIES),
                extras.ProgressItem("extra", 3, 4),
            ]
        return found

    hook_only(PROGRESS_EXTRAS, practice, practice)  # twice: once
    return calls


def test_items_with_a_pillar_count_in_that_pillar_only(contributor):
    cohort = CohortFactory()  # three modules, one per pillar, one lesson each
    enrolment = EnrolmentFactory(cohort=cohort)

    progress = course_progress(enrolment=enrolment)

    assert progress.pillars[Pillar.BOUNDARIES].done == 1
    assert progress.pillars[Pillar.BOUNDARIES].total == 3
    assert progress.pillars[Pillar.LISTENING].total == 1
    assert progress.course.total == 3  # lessons only


def test_a_cohort_asks_once_per_page_and_columns_only_for_the_report(contributor):
    cohort = CohortFactory()
    for _ in range(4):
        EnrolmentFactory(cohort=cohort)

    _, rows = cohort_progress(cohort=cohort)
    report = cohort_progress_report(cohort=cohort)

    assert contributor == [(4, False), (4, True)]
    assert all(row.progress.pillars[Pillar.BOUNDARIES].done == 1 for row in rows)
    assert [c.label for c in report.columns] == ["Extra"]
    assert all([(i.done, i.total) for i in row.extras] == [(3, 4)] for row in report.rows)
    assert all(row[-1] == "3 van 4" for row in progress_report_csv_rows(report))


def test_without_contributors_nothing_changes(hook_only):
    hook_only(PROGRESS_EXTRAS)
    cohort = CohortFactory()
    EnrolmentFactory(cohort=cohort)
    report = cohort_progress_report(cohort=cohort)
    assert report.columns == [] and report.rows[0].extras == []
