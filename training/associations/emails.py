"""Emails the associations app sends. They name the association, never anything a
learner wrote."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from training.mail import absolute_url, email_send

from .models import AssociationInvitation


def invitation_email_send(*, invitation: AssociationInvitation) -> None:
    """Tell the invitee where to accept: sign in (or sign up) with this address."""
    account = get_user_model().objects.filter(email__iexact=invitation.email).first()
    email_send(
        to=invitation.email,
        language=getattr(account, "preferred_language", "") or None,
        template=f"associations/email/invitation_{invitation.kind}",
        context={
            "invitation": invitation,
            "association_name": invitation.association.name,
            "has_account": account is not None,
            "url": absolute_url(reverse("associations:invitation", args=[invitation.pk])),
            "signup_url": absolute_url(reverse("account_signup")),
        },
    )
