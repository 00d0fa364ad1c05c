"""scripts/check_html.py: the Nu HTML Checker (vnu.jar) over the pages the browser tests saved."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_html.py"

VALID = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Les</title></head>
<body><table><tr><th scope="col">Naam</th></tr><tr><td>Anna</td></tr></table></body></html>"""
# Issue 27: an explicit role on a tr inside a table is an error to the checker.
INVALID = VALID.replace("<tr>", '<tr role="row">', 1)


def saved(folder: Path, pages: dict[str, tuple[str, str]]) -> Path:
    folder.mkdir()
    with open(folder / "pages.jsonl", "w", encoding="utf-8") as manifest:
        for name, (url, html) in pages.items():
            (folder / name).write_text(html, encoding="utf-8")
            manifest.write(json.dumps({"file": name, "url": url, "test": f"test_{name}"}) + "\n")
    return folder


def check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(folder)], capture_output=True, text=True, check=False
    )


def test_valid_pages_pass(tmp_path):
    result = check(saved(tmp_path / "pages", {"a.html": ("/les/", VALID)}))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s) on 1 page(s)" in result.stdout


def test_an_error_fails_and_names_the_address_and_the_test(tmp_path):
    folder = saved(tmp_path / "pages", {"a.html": ("/les/", VALID), "b.html": ("/groep/", INVALID)})
    result = check(folder)
    assert result.returncode == 1
    assert "/groep/ line 2:" in result.stdout
    assert "“role” attribute must not be used on a “tr” element" in result.stdout
    assert "(visited by test_b.html)" in result.stdout
    assert "/les/" not in result.stdout


def test_wagtails_admin_is_left_out(tmp_path):
    folder = saved(
        tmp_path / "pages", {"a.html": ("/les/", VALID), "c.html": ("/beheer/", INVALID)}
    )
    assert check(folder).returncode == 0


def test_no_saved_pages_is_a_failure_not_a_pass(tmp_path):
    result = check(tmp_path)
    assert result.returncode == 1
    assert "No pages" in result.stdout
