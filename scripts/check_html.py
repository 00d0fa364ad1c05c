#!/usr/bin/env python3
"""Run the Nu HTML Checker over the pages the browser tests saved.

    scripts/check_html.py var/html-pages

The browser tests save each HTML page their browsers load (tests/browser/conftest.py,
HTML_CHECK_DIR) with pages.jsonl naming its address and test. This runs vnu.jar (the
W3C's Nu HTML Checker, from the npm package vnu-jar, on Debian's Java: see
scripts/install-java.sh) over all of them at once and fails on any error, naming the
address, the test that visited it and the line. Warnings and notes are not errors.

Left out, each for its reason:
- Wagtail's admin (/beheer/): Wagtail's markup, not ours, and fixed upstream or not at all.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NOT_OURS = ("/beheer/",)


def pages_to_check(folder: Path) -> dict[str, dict]:
    """file name → the first address and test it was seen at (ours only)."""
    pages = {}
    manifest = folder / "pages.jsonl"
    if not manifest.exists():
        return pages
    for line in manifest.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["url"].startswith(NOT_OURS):
            continue
        pages.setdefault(entry["file"], entry)
    return pages


def vnu_errors(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        raise SystemExit(
            "java not found: `make install-tools` installs it (scripts/install-java.sh)."
        )
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1) or not result.stderr.strip().startswith("{"):
        raise SystemExit(f"vnu.jar did not run: {result.stderr.strip() or result.returncode}")
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if not VNU_JAR.exists():
        print(f"{VNU_JAR} not found: run `npm ci` (make node_modules/.installed).", file=sys.stderr)
        return 1
    pages = pages_to_check(folder)
    if not pages:
        print(f"No pages in {folder}: run the browser tests with HTML_CHECK_DIR={folder}.")
        return 1
    errors = vnu_errors([folder / name for name in sorted(pages)])
    for error in errors:
        name = error["url"].rsplit("/", 1)[-1]
        page = pages.get(name, {"url": name, "test": "?"})
        print(
            f"{page['url']} line {error.get('lastLine', '?')}: {error['message']}\n"
            f"    {(error.get('extract') or '').strip()}\n    (visited by {page['test']})"
        )
    print(f"Nu HTML Checker: {len(errors)} error(s) on {len(pages)} page(s).")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
