"""One way to send an email: `email_send`.

Rules every email of the platform follows, kept here so no app has to remember them:
- **Plain text.** Subject and body come from `<template>_subject.txt` and `<template>.txt`,
  rendered with autoescaping off: Django escapes HTML by default, which is right for pages
  and wrong for text/plain ("Anne & Piet" would arrive as "Anne &amp; Piet").
- **The recipient's language.** The templates render in the recipient's
  `preferred_language`, else the site's default (Dutch).
- **One sender.** Every email comes from `DEFAULT_FROM_EMAIL`.
- **Links, not content.** The context gets `base_url` (the site's public address, no trailing
  slash) and `user` (the recipient, when known); templates link to the site. Nothing a learner
  wrote goes into an email: callers pass titles, dates and links only.

`absolute_url(path)` makes a site path into the public URL mailed or printed (QR codes,
calendar feeds): one place that knows `WAGTAILADMIN_BASE_URL`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

__all__ = ["absolute_url", "base_url", "email_render", "email_send", "text_render"]


def base_url() -> str:
    """The site's public address without a trailing slash, e.g. `https://academie.example.nl`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """The public URL of a site path; a URL that is already absolute is returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + path


def text_render(template_name: str, context: dict) -> str:
    """Render a Django template with autoescaping off (for text/plain only, never for HTML)."""
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def email_render(template_prefix: str, context: dict) -> tuple[str, str]:
    """The subject (on one line) and the body of `<prefix>_subject.txt` and `<prefix>.txt`."""
    subject = " ".join(text_render(f"{template_prefix}_subject.txt", context).split())
    body = text_render(f"{template_prefix}.txt", context)
    return subject, body


def email_send(
    *,
    to: str,
    template: str,
    context: dict,
    user=None,
    language: str | None = None,
    attachments: Iterable[tuple[str, str | bytes | Callable[[], str | bytes], str]] = (),
) -> None:
    """Render `template` in the recipient's language and send it to `to`.

    `user` is the recipient's account when there is one (it gives the language and is
    `user` in the context); `language` overrides it (an invitee without an account yet).
    `attachments` are `(filename, content, mimetype)` triples; a content that is callable is
    called in the recipient's language (a calendar file with translated titles).
    """
    language = language or getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {**context, "base_url": base_url()}
        if user is not None:
            context["user"] = user
        subject, body = email_render(template, context)
        files = [
            (filename, content() if callable(content) else content, mimetype)
            for filename, content, mimetype in attachments
        ]
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    for filename, content, mimetype in files:
        message.attach(filename, content, mimetype)
    message.send()
