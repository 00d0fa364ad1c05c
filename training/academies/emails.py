"""Emails of the academies app: they name the academy and the role, nothing else."""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse

from training.mail import absolute_url, email_send

from .models import INVITATION_VALID_DAYS, AcademyInvitation


def invitation_email_send(*, invitation: AcademyInvitation) -> None:
    """Tell the invitee where to accept: sign in, or first create an account, with this address."""
    account = get_user_model().objects.filter(email__iexact=invitation.email).first()
    invitation_path = reverse("academies:invitation", args=[invitation.pk])
    email_send(
        to=invitation.email,
        language=getattr(account, "preferred_language", "") or None,
        template="academies/email/invitation",
        context={
            "academy": invitation.academy,
            "role": invitation.get_role_display(),
            "has_account": account is not None,
            "valid_days": INVITATION_VALID_DAYS,
            "url": absolute_url(invitation_path),
            "signup_url": absolute_url(
                f"{reverse('account_signup')}?{urlencode({'next': invitation_path})}"
            ),
        },
    )
