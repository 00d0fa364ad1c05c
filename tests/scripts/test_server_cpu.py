"""The benches' CPU meter (scripts/server_cpu.py): real processes, and a made-up /proc."""

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BURN = "import time\nend = time.process_time() + {seconds}\nwhile time.process_time() < end: pass\n"


@pytest.fixture(scope="module")
def server_cpu():
    spec = importlib.util.spec_from_file_location("server_cpu", ROOT / "scripts" / "server_cpu.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("server_cpu", module)
    spec.loader.exec_module(module)
    return module


def _burner(seconds, then_sleep=0.0):
    code = BURN.format(seconds=seconds) + f"time.sleep({then_sleep})\n"
    return subprocess.Popen([sys.executable, "-c", code])


def test_a_child_that_burns_cpu_counts_and_an_idle_one_does_not(server_cpu):
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    time.sleep(0.3)  # the interpreter's own start-up is spent before the meter starts
    meter = server_cpu.CpuMeter(
        {"busy": lambda table: set(), "idle": server_cpu.descendants(idle.pid)}, every=0.1
    )
    try:
        meter.start()
        burner = _burner(0.4, then_sleep=30)
        meter.groups["busy"] = server_cpu.descendants(burner.pid)
        time.sleep(1.5)
        spent = meter.stop()
    finally:
        idle.kill()
        burner.kill()
        idle.wait()
        burner.wait()
    # Started after start(): counted from zero, its interpreter start-up included.
    assert 0.35 <= spent["busy"] <= 1.5
    assert spent["idle"] < 0.05


def test_a_process_that_ends_during_the_measurement_still_counts(server_cpu):
    meter = server_cpu.CpuMeter({}, every=0.05)
    burner = _burner(0.5, then_sleep=0.3)
    time.sleep(0.1)
    meter.groups["app"] = server_cpu.descendants(burner.pid)
    meter.start()
    burner.wait()
    spent = meter.stop()  # it is gone now: its last sample counts
    assert spent["app"] >= 0.3


def test_descendants_are_found_below_the_master(server_cpu, tmp_path):
    proc = _fake_proc(
        tmp_path,
        {
            1: (0, "init"),
            10: (1, "gunicorn: master"),
            11: (10, "gunicorn: worker"),
            12: (10, "gunicorn: worker"),
            13: (11, "a worker's child"),
            20: (1, "something else"),
        },
    )
    table = server_cpu.process_table(proc)
    assert server_cpu.descendants(10)(table) == {10, 11, 12, 13}
    assert server_cpu.descendants(99)(table) == set()  # gone


def test_postgres_backends_by_their_database_in_the_title(server_cpu, tmp_path):
    proc = _fake_proc(
        tmp_path,
        {
            30: (1, "/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main"),
            31: (30, "postgres: 15/main: walwriter "),
            32: (30, "postgres: 15/main: lotgenoot lotgenoot_bench_http 127.0.0.1(40000) idle"),
            33: (30, "postgres: lotgenoot lotgenoot_bench_http [local] SELECT"),
            34: (30, "postgres: 15/main: lotgenoot test_lotgenoot 127.0.0.1(40002) idle"),
            40: (1, "redis-server 127.0.0.1:6390"),
            41: (1, "redis-server 127.0.0.1:6391"),
        },
    )
    table = server_cpu.process_table(proc)
    assert server_cpu.postgres_backends("lotgenoot_bench_http")(table) == {32, 33}
    assert server_cpu.listening_on("redis-server", 6390)(table) == {40}


def test_cpu_from_schedstat_nanoseconds_or_else_stat_ticks(server_cpu, tmp_path):
    proc = _fake_proc(tmp_path, {50: (1, "two threads"), 60: (1, "no schedstat")})
    for tid, ns in ((50, 1_500_000_000), (51, 250_000_000)):
        task = proc / "50" / "task" / str(tid)
        task.mkdir(parents=True)
        (task / "schedstat").write_text(f"{ns} 1000 7\n")
    assert server_cpu.process_cpu_seconds(50, proc) == pytest.approx(1.75)
    # utime 300 + stime 50 ticks; a command name with ") (" in it does not shift the fields
    (proc / "60" / "stat").write_text(
        "60 (a) (b) S 1 60 60 0 -1 0 0 0 0 0 300 50 0 0 20 0 1 0 0 0 0\n"
    )
    assert server_cpu.process_cpu_seconds(60, proc) == pytest.approx(350 / server_cpu.CLOCK_TICKS)
    assert server_cpu.process_cpu_seconds(70, proc) is None


def _fake_proc(root: Path, processes: dict[int, tuple[int, str]]) -> Path:
    proc = root / "proc"
    proc.mkdir()
    (proc / "self").mkdir()  # not a pid: skipped
    for pid, (ppid, cmdline) in processes.items():
        directory = proc / str(pid)
        directory.mkdir()
        (directory / "stat").write_text(
            f"{pid} (x) S {ppid} {pid} {pid} 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 0 0 0\n"
        )
        (directory / "cmdline").write_bytes(cmdline.replace(" ", "\0").encode() + b"\0")
    return proc
