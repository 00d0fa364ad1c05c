#!/usr/bin/env bash
# Install Debian packages: the one place the install scripts call apt-get
# (through sudo unless root). Packages already installed are left as they
# are (--no-upgrade), so a forced run in CI changes nothing it finds.
# Usage: scripts/apt-install.sh PACKAGE...
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "usage: $0 PACKAGE..." >&2
  exit 2
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-upgrade "$@" >/dev/null
