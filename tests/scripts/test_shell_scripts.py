"""Every shell script parses and passes shellcheck (installed by `make test`)."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHELL_SCRIPTS = sorted([*ROOT.glob("scripts/*.sh"), ROOT / ".ci" / "run", ROOT / ".ci" / "upgrade"])


def test_the_scripts_are_found():
    assert len(SHELL_SCRIPTS) >= 6


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda path: path.name)
def test_script_parses_and_passes_shellcheck(script):
    parsed = subprocess.run(
        [shutil.which("bash"), "-n", str(script)], capture_output=True, text=True
    )
    assert parsed.returncode == 0, parsed.stderr
    shellcheck = shutil.which("shellcheck")
    assert shellcheck, (
        "shellcheck is missing: `make test` installs it (scripts/install-shellcheck.sh)"
    )
    checked = subprocess.run(
        [shellcheck, "--external-sources", str(script)], cwd=ROOT, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
