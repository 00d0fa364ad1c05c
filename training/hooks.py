"""One extension mechanism: where a lower app asks the apps above it to contribute.

The apps depend one way (`tests/test_import_direction.py`), so a lower app cannot import a
higher one: the course pages cannot ask learning who is reading, the calendar feed
(assessments) cannot ask practice about meetings. Instead the lower app names a hook here and
asks for its `contributions(hook)`; a higher app contributes a function in its
`wagtail_hooks.py` with `@hooks.register(HOOK.name, order=…)`, as Wagtail's own hooks are
registered. This is Wagtail's hook registry (`wagtail.hooks`), not a registry of our own:

- **Order is explicit**: `order` is the contributing app's level in the dependency order
  (`ORDER`), so a higher app's contribution runs after, and may build on, a lower one's;
  equal orders keep registration order.
- **Once each**: `contributions` lists each function once, however often it was registered.
- **Tests** contribute temporarily with Wagtail's `hooks.register_temporarily(HOOK.name, fn)`,
  or replace every contribution with the `hook_only` fixture (`tests/conftest.py`).

`HOOKS` lists every hook; the README's "Extension hooks" table is checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail import hooks as wagtail_hooks

__all__ = ["HOOKS", "ORDER", "Hook", "LogPrompt", "contributions"]


@dataclass(frozen=True)
class Hook:
    name: str
    #: The app that asks for contributions (the lower one).
    asked_by: str
    #: How a contribution is called, and what it returns.
    signature: str
    purpose: str


@dataclass(frozen=True)
class LogPrompt:
    """A short prompt at the top of the practice log (`PRACTICE_LOG_PROMPTS`)."""

    title: str
    text: str
    #: (label, url) pairs
    links: tuple[tuple[str, str], ...] = ()


#: The `order` a contributing app registers with: its level in the dependency order.
ORDER = {
    "courses": 10,
    "academies": 15,
    "learning": 20,
    "assessments": 30,
    "practice": 40,
    "certificates": 50,
    "credentials": 60,
    "continuing": 70,
    "associations": 80,
    "groups": 85,
    "privacy": 90,
}

LEARNER_CONTEXT = Hook(
    "lotgenoot_learner_context",
    "courses",
    "fn(*, request, page, course, outline, lesson, context) -> dict | None",
    "Adds what an app knows about the signed-in learner to a course page's context "
    "(sees the keys lower apps added).",
)
LESSON_VIEWED = Hook(
    "lotgenoot_lesson_viewed",
    "courses",
    "fn(*, request, lesson, context) -> None",
    "Told that a learner opened an unlocked lesson (never for a preview).",
)
OUTLINE_ASSIGNMENT_MODEL = Hook(
    "lotgenoot_outline_assignment_model",
    "courses",
    "fn() -> type[Page]",
    "A page type (a child of a module) shown as the module's assignments in the outline.",
)
COLLECTION_SYNC = Hook(
    "lotgenoot_collection_sync",
    "courses",
    "fn() -> object",
    "Keeps an app's image or document collection and its permissions, or its groups' "
    "grants (`sync_roles`).",
)
PROGRESS_EXTRAS = Hook(
    "lotgenoot_progress_extras",
    "learning",
    "fn(*, course, outline, enrolments, columns) -> ProgressExtras | None",
    "Adds items to pillar progress and columns to the cohort progress table.",
)
STUCK_SECTIONS = Hook(
    "lotgenoot_stuck_sections",
    "assessments",
    "fn(*, cohort) -> list[StuckSection]",
    "Adds sections (learners who wait or are stuck) to the trainer's stuck tab.",
)
CALENDAR_EVENTS = Hook(
    "lotgenoot_calendar_events",
    "assessments",
    "fn(user) -> iterable of icalendar.Event",
    "Adds events to a person's private calendar feed.",
)
HOLDER_CONTEXT = Hook(
    "lotgenoot_holder_context",
    "certificates",
    "fn(*, user) -> dict",
    "Adds keys to the holder's 'Mijn certificaten' page.",
)
EXPIRY_REMINDER_CONTEXT = Hook(
    "lotgenoot_expiry_reminder_context",
    "certificates",
    "fn(certificate) -> dict",
    "Adds keys to a certificate's expiry reminder email (how far renewal is).",
)
PRACTICE_LOG_PROMPTS = Hook(
    "lotgenoot_practice_log_prompts",
    "continuing",
    "fn(*, user) -> list[LogPrompt]",
    "Adds short prompts (title, text, links) to the top of the facilitator's practice log.",
)
RENEWAL_LINES = Hook(
    "lotgenoot_renewal_lines",
    "continuing",
    "fn(*, user_id, start, end) -> list[LedgerLine]",
    "Adds lines (e.g. reflections on participants' feedback) to a renewal ledger; the "
    "renewal rule decides how much of each kind counts.",
)

HOOKS = (
    LEARNER_CONTEXT,
    LESSON_VIEWED,
    OUTLINE_ASSIGNMENT_MODEL,
    COLLECTION_SYNC,
    PROGRESS_EXTRAS,
    STUCK_SECTIONS,
    CALENDAR_EVENTS,
    HOLDER_CONTEXT,
    EXPIRY_REMINDER_CONTEXT,
    PRACTICE_LOG_PROMPTS,
    RENEWAL_LINES,
)


def contributions(hook: Hook) -> list:
    """The functions contributed to `hook`, in order, each once."""
    found = []
    for fn in wagtail_hooks.get_hooks(hook.name):
        if fn not in found:
            found.append(fn)
    return found
