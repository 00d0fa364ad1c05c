"""allauth forms the project adjusts (ACCOUNT_FORMS).

Kept apart from `forms.py`, which allauth imports while it builds its own sign-up
form and which therefore must not import `allauth.account.forms`.
"""

from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm

from .validators import validate_email_address


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """allauth's "mail me a sign-in code", refusing an address no account can have
    (allauth does not pass it through the adapter's `clean_email`)."""

    def clean_email(self):
        email = self.cleaned_data.get("email")
        if email:
            validate_email_address(email)
        return super().clean_email()
