#!/usr/bin/env bash
# Active health checks for open-source nginx (which has none of its own): poll
# each app server's /readyz every READINESS_INTERVAL (2) seconds and mark an
# unready one `down` in the upstream file nginx includes, then reload nginx.
# When every app server is unready none is marked down (nginx would only answer
# 502 then: a slow answer is better than none).
#
#   scripts/nginx-readiness.sh --init UPSTREAM_FILE HOST:PORT...   write it, all up
#   scripts/nginx-readiness.sh UPSTREAM_FILE "NGINX -p PREFIX -c CONF" HOST:PORT...
#
# scripts/cluster.sh runs it beside nginx; a production nginx can use it the same
# way (under a service manager), or a load balancer with health checks of its own.
set -euo pipefail

write_upstream() {  # write_upstream FILE "ADDR up|down"...
  local file=$1 line addr state
  shift
  for line in "$@"; do
    read -r addr state <<<"$line"
    if [ "$state" = down ]; then
      echo "server $addr down;"
    else
      echo "server $addr max_fails=1 fail_timeout=5s;"
    fi
  done >"$file.new"
  mv "$file.new" "$file"
}

all_up() {
  local server
  for server in "$@"; do echo "$server up"; done
}

if [ "${1:-}" = --init ]; then
  file=$2
  shift 2
  mapfile -t states < <(all_up "$@")
  write_upstream "$file" "${states[@]}"
  exit 0
fi

UPSTREAM_FILE=$1
NGINX_CMD=$2
shift 2
INTERVAL=${READINESS_INTERVAL:-2}
mapfile -t states < <(all_up "$@")
previous="${states[*]}"  # what --init wrote
while true; do
  states=()
  ready=0
  for server in "$@"; do
    if curl -fs -m 2 -o /dev/null "http://$server/readyz"; then
      states+=("$server up")
      ready=$((ready + 1))
    else
      states+=("$server down")
    fi
  done
  if [ "$ready" -eq 0 ]; then
    mapfile -t states < <(all_up "$@")
  fi
  current="${states[*]}"
  if [ "$current" != "$previous" ]; then
    write_upstream "$UPSTREAM_FILE" "${states[@]}"
    # shellcheck disable=SC2086 # the nginx command line is words on purpose
    $NGINX_CMD -s reload
    echo "$(date +%T) $current"
    previous=$current
  fi
  sleep "$INTERVAL"
done
