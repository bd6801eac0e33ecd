#!/usr/bin/env bash
# Every file the repository commits that errcat generates, in one list:
#
#   scripts/generated.sh check       (CI: exit 1 with a diff when one is stale)
#   scripts/generated.sh generate    (after a change to a catalog or an emitter)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: scripts/generated.sh check|generate}
case $mode in check | generate) ;; *) echo "usage: scripts/generated.sh check|generate" >&2; exit 2 ;; esac
errcat() { cargo run -q -p errcat-cli -- "$mode" "$@"; }

errcat examples/catalogs/showcase/errors.toml --markdown docs/examples/showcase.md \
  --openapi docs/examples/showcase.openapi.json --registry docs/examples/showcase.registry.json \
  --site docs/examples/showcase-site
for name in envelope kapwork classic-http; do
  errcat "examples/catalogs/$name.toml" --markdown "docs/examples/$name.md" \
    --openapi "docs/examples/$name.openapi.json" --registry "docs/examples/$name.registry.json"
done
errcat examples/catalogs/validation.toml --markdown docs/examples/validation.md \
  --openapi docs/examples/validation.openapi.json
errcat examples/committed/errors.toml --rust examples/committed/src/errors.rs
errcat examples/axum-service/errors.toml \
  --merge-into examples/axum-service/openapi.paths.json --openapi examples/axum-service/openapi.json
