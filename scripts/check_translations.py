#!/usr/bin/env python
"""Fail when the Dutch message catalogues are out of date or incomplete.

Re-extracts the messages into a scratch copy of the repository's catalogues
and compares them (ignoring the creation date), then checks that every
message has a Dutch translation and none is marked fuzzy. The catalogues in
the repository are left untouched.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale"
DOMAINS = ["django", "djangojs"]
IGNORES = ["--ignore=.venv", "--ignore=node_modules", "--ignore=var", "--ignore=tests"]


def normalised(path: Path) -> list[str]:
    """The catalogue without its creation date and source locations.

    Locations ("#: file.py:12") move with every edit to the code; what must
    match is the set of messages and their translations.
    """
    if not path.exists():
        return []
    return [
        line
        for line in path.read_text().splitlines()
        if not line.startswith(('"POT-Creation-Date', "#: "))
    ]


def main() -> int:
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        backup = Path(scratch) / "locale"
        shutil.copytree(LOCALE, backup)
        try:
            for domain in DOMAINS:
                subprocess.run(
                    [
                        sys.executable,
                        "manage.py",
                        "makemessages",
                        "-l",
                        "nl",
                        "-d",
                        domain,
                        "--no-obsolete",
                        "--no-wrap",
                        "-v",
                        "0",
                        *IGNORES,
                    ],
                    cwd=ROOT,
                    check=True,
                )
            for domain in DOMAINS:
                fresh = LOCALE / "nl" / "LC_MESSAGES" / f"{domain}.po"
                committed = backup / "nl" / "LC_MESSAGES" / f"{domain}.po"
                if normalised(fresh) != normalised(committed):
                    problems.append(
                        f"{committed.relative_to(backup.parent)} is out of date: run `make messages`"
                    )
        finally:
            shutil.rmtree(LOCALE)
            shutil.copytree(backup, LOCALE)
    for po in sorted(LOCALE.glob("nl/LC_MESSAGES/*.po")):
        for flag, what in (("--untranslated", "untranslated"), ("--only-fuzzy", "fuzzy")):
            out = subprocess.run(
                ["msgattrib", flag, "--no-wrap", str(po)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            entries = [
                line
                for line in out.splitlines()
                if line.startswith("msgid ") and line != 'msgid ""'
            ]
            if entries:
                problems.append(
                    f"{po.relative_to(ROOT)}: {len(entries)} {what} message(s), e.g. {entries[0]}"
                )
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("Translations: catalogues up to date and complete.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
