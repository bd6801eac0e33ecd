#!/usr/bin/env bash
# The generated docs as readers get them (docs/ci.md): every example page rendered with
# pandoc (GitHub's dialect, raw HTML off) and markdown-it (default options), then the
# showcase catalog's site built with the real mdBook and its links and docs URLs checked.
# Installs pandoc (apt), markdown-it (tools/package.json) and mdbook (crates.io) when
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pandoc >/dev/null; then
  apt-get update -qq && apt-get install -y -qq pandoc >/dev/null
fi
test -d tools/node_modules/markdown-it || npm ci --prefix tools --silent
python3 scripts/check-markdown.py docs/examples/*.md

# Only the `search` feature (the book's search box): `watch` and `serve` (tokio, axum,
# notify) are for authors previewing a book and would double the build.
if ! command -v mdbook >/dev/null; then
  start=$SECONDS
  cargo install --locked --quiet mdbook --no-default-features --features search
  echo "installed mdbook in $((SECONDS - start)) s"
fi
mdbook --version
book=$(mktemp -d)
trap 'rm -rf "$book"' EXIT
# The committed site is current (errcat check, run just before in .ci/run) and builds.
mdbook build docs/examples/showcase-site --dest-dir "$book" >/dev/null
python3 scripts/check-site.py examples/catalogs/showcase/errors.toml "$book"
