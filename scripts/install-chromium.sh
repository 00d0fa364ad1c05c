#!/usr/bin/env bash
# Debian's Chromium for the Playwright browser tests. Playwright's own browser
# download cannot reach its host from these machines, so we drive this one
# (tests/browser/conftest.py launches /usr/bin/chromium). Idempotent.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
  chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version 2>/dev/null
