#!/usr/bin/env bash
# Run a command against a local PostgreSQL 15: start Debian's `15 main`
# cluster (installed but stopped on these machines), make a role and a
# database for the project, export DATABASE_URL, run the command.
#
#   scripts/with-postgres.sh .venv/bin/pytest -q
#
# Idempotent: safe to run again, also while the cluster is already running
# (or while another run of this script is starting it). The tests create and
# drop their own `test_lotgenoot` database; two test runs at the same time
# against the same cluster would clobber each other's test database.
set -euo pipefail
VERSION=15
CLUSTER=main
PGUSER_NAME=lotgenoot
PGPASS=lotgenoot-dev
DBNAME=lotgenoot
PORT=${PGPORT:-5432}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

"$(dirname "$0")/install-postgres.sh"

cluster_field() {  # column N of `pg_lsclusters` for our cluster (3 = port, 4 = status)
  pg_lsclusters -h | awk -v v=$VERSION -v c=$CLUSTER -v n="$1" '$1==v && $2==c {print $n}'
}
# Tested on the captured value, not with `| grep -q`: under pipefail a grep
# that stops reading early can make the pipeline fail.
cluster_online() { [[ "$(cluster_field 4)" == online* ]]; }

if [ -z "$(cluster_field 2)" ]; then
  $SUDO pg_createcluster $VERSION $CLUSTER --port "$PORT" >/dev/null
fi
if ! cluster_online; then
  # Another run may start it at the same moment: only fail if it is still down.
  $SUDO pg_ctlcluster $VERSION $CLUSTER start || cluster_online
fi
PORT=$(cluster_field 3)

# As the postgres superuser, over the local socket (peer authentication), from
# a directory it may enter.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && su postgres -c "$1")
  else
    (cd / && sudo -u postgres sh -c "$1")
  fi
}
psql_admin() { as_postgres "psql -X -v ON_ERROR_STOP=1 -p $PORT -qtAc \"$1\""; }

ready=""
for _ in $(seq 1 30); do  # the server accepts connections a moment after it starts
  if psql_admin "SELECT 1" >/dev/null 2>&1; then ready=1; break; fi
  sleep 1
done
if [ -z "$ready" ]; then
  echo "$0: PostgreSQL $VERSION/$CLUSTER on port $PORT does not accept connections after 30 s" >&2
  exit 1
fi

role_exists() { [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$PGUSER_NAME'")" = 1 ]; }
db_exists() { [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$DBNAME'")" = 1 ]; }
# A concurrent run may create them first: only the re-check may fail.
role_exists || psql_admin "CREATE ROLE $PGUSER_NAME" >/dev/null 2>&1 || role_exists
# Always (re)set what the tests need, also for a role made earlier by hand.
psql_admin "ALTER ROLE $PGUSER_NAME LOGIN CREATEDB PASSWORD '$PGPASS'" >/dev/null
db_exists || as_postgres "createdb -p $PORT -O $PGUSER_NAME $DBNAME" 2>/dev/null || db_exists

export DATABASE_URL="postgres://$PGUSER_NAME:$PGPASS@127.0.0.1:$PORT/$DBNAME"
echo "Using PostgreSQL $VERSION on port $PORT (database $DBNAME)"
exec "$@"
