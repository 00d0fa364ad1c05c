"""Reflections whose copied cohort went stale when their learner re-joined
another cohort are put back in step with their enrolment."""

from django.db import migrations
from django.db.models import F, OuterRef, Subquery


def follow_enrolments(apps, schema_editor):
    Submission = apps.get_model("assessments", "Submission")
    Enrolment = apps.get_model("learning", "Enrolment")
    cohort_of_enrolment = Enrolment.objects.filter(pk=OuterRef("enrolment_id")).values("cohort_id")
    Submission.objects.exclude(cohort_id=F("enrolment__cohort_id")).update(
        cohort_id=Subquery(cohort_of_enrolment[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_reflectionassignmentpage_rubriccriterion_submission_and_more"),
        ("learning", "0001_initial"),
    ]

    operations = [migrations.RunPython(follow_enrolments, migrations.RunPython.noop)]
