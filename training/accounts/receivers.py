"""What the accounts app does when allauth announces something."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator


def record_second_step_on_totp_setup(sender, request, user, authenticator, **kwargs):
    """Setting up the app proves the code works: count it as this session's second step.

    Without it, a trainer who has just set up the app would be asked for a
    code again before reaching the admin. It is recorded the way allauth
    records a code entered at sign-in (mfa.base.internal.flows.post_authentication).
    """
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
