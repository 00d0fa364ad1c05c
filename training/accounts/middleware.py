from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from .permissions import two_step_passed, two_step_required, two_step_set_up


class ChosenLanguageMiddleware:
    """Show the site in the language the visitor chose, else in Dutch.

    Replaces Django's LocaleMiddleware, which falls back on the browser's
    Accept-Language: a browser set to English then turned the whole page
    English, `<html lang="en">` included, while the course text stayed Dutch
    (issue 27). The choice is offered by the language switch in the header
    (Django's `set_language`, remembered in the language cookie) and, for
    signed-in people, by their profile (UserLanguageMiddleware below).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # The cookie decides the language (and Django's sessions already vary on it).
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class UserLanguageMiddleware:
    """Show signed-in people the site in the language from their profile.

    Runs after ChosenLanguageMiddleware and AuthenticationMiddleware. A language
    chosen explicitly with the language switch (Django's language cookie) wins,
    so this only replaces the default.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                language = getattr(user, "preferred_language", "")
                if language in self.languages and language != translation.get_language():
                    translation.activate(language)
                    request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class TwoStepRequiredMiddleware:
    """Refuse the Wagtail admin and the association pages to a session without a second step.

    For people who must use two-step sign-in (permissions.two_step_required):
    without an authenticator app they are sent to set one up; with one, a
    session that has not passed the code (e.g. signed in before setting it up)
    is asked for a code first. Wagtail's own login form is not used (see
    config/urls.py), and the check is on the session, however it signed in.
    Runs after AuthenticationMiddleware and allauth's AccountMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._guarded(request.path) and two_step_required(request.user):
            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            if not two_step_set_up(request.user):
                messages.info(
                    request,
                    _(
                        "Your account gives access to other people's data, so signing in "
                        "takes two steps. Set up an authenticator app first."
                    ),
                    fail_silently=True,
                )
                return redirect(f"{reverse('mfa_activate_totp')}?{query}")
            if not two_step_passed(request):
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _guarded(path):
        if path in {reverse("wagtailadmin_logout"), reverse("wagtailadmin_login")}:
            return False
        return path.startswith((reverse("wagtailadmin_home"), reverse("associations:index")))
