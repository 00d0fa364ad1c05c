"""Shared fixtures, and the suite's clock.

`TEST_NOW=<ISO datetime with offset>` starts the whole session at that moment (the
clock keeps ticking from there, through time-machine), so a test whose outcome depends
on the hour, day, week or year can be run at the moments that break such tests:
`scripts/check_clock_moments.sh` runs the time-sensitive modules at each of them. A
test that pins its own moment (`time_machine.travel(..., tick=False)`, `pinned_clock`)
nests inside the session's travel and still sees its own moment.
"""

import datetime
import os
import zoneinfo

import pytest
import time_machine

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# A plain moment for tests that need one: mid-week, mid-day, far from a clock change
# (a Monday-evening practice slot is five days away).
WEDNESDAY_NOON = datetime.datetime(2026, 3, 4, 12, tzinfo=AMSTERDAM)


def _session_now() -> datetime.datetime | None:
    value = os.environ.get("TEST_NOW", "").strip()
    if not value:
        return None
    moment = datetime.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise pytest.UsageError(f"TEST_NOW needs an offset or 'Z' (got {value!r})")
    return moment


def pytest_configure(config):
    moment = _session_now()
    if moment is not None:
        traveller = time_machine.travel(moment, tick=True)
        traveller.start()
        config._test_now_traveller = traveller


def pytest_unconfigure(config):
    traveller = getattr(config, "_test_now_traveller", None)
    if traveller is not None:
        traveller.stop()


# Test modules whose outcome depends on the hour, day, week or year of the clock
# they read (directly or through the code under test): practice slots and meeting
# reminders, deadlines and their reminders, calendars, certificate expiry and PDF
# retries, renewal windows, monthly nudges, digests, retention, the worker's
# schedule, announcements. They get the marker `clock`, and
# scripts/check_clock_moments.sh runs them at fixed moments (`make test`). A new
# test that reads the clock pins it (`pinned_clock`, time_machine) and, when its
# module is not listed here yet, adds the module.
CLOCK_SENSITIVE_MODULES = frozenset(
    {
        "tests/academies/test_invitation_pages.py",
        "tests/academies/test_invitations.py",
        "tests/academies/test_staff_overview.py",
        "tests/assessments/test_calendar.py",
        "tests/assessments/test_deadline_extensions.py",
        "tests/assessments/test_deadline_reminders.py",
        "tests/assessments/test_deadlines.py",
        "tests/associations/test_digests.py",
        "tests/certificates/test_expiry_reminders.py",
        "tests/certificates/test_interrupted.py",
        "tests/certificates/test_pdf_retry.py",
        "tests/certificates/test_verification.py",
        "tests/continuing/test_renewal.py",
        "tests/continuing/test_wellbeing.py",
        "tests/groups/test_access.py",
        "tests/groups/test_facilitator.py",
        "tests/groups/test_participant.py",
        "tests/groups/test_plain_dutch.py",
        "tests/groups/test_privacy.py",
        "tests/groups/test_reflection.py",
        "tests/groups/test_renewal.py",
        "tests/groups/test_threshold.py",
        "tests/learning/test_announcements.py",
        "tests/learning/test_lesson_visit.py",
        "tests/certificates/test_suspension.py",
        "tests/credentials/test_wallet_offers.py",
        "tests/operations/test_health.py",
        "tests/practice/test_calendar.py",
        "tests/practice/test_practice_happened.py",
        "tests/practice/test_waiting.py",
        "tests/practice/test_reminders.py",
        "tests/practice/test_services.py",
        "tests/practice/test_stuck.py",
        "tests/practice/test_views.py",
        "tests/privacy/test_retention.py",
        "tests/worker/test_schedule.py",
    }
)


def pytest_collection_modifyitems(config, items):
    root = config.rootpath
    for item in items:
        if item.path.relative_to(root).as_posix() in CLOCK_SENSITIVE_MODULES:
            item.add_marker(pytest.mark.clock)


def pytest_report_header(config):
    moment = _session_now()
    if moment is not None:
        return f"TEST_NOW: the session starts at {moment.isoformat()} (ticking)"
    return None


@pytest.fixture
def real_clock():
    """For a test whose subprocesses (workers, servers) read the machine's clock, which
    TEST_NOW cannot move: the test itself runs at the real time too. A no-op otherwise."""
    if not time_machine.escape_hatch.is_travelling():
        yield
        return
    real_now = datetime.datetime.fromtimestamp(time_machine.escape_hatch.time.time(), datetime.UTC)
    with time_machine.travel(real_now, tick=True):
        yield


@pytest.fixture
def pinned_clock():
    """Stops the clock at a fixed moment for one test: `pinned_clock(datetime)`; the
    returned traveller can `shift()` or `move_to()` later moments."""
    travellers = []

    def pin(moment: datetime.datetime):
        traveller = time_machine.travel(moment, tick=False)
        travellers.append(traveller)
        return traveller.start()

    yield pin
    for traveller in reversed(travellers):
        traveller.stop()


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def catalog(home_page):
    from tests.factories import CatalogPageFactory

    return CatalogPageFactory(parent=home_page)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached course content (keyed by page
    ids, which a rolled-back database hands out again) never leaks between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hook_only(monkeypatch):
    """`hook_only(HOOK, fn, …)`: for this test, `fn, …` are the hook's only contributions
    (in that order), in place of what the apps contributed (training.hooks)."""
    from wagtail import hooks

    hooks.search_for_hooks()

    def replace(hook, *fns):
        monkeypatch.setitem(hooks._hooks, hook.name, [(fn, 0) for fn in fns])

    return replace
