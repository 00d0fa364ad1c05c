"""Fixtures for the browser tests: Debian's Chromium driven by Playwright.

Playwright's own browser download cannot work on these machines, so the
tests drive /usr/bin/chromium (`make install-browser` installs it). When it
is missing the tests fail with a message saying so; they never skip.

Every browser test runs against pytest-django's `live_server`, so it uses
`transactional_db`: the tables are flushed after each test. The
`django_db_serialized_rollback` fixture (requested by `page`) puts back what
the migrations created (Wagtail's root page, our home page, the site) before
each test, so the page tree always starts from the migrated state.

Every page runs under the site's strict Content-Security-Policy: a test fails
when the browser reports any violation (a refused inline script or style, a
foreign host) on the pages it visits. axe is therefore not injected as an
inline script tag (which the policy refuses) but as an init script, which
the browser runs outside the page's policy.

Set BROWSER_SCREENSHOT_DIR to a folder (outside the repository, e.g. /tmp/shots)
to have the `screenshot` helper save full-page PNGs there.

Set HTML_CHECK_DIR to a folder (`make test` uses var/html-pages) to have every
HTML page the tests' browsers load from the live server saved there, as the
server sent it, with pages.jsonl saying which address and test each file came
from; `scripts/check_html.py` then runs the Nu HTML Checker (vnu.jar) over them.
"""

import hashlib
import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in this thread; Django
# refuses ORM calls from a thread with a running loop unless told otherwise.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's Chromium. "
            "Install it with `make install-browser` (scripts/install-chromium.sh).",
            pytrace=False,
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Between its calls, Playwright's sync API leaves its event loop marked as
    # running in this thread. Django's connection handler then hands out other
    # connection objects (asgiref keeps "async" connections apart from sync
    # ones), which lack the snapshot of the migrated database that the test
    # database setup stored on the sync ones. Without it, serialized rollback
    # silently restores nothing and the second browser test finds no home page.
    snapshots = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


# Reports every CSP violation to the console, in a form the fixture below collects.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.documentURI.replace(location.origin, "")}`);
});
"""
# Our own copy of axe, kept apart from any axe a page bundles (Wagtail's admin does).
AXE_INIT = "{source}\n;window.__testAxe = window.axe;"


def is_csp_violation(text: str) -> bool:
    return text.startswith("CSP violation:") or "Content Security Policy" in text


@pytest.fixture
def csp_violations():
    """Every CSP violation reported in this test's pages (the test fails if any remain)."""
    return []


class HtmlPages:
    """Keeps the HTML of the pages a test's browsers load, for the Nu HTML Checker.

    One file per distinct page (named by its content's hash, so a page seen by
    many tests is checked once) and a line in pages.jsonl per address and test.
    """

    def __init__(self, folder: str, base_url: str, test: str):
        self.folder = Path(folder)
        self.base_url = base_url
        self.test = test

    def keep(self, response):
        if response.request.resource_type != "document":
            return
        if not response.url.startswith(self.base_url) or not 200 <= response.status < 300:
            return
        if "text/html" not in response.headers.get("content-type", ""):
            return
        try:
            body = response.body()
        except Exception:  # a page navigated away from before its body arrived
            return
        name = hashlib.sha256(body).hexdigest()[:20] + ".html"
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / name).write_bytes(body)
        address = response.url.removeprefix(self.base_url)
        with open(self.folder / "pages.jsonl", "a", encoding="utf-8") as manifest:
            manifest.write(json.dumps({"file": name, "url": address, "test": self.test}) + "\n")


@pytest.fixture
def new_page(browser, live_server, django_db_serialized_rollback, csp_violations, request):
    """Open a page in a fresh browser context (own cookies), Dutch like our learners.

    `new_page(viewport=PHONE, is_mobile=True)` gives a phone-sized one.
    """
    contexts = []
    _USED_CODES.clear()  # allauth's record of used codes went with the last test's data
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} not found: run `npm ci` (make node_modules/.installed).")
    axe_init = AXE_INIT.format(source=AXE_JS.read_text())

    def collect(message):
        if message.type == "error" and is_csp_violation(message.text):
            csp_violations.append(message.text)

    html_folder = os.environ.get("HTML_CHECK_DIR")
    html_pages = html_folder and HtmlPages(html_folder, live_server.url, request.node.nodeid)

    def open_page(viewport=DESKTOP, **context_options):
        context_options.setdefault("locale", "nl-NL")
        context = browser.new_context(
            viewport=viewport, base_url=live_server.url, **context_options
        )
        context.set_default_timeout(10_000)
        context.add_init_script(CSP_LISTENER)
        context.add_init_script(axe_init)
        context.on("console", collect)
        if html_pages:
            context.on("response", html_pages.keep)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
    if csp_violations:
        pytest.fail(
            "Content-Security-Policy violations:\n" + "\n".join(sorted(set(csp_violations))),
            pytrace=False,
        )


@pytest.fixture
def page(new_page):
    """A desktop-sized page whose relative URLs resolve against the live server."""
    return new_page()


def format_violations(url, violations):
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'unknown impact'}): "
            f"{violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(
                json.dumps(t) if not isinstance(t, str) else t for t in node["target"]
            )
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


class Axe:
    """Runs axe-core's WCAG 2.1 A/AA rules on a page.

    `axe.violations(page)` returns the violations; `axe(page)` also fails the
    test, listing each violation's id, impact and target nodes.
    """

    def violations(self, page, exclude=()):
        # axe comes from the init script (see new_page); wait for the page to be loaded.
        page.wait_for_load_state("load")
        # Wagtail's messages fade in (opacity, 0.5 s): scanned halfway, white on the
        # half-transparent green of a success message fails color-contrast.
        from playwright.sync_api import expect

        for messages in page.locator("#main .messages > ul").all():
            expect(messages).to_have_css("opacity", "1")
        result = page.evaluate(
            "([tags, exclude]) => window.__testAxe.run("
            "  exclude.length ? {include: [document], exclude: exclude.map(s => [s])} : document,"
            "  {runOnly: {type: 'tag', values: tags}})",
            [WCAG_TAGS, list(exclude)],
        )
        return result["violations"]

    def __call__(self, page, exclude=()):
        violations = self.violations(page, exclude)
        if violations:
            pytest.fail(format_violations(page.url, violations), pytrace=False)
        return violations


@pytest.fixture
def axe():
    return Axe()


def nl(message: str) -> str:
    """The Dutch text of a msgid: the site is Dutch by default, tests find elements by it."""
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("nl"):
        return gettext(message)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth and the verification pages count requests in the process-wide cache: start at 0."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def wait_for_messages(page):
    """Wagtail's and our flash messages fade in; axe measures contrast only once they are opaque."""
    from playwright.sync_api import expect

    page.wait_for_load_state("load")
    for messages in page.locator("#main .messages > ul").all():
        expect(messages).to_have_css("opacity", "1")


@pytest.fixture
def check_screen(axe, screenshot):
    """`check_screen(page, name)`: at 1280 and 390 px, axe finds nothing, nothing scrolls
    sideways, and a screenshot is taken (with BROWSER_SCREENSHOT_DIR); back to 1280 after.

    `exclude`: CSS selectors axe leaves out, only for third-party widgets we do not
    render ourselves (say why where it is used)."""

    def check(page, name, exclude=()):
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            wait_for_messages(page)
            axe(page, exclude)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (
                f"{name} scrolls sideways by {overflow}px at {viewport['width']} px"
            )
            screenshot(page, f"{name}-{viewport['width']}")
        page.set_viewport_size(DESKTOP)

    return check


@pytest.fixture
def screenshot(request):
    """`screenshot(page, "name")` saves a full-page PNG when BROWSER_SCREENSHOT_DIR is set."""
    folder = os.environ.get("BROWSER_SCREENSHOT_DIR")

    def take(page, name):
        if not folder:
            return None
        path = Path(folder) / f"{request.node.name}-{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# Codes each user has signed in with: allauth refuses a code used before (replay),
# so a second sign-in of the same person within one period takes the next code.
_USED_CODES: dict[int, set[str]] = {}


def _fresh_code(user) -> str:
    from tests.factories import totp_code

    used = _USED_CODES.setdefault(user.pk, set())
    for periods_ahead in (0, 1, -1):
        code = totp_code(periods_ahead=periods_ahead)
        if code not in used:
            used.add(code)
            return code
    pytest.fail(f"{user} signed in more than three times within one code period")


def log_in(new_page, live_server, user, next_url, **options):
    """A fresh browser context (own cookies and storage) signed in as `user`, at `next_url`.

    `options` go to `new_page` (e.g. `viewport=PHONE, is_mobile=True`).

    Through the real sign-in pages: the password, then, for people who must
    sign in in two steps (trainers, admins, association staff), the code of
    their authenticator app (tests.factories.totp_set_up gives them one).
    """
    from playwright.sync_api import expect

    from tests.factories import PASSWORD, totp_set_up
    from training.accounts.permissions import two_step_required

    two_step = two_step_required(user)
    if two_step:
        totp_set_up(user)
    page = new_page(**options)
    page.goto(f"/account/login/?next={next_url}")
    page.get_by_label(nl("Email"), exact=True).fill(user.email)
    page.get_by_label(nl("Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=nl("Sign In")).click()
    if two_step:
        expect(page.get_by_role("heading", level=1)).to_have_text(nl("Two-Factor Authentication"))
        page.get_by_label(nl("Code"), exact=True).fill(_fresh_code(user))
        page.get_by_role("button", name=nl("Sign In")).click()
    expect(page).to_have_url(live_server.url + next_url)
    return page


VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(page) -> list[str]:
    """The Nu HTML Checker's (vnu.jar) errors on the HTML the server sends for this page.

    Fetched again with the page's own cookies, so it is the served HTML, not the
    DOM after scripts ran. `make test` also checks every page the tests visit
    (HTML_CHECK_DIR, scripts/check_html.py); this is for a test about one page.
    """
    import shutil
    import subprocess
    import tempfile

    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} not found: run `npm ci` (make node_modules/.installed).")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: `make install-tools` installs it (scripts/install-java.sh).")
    html = page.context.request.get(page.url).text()
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as file:
        file.write(html)
        file.flush()
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", file.name],
            capture_output=True,
            text=True,
            check=False,
        )
    messages = json.loads(result.stderr)["messages"]
    return [f"line {m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]


TABLE_ROLES = ("table", "row", "columnheader", "rowheader", "cell")


def table_roles(page) -> dict[str, int]:
    """How many of each table role Chromium's own accessibility tree exposes on the page.

    From the browser (Chrome DevTools Protocol), not from the markup: CSS can take
    table semantics away (display: block on a table in older browsers), which the
    DOM never shows.
    """
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    roles = [node.get("role", {}).get("value") for node in nodes if not node.get("ignored")]
    return {role: roles.count(role) for role in TABLE_ROLES}
