"""The axe helper itself: it must find real violations and name them readably.

Without this, a broken injection (or a scan of an empty document) would let
every accessibility assertion in the browser tests pass vacuously.
"""

import pytest

from tests.browser.conftest import format_violations

pytestmark = pytest.mark.browser

BAD_PAGE = """<!DOCTYPE html><html><head><title>Slecht</title></head><body>
<main><h1>Slecht</h1>
<img src="/static/img/logo.svg" id="no-alt">
<p style="color:#bbb;background:#fff" id="faint">Te lichte tekst</p>
<input type="text" id="no-label">
</main></body></html>"""


def test_axe_finds_and_describes_violations(page, axe):
    page.set_content(BAD_PAGE)

    violations = axe.violations(page)

    found = {violation["id"] for violation in violations}
    assert {"image-alt", "color-contrast", "html-has-lang", "label"} <= found
    message = format_violations("about:blank", violations)
    assert "image-alt (critical)" in message
    assert "#no-alt" in message and "#faint" in message and "#no-label" in message


def test_axe_fails_the_test_on_a_violation(page, axe):
    page.set_content(BAD_PAGE)

    with pytest.raises(pytest.fail.Exception, match=r"accessibility violation\(s\)"):
        axe(page)


def test_axe_passes_a_clean_page(page, axe):
    page.set_content(
        '<!DOCTYPE html><html lang="nl"><head><title>Goed</title></head>'
        "<body><main><h1>Goed</h1><p>Leesbare tekst.</p></main></body></html>"
    )

    assert axe(page) == []
