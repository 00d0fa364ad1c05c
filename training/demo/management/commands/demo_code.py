from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from training.demo.seed import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current two-step sign-in code of the demo admin, trainer and association accounts."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_code only runs with DEBUG on: the demo secret is public.")
        import time

        from allauth.mfa import app_settings
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
