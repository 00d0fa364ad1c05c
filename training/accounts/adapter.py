from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """allauth's defaults, with emails that name the site and speak the reader's language."""

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
