#!/usr/bin/env bash
# AWS CLI v2 steps: the README's walkthrough, run as written, and Cognito's errors as the CLI reports them.
#
#   interop/cli.sh                 run the steps (run.sh sets EMULATOR_URL, INTEROP_RESULTS and AWS_CLI;
#                                  INTEROP_README names another README to take the walkthrough from)
#   interop/cli.sh --extract FILE  print the walkthrough script found in FILE (a README) and exit
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")

# Prints the ```sh blocks between <!-- walkthrough:start --> and <!-- walkthrough:end --> of a Markdown file.
# Fails when the markers are missing, repeated or out of order, or when no block lies between them.
extract_walkthrough() {
  awk '
    /^<!-- walkthrough:start -->[[:space:]]*$/ { starts++; if (inside || ended) bad = 1; inside = 1; next }
    /^<!-- walkthrough:end -->[[:space:]]*$/   { ends++; if (!inside || fence || other) bad = 1; inside = 0; ended = 1; next }
    inside && other { if (/^```[[:space:]]*$/) other = 0; next }
    inside && fence && /^```[[:space:]]*$/ { fence = 0; print ""; next }
    inside && fence { print; next }
    inside && /^```(sh|bash|shell)[[:space:]]*$/ { fence = 1; blocks++; next }
    inside && /^```/ { other = 1; next }
    END {
      if (starts != 1 || ends != 1 || bad) { print "walkthrough markers missing or unbalanced" > "/dev/stderr"; exit 3 }
      if (blocks == 0) { print "no ```sh block between the walkthrough markers" > "/dev/stderr"; exit 4 }
    }
  ' "$1"
}

if [[ "${1:-}" == "--extract" ]]; then
  extract_walkthrough "${2:?usage: cli.sh --extract README.md}"
  exit 0
fi

: "${EMULATOR_URL:?set by interop/run.sh}"
: "${INTEROP_RESULTS:?set by interop/run.sh}"
AWS_CLI=${AWS_CLI:-/usr/bin/aws}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

pass() {
  printf 'PASS\t%s\t%s\n' "$1" "$2" >>"$INTEROP_RESULTS"
  echo "  ok   $1: $2"
}

fail() {
  local detail
  detail=$(printf '%s' "$3" | tr '\n\t' '  ' | cut -c1-500)
  printf 'FAIL\t%s\t%s\t%s\n' "$1" "$2" "$detail" >>"$INTEROP_RESULTS"
  echo "interop FAILED: $1: $2: $detail"
}

cognito() {
  "$AWS_CLI" cognito-idp --endpoint-url "$EMULATOR_URL" "$@"
}

# ---------------------------------------------------------------------------------------------------------------
# The README walkthrough, run as written. An `aws` first on the PATH resolves to the AWS CLI v2.
WALKTHROUGH=aws-cli-walkthrough
mkdir -p "$WORK/bin"
ln -s "$AWS_CLI" "$WORK/bin/aws"
README=${INTEROP_README:-$ROOT/README.md}
if extract_walkthrough "$README" >"$WORK/walkthrough.sh" 2>"$WORK/extract.err"; then
  pass "$WALKTHROUGH" "README has the walkthrough markers and sh blocks"
  if [[ "$EMULATOR_URL" != "http://localhost:4566" ]]; then
    sed -i "s#http://localhost:4566#${EMULATOR_URL}#g" "$WORK/walkthrough.sh"
  fi
  if PATH="$WORK/bin:$PATH" bash -O expand_aliases -e -o pipefail "$WORK/walkthrough.sh" \
    >"$WORK/walkthrough.out" 2>"$WORK/walkthrough.err" </dev/null; then
    pass "$WALKTHROUGH" "the walkthrough runs to the end with exit status 0"
  else
    fail "$WALKTHROUGH" "the walkthrough runs to the end with exit status 0" \
      "exit $?; stderr: $(tail -c 400 "$WORK/walkthrough.err")"
  fi
  node "$HERE/walkthrough-check.mjs" "$WORK/walkthrough.sh" "$WORK/walkthrough.out" || true
else
  fail "$WALKTHROUGH" "README has the walkthrough markers and sh blocks" "$(cat "$WORK/extract.err")"
fi

# ---------------------------------------------------------------------------------------------------------------
# Errors, checked by the exception name and message the CLI prints.
ERRORS=aws-cli

# expect_error STEP EXCEPTION OPERATION MESSAGE -- COMMAND...
expect_error() {
  local step=$1 exception=$2 operation=$3 message=$4
  shift 5
  local status=0
  "$@" >"$WORK/error.out" 2>"$WORK/error.err" || status=$?
  local expected="An error occurred (${exception}) when calling the ${operation} operation: ${message}"
  if [[ $status -eq 0 ]]; then
    fail "$ERRORS" "$step" "expected ${exception} but the command succeeded: $(head -c 200 "$WORK/error.out")"
  elif ! grep -qF "(${exception})" "$WORK/error.err"; then
    fail "$ERRORS" "$step" "expected ${exception} but stderr was: $(tr '\n' ' ' <"$WORK/error.err" | head -c 300)"
  elif ! grep -qxF "$expected" <(sed 's/[[:space:]]*$//' "$WORK/error.err"); then
    fail "$ERRORS" "$step" "expected '${expected}' but stderr was: $(tr '\n' ' ' <"$WORK/error.err" | head -c 300)"
  else
    pass "$ERRORS" "$step"
  fi
}

setup_ok=true
{
  POOL_ID=$(cognito create-user-pool --pool-name interop-cli --query UserPool.Id --output text) &&
    PASSWORD_CLIENT=$(cognito create-user-pool-client --user-pool-id "$POOL_ID" --client-name password \
      --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH \
      --query UserPoolClient.ClientId --output text) &&
    SRP_CLIENT=$(cognito create-user-pool-client --user-pool-id "$POOL_ID" --client-name srp \
      --explicit-auth-flows ALLOW_USER_SRP_AUTH ALLOW_REFRESH_TOKEN_AUTH \
      --query UserPoolClient.ClientId --output text) &&
    cognito admin-create-user --user-pool-id "$POOL_ID" --username henry \
      --temporary-password 'Temp-Pass-1' --message-action SUPPRESS >/dev/null &&
    cognito admin-set-user-password --user-pool-id "$POOL_ID" --username henry \
      --password 'Henry-Pass-1' --permanent &&
    TOKEN_TYPE=$(cognito initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id "$PASSWORD_CLIENT" \
      --auth-parameters 'USERNAME=henry,PASSWORD=Henry-Pass-1' \
      --query AuthenticationResult.TokenType --output text)
} 2>"$WORK/setup.err" || setup_ok=false

if ! $setup_ok; then
  fail "$ERRORS" "setup: pool, clients and a user; initiate-auth with the right password" \
    "$(tr '\n' ' ' <"$WORK/setup.err" | head -c 400)"
elif [[ ! "$POOL_ID" =~ ^us-east-1_[0-9A-Za-z]{9}$ || ! "$PASSWORD_CLIENT" =~ ^[a-z0-9]{26}$ || "$TOKEN_TYPE" != "Bearer" ]]; then
  fail "$ERRORS" "setup: pool, clients and a user; initiate-auth with the right password" \
    "pool id '$POOL_ID', client id '$PASSWORD_CLIENT', token type '$TOKEN_TYPE'"
else
  pass "$ERRORS" "setup: pool, clients and a user; initiate-auth with the right password"

  expect_error "admin-get-user for an unknown user: UserNotFoundException" \
    UserNotFoundException AdminGetUser "User does not exist." -- \
    cognito admin-get-user --user-pool-id "$POOL_ID" --username nobody

  expect_error "admin-set-user-password with a weak password: InvalidPasswordException" \
    InvalidPasswordException AdminSetUserPassword "Password does not conform to policy: Password not long enough" -- \
    cognito admin-set-user-password --user-pool-id "$POOL_ID" --username henry --password 'Sh0rt!' --permanent

  expect_error "initiate-auth with a wrong password: NotAuthorizedException" \
    NotAuthorizedException InitiateAuth "Incorrect username or password." -- \
    cognito initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id "$PASSWORD_CLIENT" \
    --auth-parameters 'USERNAME=henry,PASSWORD=Wrong-Pass-1'

  expect_error "initiate-auth with a flow the client lacks: InvalidParameterException" \
    InvalidParameterException InitiateAuth "USER_PASSWORD_AUTH flow not enabled for this client" -- \
    cognito initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id "$SRP_CLIENT" \
    --auth-parameters 'USERNAME=henry,PASSWORD=Henry-Pass-1'

  expect_error "list-users with an unquoted filter value: InvalidParameterException" \
    InvalidParameterException ListUsers "Error while parsing filter." -- \
    cognito list-users --user-pool-id "$POOL_ID" --filter 'username = henry'
fi
