#!/usr/bin/env bash
# Renders the showcase catalog's page (pandoc, GitHub's dialect, raw HTML off) and one page
# of its site (mdbook) in headless Chromium, and writes the screenshots committed under
# docs/screenshots/. Not part of CI: run it after changing the markdown or site emitters,
# and look at the pictures. Needs pandoc, mdbook and chromium (apt-get install chromium);
# pngquant, when installed, makes the PNGs small.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

shot() { # URL FILE WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --user-data-dir="$tmp/profile" --hide-scrollbars \
    --window-size="$3,$4" --screenshot="$2" "$1" 2>/dev/null
  if command -v pngquant >/dev/null; then
    pngquant --quality=60-90 --speed 1 --force --output "$2" "$2"
  fi
}

pandoc -f gfm-raw_html -t html -s --metadata pagetitle="Acme Billing API errors" \
  docs/examples/showcase.md -o "$tmp/showcase.html"
shot "file://$tmp/showcase.html" "$out/showcase-page.png" 1000 2600

mdbook build docs/examples/showcase-site --dest-dir "$tmp/book" >/dev/null
shot "file://$tmp/book/errors/payment_failed.html" "$out/showcase-site-payment_failed.png" 1300 850
ls -l "$out"
