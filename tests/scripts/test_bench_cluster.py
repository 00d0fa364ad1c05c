"""The capacity search of `make bench-cluster` (scripts/bench_cluster.py), without a cluster."""

import importlib.util
import json
import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench_cluster():
    spec = importlib.util.spec_from_file_location(
        "bench_cluster", ROOT / "scripts" / "bench_cluster.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def row(learners, p95, errors=0, app=None):
    return {
        "learners": learners,
        "rate": 1.0,
        "p": [p95 / 2, p95, p95 * 2],
        "errors": errors,
        "samples": [],
        "cores": {"app": app} if app else {},
    }


def test_a_step_passes_at_p95_150_ms_and_no_error(bench_cluster):
    assert bench_cluster.passes(row(500, 150))
    assert not bench_cluster.passes(row(500, 151))
    assert not bench_cluster.passes(row(500, 20, errors=1))


def test_learners_per_core_of_the_machine_and_of_the_app_servers(bench_cluster):
    assert bench_cluster.per_core(row(1000, 90, app=1.25), 2) == (500, 800)
    assert bench_cluster.per_core(row(1000, 90), 2) == (500, None)  # no meter
    assert bench_cluster.per_core(None, 2) == (0, None)  # not even the first step passed


def test_the_search_stops_at_the_knee_and_reports_the_last_passing_step(
    bench_cluster, monkeypatch, capsys
):
    p95_at = {250: 40, 500: 90, 1000: 140, 2000: 900, 4000: 50}
    asked = []

    def step(base, users, data, *, learners, **kwargs):
        asked.append(learners)
        return row(learners, p95_at[learners], app=learners / 800)

    monkeypatch.setattr(bench_cluster, "capacity_step", step)
    monkeypatch.setenv("BENCH_CAPACITY_STEPS", "250,500,1000,2000,4000")
    best = bench_cluster.search(
        "Test", bench_cluster.TYPING, "https://x", [{}], {}, ssl_context=None
    )
    assert best["learners"] == 1000
    assert asked == [250, 500, 1000, 2000]  # past the knee the next steps only queue
    out = capsys.readouterr().out
    assert "Largest passing step: 1000 concurrent learners" in out
    assert "800 learners per app-server core" in out


def test_every_learner_typing_is_the_measured_editors_rate(bench_cluster):
    """3.0 saves a minute of typing (scripts/bench_autosave.py): 180 an hour, nothing else."""
    assert bench_cluster.TYPING == {"autosave": 180}
    assert sum(bench_cluster.EVENING.values()) == 60


class FakeEditorServer:
    """The autosave endpoint's rule for one tab: a save names the revision it saw last
    and never sends a shorter text than the one saved."""

    def __init__(self, response):
        self.response = response
        self.revisions, self.texts, self.kinds = {}, {}, []

    def client(self, base, *, cookies=None, ssl_context=None):
        return FakeClient(self)

    def request(self, method, path, body=None, headers=None):
        self.kinds.append(method)
        payload = json.loads(body)
        current = self.revisions.get(path, 0)
        if payload["base_revision"] != current:
            return self.response(409, {"revision": current})
        if len(payload["text"]) < len(self.texts.get(path, "")):
            return self.response(409, {"shorter": True})
        self.revisions[path] = current + 1
        self.texts[path] = payload["text"]
        return self.response(200, {"revision": current + 1})


class FakeClient:
    def __init__(self, server):
        self.request = server.request

    def close(self):
        pass


@pytest.fixture
def editor_server(bench_cluster, monkeypatch):
    def response(status, payload):
        return bench_cluster.bench_http.Response(status, json.dumps(payload).encode(), 1.0)

    server = FakeEditorServer(response)
    monkeypatch.setattr(bench_cluster.bench_http, "Client", server.client)
    return server


def test_every_learner_typing_sends_only_autosaves_and_each_step_continues_the_last(
    bench_cluster, editor_server
):
    """A learner's editor carries on from the revision and text of the step before:
    no false conflict and no shorter text in the second step."""
    users = [{"cookies": {}, "autosave": f"/autosave/{n}/", "client_id": f"t{n}"} for n in range(3)]
    for user in users:
        user["lessons"] = [{"url": "/les/", "done": "/klaar/", "check": False}]
    rng = random.Random(1)
    steps = [
        bench_cluster.capacity_step(
            "https://x",
            users,
            {"dashboard": "/mijn/"},
            learners=4000,  # 200 autosaves a second
            seconds=0.3,
            ssl_context=None,
            rng=rng,
            model=bench_cluster.TYPING,
        )
        for _ in range(2)
    ]
    assert all(step["errors"] == 0 for step in steps), [step["samples"] for step in steps]
    assert set(editor_server.kinds) == {"POST"}
    assert len(editor_server.kinds) > 20
    assert sum(user["revision"] for user in users) == len(editor_server.kinds)


def test_past_the_knee_every_step_is_measured_but_the_capacity_stays_below_it(
    bench_cluster, monkeypatch, capsys
):
    p95_at = {250: 40, 500: 400, 1000: 140}
    asked = []

    def step(base, users, data, *, learners, **kwargs):
        asked.append(learners)
        return row(learners, p95_at[learners], app=learners / 2000)

    monkeypatch.setattr(bench_cluster, "capacity_step", step)
    monkeypatch.setenv("BENCH_CAPACITY_STEPS", "250,500,1000")
    monkeypatch.setenv("BENCH_CAPACITY_PAST_KNEE", "1")
    meter = type("Meter", (), {"groups": {"app": None}})()
    best = bench_cluster.search(
        "Test", bench_cluster.EVENING, "https://x", [{}], {}, ssl_context=None, meter=meter
    )
    assert asked == [250, 500, 1000]
    assert best["learners"] == 250  # 1,000 passed, but only after 500 failed
    assert capsys.readouterr().out.count("2000\n") == 3  # learners per app core, each step
