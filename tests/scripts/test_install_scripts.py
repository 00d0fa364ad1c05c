"""The install scripts' install path, run against a stub apt-get.

A fresh machine is the only place the install path runs for real, so these
tests take it on every run: a stub `apt-get` (and `sudo`) first on PATH
records what the script asks for, and can "install" fake commands.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL_SCRIPTS = sorted(ROOT.glob("scripts/install-*.sh"))

SUDO = '#!/bin/bash\nexec "$@"\n'


def _stub_bin(tmp_path: Path, apt_get: str, *, hide_system: bool = False) -> tuple[dict, Path]:
    """A PATH with stub apt-get and sudo first; with hide_system, only the few
    system commands the scripts need (so a command installed on this machine
    looks missing)."""
    stub = tmp_path / "bin"
    stub.mkdir()
    (stub / "apt-get").write_text(apt_get)
    (stub / "sudo").write_text(SUDO)
    for path in stub.iterdir():
        path.chmod(0o755)
    if hide_system:
        for command in ("bash", "env", "id", "dirname"):
            (stub / command).symlink_to(shutil.which(command))
        path = str(stub)
    else:
        path = f"{stub}:{os.environ['PATH']}"
    environment = {**os.environ, "PATH": path, "APT_LOG": str(tmp_path / "apt.log")}
    environment.pop("FORCE_INSTALL", None)
    return environment, stub


APT_GET_LOGS_AND_FAILS = '#!/bin/bash\necho "$*" >> "$APT_LOG"\nexit 100\n'


def test_the_install_scripts_are_found():
    assert {path.name for path in INSTALL_SCRIPTS} >= {
        "install-chromium.sh",
        "install-java.sh",
        "install-pdf-tools.sh",
        "install-postgres.sh",
        "install-shellcheck.sh",
    }


@pytest.mark.parametrize("script", INSTALL_SCRIPTS, ids=lambda path: path.name)
def test_forced_install_goes_to_apt_and_reports_its_failure(script, tmp_path):
    """FORCE_INSTALL=1 skips the "already installed" shortcut (as .ci/run does),
    and a failing apt-get fails the script instead of being passed over."""
    environment, _ = _stub_bin(tmp_path, APT_GET_LOGS_AND_FAILS)
    result = subprocess.run(
        [str(script)], env={**environment, "FORCE_INSTALL": "1"}, capture_output=True, text=True
    )
    assert result.returncode != 0, result.stdout
    calls = (tmp_path / "apt.log").read_text().splitlines()
    assert calls and calls[0].startswith("update"), calls


# Like the real pdftoppm, writes its version to stderr, then more: enough that
# a reader which stops after one line leaves it still writing.
CHATTY_PDFTOPPM = """#!/bin/bash
echo "pdftoppm version 99.1.0" >&2
line=$(printf '%01000d' 0)
for _ in {1..1000}; do echo "$line" >&2; done
"""


def test_pdf_tools_install_verifies_pdftoppm_without_a_broken_pipe(tmp_path):
    """On a machine without pdftoppm the script installs it and checks its version;
    `pdftoppm -v | head -1` under pipefail failed here with SIGPIPE (141)."""
    package = tmp_path / "poppler-utils"
    package.mkdir()
    (package / "pdftoppm").write_text(CHATTY_PDFTOPPM)
    (package / "pdftoppm").chmod(0o755)
    apt_get = (
        '#!/bin/bash\necho "$*" >> "$APT_LOG"\n'
        f'[ "$1" != install ] || {shutil.which("cp")} -p {package}/pdftoppm "$(dirname "$0")"\n'
    )
    environment, _ = _stub_bin(tmp_path, apt_get, hide_system=True)
    result = subprocess.run(
        [str(ROOT / "scripts" / "install-pdf-tools.sh")],
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "pdftoppm version 99.1.0\n"
    assert any("poppler-utils" in call for call in (tmp_path / "apt.log").read_text().splitlines())


APT_GET_INSTALLS_NOTHING = '#!/bin/bash\necho "$*" >> "$APT_LOG"\n'


@pytest.mark.parametrize(
    ("script", "command"),
    [
        ("install-java.sh", "java"),
        ("install-pdf-tools.sh", "pdftoppm"),
        ("install-shellcheck.sh", "shellcheck"),
    ],
)
def test_install_fails_when_the_package_brings_no_command(script, command, tmp_path):
    environment, _ = _stub_bin(tmp_path, APT_GET_INSTALLS_NOTHING, hide_system=True)
    result = subprocess.run(
        [str(ROOT / "scripts" / script)], env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert f"no {command} on PATH" in result.stderr or "not on PATH" in result.stderr
