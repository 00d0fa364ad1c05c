"""Account operations used outside the sign-up flow."""


def user_email_mark_verified(user):
    """Record `user.email` as the account's verified, primary address.

    Accounts created outside sign-up (demo data, tests, `createsuperuser`)
    have no allauth EmailAddress yet; with mandatory verification they would
    otherwise be asked to verify their address on first login.
    """
    from allauth.account.models import EmailAddress

    address, _created = EmailAddress.objects.update_or_create(
        user=user,
        email=user.email,
        defaults={"verified": True, "primary": True},
    )
    return address
