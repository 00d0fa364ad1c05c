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
