"""Who must sign in in two steps, and whether this session has: one place for the rules.

- Everybody who can open the Wagtail admin (trainers, administrators) or the
  pages of an association they staff must use two-step sign-in (an
  authenticator app, allauth.mfa); learners may.
- A session has passed the second step when allauth recorded an "mfa"
  authentication in it: at sign-in (the code after the password), on
  re-authentication with a code, or right after setting up the app.
TwoStepRequiredMiddleware is the one enforcement point.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled


def two_step_required(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    # `associations` is the reverse side of Association.staff: accounts does
    # not import the associations app.
    return user.has_perm("wagtailadmin.access_admin") or user.associations.exists()


def two_step_set_up(user) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def two_step_passed(request) -> bool:
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )
