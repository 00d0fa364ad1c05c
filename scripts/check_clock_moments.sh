#!/usr/bin/env bash
# Runs the suite's time-sensitive tests (marker `clock`, given in tests/conftest.py)
# at fixed moments of the week and year, so a test that reads the real clock cannot
# pass today and fail on a Monday afternoon. Each run starts the test session at the
# moment (TEST_NOW, time-machine, the clock ticking on from there); tests that pin
# their own moment still do. `make test` runs it after the suite.
#
#   scripts/check_clock_moments.sh                   # the moments below
#   scripts/check_clock_moments.sh 2027-02-01T09:00:00+01:00 ...
set -euo pipefail
cd "$(dirname "$0")/.."

pytest_bin=${PYTEST:-.venv/bin/pytest}
python_bin="$(dirname "${pytest_bin}")/python"
# Only the listed modules are collected (the whole suite takes long to collect).
mapfile -t modules < <("${python_bin}" -c \
  'from tests.conftest import CLOCK_SENSITIVE_MODULES as m; print("\n".join(sorted(m)))')
if [ "${#modules[@]}" -eq 0 ]; then
  echo "$0: no time-sensitive test modules found (tests/conftest.py)" >&2
  exit 1
fi
moments=(
  # A Monday afternoon (UTC): a practice slot the same evening, hours away.
  "2026-12-07T16:00:00+00:00"
  # Sunday 23:30 in Amsterdam in summer time (CEST, UTC+2): the UTC date, week and
  # weekday are another than Amsterdam's; the day the clocks went forward.
  "2026-03-29T23:30:00+02:00"
  # Sunday 23:30 in Amsterdam in winter time (CET, UTC+1); the day the clocks went back.
  "2026-10-25T23:30:00+01:00"
  # New Year's Eve, 23:30 in Amsterdam: the year ends while the tests run.
  "2026-12-31T23:30:00+01:00"
)
if [ "$#" -gt 0 ]; then
  moments=("$@")
fi

failed=()
for moment in "${moments[@]}"; do
  echo "== TEST_NOW=${moment}"
  if ! TEST_NOW="${moment}" "${pytest_bin}" -q -m clock "${modules[@]}"; then
    failed+=("${moment}")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "Time-sensitive tests failed at: ${failed[*]}" >&2
  exit 1
fi
echo "Time-sensitive tests pass at all ${#moments[@]} moments."
