"""`manage.py maintenance on|off|status|export`: the maintenance switch (maintenance.py)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from training.operations.maintenance import (
    maintenance_end,
    maintenance_json,
    maintenance_page,
    maintenance_start,
    maintenance_state,
)


class Command(BaseCommand):
    help = (
        "Maintenance mode: `on` answers every page and script with 503 and Retry-After "
        "(/healthz stays alive, /readyz turns unready), `off` ends it, `status` says which; "
        "`export DIR` writes the page and JSON answer nginx serves when no app server answers."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["on", "off", "status", "export"])
        parser.add_argument("directory", nargs="?", type=Path, help="For export: where to.")
        parser.add_argument(
            "--retry-after",
            type=int,
            help="Seconds browsers and scripts are asked to wait (default MAINTENANCE_RETRY_AFTER).",
        )

    def handle(self, *args, action, directory=None, retry_after=None, **options):
        if action == "on":
            try:
                state = maintenance_start(retry_after=retry_after)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"Maintenance mode on (Retry-After: {state.retry_after} s).")
        elif action == "off":
            was_on = maintenance_end()
            self.stdout.write("Maintenance mode off." if was_on else "Maintenance mode was off.")
        elif action == "status":
            state = maintenance_state()
            if state is None:
                self.stdout.write("off")
            else:
                self.stdout.write(
                    f"on since {state.since or '?'} (Retry-After: {state.retry_after} s)"
                )
        else:
            if directory is None:
                raise CommandError("export needs a directory: manage.py maintenance export DIR")
            directory.mkdir(parents=True, exist_ok=True)
            page = maintenance_page(stylesheet=None, back="")
            (directory / "maintenance.html").write_text(page, encoding="utf-8")
            answer = json.dumps(maintenance_json(), ensure_ascii=False)
            (directory / "maintenance.json").write_text(answer, encoding="utf-8")
            self.stdout.write(str(directory))
