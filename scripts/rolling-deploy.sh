#!/usr/bin/env bash
# A rolling deploy on the local cluster (scripts/cluster.sh), one server at a time,
# so the site keeps answering and no save is lost:
#
#   1. `manage.py migrate`: the new release's migrations, which only add (expand):
#      the old code still running on the app servers keeps working on them
#      (README "Deploying a new version").
#   2. Each app server in turn: SIGTERM (gunicorn stops taking connections and lets
#      running requests finish, GUNICORN_GRACEFUL_TIMEOUT), started again with the
#      new code, then wait until its /readyz answers 200 and SETTLE_SECONDS more for
#      the load balancer's health check (scripts/nginx-readiness.sh) to take it
#      back, before the next one goes. Meanwhile nginx sends everything to the
#      other; the editor keeps the text on the device for any save that fails.
#   3. Each task worker in turn: SIGTERM (django-tasks-db finishes the running task
#      first), started again.
#
#   scripts/cluster.sh scripts/rolling-deploy.sh     (or from a shell with
#   var/cluster/cluster.env sourced, while `make cluster` runs)
#
# It restarts each server with the command line scripts/cluster.sh noted in
# var/cluster/NAME.cmd and writes the new pid to NAME.pid. On real machines the
# service manager does the restart (`systemctl restart lotgenoot-app@1`): the
# order, the wait for /readyz and the pause are the same.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${CLUSTER_DIR:?run it inside the cluster environment: scripts/cluster.sh COMMAND}
# shellcheck source=/dev/null
. "$DIR/cluster.env"
BIN=.venv/bin
READY_TIMEOUT=${READY_TIMEOUT:-120}
STOP_TIMEOUT=${STOP_TIMEOUT:-60}
SETTLE_SECONDS=${SETTLE_SECONDS:-5}

say() { echo "$(date +%T) $*"; }

running() {  # a live process (a zombie waiting for its parent to reap it is gone)
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "${state:0:1}" != Z ]
}

stop() {  # stop NAME: SIGTERM, then wait until it has finished what it was doing
  local name=$1 pid
  pid=$(cat "$DIR/$name.pid")
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((STOP_TIMEOUT * 5))); do
    running "$pid" || return 0
    sleep 0.2
  done
  echo "$0: $name did not stop within $STOP_TIMEOUT s" >&2
  exit 1
}

start() {  # start NAME: its own process group again, the same command line, the same log
  local name=$1 command
  eval "command=($(cat "$DIR/$name.cmd"))"  # the words printf %q wrote
  # A simple command in the background: $! is the server itself, leader of its new group.
  setsid "${command[@]}" >>"$DIR/$name.log" 2>&1 </dev/null &
  echo "$!" >"$DIR/$name.pid"
  say "started $name (pid $!)"
}

wait_ready() {  # wait_ready NAME BACKEND_URL
  local name=$1 url=$2
  for _ in $(seq 1 $((READY_TIMEOUT * 5))); do
    if curl -fs -m 2 -o /dev/null "$url/readyz"; then
      say "$name ready"
      return 0
    fi
    running "$(cat "$DIR/$name.pid")" || break
    sleep 0.2
  done
  echo "$0: $name is not ready; its log is $DIR/$name.log" >&2
  exit 1
}

say "migrating (backward-compatible migrations only: the old code still runs)"
"$BIN/python" manage.py migrate --no-input -v 0

stop app1
start app1
wait_ready app1 "$CLUSTER_APP1_BACKEND"
sleep "$SETTLE_SECONDS"

stop app2
start app2
wait_ready app2 "$CLUSTER_APP2_BACKEND"
sleep "$SETTLE_SECONDS"

for worker in worker1 worker2; do
  stop "$worker"
  start "$worker"
  sleep 1
  running "$(cat "$DIR/$worker.pid")" || {
    echo "$0: $worker did not start; its log is $DIR/$worker.log" >&2
    exit 1
  }
done
say "deployed"
