"""Every response carries a strict Content-Security-Policy: scripts only from this
site's files, nothing may frame it; only the Wagtail admin gets inline styles."""

import pytest
from django.urls import reverse

from tests.factories import TrainerFactory, login_with_mfa

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


def test_public_pages_get_the_strict_policy(client):
    for url in ["/", reverse("account_login"), "/bestaat-niet/"]:
        policy = _directives(client.get(url))
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["default-src"] == ["'self'"]


def test_the_admin_allows_inline_styles_but_never_inline_scripts(client):
    login_with_mfa(client, TrainerFactory())
    policy = _directives(client.get(reverse("wagtailadmin_home")))
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert "'unsafe-eval'" not in " ".join(sum(policy.values(), []))


def test_no_template_has_an_inline_script_or_event_handler():
    """What the policy would refuse in a browser, found before it gets there."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    inline_script = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>"
    )
    handler = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
    for path in [*root.glob("templates/**/*.html"), *root.glob("training/**/templates/**/*.html")]:
        if "/pdf/" in str(path):  # rendered by WeasyPrint, never by a browser
            continue
        text = path.read_text()
        if inline_script.search(text) or handler.search(text):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []


@pytest.mark.parametrize(
    "script",
    [
        'initDateChooser("id_starts_on", {"dayOfWeekStart": 1, "format": "Y-m-d"});',
        'new PageChooser("id_page", {"modalUrl": "/beheer/choose-page/"});',
        '\n  (function() {\n    var panel = new InlinePanel(JSON.parse("{\\u0022a\\u0022: 1}"));\n  })();\n',
    ],
)
def test_wagtails_own_initialisers_are_allowed_by_hash(script):
    from config.csp import wagtail_initialiser_hashes

    assert len(wagtail_initialiser_hashes(f"<p>x</p><script>{script}</script>")) == 1


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",
        'initDateChooser("id", {"a": alert(1)});',
        'new PageChooser("id", fetch("/steel"));',
        'initDateChooser("id", {}); alert(1);',
        '(function() { var panel = new InlinePanel(JSON.parse("x" + alert(1))); })();',
        'new InlinePanel("x");alert(1);new X("y");',
    ],
)
def test_anything_else_inline_stays_refused(script):
    from config.csp import wagtail_initialiser_hashes

    assert wagtail_initialiser_hashes(f"<script>{script}</script>") == []
