#!/usr/bin/env bash
# Run a command against a local PostgreSQL 15: start Debian's `15 main`
# cluster (installed but stopped on these machines), make a role and a
# database for the project, export DATABASE_URL, run the command.
set -euo pipefail
VERSION=15
CLUSTER=main
PGUSER_NAME=lotgenoot
PGPASS=lotgenoot-dev
DBNAME=lotgenoot
PORT=${PGPORT:-5432}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/$VERSION ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-$VERSION >/dev/null
fi
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
  $SUDO pg_createcluster $VERSION $CLUSTER --port "$PORT" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v=$VERSION -v c=$CLUSTER '$1==v && $2==c {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster $VERSION $CLUSTER start
fi
PORT=$(pg_lsclusters -h | awk -v v=$VERSION -v c=$CLUSTER '$1==v && $2==c {print $3}')

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -p $PORT -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$PGUSER_NAME'\"" | grep -q 1 \
  || as_postgres "psql -p $PORT -qc \"CREATE ROLE $PGUSER_NAME LOGIN CREATEDB PASSWORD '$PGPASS'\""
as_postgres "psql -p $PORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$DBNAME'\"" | grep -q 1 \
  || as_postgres "createdb -p $PORT -O $PGUSER_NAME $DBNAME"

export DATABASE_URL="postgres://$PGUSER_NAME:$PGPASS@127.0.0.1:$PORT/$DBNAME"
echo "Using PostgreSQL $VERSION on port $PORT"
exec "$@"
