#!/usr/bin/env bash
# Fuzzes the running service against the OpenAPI document it serves: starts the server on
# 127.0.0.1 with a free port and an SQLite database file, runs schemathesis (every check, a bounded number of examples,
# a fixed seed), stops the server. Run from anywhere; .ci/run calls it.
# Needs schemathesis (`python3 -m pip install schemathesis`); extra arguments go to it.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c "import schemathesis" 2>/dev/null || {
  echo "schemathesis is not installed: python3 -m pip install schemathesis" >&2
  exit 1
}

key="schemathesis-key"
cargo build -q -p axum-service
target_dir=$(cargo metadata -q --format-version 1 --no-deps \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
# Schemathesis writes a cache (.schemathesis/) in its working directory: run it in a
# scratch one.
work=$(mktemp -d)
log="$work/server.log"
# The service stores into an SQLite file in the scratch directory (created with its schema).
RECEIVABLES_ADDR=127.0.0.1:0 RECEIVABLES_API_KEYS="$key" RECEIVABLES_RATE_LIMIT=1000000 \
  RECEIVABLES_DB="$work/receivables.db" \
  "$target_dir/debug/axum-service" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^listening on //p' "$log")
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; echo "the server exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$log"; echo "the server did not start" >&2; exit 1; }
echo "server at $url"

config="$PWD/examples/axum-service/schemathesis.toml"
cd "$work"
timeout 900 python3 -m schemathesis.cli --config-file "$config" \
  run "$url/openapi.json" \
  --checks all \
  --max-examples 20 \
  --seed 1 \
  --request-timeout 10 \
  --header "Authorization: Bearer $key" \
  "$@"
