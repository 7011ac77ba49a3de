#!/usr/bin/env bash
# Runs third-party Cognito clients against the sample application: the AWS CLI v2 (the README walkthrough and
# error cases), amazon-cognito-identity-js, AWS Amplify JavaScript v6 (aws-amplify/auth), the AWS SDK for
# JavaScript v3, and the JWT libraries jose, jsonwebtoken + jwks-rsa and aws-jwt-verify. Installs what it needs,
# starts two instances of the sample (one with Cognito's issuer base URL), and prints one line "N passed, M failed";
# exits 1 when any step failed.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
cd "$ROOT"

JAR=cognito-emulator-sample/target/cognito-emulator-sample.jar
COGNITO_ISSUER_BASE=https://cognito-idp.us-east-1.amazonaws.com
STARTED=$SECONDS
WORK=$(mktemp -d)
RESULTS=$WORK/results.tsv
: >"$RESULTS"
SERVER_PIDS=()

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${SERVER_PIDS[@]}"; do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}

cleanup() {
  stop_servers
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

record_fail() {
  local detail
  detail=$(printf '%s' "$3" | tr '\n\t' '  ' | cut -c1-500)
  printf 'FAIL\t%s\t%s\t%s\n' "$1" "$2" "$detail" >>"$RESULTS"
  echo "interop FAILED: $1: $2: $detail"
}

record_pass() {
  printf 'PASS\t%s\t%s\n' "$1" "$2" >>"$RESULTS"
  echo "  ok   $1: $2"
}

# Prints the failures again and the summary line; exits 1 when any step failed.
summary() {
  local passed failed
  passed=$(grep -c '^PASS' "$RESULTS" || true)
  failed=$(grep -c '^FAIL' "$RESULTS" || true)
  echo "interop: $((SECONDS - STARTED)) s"
  if [[ $failed -gt 0 ]]; then
    local name
    for name in a b; do
      if [[ -s "$WORK/server-$name.log" ]]; then
        echo "--- last lines of the log of sample instance $name"
        tail -n 15 "$WORK/server-$name.log"
      fi
    done
    awk -F '\t' '$1 == "FAIL" { printf "interop FAILED: %s: %s: %s\n", $2, $3, $4 }' "$RESULTS"
    echo "$passed passed, $failed failed"
    exit 1
  fi
  echo "$passed passed, 0 failed"
}

setup_failed() {
  record_fail setup "$1" "$2"
  summary
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    return 1
  fi
}

# --- tools ------------------------------------------------------------------------------------------------------
command -v java >/dev/null 2>&1 || setup_failed "java" "no java on the PATH; a JDK 17 or newer is needed"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || setup_failed "node" "node and npm are needed"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[[ $NODE_MAJOR -ge 20 ]] || setup_failed "node" "Node 20 or newer is needed, found $(node --version)"

MISSING=()
[[ -x /usr/bin/aws ]] || MISSING+=(awscli)
command -v curl >/dev/null 2>&1 || MISSING+=(curl)
if [[ ${#MISSING[@]} -gt 0 ]]; then
  echo "interop: installing ${MISSING[*]}"
  { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${MISSING[@]}"; } \
    >"$WORK/apt.log" 2>&1 || setup_failed "apt-get install ${MISSING[*]}" "$(tail -n 5 "$WORK/apt.log")"
fi
# Debian's awscli; a pip-installed AWS CLI v1 may come first on the PATH, so it is called by path.
AWS_CLI=/usr/bin/aws
AWS_VERSION=$("$AWS_CLI" --version 2>&1 || true)
[[ $AWS_VERSION == aws-cli/2.* ]] || setup_failed "aws cli" "$AWS_CLI is not the AWS CLI v2: $AWS_VERSION"

if ! cmp -s interop/package-lock.json interop/node_modules/.interop-package-lock.json; then
  echo "interop: npm ci"
  (cd interop && npm ci --no-audit --no-fund --loglevel=error) >"$WORK/npm.log" 2>&1 ||
    setup_failed "npm ci" "$(tail -n 5 "$WORK/npm.log")"
  cp interop/package-lock.json interop/node_modules/.interop-package-lock.json
fi

if [[ ! -f "$JAR" ]]; then
  echo "interop: building the sample"
  ./mvnw -q -pl cognito-emulator-sample -am -DskipTests package >"$WORK/build.log" 2>&1 ||
    setup_failed "build the sample" "$(tail -n 10 "$WORK/build.log")"
fi

# --- servers ----------------------------------------------------------------------------------------------------
port_is_free() {
  node -e 'const s = require("net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), () => s.close(() => process.exit(0)));' "$1"
}

free_port() {
  node -e 'const s = require("net").createServer();
    s.listen(0, () => { const p = s.address().port; s.close(() => console.log(p)); });'
}

# The walkthrough is written for port 4566; another port is used only when that one is taken.
PORT_A=4566
if ! port_is_free "$PORT_A"; then
  PORT_A=$(free_port)
  echo "interop: port 4566 is taken; the walkthrough runs against port $PORT_A"
fi
PORT_B=$(free_port)
while [[ $PORT_B == "$PORT_A" ]]; do PORT_B=$(free_port); done

ARGS_A=(--spring.profiles.active=dev --server.port="$PORT_A")
ARGS_B=(--spring.profiles.active=dev --server.port="$PORT_B" --cognito.emulator.issuer-base-url="$COGNITO_ISSUER_BASE")

java -jar "$JAR" "${ARGS_A[@]}" >"$WORK/server-a.log" 2>&1 &
SERVER_PIDS+=($!)
java -jar "$JAR" "${ARGS_B[@]}" >"$WORK/server-b.log" 2>&1 &
SERVER_PIDS+=($!)

wait_until_up() {
  local name=$1 pid=$2 port=$3
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      setup_failed "start sample instance $name" "it exited: $(tail -n 5 "$WORK/server-$name.log")"
    fi
    if curl -sf -o /dev/null "http://localhost:$port/.well-known/jwks.json"; then
      return 0
    fi
    sleep 0.5
  done
  setup_failed "start sample instance $name" "no answer on port $port after 120 s"
}
wait_until_up a "${SERVER_PIDS[0]}" "$PORT_A"
wait_until_up b "${SERVER_PIDS[1]}" "$PORT_B"
echo "interop: sample on http://localhost:$PORT_A and, with Cognito's issuer, on http://localhost:$PORT_B"

# --- steps ------------------------------------------------------------------------------------------------------
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ENDPOINT_URL AWS_REGION AWS_DEFAULT_OUTPUT
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=$WORK/no-aws-config AWS_SHARED_CREDENTIALS_FILE=$WORK/no-aws-credentials
export AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export EMULATOR_URL="http://localhost:$PORT_A" COGNITO_ISSUER_EMULATOR_URL="http://localhost:$PORT_B"
export INTEROP_RESULTS=$RESULTS AWS_CLI

# Runs one script of steps; a script that dies or hangs without reporting a failure counts as one.
# STEPS_TIMEOUT overrides the 150 s a script may take.
run_steps() {
  local client=$1
  shift
  local before status=0 limit=${STEPS_TIMEOUT:-150}
  before=$(grep -c '^FAIL' "$RESULTS" || true)
  timeout "$limit" "$@" || status=$?
  if [[ $status -ne 0 && $(grep -c '^FAIL' "$RESULTS" || true) -eq $before ]]; then
    if [[ $status -eq 124 ]]; then
      record_fail "$client" "$*" "timed out after $limit s"
    else
      record_fail "$client" "$*" "exited with status $status"
    fi
  fi
}

echo "interop: AWS CLI ($AWS_VERSION)"
run_steps aws-cli bash interop/cli.sh
echo "interop: amazon-cognito-identity-js"
run_steps amazon-cognito-identity-js node interop/identity-js.mjs
echo "interop: amazon-cognito-identity-js remembering devices"
run_steps amazon-cognito-identity-js node interop/devices.mjs
echo "interop: aws-amplify (aws-amplify/auth)"
run_steps aws-amplify node interop/amplify.mjs
echo "interop: @aws-sdk/client-cognito-identity-provider"
run_steps @aws-sdk/client-cognito-identity-provider node interop/sdk-v3.mjs
echo "interop: jose, jsonwebtoken + jwks-rsa, aws-jwt-verify"
run_steps jwt node interop/jwt.mjs
echo "interop: terraform with the AWS provider"
STEPS_TIMEOUT=400 run_steps terraform bash interop/terraform.sh

echo "interop: SRP vectors"
VECTORS=cognito-emulator-core/src/test/resources/srp/vectors.json
if node interop/srp-vectors.mjs >"$WORK/vectors.json" 2>"$WORK/vectors.err" && cmp -s "$WORK/vectors.json" "$VECTORS"; then
  record_pass amazon-cognito-identity-js "srp-vectors.mjs regenerates $VECTORS exactly"
else
  record_fail amazon-cognito-identity-js "srp-vectors.mjs regenerates $VECTORS exactly" \
    "$(cat "$WORK/vectors.err") $(diff "$WORK/vectors.json" "$VECTORS" | head -n 5)"
fi

stop_servers
summary
