#!/usr/bin/env bash
# Debian's Chromium for the Playwright browser tests. Playwright's own browser
# download cannot reach its host from these machines, so we drive this one
# (tests/browser/conftest.py launches /usr/bin/chromium). Idempotent; a no-op
# when present, unless FORCE_INSTALL=1 (.ci/run sets it).
set -euo pipefail
if [ "${FORCE_INSTALL:-0}" != 1 ] && [ -x /usr/bin/chromium ]; then exit 0; fi
"$(dirname "$0")/apt-install.sh" chromium fonts-dejavu-core
# Check what was installed: the version call fails if the browser cannot start.
/usr/bin/chromium --version
