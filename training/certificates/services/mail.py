"""Email to a certificate holder, in their own language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation

from training.accounts.emails import email_render


def _send(user, template: str, context: dict) -> None:
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(language):
        context = {**context, "user": user, "base_url": base_url}
        subject, body = email_render(template, context)
    send_mail(subject, body, None, [user.email])
