#!/usr/bin/env bash
# progenitor, the Rust OpenAPI client generator, on errcat's OpenAPI 3.0.3 output: the
# document of examples/axum-service (`errcat generate --merge-into openapi.paths.json
# --openapi-version 3.0`) becomes a Rust client (tools/progenitor-check, progenitor
# 0.15.1 pinned by its Cargo.lock), which must compile code matching on its typed errors,
# read every example of every error response as its code, and read the error responses of
# the running service as theirs (tools/progenitor-check/src/main.rs says what is checked;
# README.md, "Clients", what progenitor gives). Needs crates.io the first time (about 120
# crates). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/client-env.sh
"$errcat" generate -q examples/axum-service/errors.toml \
  --merge-into examples/axum-service/openapi.paths.json \
  --openapi "$work/openapi-3.0.json" --openapi-version 3.0

export ERRCAT_OPENAPI="$work/openapi-3.0.json"
cargo build -q --locked --manifest-path tools/progenitor-check/Cargo.toml \
  --target-dir "$target_dir/progenitor-check"
# The document alone, then with the running service.
"$target_dir/progenitor-check/debug/progenitor-check"
start_service
ERRCAT_SERVICE_URL="$url" "$target_dir/progenitor-check/debug/progenitor-check"
