#!/usr/bin/env bash
# Debian's nginx and redis-server for the local cluster (scripts/cluster.sh,
# `make cluster` and `make cluster-test`). The script starts its own instances
# on free ports; the system services the packages bring are not used. A no-op
# when present, unless FORCE_INSTALL=1 (.ci/run sets it).
set -euo pipefail
if [ "${FORCE_INSTALL:-0}" != 1 ] && [ -x /usr/sbin/nginx ] && command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
"$(dirname "$0")/apt-install.sh" nginx redis-server
# Check what was installed.
if [ ! -x /usr/sbin/nginx ] || ! command -v redis-server >/dev/null 2>&1; then
  echo "$0: nginx or redis-server is installed, but not where the cluster script looks" >&2
  exit 1
fi
/usr/sbin/nginx -v 2>&1
redis-server --version
