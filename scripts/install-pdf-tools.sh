#!/usr/bin/env bash
# Debian's poppler-utils (pdftoppm): the certificate tests render the PDF to
# an image to decode its QR code. Installed once; a no-op when present, unless
# FORCE_INSTALL=1 (.ci/run sets it, so CI goes through the install path).
set -euo pipefail
if [ "${FORCE_INSTALL:-0}" != 1 ] && command -v pdftoppm >/dev/null 2>&1; then exit 0; fi
"$(dirname "$0")/apt-install.sh" poppler-utils
# Check what was installed. No pipe: `pdftoppm -v | head -1` under pipefail
# fails with SIGPIPE (141) whenever head exits before pdftoppm has written.
if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "$0: poppler-utils is installed, but there is no pdftoppm on PATH" >&2
  exit 1
fi
version=$(pdftoppm -v 2>&1)
echo "${version%%$'\n'*}"
