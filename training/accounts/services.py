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


def calendar_feed_get_or_create(*, user):
    """The person's calendar feed address, made on first use (idempotent)."""
    from .models import CalendarFeed

    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_rotate(*, user):
    """Give the person a new calendar address; the old one stops working at once."""
    from .models import CalendarFeed, new_calendar_token

    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created:
        feed.token = new_calendar_token()
        feed.save(update_fields=["token"])
    return feed
