"""The arithmetic of `make bench`, its cookie jar, and the constant view that only it routes."""

import importlib.util
import sys
import time
from pathlib import Path

import pytest
from django.urls import resolve

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench_http():
    spec = importlib.util.spec_from_file_location("bench_http", ROOT / "scripts" / "bench_http.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_http", module)
    spec.loader.exec_module(module)
    return module


def test_percentile_is_the_nearest_measured_rank(bench_http):
    values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    assert bench_http.percentile(values, 50) == 5
    assert bench_http.percentile(values, 95) == 10
    assert bench_http.percentile(values, 10) == 1
    assert bench_http.percentile(list(range(1, 201)), 99) == 198
    assert bench_http.percentile([42], 99) == 42
    with pytest.raises(ValueError):
        bench_http.percentile([], 50)


def test_ratios_divide_the_floors_median_cpu_by_each_pages_median(bench_http):
    cpu = {  # CPU seconds per request, one value a round
        bench_http.FLOOR: [0.0008, 0.0002, 0.0004],
        "home (anonymous)": [0.0004, 0.0016, 0.0008],
        "reflection autosave": [0.002, 0.006, 0.004],
    }
    assert bench_http.floor_ratios(cpu) == {
        "home (anonymous)": pytest.approx(0.5),
        "reflection autosave": pytest.approx(0.1),
    }


def test_the_signed_in_pages_are_also_divided_into_the_signed_in_floor(bench_http):
    assert bench_http.SIGNED_IN_FLOOR in bench_http.SIGNED_IN
    assert bench_http.SIGNED_IN - {bench_http.SIGNED_IN_FLOOR} <= set(bench_http.FLOOR_GOALS)
    # Issue 25's goals
    assert bench_http.FLOOR_GOALS["lesson (enrolled learner)"] == 0.5
    assert bench_http.FLOOR_GOALS["/verify/<code>/"] == 0.8


class ConstantServer:
    """A stand-in for gunicorn: every request answered, a fixed CPU cost each."""

    def __init__(self):
        self.requests = 0

    def send(self, client, i):
        self.requests += 1
        time.sleep(0.001)
        return True


class FakeMeter:
    """Charges the 'app' group 2 ms of CPU for every request the server answered."""

    groups = {"app": None}

    def __init__(self, server):
        self.server = server

    def start(self):
        self.before = self.server.requests

    def stop(self):
        return {"app": (self.server.requests - self.before) * 0.002}


def test_cpu_per_request_divides_the_servers_cpu_by_the_answered_requests(bench_http):
    server = ConstantServer()
    run = bench_http.cpu_per_request([object(), object()], server.send, 0.2, FakeMeter(server))
    assert run["requests"] == server.requests > 10
    assert run["errors"] == 0
    assert run["cpu"]["app"] == pytest.approx(0.002)
    assert run["total"] == pytest.approx(0.002)


def test_the_server_is_gunicorn_plus_the_database_and_cache_servers(bench_http):
    sqlite = bench_http.server_groups(10, "sqlite:///x.sqlite3", "")
    assert list(sqlite) == ["app"]  # SQLite and the database cache run inside the workers
    postgres = bench_http.server_groups(
        10, "postgres://u:p@127.0.0.1:5432/lotgenoot_bench_http", "redis://127.0.0.1:6390/0"
    )
    assert list(postgres) == ["app", "db", "cache"]
    table = [
        bench_http.server_cpu.Process(10, 1, "gunicorn: master"),
        bench_http.server_cpu.Process(11, 10, "gunicorn: worker"),
        bench_http.server_cpu.Process(
            30, 2, "postgres: 15/main: u lotgenoot_bench_http 127.0.0.1(1) idle"
        ),
        bench_http.server_cpu.Process(31, 2, "postgres: 15/main: u lotgenoot 127.0.0.1(2) idle"),
        bench_http.server_cpu.Process(40, 1, "redis-server 127.0.0.1:6390"),
    ]
    assert {group: find(table) for group, find in postgres.items()} == {
        "app": {10, 11},
        "db": {30},
        "cache": {40},
    }


def test_rounds_are_interleaved_in_a_rotating_order(bench_http):
    names = ["a", "b", "c"]
    orders = [bench_http.interleaved(names, n) for n in range(3)]
    assert orders == [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"]]
    assert [order.index("a") for order in orders] == [0, 2, 1]


def test_the_cookie_jar_keeps_secure_cookies_and_forgets_deleted_ones(bench_http):
    client = bench_http.Client("http://127.0.0.1:1", cookies={"sessionid": "abc"})
    client._remember(
        [
            "messages=W10; HttpOnly; Path=/; SameSite=Lax; Secure",
            'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/',
        ]
    )
    assert client.cookies["messages"] == "W10"
    assert "sessionid" not in client.cookies
    assert len(client.csrf) == 32


@pytest.mark.django_db
def test_the_constant_view_is_not_routable_in_the_normal_urlconf(client):
    assert resolve("/__bench__/constant/", urlconf="config.urls").func.__name__ != "constant"
    assert client.get("/__bench__/constant/").status_code == 404
    assert resolve("/__bench__/constant/", urlconf="config.bench_urls").func.__name__ == "constant"


def test_the_constant_view_is_ten_kilobytes():
    from config.bench_urls import CONSTANT_BODY

    assert len(CONSTANT_BODY.encode()) == 10 * 1024
    assert CONSTANT_BODY.endswith("</p></body></html>")


def test_only_the_bench_settings_route_it():
    settings_dir = ROOT / "site" / "config" / "settings"
    routing = [p.name for p in settings_dir.glob("*.py") if "bench_urls" in p.read_text()]
    assert routing == ["bench.py"]


class FakeEditor:
    """The autosave endpoint's revision rule: a save must name the current revision."""

    def __init__(self, bench_http, revision=0):
        self.bench_http, self.revision, self.statuses = bench_http, revision, []

    def request(self, method, path, body=None, headers=None):
        import json

        if method == "POST" and path == "/autosave/":
            if json.loads(body)["base_revision"] == self.revision:
                self.revision += 1
                status, payload = 200, {"revision": self.revision}
            else:
                status, payload = 409, {"conflict": True, "revision": self.revision}
        else:
            status, payload = 200, {}
        self.statuses.append(status)
        return self.bench_http.Response(status, json.dumps(payload).encode(), 1.0)


def test_the_load_test_continues_the_revision_the_floor_left(bench_http):
    """One editor tab per learner: the M test starts where the floor's saves ended,
    so a learner's first autosave is not a (false) conflict."""
    import random
    import time

    users = [
        {
            "autosave": "/autosave/",
            "client_id": "bench0",
            "lessons": [{"url": "/les/", "done": "/klaar/", "check": True}],
        }
    ]
    editor = FakeEditor(bench_http)
    send = bench_http._autosave(users)
    assert send(editor, 0) and send(editor, 0)
    assert users[0]["revision"] == 2

    recorder = bench_http.Recorder()
    bench_http.learner_session(editor, users[0], recorder, time.monotonic() + 1.0, random.Random(1))

    assert len(recorder.times["autosave"]) == 1  # it saved once in that second
    assert recorder.errors["autosave"] == 0
    assert 409 not in editor.statuses


def test_a_scratch_sqlite_reset_removes_only_the_file_its_url_names(bench_http, tmp_path):
    """bench_floor.py's reset removed bench_http.py's database while it ran."""
    mine, other = tmp_path / "floor.sqlite3", tmp_path / "bench.sqlite3"
    for path in (mine, Path(f"{mine}-wal"), other):
        path.write_bytes(b"x")
    bench_http.database_reset(f"sqlite:///{mine}")
    assert not mine.exists() and not Path(f"{mine}-wal").exists()
    assert other.exists()
    bench_http.database_reset(f"sqlite:///{other}?conn_max_age=60")  # options are no path
    assert not other.exists()
