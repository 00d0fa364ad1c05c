"""A database that stays locked past its busy timeout, and the calm answer to expect.

`database_locked()` makes every write statement fail as SQLite's does when another
writer holds the lock longer than the busy timeout (`OperationalError: database is
locked`), on any backend, while reads go on: what a learner meets under a storm of
concurrent writers. `assert_busy()` checks the answer every writing path gives then:
503 with Retry-After, never stored or cached, JSON for scripts, a Dutch page otherwise.
"""

from __future__ import annotations

from contextlib import contextmanager
from unittest import mock

from django.db import OperationalError, transaction
from django.db.backends.utils import CursorWrapper

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
BUSY_NL = "Het is nu even druk"


def _is_write(sql) -> bool:
    return str(sql).lstrip().upper().startswith(WRITES)


@contextmanager
def database_locked():
    execute, executemany = CursorWrapper._execute, CursorWrapper._executemany

    def locked_execute(self, sql, *args, **kwargs):
        if _is_write(sql):
            raise OperationalError("database is locked")
        return execute(self, sql, *args, **kwargs)

    def locked_executemany(self, sql, *args, **kwargs):
        if _is_write(sql):
            raise OperationalError("database is locked")
        return executemany(self, sql, *args, **kwargs)

    # The savepoint stands in for autocommit: in production the failed write leaves
    # no transaction behind, so the test's own transaction must not be poisoned.
    with (
        transaction.atomic(),
        mock.patch.object(CursorWrapper, "_execute", locked_execute),
        mock.patch.object(CursorWrapper, "_executemany", locked_executemany),
    ):
        yield


def assert_busy(response, *, json: bool = False, kept: tuple[str, ...] = ()):
    """503 + Retry-After, no-store; JSON {error, retry} or a Dutch page showing `kept`."""
    assert response.status_code == 503, response.content[:300]
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    if json:
        assert response["Content-Type"].startswith("application/json")
        data = response.json()
        assert data["retry"] is True and data["error"]
        return data
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert BUSY_NL in body, body[:500]
    for text in kept:
        assert text in body, f"{text!r} not shown back"
    return body
