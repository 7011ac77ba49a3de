#!/usr/bin/env bash
# Several instances: two sample instances on one PostgreSQL database (a throwaway server from scripts/postgres.sh)
# with the same cognito.emulator.issuer-base-url, started together on the empty database, and
# scripts/multi-instance-test.mjs checking that a user created on one signs in on the other, that tokens issued by
# one are accepted by the other, that a GlobalSignOut on one is seen by the other, and that simultaneous sign-ups of
# one username across both give exactly one user.
#
#   bash scripts/multi-instance-test.sh
#
# PORT_A and PORT_B (default 4571 and 4572, other free ports when taken), ROUNDS (default 20) sign-up races.
# Needs a JDK 17+ and Node 20+ (no npm package); builds the sample jar when there is none (a stale jar is not
# rebuilt). Prints one line per check and ends with "N passed, M failed"; exits 1 when a check failed. Stops the
# servers it started and deletes its files, whatever happens.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
# shellcheck source=lib/sample.sh
source "$ROOT/scripts/lib/sample.sh"
trap reliability_cleanup EXIT
trap 'exit 130' INT TERM
STARTED=$SECONDS

require_tools

PORT_A=${PORT_A:-4571}
PORT_B=${PORT_B:-4572}
port_is_free "$PORT_A" || PORT_A=$(free_port)
while ! port_is_free "$PORT_B" || [[ $PORT_B == "$PORT_A" ]]; do PORT_B=$(free_port); done
# One issuer for both, so that their tokens carry the same iss whichever instance signs them.
ISSUER_BASE=http://localhost:$PORT_A

start_postgres
STORAGE=(--cognito.emulator.storage.url="$POSTGRES_URL" --cognito.emulator.storage.username=postgres
  --cognito.emulator.issuer-base-url="$ISSUER_BASE")
echo "several instances: A on port $PORT_A, B on port $PORT_B, one PostgreSQL database, issuer base $ISSUER_BASE"
# Both at once on the empty database: they create its tables together.
launch_sample a "$PORT_A" "${STORAGE[@]}"
PID_A=$SAMPLE_PID
launch_sample b "$PORT_B" "${STORAGE[@]}"
await_sample a "$PID_A" "$PORT_A"
await_sample b "$SAMPLE_PID" "$PORT_B"
record_pass "multi: A and B, started together on an empty database, both start"

URL_A=http://localhost:$PORT_A URL_B=http://localhost:$PORT_B \
  run_checks "multi: checks" node "$ROOT/scripts/multi-instance-test.mjs"

echo "several instances: $((SECONDS - STARTED)) s"
summary
