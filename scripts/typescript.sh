#!/usr/bin/env bash
# The TypeScript output, checked with the tools its users run: for every example catalog
# (and examples/axum-service's, and the catalogs of tests/node/fixtures),
# `errcat generate --typescript --registry`, then
# `tsc --strict` with default options (and with a modern target and module), then Node
# tests (node:test): the decoder on the bodies of every example (tests/node/examples.test.cjs)
# and on the real responses of the running service (tests/node/axum.test.cjs).
# Tools are pinned in tools/package.json (npm ci --prefix tools). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x tools/node_modules/.bin/tsc ] || npm ci --prefix tools --no-audit --no-fund
tsc=tools/node_modules/.bin/tsc

work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

cargo build -q -p errcat-cli -p axum-service
target_dir=$(cargo metadata -q --format-version 1 --no-deps \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
errcat="$target_dir/debug/errcat"
for catalog in examples/catalogs/*.toml examples/catalogs/showcase/errors.toml examples/axum-service/errors.toml \
  tests/node/fixtures/*.toml; do
  case "$catalog" in
    */showcase/errors.toml) name=showcase ;;
    */axum-service/errors.toml) name=axum-service ;;
    *) name=$(basename "$catalog" .toml) ;;
  esac
  "$errcat" generate -q "$catalog" --typescript "$work/$name.ts" --registry "$work/$name.registry.json"
  # Default options: what `tsc --strict file.ts` does for a user.
  (cd "$work" && "$OLDPWD/$tsc" --strict --noEmit "$name.ts")
done
(cd "$work" && "$OLDPWD/$tsc" --strict --noUnusedLocals --noUnusedParameters --noImplicitReturns \
  --target es2022 --module commonjs --outDir js ./*.ts)
echo "tsc --strict: $(ls "$work"/*.ts | wc -l) modules"

ERRCAT_TS_DIR="$work" node --test tests/node/examples.test.cjs

key_list=$(python3 -c 'import json; n=json.load(open("examples/client/cases.json"))["keys"]; print(",".join(f"key-{i}" for i in range(n)))')
read -r rate body_limit < <(python3 -c 'import json; c=json.load(open("examples/client/cases.json")); print(c["rate_limit"], c["body_limit"])')
log="$work/server.log"
RECEIVABLES_ADDR=127.0.0.1:0 RECEIVABLES_API_KEYS="$key_list" RECEIVABLES_RATE_LIMIT="$rate" \
  RECEIVABLES_BODY_LIMIT="$body_limit" "$target_dir/debug/axum-service" >"$log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^listening on //p' "$log")
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; echo "the server exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$log"; echo "the server did not start" >&2; exit 1; }
ERRCAT_TS_DIR="$work" ERRCAT_SERVICE_URL="$url" node --test tests/node/axum.test.cjs
