from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal.ratelimit import get_ip
from allauth.core.ratelimit import respond_429
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from .permissions import two_step_required
from .validators import validate_email_address


class AccountAdapter(DefaultAccountAdapter):
    """allauth's defaults, with emails that name the site and speak the reader's language,
    and failed-login limits that cannot be used to lock somebody out."""

    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        # Without django.contrib.sites allauth would greet people from "host:port".
        if request is not None:
            domain = request.get_host()
        else:
            domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
        site = SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=domain)
        context = {"current_site": site, **context}
        language = getattr(context.get("user"), "preferred_language", "")
        if language in {code for code, _name in settings.LANGUAGES}:
            with translation.override(language):
                return super().send_mail(template_prefix, email, context)
        return super().send_mail(template_prefix, email, context)

    def clean_email(self, email):
        """Every allauth form that takes an address (sign-up, add or change e-mail,
        password reset) checks it with the project's one rule: allauth's own field
        takes 320 characters and `user_field()` would cut the stored value to 254."""
        validate_email_address(email)
        return super().clean_email(email)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """The "key" of ACCOUNT_RATE_LIMITS["login_failed"]: the account *and* the client.

        allauth keys it on the account alone, so five wrong passwords from
        anywhere locked the owner out too. With the client's address in the key,
        a guesser only throttles themself; the "ip" rate still limits a client
        trying many accounts. (IPv6 addresses are cut to their /64 network, as
        allauth does for its "ip" rates.)
        """
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{get_ip(request)}"

    def pre_authenticate(self, request, **credentials):
        """Answer a throttled attempt with 429 and a page that offers a sign-in code."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code != "too_many_login_attempts":
                raise
            response = respond_429(request)
            add_never_cache_headers(response)
            raise ImmediateHttpResponse(response) from error


class MFAAdapter(DefaultMFAAdapter):
    """allauth.mfa's defaults; people who must sign in in two steps cannot switch it off."""

    def can_delete_authenticator(self, authenticator):
        if authenticator.type == Authenticator.Type.TOTP and two_step_required(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
