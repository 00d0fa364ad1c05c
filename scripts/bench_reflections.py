#!/usr/bin/env python
"""Benchmarks for reflections (`make bench`): peer review allocation at scale and the trainer queue.

1. Allocation: one cohort with 10,000 submitted reflections (bulk-created),
   then timed claim + feedback rounds for a random sample of reviewers, and
   the allocation snapshot the trainer's views use (all 10,000 at once).
2. Trainer queue: a cohort of 500 learners with reflections in every state;
   median and p95 server time and queries of the queue page.
Runs in a scratch SQLite database (var/bench.sqlite3) unless BENCH_DATABASE_URL is set.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "scripts")]

from bench import login_with_mfa, measure, setup_database  # noqa: E402

SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", 10_000))
SAMPLE = int(os.environ.get("BENCH_CLAIMS", 300))
UNUSABLE = "!"  # noqa: S105 - Django's marker for "no usable password"
QUEUE_LEARNERS = int(os.environ.get("BENCH_QUEUE_LEARNERS", 500))


def _percentiles(values):
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def _course(slug):
    from django.utils import timezone

    from home.models import HomePage
    from training.assessments.models import ReflectionAssignmentPage, RubricCriterion
    from training.courses.models import CatalogPage, CoursePage, ModulePage

    home = HomePage.objects.get()
    catalog = CatalogPage.objects.child_of(home).first() or home.add_child(
        instance=CatalogPage(title="Cursussen", slug="cursussen")
    )
    course = catalog.add_child(
        instance=CoursePage(
            title=slug, slug=slug, intro="<p>x</p>", study_load_hours=1, target_audience="x"
        )
    )
    module = course.add_child(
        instance=ModulePage(title="M", slug="m", pillar="listening", study_load_hours=1)
    )
    assignment = ReflectionAssignmentPage(
        title="Reflectie",
        slug="r",
        prompt="<p>x</p>",
        min_words=1,
        first_published_at=timezone.now(),
    )
    assignment.rubric_criteria.add(RubricCriterion(sort_order=0, title="Vat samen"))
    module.add_child(instance=assignment)
    return course, assignment


def _cohort_with_submissions(course, assignment, learners, trainer=None):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from training.assessments.models import Submission, SubmissionVersion
    from training.learning.models import Cohort, Enrolment

    User = get_user_model()
    now = timezone.now()
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        name=f"Groep {course.slug}",
        course=course,
        starts_on=today,
        ends_on=today.replace(year=today.year + 1),
        capacity=learners + 1,
    )
    if trainer:
        cohort.trainers.add(trainer)
    users = User.objects.bulk_create(
        User(
            email=f"{course.slug}-{n}@bench.example", display_name=f"Cursist {n}", password=UNUSABLE
        )
        for n in range(learners)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(learner=u, cohort=cohort, course=course) for u in users
    )
    submissions = Submission.objects.bulk_create(
        Submission(
            enrolment=e,
            author_id=e.learner_id,
            cohort=cohort,
            assignment=assignment,
            status=Submission.Status.IN_REVIEW,
            audience=Submission.Audience.TRAINER if n % 10 == 0 else Submission.Audience.PEERS,
            first_submitted_at=now,
        )
        for n, e in enumerate(enrolments)
    )
    SubmissionVersion.objects.bulk_create(
        SubmissionVersion(
            submission=s, number=1, text="Mijn verhaal. " * 40, word_count=80, submitted_at=now
        )
        for s in submissions
    )
    return cohort, users


def bench_allocation():
    from training.assessments.reflections import allocation, services

    course, assignment = _course("alloc")
    started = time.perf_counter()
    cohort, users = _cohort_with_submissions(course, assignment, SUBMISSIONS)
    print(
        f"\nAllocation: {SUBMISSIONS} submitted reflections in one cohort, built in "
        f"{time.perf_counter() - started:.1f} s."
    )
    rng = random.Random(7)
    reviewers = rng.sample(users, SAMPLE)
    claims, gives = [], []
    rubric_key = str(assignment.rubric_criteria.get().key)
    for _round in range(assignment.reviews_per_learner):
        for reviewer in reviewers:
            start = time.perf_counter()
            review = allocation.peer_review_claim(
                reviewer=reviewer, assignment=assignment, cohort=cohort
            )
            claims.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            services.review_submit(
                review=review,
                reviewer=reviewer,
                summary="Ik lees je verhaal.",
                question="Wat hielp je?",
                rubric={rubric_key: {"score": 3}},
            )
            gives.append((time.perf_counter() - start) * 1000)
    for name, values in (("claim the next reflection", claims), ("give feedback", gives)):
        median, p95 = _percentiles(values)
        print(
            f"  {name:<34} median {median:7.1f} ms   p95 {p95:7.1f} ms   ({len(values)} operations)"
        )
    start = time.perf_counter()
    snapshot = allocation.AssignmentAllocation(cohort=cohort, assignment=assignment)
    states = [snapshot.review_state(s) for s in snapshot.submissions[:2000]]
    owed = [snapshot.reviews_owed(u.pk) for u in users[:2000]]
    print(
        f"  allocation snapshot of {SUBMISSIONS} + 2,000 review states + 2,000 reviews-owed: "
        f"{(time.perf_counter() - start) * 1000:.0f} ms ({len(states) + len(owed)} answers)"
    )


def bench_trainer_queue():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from training.assessments.reflections import allocation, services
    from training.courses.permissions import trainer_group_ensure

    User = get_user_model()
    trainer = User.objects.create(email="trainer-queue@bench.example", display_name="Trainer")
    trainer.groups.add(trainer_group_ensure())
    course, assignment = _course("queue")
    cohort, users = _cohort_with_submissions(course, assignment, QUEUE_LEARNERS, trainer=trainer)
    rubric_key = str(assignment.rubric_criteria.get().key)
    for reviewer in users[: QUEUE_LEARNERS // 2]:
        review = allocation.peer_review_claim(
            reviewer=reviewer, assignment=assignment, cohort=cohort
        )
        if review:
            services.review_submit(
                review=review,
                reviewer=reviewer,
                summary="Ik lees je verhaal.",
                question="Wat hielp je?",
                rubric={rubric_key: {"score": 3}},
            )
    client = Client(HTTP_HOST="localhost")
    login_with_mfa(client, trainer)  # the admin asks trainers for two steps
    url = reverse("reflection_queue:cohort", args=[cohort.pk])
    median, p95, queries, _cpu = measure(client, url)
    print(f"\nTrainer queue, cohort of {QUEUE_LEARNERS} with reflections and feedback:")
    print(
        f"  queue page                         median {median:7.1f} ms   p95 {p95:7.1f} ms   {queries} queries"
    )


def main():
    setup_database()
    bench_allocation()
    bench_trainer_queue()


if __name__ == "__main__":
    main()
