#!/usr/bin/env bash
# The TypeScript output, checked with the tools its users run: for every example catalog
# (and examples/axum-service's, and the catalogs of tests/node/fixtures),
# `errcat generate --typescript --registry`, then
# `tsc --strict` with default options (and with a modern target and module), then Node
# tests (node:test): the decoder on the bodies of every example and mutations of them
# (tests/node/examples.test.cjs), on floats in messages (tests/node/floats.test.cjs) and on
# the real responses of the running service (tests/node/axum.test.cjs).
# Tools are pinned in tools/package.json (npm ci --prefix tools). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x tools/node_modules/.bin/tsc ] || npm ci --prefix tools --no-audit --no-fund
tsc=tools/node_modules/.bin/tsc

. scripts/client-env.sh
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

ERRCAT_TS_DIR="$work" node --test tests/node/examples.test.cjs tests/node/floats.test.cjs

start_service
ERRCAT_TS_DIR="$work" ERRCAT_SERVICE_URL="$url" node --test tests/node/axum.test.cjs
