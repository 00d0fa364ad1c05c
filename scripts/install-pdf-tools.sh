#!/usr/bin/env bash
# Debian's poppler-utils (pdftoppm): the certificate tests render the PDF to
# an image to decode its QR code. Installed once; a no-op when present.
set -euo pipefail
if command -v pdftoppm >/dev/null 2>&1; then exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
pdftoppm -v 2>&1 | head -1
