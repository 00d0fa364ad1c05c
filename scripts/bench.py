#!/usr/bin/env python
"""Benchmarks for `make bench`: server time and query counts of the busiest pages.

Builds, in a scratch SQLite database (var/bench.sqlite3, recreated each run),
a course of 60 lessons and a cohort of 500 learners with varied progress
(BENCH_LESSONS_PER_MODULE=100 and BENCH_LEARNERS=5000 for issue 11's size;
BENCH_REUSE=1 measures again on the last run's database, BENCH_PAGES=progress
only the pages whose name holds that word),
then times requests through Django's test client (in-process server time,
no network) and reports median and p95 over repeated requests, plus the
number of SQL queries per request. Set BENCH_DATABASE_URL to run it on
PostgreSQL instead.
"""

import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
DB_FILE = ROOT / "var" / "bench.sqlite3"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DB_FILE}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "false"

LEARNERS = int(os.environ.get("BENCH_LEARNERS", 500))
LESSONS_PER_MODULE = int(os.environ.get("BENCH_LESSONS_PER_MODULE", 20))
REPEAT = int(os.environ.get("BENCH_REPEAT", 30))


# BENCH_REUSE=1 measures again on the database of the previous run (migrated
# first), so a before/after comparison at 5,000 learners builds it once.
REUSE = os.environ.get("BENCH_REUSE", "") not in ("", "0")
# BENCH_NO_PDF=1 leaves out the certificate figures (scripts/bench_scaling.py).
NO_PDF = os.environ.get("BENCH_NO_PDF", "") not in ("", "0")


def setup_database():
    if "BENCH_DATABASE_URL" not in os.environ and not REUSE:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DB_FILE}{suffix}").unlink(missing_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_data():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from home.models import HomePage
    from training.courses.models import CatalogPage, CoursePage, LessonPage, ModulePage
    from training.courses.permissions import trainer_group_ensure
    from training.courses.pillars import Pillar
    from training.learning.models import Cohort, Enrolment, LessonProgress

    now = timezone.now()
    home = HomePage.objects.get()
    catalog = home.add_child(instance=CatalogPage(title="Cursussen", slug="cursussen"))
    course = catalog.add_child(
        instance=CoursePage(
            title="Benchcursus",
            slug="bench",
            intro="<p>x</p>",
            study_load_hours=60,
            target_audience="x",
            sequential=True,
        )
    )
    lessons = []
    for m, pillar in enumerate(Pillar):
        module = course.add_child(
            instance=ModulePage(
                title=f"Module {m}", slug=f"m{m}", pillar=pillar, study_load_hours=20
            )
        )
        for i in range(LESSONS_PER_MODULE):
            body = [
                {
                    "type": "paragraph",
                    "value": "<p>" + "Luisteren. " * 80 + "</p>",
                    "id": str(uuid.uuid4()),
                }
            ]
            if i % 4 == 0:
                body.append(
                    {
                        "type": "knowledge_check",
                        "id": str(uuid.uuid4()),
                        "value": {
                            "question": "Wat doe je eerst?",
                            "options": [
                                {
                                    "type": "item",
                                    "id": str(uuid.uuid4()),
                                    "value": {
                                        "text": "Luisteren",
                                        "is_correct": True,
                                        "feedback": "Ja.",
                                    },
                                },
                                {
                                    "type": "item",
                                    "id": str(uuid.uuid4()),
                                    "value": {
                                        "text": "Adviseren",
                                        "is_correct": False,
                                        "feedback": "Nee.",
                                    },
                                },
                            ],
                        },
                    }
                )
            lessons.append(
                module.add_child(
                    instance=LessonPage(
                        title=f"Les {m}.{i}", slug=f"les-{i}", body=body, first_published_at=now
                    )
                )
            )

    User = get_user_model()
    password = make_password("bench-wachtwoord")
    trainer = User.objects.create(
        email="trainer@bench.example", display_name="Trainer", password=password
    )
    trainer.groups.add(trainer_group_ensure())
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        name="Benchgroep",
        course=course,
        starts_on=today,
        ends_on=today.replace(year=today.year + 1),
        capacity=LEARNERS + 10,
    )
    cohort.trainers.add(trainer)
    learners = User.objects.bulk_create(
        User(email=f"cursist{n}@bench.example", display_name=f"Cursist {n}", password=password)
        for n in range(LEARNERS)
    )
    rng = random.Random(42)
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(learner=learner, cohort=cohort, course=course, last_activity_at=now)
        for learner in learners
    )
    LessonProgress.objects.bulk_create(
        LessonProgress(enrolment=enrolment, lesson=lesson)
        for enrolment in enrolments
        for lesson in lessons[: rng.randint(0, len(lessons))]
    )
    # The measured learner is half-way, on a lesson in the second module.
    learner = learners[0]
    enrolment = enrolments[0]
    half = len(lessons) // 2
    LessonProgress.objects.filter(enrolment=enrolment).delete()
    LessonProgress.objects.bulk_create(
        LessonProgress(enrolment=enrolment, lesson=lesson) for lesson in lessons[:half]
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lessons[half])
    # Rows were bulk-created past the progress services: count them once.
    from training.learning.services import enrolments_recount_lessons_done

    enrolments_recount_lessons_done(course=course)
    return {
        "learner": learner,
        "trainer": trainer,
        "cohort": cohort,
        "lesson": lessons[half],
        "lessons": len(lessons),
        "progress_rows": LessonProgress.objects.count(),
    }


def existing_data():
    from django.contrib.auth import get_user_model

    from training.courses.models import LessonPage
    from training.learning.models import Cohort, Enrolment, LessonProgress

    User = get_user_model()
    enrolment = Enrolment.objects.select_related("learner", "last_lesson").get(
        learner__email="cursist0@bench.example"
    )
    return {
        "learner": enrolment.learner,
        "trainer": User.objects.get(email="trainer@bench.example"),
        "cohort": Cohort.objects.get(name="Benchgroep"),
        "lesson": enrolment.last_lesson,
        "lessons": LessonPage.objects.count(),
        "progress_rows": LessonProgress.objects.count(),
        "learners": Enrolment.objects.count(),
    }


def login_with_mfa(client, user):
    """Signed in with password and authenticator code, as the admin requires of trainers."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.test import RequestFactory

    authenticator = (
        Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        or TOTP.activate(user, "JBSWY3DPEHPK3PXP").instance
    )
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    request.user = user
    record_authentication(request, user, "password", email=user.email)
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()


def fetch(client, url):
    """One request, read to the end (a streamed CSV is produced while it is read)."""
    response = client.get(url)
    if response.streaming:
        for _chunk in response.streaming_content:
            pass
    return response


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = fetch(client, url)  # warm up
    assert response.status_code == 200, (url, response.status_code)
    timings, cpu = [], []
    for _ in range(REPEAT):
        start, start_cpu = time.perf_counter(), time.process_time()
        fetch(client, url)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        fetch(client, url)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, len(queries), statistics.median(cpu)


def main():
    setup_database()
    from django.test import Client
    from django.urls import reverse

    started = time.perf_counter()
    data = existing_data() if REUSE else build_data()
    print(
        f"Built a course of {data['lessons']} lessons and a cohort of "
        f"{data.get('learners', LEARNERS)} learners "
        f"({data['progress_rows']} completed-lesson rows) in {time.perf_counter() - started:.1f} s."
    )

    learner_client = Client(HTTP_HOST="localhost")
    learner_client.force_login(data["learner"])
    trainer_client = Client(HTTP_HOST="localhost")
    login_with_mfa(trainer_client, data["trainer"])
    pages = [
        ("learner: lesson page", learner_client, data["lesson"].url),
        ("learner: dashboard", learner_client, reverse("learning:dashboard")),
        (
            "trainer: cohort progress",
            trainer_client,
            reverse("cohorts:progress", args=[data["cohort"].pk]),
        ),
        (
            "trainer: progress, in progress",
            trainer_client,
            reverse("cohorts:progress", args=[data["cohort"].pk]) + "?status=in_progress",
        ),
        (
            "trainer: progress, by progress",
            trainer_client,
            reverse("cohorts:progress", args=[data["cohort"].pk]) + "?sort=-progress",
        ),
        (
            "trainer: progress, last page",
            trainer_client,
            reverse("cohorts:progress", args=[data["cohort"].pk]) + "?sort=progress&p=9999",
        ),
        (
            "trainer: cohort progress CSV",
            trainer_client,
            reverse("cohorts:progress_csv", args=[data["cohort"].pk]),
        ),
    ]
    print(
        f"\n{'page':<32}{'median ms':>11}{'p95 ms':>9}{'queries':>9}{'cpu ms':>9}"
        f"   ({REPEAT} requests each)"
    )
    only = os.environ.get("BENCH_PAGES", "")  # e.g. "progress": those pages only
    for name, client, url in pages:
        if only and only not in name:
            continue
        median, p95, queries, cpu = measure(client, url)
        print(f"{name:<32}{median:>11.1f}{p95:>9.1f}{queries:>9}{cpu:>9.1f}")
    if not REUSE and not NO_PDF:
        certificate_figures(data)


def certificate_figures(data, renders=100):
    """Render time of one certificate PDF (cold: fonts loaded the first time), then 100 in a row."""
    from django.utils import timezone

    from training.certificates.codes import code_generate
    from training.certificates.models import Certificate
    from training.certificates.pdf import certificate_pdf_render
    from training.certificates.selectors import verification_url
    from training.certificates.services import add_years
    from training.learning.models import Enrolment

    enrolment = Enrolment.objects.select_related("course", "cohort").get(learner=data["learner"])
    today = timezone.localdate()
    certificate = Certificate.objects.create(
        learner=data["learner"],
        course=enrolment.course,
        qualification=enrolment.course,
        enrolment=enrolment,
        cohort=enrolment.cohort,
        holder_name="Cursist Benchmark",
        course_title=enrolment.course.title,
        qualification_title=enrolment.course.title,
        pillars=[
            {"pillar": "experience", "hours": 20},
            {"pillar": "listening", "hours": 20},
            {"pillar": "boundaries", "hours": 20},
        ],
        study_hours=60,
        cohort_name=enrolment.cohort.name,
        trainer_name="Trainer",
        issued_on=today,
        valid_until=add_years(today, 3),
        code=code_generate(),
    )
    url = verification_url(certificate)
    start = time.perf_counter()
    pdf = certificate_pdf_render(certificate, verification_url=url)
    first = (time.perf_counter() - start) * 1000
    timings = []
    for _ in range(renders):
        start = time.perf_counter()
        certificate_pdf_render(certificate, verification_url=url)
        timings.append((time.perf_counter() - start) * 1000)
    print(f"\n{'certificate PDF':<32}{'ms':>11}")
    print(f"{'render one (first, cold)':<32}{first:>11.1f}")
    print(f"{f'render {renders} in a row: median':<32}{statistics.median(timings):>11.1f}")
    print(
        f"{f'render {renders} in a row: total':<32}{sum(timings):>11.1f}   "
        f"({len(pdf) / 1024:.0f} KB per PDF)"
    )


def certificate_pdf_ratio(renders=20):
    """Median render time of a certificate PDF against a minimal WeasyPrint A4 page,
    in the same run (so a busy machine slows both alike), printed as a ratio.

    The certificate is unsaved (nothing read from the database) and carries
    an association logo, as the demo's do; the first render of each is left
    out (it loads the fonts).
    """
    import datetime
    import io

    from PIL import Image
    from weasyprint import HTML

    from training.certificates import pdf
    from training.certificates.models import Certificate

    certificate = Certificate(
        holder_name="Cursist Benchmark",
        course_title="Gespreksleider lotgenotencontact",
        qualification_title="Gespreksleider lotgenotencontact",
        pillars=[
            {"pillar": "experience", "hours": 20},
            {"pillar": "listening", "hours": 20},
            {"pillar": "boundaries", "hours": 20},
        ],
        study_hours=60,
        cohort_name="Groep najaar",
        trainer_name="Trainer",
        association_name="Vereniging Samen Sterk (demo)",
        issued_on=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2029, 1, 1),
        code="K7QM4TXN9PRW2HDC",
    )
    logo = io.BytesIO()
    Image.new("RGB", (400, 133), (23, 104, 58)).save(logo, "PNG")
    context = pdf.certificate_context

    def with_logo(certificate, *, verification_url, images=None):
        values = context(certificate, verification_url=verification_url, images=images)
        values["association_logo"] = images.add(
            "association-logo", pdf.Image(logo.getvalue(), "image/png")
        )
        return values

    pdf.certificate_context = with_logo
    url = "https://academie.example.org/controleer/K7QM-4TXN-9PRW-2HDC/"
    minimal_page = "<style>@page { size: A4 }</style><p>Lotgenoot Academie</p>"

    def certificate_render():
        pdf.certificate_pdf_render(certificate, verification_url=url)

    def minimal_render():
        HTML(string=minimal_page).write_pdf()

    timings = {certificate_render: [], minimal_render: []}
    for render in timings:
        render()
    for _ in range(renders):
        for render, times in timings.items():  # interleaved: the same load on both
            start = time.perf_counter()
            render()
            times.append((time.perf_counter() - start) * 1000)
    pdf.certificate_context = context
    certificate_ms = statistics.median(timings[certificate_render])
    minimal_ms = statistics.median(timings[minimal_render])
    print(f"\n{'certificate PDF vs minimal A4':<32}{'ms':>11}   ({renders} renders each, median)")
    print(f"{'certificate':<32}{certificate_ms:>11.1f}")
    print(f"{'minimal A4 page':<32}{minimal_ms:>11.1f}")
    print(f"{'ratio':<32}{certificate_ms / minimal_ms:>11.2f}   (goal <= 4)")
    print(
        f"{'load average (1, 5, 15 min)':<32}{'':>4}"
        + ", ".join(f"{n:.2f}" for n in os.getloadavg())
    )


if __name__ == "__main__":
    main()
    if not NO_PDF:
        certificate_pdf_ratio()
