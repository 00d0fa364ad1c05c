"""A form refused for a stale CSRF token keeps what was typed (CSRF_FAILURE_VIEW).

Django refuses a POST whose CSRF token does not match the visitor's cookie,
for example when the learner signed in again in another tab (signing in
rotates the token) and then sends a form from an older tab. Its own page
is a bare 403 and the typed text is gone. This one shows the typed fields
again, in the view's own form when the view names it (`training.http.
resend_forms`), otherwise as plain fields, with a fresh token and one button
that sends them to the same address.

Only for a POST from this site (Sec-Fetch-Site, else Origin, else Referer
must be this site's own origin) to one of its own pages outside the admin:
a refused cross-site post is never echoed back with a valid token, which
would turn a forged request into a one-click one. Passwords, tokens, codes
and files are never shown again. The page is `no-store`; nothing is logged
(Django's own csrf logger writes the reason and the path only).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.forms.utils import ErrorDict
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from training.http import no_store

SECRET_FIELD = re.compile(r"pass|token|secret|csrf|otp|code|key", re.IGNORECASE)
NOT_ECHOED_PREFIXES = ("/beheer/", "/api/")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def same_site_post(request) -> bool:
    """The browser says this POST came from a page of this very site."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site and fetch_site != "same-origin":
        return False
    own = f"{request.scheme}://{request.get_host()}"
    origin = request.META.get("HTTP_ORIGIN")
    if origin:
        return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
    referer = request.META.get("HTTP_REFERER")
    return bool(referer) and _origin_of(referer) == own


def _kept(post) -> dict[str, list[str]]:
    return {
        name: post.getlist(name)
        for name in post
        if not SECRET_FIELD.search(name) and any(value.strip() for value in post.getlist(name))
    }


def _form(view, data: dict[str, list[str]]):
    """The first of the view's forms that takes these fields (bound, shown without errors)."""
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, values in data.items():
        query.setlist(name, values)
    for form_class in getattr(view, "resend_forms", ()):
        try:
            form = form_class(data=query)
        except TypeError:
            continue  # needs more than the posted data to be built
        if set(form.fields) & set(data):
            form._errors = ErrorDict()  # show what was typed, not why it might not validate
            return form
    return None


def _is_text(values: list[str]) -> bool:
    return any(len(value) > 40 or any(ch.isspace() for ch in value.strip()) for value in values)


def typed_context(request) -> dict | None:
    """What the page shows again, or None when it must not (or there is nothing)."""
    if request.method != "POST" or not same_site_post(request):
        return None
    if not request.content_type.startswith(FORM_TYPES):
        return None
    if request.path_info.startswith(NOT_ECHOED_PREFIXES):
        return None
    try:
        match = resolve(request.path_info)
        data = _kept(request.POST)
        had_files = bool(request.FILES)
    except (Resolver404, RequestDataTooBig, TooManyFieldsSent):
        return None
    if not data:
        return None
    form = _form(match.func, data)
    shown = set(form.fields) if form is not None else set()
    extra = {name: values for name, values in data.items() if name not in shown}
    texts = [(name, values) for name, values in extra.items() if form is None and _is_text(values)]
    if form is None and not texts:
        return None  # nothing typed worth showing (a sign-in form without its password)
    hidden = [
        (name, value)
        for name, values in extra.items()
        if (name, values) not in texts
        for value in values
    ]
    return {
        "form": form,
        "texts": [(name, "\n".join(values)) for name, values in texts],
        "hidden": hidden,
        "had_files": had_files,
        "action": request.get_full_path(),
    }


def csrf_failure(request, reason=""):
    if "json" in request.META.get("HTTP_ACCEPT", "") or request.content_type == "application/json":
        response = JsonResponse(
            {"error": _("The page was open too long. Reload it and try again."), "csrf": True},
            status=403,
        )
        return no_store(response)
    response = TemplateResponse(
        request, "403_csrf.html", {"typed": typed_context(request)}, status=403
    )
    return no_store(response)
