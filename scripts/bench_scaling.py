#!/usr/bin/env python
"""How server time grows with the course, the cohort and the platform (part of `make bench`).

Lessons (`bench_scaling.py lessons`): runs scripts/bench.py three times, each in a
fresh scratch database: 3 lessons and 10 learners, 60 and 500, 300 and 5,000
(issue 11's sizes), and prints per page the median wall and CPU milliseconds
in-process at each size and the growth from the smallest to the largest. Pages
whose cost follows the size of the course or the cohort show up as a large growth;
pages that are paginated or cached stay near 1×. BENCH_SCALES="3:10,60:500" picks
other sizes (lessons:learners; lessons are spread over 3 modules).

Academies (`bench_scaling.py academies`, issues 24 and 25): on a throwaway
database (SQLite in var/; under scripts/with-postgres.sh a scratch database on
that PostgreSQL), seeds 2 academies in bulk, each with an administrator, a staff
member and 10 trainers, each trainer a cohort of 20 learners with varied progress,
a reflection per learner in every status and a certificate for one in ten, and
academy 0's first trainer also a cohort of 200; measures CPU ms and queries per
request of the admin listings of a trainer, an administrator, a staff member and a
superuser, and the learner's dashboard and lesson page; then seeds up to 300
academies (60,000 learners; BENCH_ACADEMIES picks another number) and measures the
same pages again, in the same run, and prints the ratios. Last, the trainer's
cohort pages and the learner pages at a cohort of 20 against one of 200.
Both parts run by default, each in its own process.
"""

import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCALES = "3:10,60:500,300:5000"
LINE = re.compile(
    r"^(?P<name>(learner|trainer): .+?)\s{2,}(?P<median>[\d.]+)\s+(?P<p95>[\d.]+)"
    r"\s+(?P<queries>\d+)\s+(?P<cpu>[\d.]+)\s*$"
)


def run(lessons: int, learners: int) -> dict[str, dict]:
    env = {
        **os.environ,
        "BENCH_LESSONS_PER_MODULE": str(max(1, lessons // 3)),
        "BENCH_LEARNERS": str(learners),
        "BENCH_NO_PDF": "1",
        "BENCH_REPEAT": os.environ.get("BENCH_REPEAT", "15"),
    }
    env.pop("BENCH_REUSE", None)
    print(f"… {lessons} lessons × {learners} learners", flush=True)
    output = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = {}
    for line in output.splitlines():
        match = LINE.match(line)
        if match:
            rows[match["name"].strip()] = {
                key: float(match[key]) for key in ("median", "cpu", "queries")
            }
    return rows


def lessons_main():
    scales = [
        tuple(int(part) for part in pair.split(":"))
        for pair in os.environ.get("BENCH_SCALES", DEFAULT_SCALES).split(",")
    ]
    results = [(scale, run(*scale)) for scale in scales]
    names = list(results[0][1])
    header = "".join(f"{f'{lessons}×{learners}':>16}" for (lessons, learners), _ in results)
    print("\nServer time per request (in-process median: wall ms / CPU ms, queries)")
    print(f"{'page':<32}{header}{'growth':>9}")
    for name in names:
        cells = []
        for _, rows in results:
            row = rows.get(name)
            cells.append(
                f"{row['median']:>7.1f}/{row['cpu']:<5.1f}{int(row['queries']):>3}q" if row else ""
            )
        first, last = results[0][1].get(name), results[-1][1].get(name)
        growth = f"{last['cpu'] / first['cpu']:>8.1f}×" if first and last and first["cpu"] else ""
        print(f"{name:<32}" + "".join(f"{cell:>16}" for cell in cells) + growth)
    print("growth: CPU at the largest size ÷ CPU at the smallest.")


# --- Academies: 300 academies × 10 trainers × 200 learners (issues 24 and 25) ------------

ACADEMIES = int(os.environ.get("BENCH_ACADEMIES", 300))
SMALL_ACADEMIES = 2
TRAINERS = 10  # per academy, each leading one cohort
LEARNERS_PER_COHORT = 20  # 10 cohorts × 20 = 200 learners per academy
BIG_COHORT = 200  # academy 0's trainer 0 also leads a cohort of 200 (issue 25)
LESSONS_PER_MODULE = 4


def academies_database():
    """Django set up on a throwaway database: SQLite in var/, or, under
    scripts/with-postgres.sh (DATABASE_URL is PostgreSQL), a scratch database on that
    server (`bench_academies`, dropped at the end). Returns the teardown."""
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        (ROOT / "var").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench_academies.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"
    import django
    from django.conf import settings

    django.setup()
    from django.db import connection

    database = settings.DATABASES["default"]
    scratch = (
        "bench_academies"
        if connection.vendor == "postgresql"
        else str(ROOT / "var" / "bench_academies.sqlite3")
    )
    database.setdefault("TEST", {})["NAME"] = scratch
    old_name = database["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)

    def teardown():
        connection.creation.destroy_test_db(old_name, verbosity=0)

    return connection.vendor, teardown


def academies_course():
    """The platform's shared course, run by every academy: 3 modules, a reflection."""
    from tests.factories import ReflectionAssignmentPageFactory, build_course
    from training.courses.models import LessonPage, ModulePage

    course = build_course(modules=3, lessons_per_module=LESSONS_PER_MODULE, sequential=False)
    module = ModulePage.objects.child_of(course).first()
    assignment = ReflectionAssignmentPageFactory(parent=module)
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    return course, assignment, lessons


def academies_seed(*, numbers, course, assignment, lessons, platform_admin, big_cohort=False):
    """Academies `numbers` at the bench size, in bulk: an administrator, a staff member and
    10 trainers each, each trainer one cohort of 20 learners with varied progress, one
    reflection per learner (every status) and a certificate for about one in ten."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from training.academies.models import AcademyGroup, AcademyRole, Role
    from training.academies.services import academy_create
    from training.assessments.models import Submission, SubmissionVersion
    from training.certificates.models import Certificate
    from training.learning.models import Cohort, Enrolment, LessonProgress

    User = get_user_model()
    password = make_password("bench-wachtwoord")
    now = timezone.now()
    today = timezone.localdate()
    rng = random.Random(sum(numbers) + 24)
    statuses = [
        Submission.Status.DRAFT,
        Submission.Status.IN_REVIEW,
        Submission.Status.AWAITING_TRAINER,
        Submission.Status.APPROVED,
    ]
    with transaction.atomic():
        academies = [
            academy_create(name=f"Academie {number:03}", user=platform_admin) for number in numbers
        ]
        groups = {
            (link.academy_id, link.role): link.group_id for link in AcademyGroup.objects.all()
        }
        staff, roles, memberships, cohorts, trainer_links = [], [], [], [], []
        for academy, number in zip(academies, numbers, strict=True):
            people = [("administrator", Role.ADMINISTRATOR), ("staff", Role.STAFF)] + [
                (f"trainer{t}", Role.TRAINER) for t in range(TRAINERS)
            ]
            for name, role in people:
                staff.append(
                    (
                        academy,
                        role,
                        User(
                            email=f"{name}.a{number}@bench.example",
                            display_name=f"{name} {number}",
                            password=password,
                        ),
                    )
                )
        User.objects.bulk_create([user for _, _, user in staff])
        for academy, role, user in staff:
            roles.append(AcademyRole(academy=academy, user=user, role=role))
            memberships.append(
                User.groups.through(user_id=user.pk, group_id=groups[(academy.pk, role)])
            )
        AcademyRole.objects.bulk_create(roles)
        User.groups.through.objects.bulk_create(memberships)
        trainers = [(academy, user) for academy, role, user in staff if role == Role.TRAINER]
        sizes = [LEARNERS_PER_COHORT] * len(trainers)
        if big_cohort:  # the first trainer of the first academy also leads a cohort of 200
            trainers.append(trainers[0])
            sizes.append(BIG_COHORT)
        for index, (academy, _trainer) in enumerate(trainers):
            cohorts.append(
                Cohort(
                    name=f"Groep {academy.slug} {index}",
                    course=course,
                    academy=academy,
                    starts_on=today - datetime.timedelta(days=30),
                    ends_on=today + datetime.timedelta(days=300),
                    capacity=sizes[index],
                )
            )
        Cohort.objects.bulk_create(cohorts)
        for cohort, (_, trainer) in zip(cohorts, trainers, strict=True):
            trainer_links.append(Cohort.trainers.through(cohort_id=cohort.pk, user_id=trainer.pk))
        Cohort.trainers.through.objects.bulk_create(trainer_links)
        learners = User.objects.bulk_create(
            User(
                email=f"cursist.{cohort.pk}.{n}@bench.example",
                display_name=f"Cursist {cohort.pk}.{n}",
                password=password,
            )
            for cohort, size in zip(cohorts, sizes, strict=True)
            for n in range(size)
        )
        places = [cohort for cohort, size in zip(cohorts, sizes, strict=True) for _ in range(size)]
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                learner=learner,
                cohort=cohort,
                course=course,
                last_activity_at=now,
                last_lesson=lessons[len(lessons) // 2],
            )
            for learner, cohort in zip(learners, places, strict=True)
        )
        # Varied progress (each learner the first 0 to all lessons), written by the
        # database itself: one INSERT … SELECT per lesson instead of ~400,000 objects.
        table = LessonProgress._meta.db_table
        with connection.cursor() as cursor:
            for index, lesson in enumerate(lessons):
                cursor.execute(
                    f"INSERT INTO {table} (enrolment_id, lesson_id, completed_at) "  # noqa: S608
                    "SELECT id, %s, %s FROM learning_enrolment "
                    "WHERE id BETWEEN %s AND %s AND (id * 7919) %% %s > %s",
                    [lesson.pk, now, enrolments[0].pk, enrolments[-1].pk, len(lessons) + 1, index],
                )
        submissions = Submission.objects.bulk_create(
            Submission(
                enrolment=enrolment,
                author_id=enrolment.learner_id,
                cohort_id=enrolment.cohort_id,
                assignment=assignment,
                status=(status := rng.choice(statuses)),
                first_submitted_at=None if status == Submission.Status.DRAFT else now,
            )
            for enrolment in enrolments
        )
        SubmissionVersion.objects.bulk_create(
            SubmissionVersion(
                submission=submission,
                number=1,
                text="Ik luisterde en vroeg door.",
                word_count=5,
                revision=1,
                submitted_at=None if submission.status == Submission.Status.DRAFT else now,
            )
            for submission in submissions
        )
        from training.certificates.codes import code_generate

        Certificate.objects.bulk_create(
            Certificate(
                learner_id=enrolment.learner_id,
                course=course,
                qualification=course,
                enrolment=enrolment,
                cohort_id=enrolment.cohort_id,
                holder_name=f"Cursist {enrolment.pk}",
                course_title=course.title,
                qualification_title=course.title,
                pillars=[{"pillar": "listening", "hours": 4}],
                study_hours=12,
                cohort_name="Groep",
                issued_on=today,
                valid_until=today.replace(year=today.year + 3),
                code=code_generate(),
            )
            for enrolment in enrolments
            if rng.random() < 0.1
        )
        # Rows were bulk-created past the progress services: count them once.
        from training.learning.services import enrolments_recount_lessons_done

        enrolments_recount_lessons_done(course=course)
    return academies, cohorts


ACADEMY_PAGES = [
    # (role, page, URL name, argument: None, "cohort" (the role's own), "big" (200 learners))
    ("trainer", "cohorts", "cohorts:index", None),
    ("trainer", "cohort progress", "cohorts:progress", "cohort"),
    ("trainer", "certificates", "certificates_admin:index", None),
    ("trainer", "reflections: groups", "reflection_queue:index", None),
    ("trainer", "reflections: a group", "reflection_queue:cohort", "cohort"),
    ("trainer", "admin home", "wagtailadmin_home", None),
    ("administrator", "cohorts", "cohorts:index", None),
    ("administrator", "cohort progress", "cohorts:progress", "cohort"),
    ("administrator", "certificates", "certificates_admin:index", None),
    ("administrator", "reflections: groups", "reflection_queue:index", None),
    ("administrator", "academy team", "academy_team:index", None),
    ("staff", "admin home", "wagtailadmin_home", None),
    ("superuser", "academies", "academies_admin:index", None),
    ("superuser", "cohorts", "cohorts:index", None),
    ("superuser", "certificates", "certificates_admin:index", None),
    ("superuser", "reflections: groups", "reflection_queue:index", None),
    ("superuser", "academy team", "academy_team:index", None),
    ("learner", "dashboard", "learning:dashboard", None),
    ("learner", "lesson page", "lesson", None),
]
COHORT_PAGES = [  # issue 25: a cohort of 20 against one of 200, the same trainer
    ("trainer", "cohort edit", "cohorts:edit", "cohort"),
    ("trainer", "cohort progress", "cohorts:progress", "cohort"),
    ("trainer", "reflections: a group", "reflection_queue:cohort", "cohort"),
    ("trainer", "ratings per learner", "reflection_queue:learners", "cohort"),
    ("learner", "dashboard", "learning:dashboard", None),
    ("learner", "lesson page", "lesson", None),
]


def academies_measure(pages, people, lesson_url, cohort):
    from bench import measure  # noqa: PLC0415 (after Django is set up)
    from django.urls import reverse

    rows = {}
    for role, name, url_name, argument in pages:
        if url_name == "lesson":
            url = lesson_url
        else:
            url = reverse(url_name, args=[cohort.pk] if argument else [])
        _, _, queries, cpu = measure(people[role], url)
        rows[f"{role}: {name}"] = {"queries": queries, "cpu": cpu}
    return rows


def academies_main():
    vendor, teardown = academies_database()
    try:
        academies_run(vendor)
    finally:
        teardown()


def academies_run(vendor):
    from bench import login_with_mfa  # noqa: PLC0415
    from django.contrib.auth import get_user_model
    from django.test import Client

    from training.learning.models import Cohort, Enrolment

    User = get_user_model()
    started = time.perf_counter()
    platform_admin = User.objects.create(
        email="platform@bench.example", display_name="Platform", is_superuser=True, is_staff=True
    )
    course, assignment, lessons = academies_course()
    seed = {
        "course": course,
        "assignment": assignment,
        "lessons": lessons,
        "platform_admin": platform_admin,
    }
    academies_seed(numbers=range(SMALL_ACADEMIES), big_cohort=True, **seed)
    small_seconds = time.perf_counter() - started

    def person(email):
        user = User.objects.get(email=email)
        client = Client(HTTP_HOST="localhost")
        login_with_mfa(client, user)
        return client

    trainer = User.objects.get(email="trainer0.a0@bench.example")
    cohorts = list(Cohort.objects.filter(trainers=trainer).order_by("capacity"))
    small_cohort, big_cohort = cohorts[0], cohorts[-1]

    def learner_of(cohort):
        enrolment = Enrolment.objects.filter(cohort=cohort).order_by("pk").first()
        client = Client(HTTP_HOST="localhost")
        client.force_login(enrolment.learner)
        return client

    people = {
        "trainer": person("trainer0.a0@bench.example"),
        "administrator": person("administrator.a0@bench.example"),
        "staff": person("staff.a0@bench.example"),
        "superuser": person("platform@bench.example"),
        "learner": learner_of(small_cohort),
    }
    lesson_url = lessons[len(lessons) // 2].url
    print(
        f"Seeded {SMALL_ACADEMIES} academies ({Enrolment.objects.count()} learners) "
        f"in {small_seconds:.1f} s on {vendor}.",
        flush=True,
    )
    small = academies_measure(ACADEMY_PAGES, people, lesson_url, small_cohort)

    started = time.perf_counter()
    academies_seed(numbers=range(SMALL_ACADEMIES, ACADEMIES), **seed)
    print(
        f"Seeded {ACADEMIES - SMALL_ACADEMIES} more academies in bulk: {ACADEMIES} academies × "
        f"{TRAINERS} trainers × {TRAINERS * LEARNERS_PER_COHORT} learners "
        f"({Enrolment.objects.count()} learners in all) in {time.perf_counter() - started:.1f} s.",
        flush=True,
    )
    large = academies_measure(ACADEMY_PAGES, people, lesson_url, small_cohort)
    print(
        f"\nAdmin listings and learner pages: {SMALL_ACADEMIES} against {ACADEMIES} academies "
        f"(CPU ms per request, median of {os.environ.get('BENCH_REPEAT', 30)}; queries)"
    )
    table(small, large, f"{SMALL_ACADEMIES} acad.", f"{ACADEMIES} acad.")

    people["learner"] = learner_of(small_cohort)
    at_20 = academies_measure(COHORT_PAGES, people, lesson_url, small_cohort)
    people["learner"] = learner_of(big_cohort)
    at_200 = academies_measure(COHORT_PAGES, people, lesson_url, big_cohort)
    print(
        f"\nA cohort of {LEARNERS_PER_COHORT} against one of {BIG_COHORT} learners (same trainer)"
    )
    table(at_20, at_200, f"{LEARNERS_PER_COHORT} learners", f"{BIG_COHORT} learners")
    print(f"load average (1, 5, 15 min): {', '.join(f'{n:.2f}' for n in os.getloadavg())}")


def table(small, large, small_label, large_label):
    print(f"{'page':<40}{small_label:>16}{large_label:>16}{'CPU ratio':>11}{'queries':>9}")
    for name, first in small.items():
        last = large[name]
        ratio = last["cpu"] / first["cpu"] if first["cpu"] else float("nan")
        same = "same" if last["queries"] == first["queries"] else "GROWS"
        print(
            f"{name:<40}{first['cpu']:>10.1f} {int(first['queries']):>3}q"
            f"{last['cpu']:>10.1f} {int(last['queries']):>3}q{ratio:>10.2f}×{same:>9}"
        )


def main():
    """Both parts, each in a process of its own (each sets Django up on its own database)."""
    part = sys.argv[1] if len(sys.argv) > 1 else ""
    if part == "lessons":
        lessons_main()
    elif part == "academies":
        academies_main()
    else:
        lessons_main()
        print("", flush=True)
        subprocess.run([sys.executable, __file__, "academies"], check=True)


if __name__ == "__main__":
    main()
