"""Expiry reminders: one email per certificate and threshold."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from training.hooks import EXPIRY_REMINDER_CONTEXT, contributions
from training.mail import email_send

from ..models import Certificate, ExpiryReminder


def _reminder_context(certificate, days_left: int) -> dict:
    context = {"certificate": certificate, "days_left": days_left}
    # Apps above this one (continued education) say how far renewal is.
    for provider in contributions(EXPIRY_REMINDER_CONTEXT):
        context.update(provider(certificate))
    return context


def certificate_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind holders whose certificate expires within a threshold; safe to run daily.

    One reminder per certificate and threshold (a unique constraint). A run
    that finds several thresholds due at once (the job did not run for a
    while) sends one email, for the nearest, and records them all. Revoked,
    expired and superseded certificates get none. Returns the emails sent.
    """
    today = today or timezone.localdate()
    thresholds = sorted(set(settings.CERTIFICATE_REMINDER_DAYS))
    if not thresholds:
        return 0
    candidates = (
        Certificate.objects.filter(
            revoked_at__isnull=True,
            superseded_by__isnull=True,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=max(thresholds)),
            learner__erased_at__isnull=True,
        )
        .select_related("learner")
        .prefetch_related("reminders")
    )
    sent = 0
    for certificate in candidates:
        days_left = (certificate.valid_until - today).days
        done = {reminder.days_before for reminder in certificate.reminders.all()}
        due = [days for days in thresholds if days_left <= days and days not in done]
        if not due:
            continue
        try:
            with transaction.atomic():
                ExpiryReminder.objects.bulk_create(
                    ExpiryReminder(certificate=certificate, days_before=days) for days in due
                )
                email_send(
                    to=certificate.learner.email,
                    user=certificate.learner,
                    template="certificates/email/expiry_reminder",
                    context=_reminder_context(certificate, days_left),
                )
        except IntegrityError:
            continue  # another run sent it
        sent += 1
    return sent
