"""CPU seconds the server's processes spend, read from /proc (Linux; for the benches).

`scripts/bench_http.py` and `scripts/bench_cluster.py` divide what the server
spends by the requests it answered: the gunicorn workers (and master), the
PostgreSQL backends of the bench's database, the Redis server. Throughput
measured by a client on the same two cores says as much about the client as
about the server; CPU seconds per request do not depend on how fast the
client can send.

Per process, the CPU time of all its threads: `/proc/<pid>/task/*/schedstat`
(nanoseconds run on a CPU) where the kernel keeps it, else `utime + stime` of
`/proc/<pid>/stat` (clock ticks, 10 ms). A `CpuMeter` samples its processes
every half second in a thread, so a process that ends during a measurement (a
database connection closed at `CONN_MAX_AGE`) still counts up to its last
sample, and one that starts during it counts from zero.

Nothing here reads a process's memory or environment: only its parent, its
command line (for PostgreSQL's process titles) and its CPU counters.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Process:
    pid: int
    ppid: int
    cmdline: str


def _after_comm(stat_text: str) -> list[str]:
    """The fields of /proc/<pid>/stat after `(comm)`, which may hold spaces and parentheses."""
    return stat_text[stat_text.rindex(")") + 2 :].split()


def process_table(proc: Path = PROC) -> list[Process]:
    """Every process now running: pid, parent and command line (a postgres backend's title)."""
    table = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int(_after_comm((entry / "stat").read_text())[1])
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):  # ended while we looked
            continue
        table.append(Process(int(entry.name), ppid, cmdline.strip()))
    return table


def process_cpu_seconds(pid: int, proc: Path = PROC) -> float | None:
    """CPU seconds of all of a process's threads so far; None once it has ended."""
    directory = proc / str(pid)
    try:
        total_ns = sum(
            int((task / "schedstat").read_text().split()[0])
            for task in (directory / "task").iterdir()
        )
        if total_ns:
            return total_ns / 1e9
    except (OSError, ValueError, IndexError):
        pass  # no schedstat in this kernel (or the process ended): the tick counters
    try:
        fields = _after_comm((directory / "stat").read_text())
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


# --- Which processes are the server ---------------------------------------------------


def descendants(*roots: int) -> Callable[[list[Process]], set[int]]:
    """The roots and every process below them (a gunicorn master and its workers)."""

    def find(table: list[Process]) -> set[int]:
        found = {root for root in roots if root}
        children: dict[int, list[int]] = {}
        for process in table:
            children.setdefault(process.ppid, []).append(process.pid)
        todo = list(found)
        while todo:
            for child in children.get(todo.pop(), []):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found & {process.pid for process in table}

    return find


def postgres_backends(database: str) -> Callable[[list[Process]], set[int]]:
    """PostgreSQL's backends connected to `database`, by their process title
    (`postgres: [cluster: ]user database host(port) state`); not the server's
    background processes, which other users of a shared server keep busy too."""

    def find(table: list[Process]) -> set[int]:
        return {
            process.pid
            for process in table
            if process.cmdline.startswith("postgres:") and database in process.cmdline.split()[1:]
        }

    return find


def listening_on(program: str, port: int) -> Callable[[list[Process]], set[int]]:
    """A server whose title names its port (`redis-server 127.0.0.1:6379`)."""

    def find(table: list[Process]) -> set[int]:
        return {
            process.pid
            for process in table
            if process.cmdline.split(" ", 1)[0].endswith(program) and f":{port}" in process.cmdline
        }

    return find


class CpuMeter:
    """CPU seconds spent by named groups of processes between `start()` and `stop()`.

    meter = CpuMeter({"app": descendants(master_pid)})
    meter.start(); ...requests...; spent = meter.stop()   # {"app": 1.23}
    """

    def __init__(
        self,
        groups: dict[str, Callable[[list[Process]], Iterable[int]]],
        *,
        every: float = 0.5,
        proc: Path = PROC,
    ):
        self.groups, self.every, self.proc = groups, every, proc
        self._first: dict[tuple[str, int], float] = {}
        self._last: dict[tuple[str, int], float] = {}
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def _sample(self, *, initial: bool = False) -> None:
        table = process_table(self.proc)
        for group, find in self.groups.items():
            for pid in find(table):
                cpu = process_cpu_seconds(pid, self.proc)
                if cpu is None:
                    continue
                key = (group, pid)
                # Running at the start: from what it had spent then; started since: from zero.
                self._first.setdefault(key, cpu if initial else 0.0)
                self._last[key] = cpu

    def _run(self) -> None:
        while not self._done.wait(self.every):
            self._sample()

    def start(self) -> CpuMeter:
        self._first.clear()
        self._last.clear()
        self._done.clear()
        self._sample(initial=True)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> dict[str, float]:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        self._sample()
        spent = dict.fromkeys(self.groups, 0.0)
        for (group, pid), last in self._last.items():
            spent[group] += last - self._first[(group, pid)]
        return spent
