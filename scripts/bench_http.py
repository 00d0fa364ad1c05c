#!/usr/bin/env python
"""What the server spends per page (`make bench`): CPU per request against a floor, and an M-size load.

1. Floor comparison: CPU seconds per request. Production settings plus one
   constant 10 KB view (`config.settings.bench`), gunicorn with 2 sync
   workers on a scratch database, production's cache (the database cache;
   Redis with BENCH_REDIS=1 or BENCH_CACHE_URL=redis://…). For each page the
   server's CPU seconds per answered request, read from /proc
   (`scripts/server_cpu.py`): the gunicorn master and workers, on PostgreSQL
   the backends of the bench's database, and the Redis server when it is the
   cache. Ratio = the floor's CPU per request ÷ the page's, each the median of
   3 interleaved rounds: 1 means "costs no more than Django itself", 0.5 "twice
   the floor". Two floors: the constant view for a visitor, and the same view
   with a learner's session cookie (the session and the user loaded, nothing
   else), so a signed-in page's ratio against each says what being signed in
   costs by itself and what the page adds.

   The client is one process: one `http.client` connection per gunicorn
   worker, in a thread each (sync workers close the connection after each
   answer, so it connects again). Its own CPU is printed but not counted:
   throughput measured by a client on the same two cores was the client's
   limit, not the server's (issue 25); CPU per request does not depend on how
   fast the client sends.
2. M-size load test: 100 signed-in learners with think time, reading
   lessons, marking them done and autosaving a reflection every 5 s, for
   3 minutes; p50/p95/p99 per request type and the errors. On PostgreSQL
   (BENCH_DATABASE_URL) `pg_stat_activity` is sampled during the run.

The load generator is a small threaded client on the standard library's
http.client (one keep-alive connection and a cookie jar per virtual user):
nothing to install, and on two shared cores it costs less CPU than locust
with gevent, whose own overhead would be part of every figure.

    BENCH_QUICK=1            shorter rounds and a 30 s load test
    BENCH_DATABASE_URL=...   PostgreSQL instead of SQLite; the database is
                             emptied first, so its name must contain "bench"
    BENCH_CACHE_URL=...      the cache (default: production's, the database)
    BENCH_REDIS=1            a Redis server of its own as the cache
    BENCH_SKIP_FLOOR=1, BENCH_SKIP_LOAD=1   leave out part 1 or part 2
"""

from __future__ import annotations

import json
import math
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.client import HTTPConnection, HTTPException, HTTPSConnection
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import server_cpu  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "bench-http"
BIN = ROOT / ".venv" / "bin"
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")

FLOOR = "constant view"
SIGNED_IN_FLOOR = "constant view (signed in)"
#: Issue 25's goals, each page against the visitor's floor.
FLOOR_GOALS = {
    "home (anonymous)": 0.5,
    "course overview (anonymous)": 0.5,
    "lesson (anonymous)": 0.5,
    "lesson (enrolled learner)": 0.5,
    "dashboard /mijn/": 0.5,
    "/verify/<code>/": 0.8,
    "reflection autosave": 0.5,
}
SIGNED_IN = {
    SIGNED_IN_FLOOR,
    "lesson (enrolled learner)",
    "dashboard /mijn/",
    "reflection autosave",
}
LOAD_TARGET_P95_MS = 150


# --- Arithmetic ------------------------------------------------------------------


def percentile(values, q: float) -> float:
    """The q-th percentile by nearest rank (a value that was measured; never interpolated)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def floor_ratios(cpu: dict[str, list[float]], floor: str = FLOOR) -> dict[str, float]:
    """The floor's median CPU per request over the rounds ÷ each page's median:
    1 costs what the floor costs, 0.5 twice as much."""
    base = statistics.median(cpu[floor])
    return {name: base / statistics.median(values) for name, values in cpu.items() if name != floor}


def interleaved(names: list[str], round_number: int) -> list[str]:
    """The order of one round: rotated each round, so no page always follows the same one."""
    shift = round_number % len(names)
    return names[shift:] + names[:shift]


# --- A minimal HTTP client ---------------------------------------------------------


@dataclass
class Response:
    status: int
    body: bytes
    ms: float
    headers: dict = field(default_factory=dict)

    def json(self):
        return json.loads(self.body)


class Client:
    """One virtual user: a keep-alive connection and a cookie jar.

    The jar ignores the Secure flag (production's cookies carry it; the bench
    speaks plain HTTP to gunicorn) and honours deletions (max-age=0).
    """

    def __init__(self, base_url: str, *, cookies=None, ssl_context=None, host_header=None):
        parts = urlsplit(base_url)
        self.https = parts.scheme == "https"
        self.host, self.port = parts.hostname, parts.port or (443 if self.https else 80)
        self.host_header = host_header or parts.netloc
        self.ssl_context = ssl_context
        self.cookies = dict(cookies or {})
        self.csrf = self.cookies.setdefault("csrftoken", secrets.token_hex(16))
        self.conn = None

    def _connect(self):
        if self.https:
            return HTTPSConnection(self.host, self.port, timeout=60, context=self.ssl_context)
        return HTTPConnection(self.host, self.port, timeout=60)

    def request(self, method: str, path: str, body=None, headers=None) -> Response:
        sent = {
            "Host": self.host_header,
            "Accept-Language": "nl",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if method != "GET":
            sent["X-CSRFToken"] = self.csrf
            sent["Referer"] = f"{'https' if self.https else 'http'}://{self.host_header}{path}"
        sent.update(headers or {})
        for attempt in (1, 2):  # a keep-alive connection the server closed: once more
            if self.conn is None:
                self.conn = self._connect()
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=sent)
                raw = self.conn.getresponse()
                data = raw.read()
            except (HTTPException, OSError):
                self.close()
                if attempt == 2:
                    raise
                continue
            ms = (time.perf_counter() - start) * 1000
            if raw.will_close:
                self.close()
            self._remember(raw.headers.get_all("Set-Cookie") or [])
            return Response(raw.status, data, ms, dict(raw.headers))
        raise AssertionError("unreachable")

    def _remember(self, set_cookies):
        for header in set_cookies:
            jar = SimpleCookie()
            try:
                jar.load(header)
            except CookieError:
                continue
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


# --- The scratch site ----------------------------------------------------------------


def bench_environment(database_url: str, cache_url: str | None = None) -> dict:
    """Production settings (plus the constant view) on this machine, over plain HTTP."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        SECRET_KEY=f"bench-{secrets.token_hex(24)}",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        STATIC_ROOT=str(VAR / "static"),
        MEDIA_ROOT=str(VAR / "media"),
        PRIVATE_MEDIA_ROOT=str(VAR / "private"),
        EMAIL_URL="consolemail://",
        LOG_LEVEL="WARNING",
        # The floor comparison asks for one certificate from one address,
        # thousands of times: the limit would refuse all but 30 a minute.
        CERTIFICATE_VERIFY_RATE_LIMIT=str(10**9),
        WEB_CONCURRENCY="2",
    )
    cache_url = cache_url if cache_url is not None else os.environ.get("BENCH_CACHE_URL", "")
    if cache_url:
        env["CACHE_URL"] = cache_url
    return env


@contextmanager
def redis_server():
    """A Redis server of the bench's own (as scripts/cluster.sh starts one); yields its URL."""
    port = free_port()
    directory = VAR / "redis"
    directory.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--dir", str(directory)]
        + ["--save", "", "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)


def server_groups(master: int, database_url: str, cache_url: str) -> dict:
    """The processes whose CPU is the server's: gunicorn, and the database and cache
    servers where they are processes of their own (SQLite runs inside the workers)."""
    groups = {"app": server_cpu.descendants(master)}
    if not database_url.startswith("sqlite"):
        groups["db"] = server_cpu.postgres_backends(urlsplit(database_url).path.lstrip("/"))
    if cache_url.startswith("redis"):
        groups["cache"] = server_cpu.listening_on("redis-server", urlsplit(cache_url).port or 6379)
    return groups


def database_reset(database_url: str):
    """A scratch database: the SQLite file removed, or the PostgreSQL schema emptied."""
    if database_url.startswith("sqlite"):
        # The file the URL names (bench_floor.py's is another than this script's).
        path = database_url.removeprefix("sqlite:///").split("?", 1)[0]
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    if "bench" not in urlsplit(database_url).path:
        raise SystemExit("BENCH_DATABASE_URL must name a scratch database with 'bench' in it.")
    import psycopg

    url = _libpq_url(database_url)
    try:
        conn = psycopg.connect(url, autocommit=True)
    except psycopg.OperationalError:  # not there yet: made on the server's maintenance database
        name = urlsplit(url).path.lstrip("/")
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return
    with conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def _libpq_url(database_url: str) -> str:
    return database_url.replace("postgis://", "postgresql://").replace(
        "postgres://", "postgresql://"
    )


def django_setup(env: dict):
    os.environ.update(env)
    sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "scripts")]
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def seed(learners: int) -> dict:
    """A course of 60 lessons (bench.py's), a reflection, `learners` signed-in learners, a certificate.

    Returns what the load generator needs: paths, and each learner's cookies,
    lessons to go and reflection; nothing here is personal beyond made-up names.
    """
    os.environ["BENCH_LEARNERS"] = str(learners)
    import bench
    from django.conf import settings
    from django.db.models import Count
    from django.test import Client as DjangoClient
    from django.urls import reverse
    from django.utils import timezone

    from training.assessments.models import ReflectionAssignmentPage, RubricCriterion
    from training.assessments.reflections import services as reflection_services
    from training.certificates.codes import code_format, code_generate
    from training.certificates.models import Certificate
    from training.certificates.services import add_years
    from training.courses.models import CoursePage, LessonPage, ModulePage
    from training.learning.models import Enrolment, LessonProgress

    bench.LEARNERS = learners
    data = bench.build_data()
    course = CoursePage.objects.get(slug="bench")
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    first_module = ModulePage.objects.child_of(course).order_by("path").first()
    assignment = ReflectionAssignmentPage(
        title="Reflectie",
        slug="reflectie",
        prompt="<p>Wat hoorde je?</p>",
        min_words=1,
        first_published_at=timezone.now(),
    )
    assignment.rubric_criteria.add(RubricCriterion(sort_order=0, title="Vat samen"))
    first_module.add_child(instance=assignment)

    enrolments = list(
        Enrolment.objects.filter(course=course).select_related("learner").order_by("pk")
    )
    # The floor's eight learner clients all stand where learner 0 does.
    for enrolment in enrolments[1:8]:
        LessonProgress.objects.filter(enrolment=enrolment).delete()
        LessonProgress.objects.bulk_create(
            LessonProgress(enrolment=enrolment, lesson=lesson) for lesson in lessons[:30]
        )
    # Rows were bulk-created past the progress services: count them once.
    from training.learning.services import enrolments_recount_lessons_done

    enrolments_recount_lessons_done(course=course)
    done = {
        row["enrolment"]: row["n"]
        for row in LessonProgress.objects.values("enrolment").annotate(n=Count("id"))
    }
    users = []
    for enrolment in enrolments:
        client = DjangoClient()
        client.force_login(enrolment.learner)
        submission = reflection_services.submission_get_or_create(
            enrolment=enrolment, assignment=assignment
        )
        start = min(done.get(enrolment.pk, 0), len(lessons) - 1)
        users.append(
            {
                "cookies": {
                    settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value
                },
                "autosave": reverse("reflections:autosave", args=[submission.public_id]),
                # One editor tab per learner, in the floor and the load test alike.
                "client_id": f"bench{len(users)}",
                "lessons": [
                    {
                        "url": lesson.url,
                        "done": reverse("learning:complete_lesson", args=[lesson.pk]),
                        "check": lesson.has_knowledge_checks(),
                    }
                    for lesson in lessons[start:]
                ],
            }
        )
    learner = data["learner"]
    enrolment = enrolments[0]
    today = timezone.localdate()
    certificate = Certificate.objects.create(
        learner=learner,
        course=course,
        qualification=course,
        enrolment=enrolment,
        cohort=enrolment.cohort,
        holder_name="Cursist Benchmark",
        course_title=course.title,
        qualification_title=course.title,
        pillars=[{"pillar": "listening", "hours": 60}],
        study_hours=60,
        cohort_name=enrolment.cohort.name,
        trainer_name="Trainer",
        issued_on=today,
        valid_until=add_years(today, 3),
        code=code_generate(),
    )
    from django.db import connections

    connections.close_all()
    return {
        "home": "/",
        "course": course.url,
        "lesson": data["lesson"].url,
        "dashboard": reverse("learning:dashboard"),
        "verify": reverse("certificates:verify_detail", args=[code_format(certificate.code)]),
        "users": users,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env: dict):
    """gunicorn with production's config (2 sync workers); yields its base URL and master's pid."""
    port = free_port()
    log_path = VAR / f"gunicorn-{port}.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if Client(base).request("GET", "/__bench__/constant/").status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"gunicorn did not start; see {log_path}")
        yield base, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


# --- 1. Floor comparison -------------------------------------------------------------


def cpu_per_request(clients: list, send, seconds: float, meter) -> dict:
    """len(clients) threads send for `seconds`; the server's CPU seconds per answered
    request by the meter's groups (and in all), the requests, the errors, and the
    client's own CPU per request (not counted)."""
    counts, errors = [0] * len(clients), [0] * len(clients)
    client_cpu = time.process_time()
    meter.start()
    stop = time.monotonic() + seconds

    def run(i):
        while time.monotonic() < stop:
            try:
                ok = send(clients[i], i)
            except (HTTPException, OSError):
                ok = False
            if ok:
                counts[i] += 1
            else:
                errors[i] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spent = meter.stop()
    client_cpu = time.process_time() - client_cpu
    answered = max(1, sum(counts))
    return {
        "cpu": {group: seconds_ / answered for group, seconds_ in spent.items()},
        "total": sum(spent.values()) / answered,
        "requests": sum(counts),
        "errors": sum(errors),
        "client": client_cpu / answered,
    }


def _get(path):
    return lambda client, i: client.request("GET", path).status == 200


def _autosave(users):
    """Autosaves as one editor tab per learner: each names the revision it saw last,
    kept on the user so the load test later continues from it (no false conflict)."""

    def send(client, i):
        revision = users[i].get("revision", 0)
        body = json.dumps(
            {
                "text": f"Ik hoorde wat zij zei. Poging {revision + 1}.",
                "base_revision": revision,
                "client_id": users[i]["client_id"],
            }
        )
        response = client.request(
            "POST",
            users[i]["autosave"],
            body=body,
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        if response.status != 200:
            return False
        users[i]["revision"] = response.json()["revision"]
        return True

    return send


def floor_comparison(base: str, data: dict, *, meter, concurrency=2, rounds=3, seconds=None):
    """Each page's server CPU per request against the two floors; see the module docstring.

    `concurrency` is gunicorn's worker count: one connection each keeps both busy
    without a queue, and a light client leaves the cores to the server."""
    seconds = seconds or (2.0 if QUICK else 5.0)
    users = data["users"][:concurrency]

    def anonymous():
        return [Client(base) for _ in range(concurrency)]

    def learners():
        return [Client(base, cookies=user["cookies"]) for user in users]

    pages = {
        FLOOR: (anonymous, _get("/__bench__/constant/")),
        SIGNED_IN_FLOOR: (learners, _get("/__bench__/constant/")),
        "home (anonymous)": (anonymous, _get(data["home"])),
        "course overview (anonymous)": (anonymous, _get(data["course"])),
        "lesson (anonymous)": (anonymous, _get(data["lesson"])),
        "lesson (enrolled learner)": (learners, _get(data["lesson"])),
        "dashboard /mijn/": (learners, _get(data["dashboard"])),
        "/verify/<code>/": (anonymous, _get(data["verify"])),
        "reflection autosave": (learners, _autosave(users)),
    }
    for name, (make, send) in pages.items():  # warm up both workers' caches
        for i, client in enumerate(make()):
            for _ in range(3):
                if not send(client, i):
                    raise SystemExit(f"a warm-up request failed: {name}; see var/bench-http/")
    runs = {name: [] for name in pages}
    for round_number in range(rounds):
        for name in interleaved(list(pages), round_number):
            make, send = pages[name]
            clients = make()
            runs[name].append(cpu_per_request(clients, send, seconds, meter))
            for client in clients:
                client.close()
    total = {name: [run["total"] for run in values] for name, values in runs.items()}
    ratios = floor_ratios(total)
    signed_in = floor_ratios({name: total[name] for name in SIGNED_IN}, SIGNED_IN_FLOOR)
    groups = list(meter.groups)
    print(
        f"\nFloor comparison: the server's CPU ms per request ({', '.join(groups)}), median of "
        f"{rounds} interleaved rounds of {seconds:.0f} s, {concurrency} clients"
    )
    print(
        f"{'page':<29}{'reqs':>6}"
        + "".join(f"{group + ' ms':>10}" for group in groups)
        + f"{'total ms':>10}{'ratio':>7}{'signed':>8}{'goal':>6}{'errors':>7}"
    )
    for name, values in runs.items():
        row = f"{name:<29}{sum(run['requests'] for run in values):>6}"
        for group in groups:
            row += f"{statistics.median(run['cpu'][group] for run in values) * 1000:>10.3f}"
        row += f"{statistics.median(total[name]) * 1000:>10.3f}"
        row += f"{ratios.get(name, 1.0):>7.2f}"
        row += f"{signed_in[name]:>8.2f}" if name in signed_in else f"{'':>8}"
        goal = FLOOR_GOALS.get(name)
        row += f"{goal:>6.2f}" if goal else f"{'':>6}"
        row += f"{sum(run['errors'] for run in values):>7}"
        if goal and ratios[name] < goal:
            row += "  below goal"
        print(row)
    client = statistics.median(run["client"] for values in runs.values() for run in values)
    print(
        "ratio: the visitor's floor ÷ the page (CPU per request); signed: the signed-in floor "
        f"÷ the page. The client's own CPU, not counted: {client * 1000:.3f} ms per request."
    )
    return {"ratios": ratios, "signed_in": signed_in, "runs": runs}


# --- 2. Load test ----------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.error_samples: list[str] = []

    def record(self, kind: str, response: Response | None, expected: int, note=""):
        with self.lock:
            self.times.setdefault(kind, [])
            self.errors.setdefault(kind, 0)
            if response is not None:
                self.times[kind].append(response.ms)
            if response is None or response.status != expected:
                self.errors[kind] += 1
                if len(self.error_samples) < 10:
                    status = response.status if response is not None else note
                    self.error_samples.append(f"{kind}: {status}")


def learner_session(client: Client, user: dict, recorder: Recorder, stop: float, rng):
    """Read a lesson, think, mark it done (if it has no checks), next one; autosave every 5 s."""
    revision = user.get("revision", 0)  # the floor comparison's saves came first
    lessons = user["lessons"]
    position = 0
    next_autosave = time.monotonic() + rng.uniform(0, 5)
    next_step = time.monotonic() + rng.uniform(0, 10)
    pending_done = None  # a lesson read and now to be marked done
    words = 0
    while True:
        now = time.monotonic()
        if now >= stop:
            return
        try:
            if now >= next_autosave:
                words += 7
                body = json.dumps(
                    {
                        "text": "Ik luisterde en vatte samen. " * (1 + words // 7),
                        "base_revision": revision,
                        "client_id": user["client_id"],
                    }
                )
                response = client.request(
                    "POST",
                    user["autosave"],
                    body=body,
                    headers={"Content-Type": "application/json", "Accept": "application/json"},
                )
                recorder.record("autosave", response, 200)
                if response.status == 200:
                    revision = response.json()["revision"]
                next_autosave += 5
            elif now >= next_step:
                if pending_done is not None:
                    response = client.request("POST", pending_done["done"], body=b"")
                    recorder.record("mark done", response, 302)
                    pending_done = None
                    position = (position + 1) % len(lessons)
                    next_step = now  # the redirect: the lesson again, then the next one
                    response = client.request("GET", lessons[position - 1]["url"])
                    recorder.record("lesson", response, 200)
                else:
                    lesson = lessons[position]
                    response = client.request("GET", lesson["url"])
                    recorder.record("lesson", response, 200)
                    if lesson["check"]:
                        position = (position + 1) % len(lessons)
                    else:
                        pending_done = lesson
                    next_step = now + rng.uniform(8, 16)  # reading
        except (HTTPException, OSError) as error:
            recorder.record("connection", None, 0, note=type(error).__name__)
            time.sleep(1)
        time.sleep(max(0.0, min(next_autosave, next_step, stop) - time.monotonic()))


def load_test(
    base: str, users: list[dict], *, seconds: float, ssl_context=None, host_header=None, label="M"
):
    threading.stack_size(512 * 1024)
    recorder = Recorder()
    stop = time.monotonic() + seconds
    threads = []
    for n, user in enumerate(users):
        client = Client(
            base, cookies=user["cookies"], ssl_context=ssl_context, host_header=host_header
        )
        rng = random.Random(n)
        threads.append(
            threading.Thread(target=learner_session, args=(client, user, recorder, stop, rng))
        )
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    print(
        f"\nLoad test {label}: {len(users)} signed-in learners with think time, {seconds:.0f} s "
        f"(target p95 <= {LOAD_TARGET_P95_MS} ms, 0 errors)"
    )
    print(
        f"{'request':<14}{'count':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    for kind in sorted(recorder.times):
        times = recorder.times[kind]
        if times:
            p50, p95, p99 = (percentile(times, q) for q in (50, 95, 99))
            print(
                f"{kind:<14}{len(times):>7}{len(times) / elapsed:>8.1f}{p50:>9.0f}{p95:>9.0f}"
                f"{p99:>9.0f}{recorder.errors[kind]:>8}"
            )
        else:
            print(f"{kind:<14}{0:>7}{'':>8}{'':>9}{'':>9}{'':>9}{recorder.errors[kind]:>8}")
    for sample in recorder.error_samples:
        print(f"  error: {sample}")
    return recorder


@contextmanager
def pg_activity_sampler(database_url: str, every: float = 0.5):
    """Sample pg_stat_activity during a run: how often connections sit idle in a transaction."""
    if database_url.startswith("sqlite"):
        yield None
        return
    import psycopg

    samples = []
    done = threading.Event()

    def run():
        with psycopg.connect(_libpq_url(database_url), autocommit=True) as conn:
            while not done.wait(every):
                rows = conn.execute(
                    "SELECT state || coalesce(' / ' || wait_event_type || ':' || wait_event, ''),"
                    " count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "GROUP BY 1"
                ).fetchall()
                samples.append(dict(rows))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        done.set()
        thread.join(timeout=5)
        states = sorted({state for sample in samples for state in sample if state})
        print(
            f"\npg_stat_activity, {len(samples)} samples every {every} s "
            "(connections by state / wait event):"
        )
        for state in states:
            counts = [sample.get(state, 0) for sample in samples]
            seen = sum(1 for c in counts if c)
            print(
                f"  {state:<30} max {max(counts):>3}  mean {statistics.mean(counts):>5.2f}  in {seen} samples"
            )


def main():
    VAR.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}")
    database_reset(database_url)
    with ExitStack() as stack:
        cache_url = os.environ.get("BENCH_CACHE_URL", "")
        if os.environ.get("BENCH_REDIS", "") not in ("", "0"):
            cache_url = stack.enter_context(redis_server())
        env = bench_environment(database_url, cache_url)
        started = time.perf_counter()
        django_setup(env)
        data = seed(learners=int(os.environ.get("BENCH_LOAD_LEARNERS", 100)))
        engine = "SQLite" if database_url.startswith("sqlite") else "PostgreSQL"
        cache = "Redis" if cache_url.startswith("redis") else (cache_url or "the database cache")
        print(
            f"Scratch site on {engine}, cache {cache}: a course of 60 lessons, "
            f"{len(data['users'])} signed-in learners ({time.perf_counter() - started:.0f} s to build)."
        )
        base, master = stack.enter_context(gunicorn(env))
        if os.environ.get("BENCH_SKIP_FLOOR", "") in ("", "0"):
            meter = server_cpu.CpuMeter(server_groups(master, database_url, cache_url))
            floor_comparison(base, data, meter=meter)
        if os.environ.get("BENCH_SKIP_LOAD", "") in ("", "0"):
            with pg_activity_sampler(database_url):
                load_test(base, data["users"], seconds=30 if QUICK else 180)


if __name__ == "__main__":
    main()
