"""The arithmetic of `make bench`, its cookie jar, and the constant view that only it routes."""

import importlib.util
import sys
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


def test_ratios_divide_median_rates_by_the_floors_median(bench_http):
    rates = {
        bench_http.FLOOR: [400.0, 100.0, 200.0],
        "home (anonymous)": [50.0, 150.0, 100.0],
        "reflection autosave": [10.0, 30.0, 20.0],
    }
    assert bench_http.floor_ratios(rates) == {
        "home (anonymous)": 0.5,
        "reflection autosave": 0.1,
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
