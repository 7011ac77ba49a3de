# Shell helpers of the reliability scripts (sourced, not run): sample instances, a throwaway PostgreSQL, results.
# The script that sources this sets ROOT (the repository) and WORK (its temporary directory), and calls
# reliability_cleanup from its EXIT trap.

JAR=$ROOT/cognito-emulator-sample/target/cognito-emulator-sample.jar
RESULTS=$WORK/results.tsv
: >"$RESULTS"
export RESULTS
SAMPLE_PIDS=()
POSTGRES_STARTED=

fail_setup() {
  printf 'FAIL\tsetup: %s\t%s\n' "$1" "$(printf '%s' "$2" | tr '\n\t' '  ' | cut -c1-500)" >>"$RESULTS"
  echo "FAILED: setup: $1: $2"
  summary
}

record_pass() {
  printf 'PASS\t%s\n' "$1" >>"$RESULTS"
  echo "  ok   $1"
}

record_fail() {
  printf 'FAIL\t%s\t%s\n' "$1" "$(printf '%s' "$2" | tr '\n\t' '  ' | cut -c1-500)" >>"$RESULTS"
  echo "FAILED: $1: $2"
}

# Prints the failures again and "N passed, M failed"; exits 1 when a check failed.
summary() {
  local passed failed
  passed=$(grep -c '^PASS' "$RESULTS" || true)
  failed=$(grep -c '^FAIL' "$RESULTS" || true)
  if [[ $failed -gt 0 ]]; then
    echo "--- failures"
    awk -F '\t' '$1 == "FAIL" { printf "FAILED: %s: %s\n", $2, $3 }' "$RESULTS"
    echo "$passed passed, $failed failed"
    exit 1
  fi
  echo "$passed passed, 0 failed"
  exit 0
}

# run_checks NAME COMMAND...: runs a script of checks; one that dies or hangs (3 minutes) without recording a failure
# counts as one.
run_checks() {
  local name=$1
  shift
  local before status=0
  before=$(grep -c '^FAIL' "$RESULTS" || true)
  timeout 180 "$@" || status=$?
  if [[ $status -ne 0 && $(grep -c '^FAIL' "$RESULTS" || true) -eq $before ]]; then
    if [[ $status -eq 124 ]]; then
      record_fail "$name" "timed out after 180 s"
    else
      record_fail "$name" "exited with status $status"
    fi
  fi
}

require_tools() {
  command -v java >/dev/null 2>&1 || fail_setup java "no java on the PATH; a JDK 17 or newer is needed"
  command -v node >/dev/null 2>&1 || fail_setup node "node is needed (20 or newer)"
  [[ $(node -p 'process.versions.node.split(".")[0]') -ge 20 ]] || fail_setup node "Node 20 or newer is needed"
  if [[ ! -f $JAR ]]; then
    echo "building the sample"
    (cd "$ROOT" && ./mvnw -q -pl cognito-emulator-sample -am -DskipTests package) >"$WORK/build.log" 2>&1 ||
      fail_setup "build the sample" "$(tail -n 10 "$WORK/build.log")"
  fi
}

free_port() {
  node -e 'const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => console.log(p)); });'
}

port_is_free() {
  node -e 'const s = require("net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), () => s.close(() => process.exit(0)));' "$1"
}

# answers URL: whether a GET of URL answers 200 (with Node, so that curl is not needed).
answers() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
    .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));' "$1"
}

# launch_sample NAME PORT ARGS...: starts the sample in the background, logging to $WORK/NAME.log, without waiting for
# it. Its pid is in SAMPLE_PID (and in SAMPLE_PIDS, for the cleanup). A subshell waits for it and writes its exit
# status to $WORK/NAME.status (sample_status reads it), so that the shell prints no notice when it is killed.
launch_sample() {
  local name=$1 port=$2
  shift 2
  rm -f "$WORK/$name.pid" "$WORK/$name.status"
  (
    java -jar "$JAR" --spring.profiles.active=dev --server.port="$port" "$@" >>"$WORK/$name.log" 2>&1 &
    echo $! >"$WORK/$name.pid"
    status=0
    wait $! || status=$?
    echo "$status" >"$WORK/$name.status"
  ) 2>/dev/null &
  for _ in $(seq 1 100); do
    [[ -s $WORK/$name.pid ]] && break
    sleep 0.05
  done
  SAMPLE_PID=$(cat "$WORK/$name.pid")
  SAMPLE_PIDS+=("$SAMPLE_PID")
}

# await_sample NAME PID PORT: waits until the sample answers on PORT; a failed setup when it exits or takes over 60 s.
await_sample() {
  local name=$1 pid=$2 port=$3
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      fail_setup "start the sample ($name)" "it exited: $(tail -n 5 "$WORK/$name.log")"
    fi
    if answers "http://localhost:$port/.well-known/jwks.json"; then
      return 0
    fi
    sleep 0.25
  done
  fail_setup "start the sample ($name)" "no answer on port $port after 60 s"
}

# start_sample NAME PORT ARGS...: launch_sample, then await_sample.
start_sample() {
  launch_sample "$@"
  await_sample "$1" "$SAMPLE_PID" "$2"
}

# sample_status NAME: waits (up to 30 s) for the sample started as NAME to end, and prints its exit status.
sample_status() {
  for _ in $(seq 1 150); do
    if [[ -s $WORK/$1.status ]]; then
      cat "$WORK/$1.status"
      return
    fi
    sleep 0.2
  done
  echo "still running"
}

# stop_sample PID: SIGTERM, then SIGKILL after 10 s.
stop_sample() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
}

# Starts a PostgreSQL of its own under $WORK with scripts/postgres.sh, on a free port, and sets POSTGRES_URL to the
# JDBC URL of its database (user postgres, no password).
start_postgres() {
  local port
  port=$(free_port)
  POSTGRES_STARTED=1
  POSTGRES_URL=$(POSTGRES_DIR=$WORK/postgres POSTGRES_PORT=$port "$ROOT/scripts/postgres.sh" start 2>"$WORK/postgres.err") ||
    fail_setup "start PostgreSQL" "$(tail -n 5 "$WORK/postgres.err")"
}

reliability_cleanup() {
  local pid
  for pid in "${SAMPLE_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null && stop_sample "$pid"
  done
  if [[ -n $POSTGRES_STARTED ]]; then
    POSTGRES_DIR=$WORK/postgres "$ROOT/scripts/postgres.sh" stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
