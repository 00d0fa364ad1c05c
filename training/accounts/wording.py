"""Our own words for a few of allauth's and Django's texts.

The project catalogue (locale/) is searched before those of installed apps,
so listing a msgid here (gettext_noop only marks it for extraction) lets us
give it the site's wording: "Inloggen" and "Account aanmaken" everywhere,
and the informal "je" that the rest of the site uses.
"""

from django.utils.translation import gettext_noop

OVERRIDDEN_MSGIDS = [
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Sign Out"),
    gettext_noop("Forgot your password?"),
]

# Signing in with an emailed code (ACCOUNT_LOGIN_BY_CODE_ENABLED): the owner's
# way in while password attempts from their device are throttled.
LOGIN_BY_CODE_MSGIDS = [
    gettext_noop("Send me a sign-in code"),
    gettext_noop("You will receive a special code for a password-free sign-in."),
    gettext_noop("Request Code"),
    gettext_noop("Other sign-in options"),
    gettext_noop("Enter Sign-In Code"),
    gettext_noop(
        "We've sent a code to %(recipient)s. The code expires shortly, so please enter it soon."
    ),
    gettext_noop("Sign-In Code"),
    gettext_noop("Your sign-in code is listed below. Please enter it in your open browser window."),
]
