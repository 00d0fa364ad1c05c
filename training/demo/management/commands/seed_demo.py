from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from training.demo.second_academy import SECOND_ACADEMY, SECOND_ACCOUNTS
from training.demo.seed import (
    DEMO_ACCOUNTS,
    DEMO_COHORT,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    TWO_STEP_ROLES,
    seed_demo,
)
from training.learning.models import Cohort
from training.mail import absolute_url


class Command(BaseCommand):
    help = "Build the demo site, courses and accounts (idempotent; refuses when DEBUG is off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DEBUG on: it creates accounts with a known password."
            )
        seed_demo()
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for account in DEMO_ACCOUNTS:
            two_step = " (two-step sign-in)" if account.role in TWO_STEP_ROLES else ""
            self.stdout.write(f"  {account.email:<26} {account.role}{two_step}")
        self.stdout.write(f"Second academy, {SECOND_ACADEMY}:")
        for email, (_name, role) in SECOND_ACCOUNTS.items():
            two_step = "" if role == "learner" else " (two-step sign-in)"
            self.stdout.write(f"  {email:<34} {role}{two_step}")
        self.stdout.write(
            f"Two-step sign-in: add the secret {DEMO_TOTP_SECRET} to an authenticator app, "
            "or run `.venv/bin/python manage.py demo_code` for the current code."
        )
        cohort = Cohort.objects.filter(name=DEMO_COHORT).first()
        if cohort:
            invite = absolute_url(reverse("learning:invite", args=[cohort.invite_token]))
            self.stdout.write(f"Invite link of the demo cohort: {invite}")
        from training.demo.certificates import demo_verification_url

        if url := demo_verification_url():
            self.stdout.write(f"Verification page of a demo certificate: {url}")
        from training.demo.groups import demo_open_moment

        if moment := demo_open_moment():
            answer = absolute_url(reverse("groups:answer", kwargs={"token": moment.token}))
            self.stdout.write(f"Participant's feedback page of a demo group meeting: {answer}")
