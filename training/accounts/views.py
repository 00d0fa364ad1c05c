"""The profile page, and the door from Wagtail to the site's login page.

Sign-up, login, email and password pages are allauth's (mounted at /account/).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import UpdateView

from .forms import PSEUDONYM_TAKEN, ProfileForm
from .models import CalendarFeed, User
from .services import calendar_feed_rotate


def set_language_cookie(response, language):
    """Set Django's language cookie the way `django.views.i18n.set_language` does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@never_cache
def login_redirect(request):
    """Where Wagtail sends people who need to log in (WAGTAILADMIN_LOGIN_URL,
    WAGTAIL_FRONTEND_LOGIN_URL).

    Anonymous visitors go to the site's login page, `next` kept. Signed-in
    people land here when their account lacks access (a learner opening the
    admin); they go to their own start page instead of the login page, which
    would forward them straight back to `next` and loop.
    """
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if request.user.is_authenticated:
        if not next_url.startswith(reverse("wagtailadmin_home")):
            # (For the admin, Wagtail has already said so.)
            messages.error(request, _("Your account does not give access to that page."))
        return redirect(settings.LOGIN_REDIRECT_URL)
    login_url = reverse("account_login")
    if next_url:
        login_url = f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
    return redirect(login_url)


@method_decorator(never_cache, name="dispatch")
class ProfileView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        # A fresh copy, so a rejected form does not alter request.user.
        return User.objects.get(pk=self.request.user.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feed = CalendarFeed.objects.filter(user=self.request.user).first()
        context["calendar_url"] = (
            self.request.build_absolute_uri(reverse("calendar:feed", args=[feed.token]))
            if feed
            else ""
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # The page shows the secret calendar address.
        response["Cache-Control"] = "no-store, private"
        return response

    def form_valid(self, form):
        try:
            with transaction.atomic():
                user = form.save()
        except IntegrityError:
            # Two people chose the same pseudonym at the same moment: the
            # database constraint caught what clean_pseudonym() could not.
            form.add_error("pseudonym", PSEUDONYM_TAKEN)
            return self.form_invalid(form)
        # Switch at once: the confirmation below and every following page
        # (the cookie outranks the browser's language) are in the new language.
        translation.activate(user.preferred_language)
        messages.success(self.request, _("Your profile has been saved."))
        return set_language_cookie(redirect(self.success_url), user.preferred_language)


@require_POST
@login_required
def calendar_rotate(request):
    """Make the calendar address (first time) or a new one (the old one stops working)."""
    had_one = CalendarFeed.objects.filter(user=request.user).exists()
    calendar_feed_rotate(user=request.user)
    if had_one:
        messages.success(
            request,
            _(
                "You have a new calendar address. The old one no longer works: "
                "add the new one to your calendar app."
            ),
        )
    else:
        messages.success(request, _("Your calendar address is ready. Add it to your calendar app."))
    return redirect(f"{reverse('accounts:profile')}#calendar-heading")
