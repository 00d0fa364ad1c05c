#!/usr/bin/env bash
# Debian's Java (default-jre-headless): the Nu HTML Checker (vnu.jar, from the
# npm package vnu-jar) runs on it over the pages the browser tests visit. It must
# be there before `npm ci`: vnu-jar's postinstall looks for a system Java 11 or
# later and would otherwise download one from another host. A no-op when a java
# is on PATH, unless FORCE_INSTALL=1 (.ci/run sets it, so CI takes the install path).
set -euo pipefail
if [ "${FORCE_INSTALL:-0}" != 1 ] && command -v java >/dev/null 2>&1; then exit 0; fi
"$(dirname "$0")/apt-install.sh" default-jre-headless
if ! command -v java >/dev/null 2>&1; then
  echo "$0: default-jre-headless is installed, but there is no java on PATH" >&2
  exit 1
fi
# `java -version` writes to stderr; no pipe (see install-pdf-tools.sh).
version=$(java -version 2>&1)
echo "${version%%$'\n'*}"
