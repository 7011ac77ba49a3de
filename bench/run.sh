#!/usr/bin/env bash
# The benchmark suite in one command: builds what it needs, runs every part and prints the results table.
#
#   bench/run.sh                       # everything (about 15 minutes on a 2-core machine)
#   bench/run.sh --only=http,startup   # some parts: setup, signing, http, jmh, scale, startup
#   bench/run.sh --help                # every option
#
# Raw outputs and the table (results.md) go to bench/results/<UTC date and time>/. Run as root on a fresh machine, it
# installs what it lacks (wrk from Debian's packages, Node.js if absent, cognito-local from bench/cognito-local's
# package-lock.json) and builds the sample and the bench jar from the reactor without installing them.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"

PARTS="setup,signing,http,jmh,scale,startup"
PORT=18500
PEER_PORT=18529
CONNECTIONS=8
WARMUP=5
DURATION=15
SEED_USERS=100
SCALE_USERS=100000
STARTUP_RUNS=5
FLAME=false
PEER=true
BUILD=true
MAVEN_FLAGS="${MAVEN_FLAGS:-}"
WRK_THREADS=1
OUT=""

usage() {
  cat <<EOF
Usage: bench/run.sh [options]
  --only=PARTS         comma-separated parts to run, of: setup,signing,http,jmh,scale,startup (default: all;
                       setup is the build, the tools are installed whenever they are missing)
  --skip=PARTS         parts to leave out
  --port=N             the sample's port under load; startup runs use N+1 (default $PORT)
  --peer-port=N        cognito-local's port (default $PEER_PORT)
  --no-peer            no cognito-local side by side
  --connections=N      HTTP connections (default $CONNECTIONS)
  --warmup=S           HTTP warm-up seconds per scenario (default $WARMUP)
  --duration=S         HTTP measured seconds per scenario (default $DURATION)
  --seed-users=N       users seeded for the HTTP scenarios (default $SEED_USERS)
  --scale-users=N      users of the scale run (default $SCALE_USERS)
  --startup-runs=N     starts per mode for the startup figures (default $STARTUP_RUNS)
  --flame              a CPU flame graph (async-profiler) of the sample under the InitiateAuth USER_PASSWORD_AUTH load
  --no-build           use the jars already built
  --quick              a short run to try the suite: 2 s + 5 s per scenario, 10,000 users, 2 starts, short JMH
  --out=DIR            where raw outputs go (default bench/results/<UTC date and time>)
Environment: MAVEN_FLAGS (e.g. -o for an offline build), JAVA (default java).
EOF
}

JMH_QUICK=false
for arg in "$@"; do
  case "$arg" in
    --only=*) PARTS="${arg#*=}" ;;
    --skip=*)
      skipped="${arg#*=}"
      for part in ${skipped//,/ }; do PARTS="$(echo ",$PARTS," | sed "s/,$part,/,/; s/^,//; s/,$//")"; done ;;
    --port=*) PORT="${arg#*=}" ;;
    --peer-port=*) PEER_PORT="${arg#*=}" ;;
    --no-peer) PEER=false ;;
    --connections=*) CONNECTIONS="${arg#*=}" ;;
    --warmup=*) WARMUP="${arg#*=}" ;;
    --duration=*) DURATION="${arg#*=}" ;;
    --seed-users=*) SEED_USERS="${arg#*=}" ;;
    --scale-users=*) SCALE_USERS="${arg#*=}" ;;
    --startup-runs=*) STARTUP_RUNS="${arg#*=}" ;;
    --flame) FLAME=true ;;
    --no-build) BUILD=false ;;
    --quick) WARMUP=2; DURATION=5; SCALE_USERS=10000; STARTUP_RUNS=2; JMH_QUICK=true ;;
    --out=*) OUT="${arg#*=}" ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

JAVA="${JAVA:-java}"
OUT="${OUT:-$BENCH_DIR/results/$(date -u +%Y-%m-%dT%H%MZ)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
BENCH_JAR="$BENCH_DIR/target/benchmarks.jar"
SAMPLE_JAR="$ROOT/cognito-emulator-sample/target/cognito-emulator-sample.jar"
SUITE_START=$(date +%s)

wants() { [[ ",$PARTS," == *",$1,"* ]]; }
log() { echo "[bench $(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# Every process this script starts is stopped when it ends, however it ends.
STARTED_PIDS=()
stop_pid() {
  local pid="$1"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]:-}"; do [[ -n "$pid" ]] && stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free_port() { port_free "$1" || fail "port $1 is taken: choose another with --port/--peer-port"; }

# Waits until GET url answers 200; prints the milliseconds since the given start (ns), or fails after the timeout.
wait_for_200() {
  local url="$1" start_ns="$2" pid="$3" timeout_s="${4:-180}"
  local deadline=$(( $(date +%s) + timeout_s ))
  while true; do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" == "200" ]]; then
      echo $(( ($(date +%s%N) - start_ns) / 1000000 ))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    (( $(date +%s) < deadline )) || return 1
    sleep 0.01
  done
}

machine_info() {
  {
    echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
    echo "cores: $(nproc)"
    echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
    echo "jdk: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "wrk: $(wrk --version 2>&1 | head -1 || true)"
    echo "node: $(node --version 2>/dev/null || true)"
    echo "cognito-local: $(node -p "require('$BENCH_DIR/cognito-local/node_modules/cognito-local/package.json').version" 2>/dev/null || echo absent)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)')"
    echo "load_start: $(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$OUT/machine.txt"
}

# --- setup: tools, peer, build ------------------------------------------------------------------------------------

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
APT_UPDATED=false
apt_install() {
  if [[ "$APT_UPDATED" == false ]]; then as_root apt-get update -qq >/dev/null; APT_UPDATED=true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

setup_tools() {
  command -v curl >/dev/null || apt_install curl
  command -v wrk >/dev/null || { log "installing wrk"; apt_install wrk; }
  command -v jcmd >/dev/null || fail "jcmd not found: a full JDK 17 or newer is needed"
  if [[ "$PEER" == true ]]; then
    command -v node >/dev/null || { log "installing Node.js"; apt_install nodejs npm; }
    if [[ ! -f "$BENCH_DIR/cognito-local/node_modules/cognito-local/package.json" ]]; then
      log "installing cognito-local (bench/cognito-local/package-lock.json)"
      (cd "$BENCH_DIR/cognito-local" && npm ci --no-audit --no-fund --loglevel=error) >>"$OUT/run.log" 2>&1 \
        || fail "npm ci in bench/cognito-local"
    fi
  fi
}

build() {
  log "building the sample and the bench jar (./mvnw -Pbench -pl bench,cognito-emulator-sample -am package)"
  # shellcheck disable=SC2086
  (cd "$ROOT" && ./mvnw -q $MAVEN_FLAGS -Pbench -pl bench,cognito-emulator-sample -am -DskipTests package) \
    >>"$OUT/run.log" 2>&1 || fail "the build (see $OUT/run.log)"
}

bench_java() { "$JAVA" -cp "$BENCH_JAR" "$@" 2> >(grep -v '^SLF4J' >&2); }

# --- signing: the RSA-2048 signing rate of this JVM ---------------------------------------------------------------

run_signing() {
  log "RS256 signing rate"
  bench_java io.github.cognitoemulator.bench.SigningRate > "$OUT/signing.json" || fail "SigningRate"
  cat "$OUT/signing.json" >&2
}

# --- http: the sample and cognito-local under the same load -------------------------------------------------------

start_sample() {
  local port="$1" log_file="$2"; shift 2
  require_free_port "$port"
  "$JAVA" "$@" -jar "$SAMPLE_JAR" --server.port="$port" --spring.profiles.active=dev >"$log_file" 2>&1 &
  SAMPLE_PID=$!
  STARTED_PIDS+=("$SAMPLE_PID")
}

start_peer() {
  local work="$OUT/cognito-local"
  require_free_port "$PEER_PORT"
  rm -rf "$work" && mkdir -p "$work/.cognito"
  # Usernames that are not email addresses, as in the emulator's pools (cognito-local's default pools use email).
  echo '{"UserPoolDefaults":{"UsernameAttributes":[]}}' > "$work/.cognito/config.json"
  (cd "$work" && PORT="$PEER_PORT" HOST=127.0.0.1 exec node "$BENCH_DIR/cognito-local/node_modules/cognito-local/lib/bin/start.js") \
    >"$OUT/http/cognito-local.log" 2>&1 &
  PEER_PID=$!
  STARTED_PIDS+=("$PEER_PID")
  local deadline=$(( $(date +%s) + 60 ))
  until ! port_free "$PEER_PORT"; do
    kill -0 "$PEER_PID" 2>/dev/null || fail "cognito-local did not start (see $OUT/http/cognito-local.log)"
    (( $(date +%s) < deadline )) || fail "cognito-local did not listen on $PEER_PORT within 60 s"
    sleep 0.2
  done
}

# One wrk scenario: a check that one request answers 200, a warm-up, then the measured window.
wrk_scenario() {
  local target="$1" url="$2" name="$3" action="$4" body="$5"
  local raw="$OUT/http/$target-$name"
  local check_body="${body//%UNIQUE%/check-$RANDOM}"
  local status
  status=$(curl -s -o "$raw.check" -w '%{http_code}' --max-time 30 -X POST "$url" \
    -H 'Content-Type: application/x-amz-json-1.1' -H "X-Amz-Target: AWSCognitoIdentityProviderService.$action" \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0' \
    --data-binary "$check_body" || true)
  if [[ "$status" != "200" ]]; then
    log "$target $name: not supported (a single request answered $status: $(head -c 200 "$raw.check"))"
    echo "{\"supported\":false,\"status\":\"$status\"}" > "$raw.json"
    return 0
  fi
  local env=(BENCH_ACTION="$action" BENCH_BODY="$body")
  log "$target $name: ${WARMUP} s warm-up, ${DURATION} s measured, $CONNECTIONS connections"
  env "${env[@]}" BENCH_RUN="w$RANDOM" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s \
    -s "$BENCH_DIR/wrk/cognito.lua" "$url" >"$raw.warmup.txt" 2>&1 || true
  if [[ "$FLAME" == true && "$target" == emulator && "$name" == initiate-auth-password ]]; then
    start_flame
  fi
  env "${env[@]}" BENCH_RUN="m$RANDOM" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
    -s "$BENCH_DIR/wrk/cognito.lua" "$url" >"$raw.txt" 2>&1 || fail "wrk ($raw.txt)"
  grep '^{' "$raw.txt" | tail -1 > "$raw.json"
  log "  $(cat "$raw.json")"
}

# The SRP round trip through the Java load client (the client's arithmetic cannot be precomputed).
srp_scenario() {
  local target="$1" url="$2"
  local raw="$OUT/http/$target-srp-round-trip"
  log "$target srp-round-trip: ${WARMUP} s warm-up, ${DURATION} s measured, $CONNECTIONS connections"
  bench_java io.github.cognitoemulator.bench.HttpLoad --url="$url" --pool-id="$POOL_ID" --client-id="$CLIENT_ID" \
    --users="$SEED_USERS" --connections="$CONNECTIONS" --warmup="$WARMUP" --duration="$DURATION" >"$raw.json" \
    || fail "HttpLoad against $target"
  if grep -q '"requests":0,' "$raw.json"; then
    log "  $target srp-round-trip: not supported ($(grep -o '"first_error":.*' "$raw.json" | head -c 200))"
    sed -i 's/^{/{"supported":false,/' "$raw.json"
  fi
  log "  $(cat "$raw.json")"
}

http_target() {
  local target="$1" url="$2"
  log "$target: seeding a pool, a client and $SEED_USERS users through the API"
  local seed
  seed=$(bench_java io.github.cognitoemulator.bench.HttpSeed --url="$url" --users="$SEED_USERS") \
    || fail "seeding $target"
  echo "$seed" > "$OUT/http/$target-seed.env"
  POOL_ID=$(sed -n 's/^POOL_ID=//p' <<<"$seed")
  CLIENT_ID=$(sed -n 's/^CLIENT_ID=//p' <<<"$seed")
  ACCESS_TOKEN=$(sed -n 's/^ACCESS_TOKEN=//p' <<<"$seed")
  wrk_scenario "$target" "$url" initiate-auth-password InitiateAuth \
    "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"$CLIENT_ID\",\"AuthParameters\":{\"USERNAME\":\"bench1\",\"PASSWORD\":\"Bench-Passw0rd!\"}}"
  [[ "$FLAME" == true && "$target" == emulator ]] && wait_flame
  srp_scenario "$target" "$url"
  wrk_scenario "$target" "$url" get-user GetUser "{\"AccessToken\":\"$ACCESS_TOKEN\"}"
  wrk_scenario "$target" "$url" list-users-filter ListUsers \
    "{\"UserPoolId\":\"$POOL_ID\",\"Filter\":\"email = \\\"bench7@example.com\\\"\"}"
  # Last, as it grows the pool.
  wrk_scenario "$target" "$url" admin-create-user AdminCreateUser \
    "{\"UserPoolId\":\"$POOL_ID\",\"Username\":\"load-%UNIQUE%\",\"MessageAction\":\"SUPPRESS\",\"TemporaryPassword\":\"Bench-Passw0rd!\"}"
}

# The flame graph: async-profiler's agent, loaded into the running sample for the measured window.
start_flame() {
  local lib_dir="$BENCH_DIR/target/async-profiler"
  mkdir -p "$lib_dir"
  (cd "$lib_dir" && jar xf "$BENCH_JAR" linux-x64/libasyncProfiler.so)
  local event=cpu
  # perf events may be closed in a container; the interval timer works everywhere.
  if [[ "$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo 3)" -gt 1 && $(id -u) -ne 0 ]]; then event=itimer; fi
  FLAME_FILE="$OUT/flame-initiate-auth-password.html"
  log "profiling the sample ($event) for ${DURATION} s into $FLAME_FILE"
  # The options in quotes: jcmd would otherwise read "start,event" as an argument's name.
  local answer
  answer=$(jcmd "$SAMPLE_PID" JVMTI.agent_load "$lib_dir/linux-x64/libasyncProfiler.so" \
    "\"start,event=$event,interval=1ms,timeout=${DURATION},file=$FLAME_FILE\"" 2>&1 || true)
  echo "$answer" >> "$OUT/run.log"
  grep -q 'return code: 0' <<<"$answer" || log "could not load async-profiler into the sample (see $OUT/http/sample.log)"
}
wait_flame() {
  for _ in $(seq 1 50); do [[ -s "$FLAME_FILE" ]] && break; sleep 0.2; done
  [[ -s "$FLAME_FILE" ]] && log "flame graph: $FLAME_FILE" || log "no flame graph was written"
}

run_http() {
  mkdir -p "$OUT/http"
  local sample_flags=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints)
  log "starting the sample on port $PORT"
  start_sample "$PORT" "$OUT/http/sample.log" "${sample_flags[@]}"
  local started_ns
  started_ns=$(date +%s%N)
  wait_for_200 "http://127.0.0.1:$PORT/hello" "$started_ns" "$SAMPLE_PID" >/dev/null \
    || fail "the sample did not answer on $PORT (see $OUT/http/sample.log)"
  http_target emulator "http://127.0.0.1:$PORT/"
  jcmd "$SAMPLE_PID" GC.heap_info > "$OUT/http/sample-heap-after-load.txt" 2>&1 || true
  stop_pid "$SAMPLE_PID"
  if [[ "$PEER" == true ]]; then
    log "starting cognito-local on port $PEER_PORT"
    start_peer
    http_target cognito-local "http://127.0.0.1:$PEER_PORT/"
    stop_pid "$PEER_PID"
    # Its state (a JSON file per pool) is no result.
    rm -rf "$OUT/cognito-local"
  fi
}

# --- jmh ----------------------------------------------------------------------------------------------------------

run_jmh() {
  local quick=()
  [[ "$JMH_QUICK" == true ]] && quick=(-wi 1 -i 2 -w 1 -r 1)
  log "JMH: HotPathBenchmark"
  "$JAVA" -jar "$BENCH_JAR" HotPathBenchmark "${quick[@]}" -rf json -rff "$OUT/jmh-hot-paths.json" \
    >"$OUT/jmh-hot-paths.txt" 2>&1 || fail "JMH HotPathBenchmark ($OUT/jmh-hot-paths.txt)"
  log "JMH: SignInBenchmark"
  local sign_in=(-wi 2 -i 3)
  [[ "$JMH_QUICK" == true ]] && sign_in=("${quick[@]}")
  "$JAVA" -jar "$BENCH_JAR" SignInBenchmark "${sign_in[@]}" -rf json -rff "$OUT/jmh-sign-in.json" \
    >"$OUT/jmh-sign-in.txt" 2>&1 || fail "JMH SignInBenchmark ($OUT/jmh-sign-in.txt)"
  # The sign-in only: the target is about it, and the scale part measures the lookups at 100,000 users (the whole
  # benchmark, with its lookups at 20,000 users on H2, adds some 4 minutes: see README.md).
  log "JMH: StoreBenchmark.passwordSignIn"
  local store=(-wi 2 -i 4 -w 2 -r 3)
  [[ "$JMH_QUICK" == true ]] && store=("${quick[@]}")
  "$JAVA" -jar "$BENCH_JAR" 'StoreBenchmark.passwordSignIn' "${store[@]}" -rf json -rff "$OUT/jmh-store.json" \
    >"$OUT/jmh-store.txt" 2>&1 || fail "JMH StoreBenchmark ($OUT/jmh-store.txt)"
}

# --- scale --------------------------------------------------------------------------------------------------------

run_scale() {
  log "scale: one pool of $SCALE_USERS users, in-process"
  "$JAVA" -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp "$BENCH_JAR" io.github.cognitoemulator.bench.Scale \
    --users="$SCALE_USERS" >"$OUT/scale.json" 2> >(grep -v '^SLF4J' | tee "$OUT/scale.log" >&2) || fail "Scale"
  log "  $(cat "$OUT/scale.json")"
}

# --- startup ------------------------------------------------------------------------------------------------------

# The emulator off: cognito.emulator.enabled=false, and the sample's OAuth 2.0 login given a provider with fixed
# endpoints, as otherwise Spring Boot would fetch the discovery document of the real Cognito at startup.
OFF_FLAGS=(
  --cognito.emulator.enabled=false
  --spring.security.oauth2.client.registration.cognito.provider=offline
  --spring.security.oauth2.client.registration.cognito.authorization-grant-type=authorization_code
  "--spring.security.oauth2.client.registration.cognito.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}"
  --spring.security.oauth2.client.provider.offline.authorization-uri=http://127.0.0.1:9/oauth2/authorize
  --spring.security.oauth2.client.provider.offline.token-uri=http://127.0.0.1:9/oauth2/token
  --spring.security.oauth2.client.provider.offline.jwk-set-uri=http://127.0.0.1:9/jwks.json
  --spring.security.oauth2.client.provider.offline.user-name-attribute=username
)

run_startup() {
  local port=$((PORT + 1))
  local tsv="$OUT/startup.tsv"
  echo -e "run\tmode\tfirst_answer_ms\theap_used_kib" > "$tsv"
  for run in $(seq 1 "$STARTUP_RUNS"); do
    for mode in on off; do
      require_free_port "$port"
      local extra=()
      [[ "$mode" == off ]] && extra=("${OFF_FLAGS[@]}")
      local started_ns
      started_ns=$(date +%s%N)
      "$JAVA" -jar "$SAMPLE_JAR" --server.port="$port" --spring.profiles.active=dev "${extra[@]}" \
        >"$OUT/startup-$mode-$run.log" 2>&1 &
      local pid=$!
      STARTED_PIDS+=("$pid")
      local ms
      ms=$(wait_for_200 "http://127.0.0.1:$port/hello" "$started_ns" "$pid") \
        || fail "the sample ($mode) did not answer (see $OUT/startup-$mode-$run.log)"
      sleep 2
      jcmd "$pid" GC.run >/dev/null 2>&1 || true
      jcmd "$pid" GC.run >/dev/null 2>&1 || true
      local heap
      heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
      echo -e "$run\t$mode\t$ms\t${heap:-0}" >> "$tsv"
      log "startup $mode #$run: first answer after $ms ms, heap used after GC ${heap:-?} KiB"
      stop_pid "$pid"
    done
  done
}

# --- main ---------------------------------------------------------------------------------------------------------

machine_info
log "results in $OUT (parts: $PARTS)"
setup_tools
if wants setup && [[ "$BUILD" == true ]]; then build; fi
[[ -f "$BENCH_JAR" ]] || fail "$BENCH_JAR is missing: run with the setup part"
[[ -f "$SAMPLE_JAR" ]] || fail "$SAMPLE_JAR is missing: run with the setup part"
wants signing && run_signing
wants http && run_http
wants jmh && run_jmh
wants scale && run_scale
wants startup && run_startup
echo "load_end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
echo "suite_seconds: $(( $(date +%s) - SUITE_START ))" >> "$OUT/machine.txt"
bench_java io.github.cognitoemulator.bench.Report "$OUT" > "$OUT/results.md" || fail "the report"
cat "$OUT/results.md"
log "done in $(( $(date +%s) - SUITE_START )) s: $OUT/results.md"
