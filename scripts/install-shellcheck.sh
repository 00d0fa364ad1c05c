#!/usr/bin/env bash
# Debian's shellcheck: the tests lint every shell script with it
# (tests/scripts/test_shell_scripts.py). A no-op when present, unless
# FORCE_INSTALL=1 (.ci/run sets it).
set -euo pipefail
if [ "${FORCE_INSTALL:-0}" != 1 ] && command -v shellcheck >/dev/null 2>&1; then exit 0; fi
"$(dirname "$0")/apt-install.sh" shellcheck
# Check what was installed (the version call, without a pipe: see install-pdf-tools.sh).
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "$0: shellcheck is installed, but it is not on PATH" >&2
  exit 1
fi
version=$(shellcheck --version)
echo "${version//$'\n'/ }"
