#!/usr/bin/env bash
# Debian's PostgreSQL 15 for the CI run on PostgreSQL (scripts/with-postgres.sh
# calls this). A no-op when present, unless FORCE_INSTALL=1 (.ci/run sets it).
set -euo pipefail
POSTGRES=/usr/lib/postgresql/15/bin/postgres
if [ "${FORCE_INSTALL:-0}" != 1 ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ -x "$POSTGRES" ]; then
  exit 0
fi
"$(dirname "$0")/apt-install.sh" postgresql-15
# Check what was installed.
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "$0: postgresql-15 is installed, but there is no pg_ctlcluster on PATH" >&2
  exit 1
fi
"$POSTGRES" --version
