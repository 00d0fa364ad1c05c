"""Emails the associations app sends. They name the association, never anything a
learner wrote."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import AssociationInvitation


def invitation_email_send(*, invitation: AssociationInvitation) -> None:
    """Tell the invitee where to accept: sign in (or sign up) with this address."""
    user = get_user_model().objects.filter(email__iexact=invitation.email).first()
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "invitation": invitation,
        "association_name": invitation.association.name,
        "has_account": user is not None,
        "url": base_url + reverse("associations:invitation", args=[invitation.pk]),
        "signup_url": base_url + reverse("account_signup"),
    }
    template = f"associations/email/invitation_{invitation.kind}"
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, [invitation.email])
