"""The Content-Security-Policy on every response (django-csp).

Scripts run only from this site's own files (no inline scripts, no eval),
nothing may frame the site, no plugins, no foreign base URL. The public site
also takes styles only from its own files.

Two exceptions, both for the Wagtail admin only:
- `style-src` allows 'unsafe-inline': Wagtail's templates and scripts set
  `style` attributes and elements throughout.
- A few Wagtail templates and widgets still write a one-line inline script to
  start themselves (InlinePanel, the date and time pickers, choosers). Each
  such script is allowed by its SHA-256 hash, and only when it has exactly
  the shape Wagtail writes, with nothing but string and JSON literals as
  arguments. Anything else inline, however it got into the page, stays
  refused. (Never 'unsafe-inline' for scripts, never a nonce stamped onto
  whatever script tag a page happens to contain.)
"""

import base64
import hashlib
import json
import re
from functools import cache

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.urls import reverse

INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
JS_STRING = r'"(?:[^"\\\n]|\\.)*"'
# InlinePanel / MultipleChooserPanel (wagtailadmin/panels/*inline_panel.html).
PANEL_INIT = re.compile(
    r"\s*\(function\(\) \{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)"
    rf"\(JSON\.parse\({JS_STRING}\)\);\s*\}}\)\(\);\s*"
)
# initDateChooser("id", {json}) and friends (wagtailadmin/widgets/*_input.html).
PICKER_INIT = re.compile(
    rf"init(?:Date|Time|DateTime)Chooser\((?P<args>{JS_STRING}, \{{.*\}})\);", re.DOTALL
)
# new SomeChooser("id", {json}); (wagtail.admin.widgets.chooser.BaseChooser.render).
CHOOSER_INIT = re.compile(r"new [A-Za-z_$][\w$.]*\((?P<args>.*)\);", re.DOTALL)


@cache
def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def _only_literals(args: str) -> bool:
    """Whether a call's arguments are nothing but JSON literals (no code)."""
    try:
        json.loads(f"[{args}]")
    except ValueError:
        return False
    return True


def is_wagtail_initialiser(body: str) -> bool:
    if PANEL_INIT.fullmatch(body):
        return True
    for pattern in (PICKER_INIT, CHOOSER_INIT):
        match = pattern.fullmatch(body)
        if match and _only_literals(match["args"]):
            return True
    return False


def wagtail_initialiser_hashes(html: str) -> list[str]:
    """CSP hash sources for the inline initialisers Wagtail wrote into `html`."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs, body = match["attrs"], match["body"]
        if "src=" in attrs or "type=" in attrs or not is_wagtail_initialiser(body):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not request.path_info.startswith(_admin_prefix()):
            return parts
        update = dict(parts.update or {})
        update["style-src"] = [*update.get("style-src", []), UNSAFE_INLINE]
        if not getattr(response, "streaming", False) and response.get(
            "Content-Type", ""
        ).startswith("text/html"):
            hashes = wagtail_initialiser_hashes(response.content.decode(response.charset))
            if hashes:
                update["script-src"] = [*update.get("script-src", []), *hashes]
        parts.update = update
        return parts
