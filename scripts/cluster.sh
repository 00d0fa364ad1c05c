#!/usr/bin/env bash
# The production layout on this machine, every part real: its own PostgreSQL 15,
# Redis (the shared cache), moto's S3-compatible server (the shared files), two
# gunicorn app servers behind nginx (TLS, a self-signed certificate) and two
# task workers. Everything binds to 127.0.0.1 on free ports, lives in
# var/cluster/ (made anew each run) and is stopped when the script exits.
#
#   scripts/cluster.sh                 start it, print the addresses, wait for Ctrl-C
#   scripts/cluster.sh COMMAND [ARGS]  start it, run COMMAND with the cluster's
#                                      environment (var/cluster/cluster.env), stop it
#
# nginx serves three ports: the site (both app servers, round robin) and one
# per app server, so a test can sign in on one and carry on on the other.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VAR="$ROOT/var/cluster"
BIN="$ROOT/.venv/bin"
PGBIN=/usr/lib/postgresql/15/bin
NGINX=/usr/sbin/nginx

"$ROOT/scripts/install-cluster-tools.sh"
"$ROOT/scripts/install-postgres.sh"

PIDS=()  # process groups to end on exit (each server is started with setsid)
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # Servers restarted since (scripts/rolling-deploy.sh) are in their pid files.
  local file
  for file in "$VAR"/*.pid; do
    [ -f "$file" ] && PIDS+=("$(cat "$file")")
  done
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [ -f "$VAR/pg/postmaster.pid" ]; then
    as_postgres "$PGBIN/pg_ctl -D '$VAR/pg' -m fast -w stop" >/dev/null 2>&1 || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_postgres() {  # PostgreSQL will not run as root
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- sh -c "$1"; else sh -c "$1"; fi
}

# started NAME COMMAND...: run in its own process group (so the whole group,
# gunicorn's workers too, can be killed), log to var/cluster/NAME.log, and note
# its pid in var/cluster/NAME.pid for the smoke tests and its command line in
# var/cluster/NAME.cmd for scripts/rolling-deploy.sh (which starts it again).
started() {
  local name=$1
  shift
  setsid "$@" >"$VAR/$name.log" 2>&1 &
  PIDS+=("$!")
  echo "$!" >"$VAR/$name.pid"
  printf '%q ' "$@" >"$VAR/$name.cmd"
}

wait_for() {  # wait_for WHAT SECONDS COMMAND...
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "$0: $what did not come up in $seconds s; its log is in $VAR" >&2
  exit 1
}

rm -rf "$VAR"
mkdir -p "$VAR"
read -r PG_PORT REDIS_PORT S3_PORT APP1_PORT APP2_PORT SITE_PORT DIRECT1_PORT DIRECT2_PORT < <(
  "$BIN/python" - <<'EOF'
import socket
socks = [socket.socket() for _ in range(8)]
for sock in socks:
    sock.bind(("127.0.0.1", 0))
print(*(sock.getsockname()[1] for sock in socks))
EOF
)

# --- PostgreSQL: a cluster of our own, never the system one -----------------
# A migrated database and the collected static files are kept in var/cluster-cache/
# under a fingerprint of what they are made from (the migrations, the static
# sources, the locked packages): a run with the same fingerprint copies them
# instead of migrating (minutes on a busy machine) and collecting (whitenoise
# compresses every file). Any change to those files makes them anew.
CACHE_ROOT="$ROOT/var/cluster-cache"
FINGERPRINT=$(
  {
    sha256sum requirements.lock
    find site training \( -path '*/migrations/*.py' -o -path '*/static/*' \) -type f -print0 |
      sort -z | xargs -0 sha256sum
  } | sha256sum | cut -c1-16
)
CACHE="$CACHE_ROOT/$FINGERPRINT"
pg_start() {
  as_postgres "$PGBIN/pg_ctl -D '$VAR/pg' -l '$VAR/pg/server.log' -w -o \"-p $PG_PORT -k '$VAR/pg' -c listen_addresses=127.0.0.1 -c fsync=on\" start" >/dev/null
}
if [ -f "$CACHE/ready" ]; then
  echo "$(date +%T) using the migrated database and static files of $CACHE"
  cp -a "$CACHE/pg" "$VAR/pg"
  cp -a "$CACHE/static" "$VAR/static"
  pg_start
else
  mkdir -p "$VAR/pg"
  [ "$(id -u)" -ne 0 ] || chown postgres "$VAR/pg"
  as_postgres "$PGBIN/initdb -D '$VAR/pg' -U lotgenoot --auth=trust -E UTF8 --locale=C.UTF-8" >"$VAR/initdb.log"
  pg_start
  as_postgres "$PGBIN/createdb -h 127.0.0.1 -p $PG_PORT -U lotgenoot lotgenoot"
fi

# --- Redis: the shared cache (nothing to keep: no snapshots) -----------------
mkdir -p "$VAR/redis"
started redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$VAR/redis" \
  --save "" --appendonly no --protected-mode yes
wait_for Redis 20 redis-cli -p "$REDIS_PORT" ping

# --- S3: moto's server, with one private bucket -----------------------------
started s3 "$BIN/moto_server" -H 127.0.0.1 -p "$S3_PORT"
wait_for "the S3 server" 30 curl -fsS "http://127.0.0.1:$S3_PORT/moto-api/"

# --- TLS for nginx: a certificate for 127.0.0.1 only, made for this run -----
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$VAR/tls.key" -out "$VAR/tls.crt" 2>/dev/null

cat >"$VAR/cluster.env" <<EOF
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY=cluster-$(openssl rand -hex 24)
export DATABASE_URL=postgres://lotgenoot@127.0.0.1:$PG_PORT/lotgenoot
export CACHE_URL=redis://127.0.0.1:$REDIS_PORT/0
export AWS_STORAGE_BUCKET_NAME=lotgenoot-media
export AWS_S3_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
export AWS_S3_REGION_NAME=us-east-1
export AWS_ACCESS_KEY_ID=cluster
export AWS_SECRET_ACCESS_KEY=cluster
export ALLOWED_HOSTS=127.0.0.1
export BASE_URL=https://127.0.0.1:$SITE_PORT
export TRUSTED_PROXY_COUNT=1
export STATIC_ROOT=$VAR/static
export EMAIL_URL=consolemail://
export LOG_LEVEL=WARNING
export WEB_CONCURRENCY=2
export WORKER_HEARTBEAT_SECONDS=1
export WORKER_STALE_AFTER_SECONDS=4
export WORKER_SWEEP_SECONDS=2
export XDG_RUNTIME_DIR=$VAR
export CLUSTER_DIR=$VAR
export CLUSTER_URL=https://127.0.0.1:$SITE_PORT
export CLUSTER_APP1_URL=https://127.0.0.1:$DIRECT1_PORT
export CLUSTER_APP2_URL=https://127.0.0.1:$DIRECT2_PORT
export CLUSTER_CA=$VAR/tls.crt
export CLUSTER_APP1_BACKEND=http://127.0.0.1:$APP1_PORT
export CLUSTER_APP2_BACKEND=http://127.0.0.1:$APP2_PORT
export METRICS_TOKEN=cluster-metrics-$(openssl rand -hex 12)
export MAINTENANCE_FILE=$VAR/maintenance
export CREDENTIALS_KEY_DIR=$VAR/credential-keys
EOF
# shellcheck source=/dev/null
. "$VAR/cluster.env"

"$BIN/python" - <<'EOF'
import os

import boto3

boto3.client(
    "s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"], region_name="us-east-1"
).create_bucket(Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"], ACL="private")
EOF

if [ ! -f "$CACHE/ready" ]; then
  echo "$(date +%T) migrating"
  "$BIN/python" manage.py migrate --no-input -v 0
  "$BIN/python" manage.py createcachetable
  echo "$(date +%T) migrated; collecting static files"
  "$BIN/python" manage.py collectstatic --no-input -v 0
  echo "$(date +%T) collected; keeping both in $CACHE"
  as_postgres "$PGBIN/pg_ctl -D '$VAR/pg' -m fast -w stop" >/dev/null
  rm -rf "$CACHE_ROOT"  # one fingerprint at a time: older ones are stale
  mkdir -p "$CACHE_ROOT/partial"
  cp -a "$VAR/pg" "$CACHE_ROOT/partial/pg"
  rm -f "$CACHE_ROOT/partial/pg/server.log"
  cp -a "$VAR/static" "$CACHE_ROOT/partial/static"
  touch "$CACHE_ROOT/partial/ready"
  mv "$CACHE_ROOT/partial" "$CACHE"
  pg_start
fi

# The signing keys of the credentials (production makes them once, README "Production notes").
"$BIN/python" manage.py credentials_keygen >/dev/null

# --- Two app servers and two task workers ------------------------------------
started app1 env GUNICORN_BIND="127.0.0.1:$APP1_PORT" "$BIN/gunicorn" config.wsgi
started app2 env GUNICORN_BIND="127.0.0.1:$APP2_PORT" "$BIN/gunicorn" config.wsgi
started worker1 "$BIN/python" manage.py run_worker --worker-id worker-1
started worker2 "$BIN/python" manage.py run_worker --worker-id worker-2

# --- nginx in front --------------------------------------------------------------
mkdir -p "$VAR/nginx/logs" "$VAR/nginx/tmp"
# The maintenance page (and its JSON for scripts) nginx answers when no app server
# does (a restart, a deploy gone wrong): the same Dutch text the app servers show.
"$BIN/python" manage.py maintenance export "$VAR/nginx/maintenance" >/dev/null
[ "$(id -u)" -ne 0 ] || chown -R nobody:nogroup "$VAR/nginx/tmp"
proxy() {  # the proxy settings of one server block, to upstream $1 on port $2
  cat <<EOF
    server {
        listen 127.0.0.1:$2 ssl;
        ssl_certificate $VAR/tls.crt;
        ssl_certificate_key $VAR/tls.key;
        client_max_body_size 210m;
        # Prometheus scrapes each app server on its internal address, with METRICS_TOKEN.
        location = /metrics { return 404; }
        # No app server answers (502), or none in time (504): the maintenance page,
        # 503 with Retry-After, JSON for scripts (the editor keeps the text and retries).
        # An app server's own 503 (maintenance mode, a busy database) passes unchanged.
        error_page 502 503 504 =503 \$unavailable_page;
        location = /maintenance.html {
            internal;
            root $VAR/nginx/maintenance;
            default_type "text/html; charset=utf-8";
            add_header Retry-After 5 always;
            add_header Cache-Control "no-store" always;
        }
        location = /maintenance.json {
            internal;
            root $VAR/nginx/maintenance;
            default_type application/json;
            add_header Retry-After 5 always;
            add_header Cache-Control "no-store" always;
        }
        location / {
            proxy_pass http://$1;
            # One public name for every port, as in production (allauth keys
            # its failed sign-in counter by site and address).
            proxy_set_header Host 127.0.0.1:$SITE_PORT;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
            # A server that refuses the connection (killed) is skipped; a request
            # it already took is not sent twice (POSTs are not idempotent).
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }
    }
EOF
}
"$ROOT/scripts/nginx-readiness.sh" --init "$VAR/nginx/site-upstream.conf" \
  "127.0.0.1:$APP1_PORT" "127.0.0.1:$APP2_PORT"
cat >"$VAR/nginx/nginx.conf" <<EOF
worker_processes 1;
# Each client holds a connection and, while its request runs, one to an app
# server: 1,000 learners (the L test) need more than nginx's default 1,024.
worker_rlimit_nofile 16384;
pid $VAR/nginx/nginx.pid;
error_log $VAR/nginx/logs/error.log warn;
events { worker_connections 8192; }
http {
    access_log off;
    client_body_temp_path $VAR/nginx/tmp/body;
    proxy_temp_path $VAR/nginx/tmp/proxy;
    fastcgi_temp_path $VAR/nginx/tmp/fastcgi;
    uwsgi_temp_path $VAR/nginx/tmp/uwsgi;
    scgi_temp_path $VAR/nginx/tmp/scgi;
    # Which maintenance answer (proxy() above): JSON for scripts, else the page.
    map \$http_accept \$unavailable_page {
        default /maintenance.html;
        ~*application/json /maintenance.json;
    }
    # Both app servers; one whose /readyz fails is marked down by scripts/nginx-readiness.sh.
    upstream site { include $VAR/nginx/site-upstream.conf; }
    upstream app1 { server 127.0.0.1:$APP1_PORT; }
    upstream app2 { server 127.0.0.1:$APP2_PORT; }
$(proxy site "$SITE_PORT")
$(proxy app1 "$DIRECT1_PORT")
$(proxy app2 "$DIRECT2_PORT")
}
EOF
started nginx "$NGINX" -p "$VAR/nginx" -c "$VAR/nginx/nginx.conf" -g "daemon off;"

for url in "$CLUSTER_URL" "$CLUSTER_APP1_URL" "$CLUSTER_APP2_URL"; do
  wait_for "$url" 60 curl -fsS --cacert "$CLUSTER_CA" -o /dev/null "$url/"
done
# nginx's active health checks: an app server whose /readyz fails leaves the round robin.
started readiness "$ROOT/scripts/nginx-readiness.sh" "$VAR/nginx/site-upstream.conf" \
  "$NGINX -p $VAR/nginx -c $VAR/nginx/nginx.conf" "127.0.0.1:$APP1_PORT" "127.0.0.1:$APP2_PORT"
echo "Cluster up: $CLUSTER_URL (app servers on :$APP1_PORT and :$APP2_PORT via" \
  ":$DIRECT1_PORT and :$DIRECT2_PORT), PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, S3 :$S3_PORT"
echo "Environment: $VAR/cluster.env; logs: $VAR/*.log"

if [ $# -eq 0 ]; then
  echo "Ctrl-C stops it all."
  while true; do sleep 3600; done
fi
"$@"
