#!/usr/bin/env bash
# Crash test: does every write the emulator acknowledged survive a SIGKILL? For each store, an H2 file and then a
# PostgreSQL database (a throwaway server from scripts/postgres.sh), it starts the sample on the store, drives
# sign-ups, admin writes, sign-ins and pool creations concurrently (scripts/crash-test.mjs), journals every write
# answered with HTTP 200, kills the sample with SIGKILL mid-load, restarts it on the same store and checks that every
# acknowledged write is there, that tokens issued before the kill still work (GetUser, REFRESH_TOKEN_AUTH) and that
# the pools' key ids are unchanged.
#
#   bash scripts/crash-test.sh [h2] [postgresql]      (both when none is named)
#
# CRASH_AFTER_WRITES (default 3000) and CRASH_AFTER_SECONDS (default 5): the kill comes when either is reached.
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

STORES=("$@")
[[ ${#STORES[@]} -gt 0 ]] || STORES=(h2 postgresql)
STARTED=$SECONDS

require_tools

# crash_run LABEL STORAGE_ARGS...: one crash on one store.
crash_run() {
  local label=$1
  shift
  local dir=$WORK/$label port pid status
  mkdir -p "$dir"
  port=$(free_port)
  echo "crash test on $label: sample on port $port"
  start_sample "$label-1" "$port" "$@"
  pid=$SAMPLE_PID

  EMULATOR_URL=http://localhost:$port WORK_DIR=$dir LABEL=$label SERVER_PID=$pid \
    run_checks "crash/$label: load" node "$ROOT/scripts/crash-test.mjs" load
  status=$(sample_status "$label-1")
  if [[ $status == 137 ]]; then
    record_pass "crash/$label: the sample died of the SIGKILL (exit status 137)"
  else
    record_fail "crash/$label: the sample died of the SIGKILL (exit status 137)" "exit status $status"
    kill -9 "$pid" 2>/dev/null || true
  fi
  if [[ ! -s $dir/state.json ]]; then
    record_fail "crash/$label: load" "the load never started: $(tail -n 5 "$WORK/$label-1.log")"
    return
  fi

  echo "crash test on $label: restarting the sample on the same store"
  start_sample "$label-2" "$port" "$@"
  pid=$SAMPLE_PID
  EMULATOR_URL=http://localhost:$port WORK_DIR=$dir LABEL=$label \
    run_checks "crash/$label: verify" node "$ROOT/scripts/crash-test.mjs" verify
  stop_sample "$pid"
}

for store in "${STORES[@]}"; do
  case $store in
    h2)
      crash_run h2 --cognito.emulator.storage.url="jdbc:h2:file:$WORK/h2/cognito"
      ;;
    postgresql)
      start_postgres
      crash_run postgresql --cognito.emulator.storage.url="$POSTGRES_URL" --cognito.emulator.storage.username=postgres
      ;;
    *)
      fail_setup "arguments" "unknown store $store: h2 or postgresql"
      ;;
  esac
done

echo "crash test: $((SECONDS - STARTED)) s"
summary
