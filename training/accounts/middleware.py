from django.conf import settings
from django.utils import translation


class UserLanguageMiddleware:
    """Show signed-in people the site in the language from their profile.

    Runs after LocaleMiddleware and AuthenticationMiddleware. A language chosen
    explicitly with the language switch (Django's language cookie) wins, so
    this only replaces the guess LocaleMiddleware made from the browser.
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
