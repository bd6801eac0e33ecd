#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for a bounded time each (cargo-fuzz, nightly toolchain).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 seconds, every target)
#
# FUZZ_JOBS=N runs N targets at once (default 1), each on a core of its own.
#
# The corpus is seeded from examples/catalogs, tests/fixtures/hostile, tests/compiled/catalogs,
# tests/malformed (one small catalog per diagnostic) and fuzz/seeds-extra: issue 17's cases
# (*.toml) and, in fuzz/seeds-extra/learned/TARGET/, the inputs of the last 20-minute
# campaign that cover what the other seeds do not (docs/robustness.md). What libFuzzer
# learns stays in fuzz/corpus/ (git-ignored) for the next run. Crashes, timeouts and
# out-of-memory inputs are written to fuzz/artifacts/TARGET/ and make the script fail.
# Per input: at most 10 s (-timeout) and 2 GiB (-rss_limit_mb), 64 KiB long (-max_len).
# Built without a sanitizer (`-s none`): the fuzzed crates have no unsafe code (the run
# time forbids it), so AddressSanitizer found nothing there, and without it the targets run
# 5-7x more inputs per CPU second (docs/robustness.md). FUZZ_SANITIZER=address brings it back.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(catalog_load emitters rust_names openapi_merge decode doc_blocks)
fi

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz.sh: the nightly toolchain is needed (rustup toolchain install nightly)" >&2
  exit 2
fi
if ! command -v cargo-fuzz >/dev/null; then
  echo "fuzz.sh: cargo-fuzz is needed (cargo install cargo-fuzz)" >&2
  exit 2
fi

# Seeds. The fuzz input is a small file system: parts separated by a line `%%` are
# root.toml, f1.toml, f2.toml... (see fuzz/fuzz_targets/common.rs).
rm -rf fuzz/seeds
seed_dir=fuzz/seeds/catalogs
mkdir -p "$seed_dir" fuzz/seeds/openapi
for f in examples/catalogs/*.toml tests/fixtures/hostile/*.toml tests/compiled/catalogs/*.toml \
    tests/malformed/*/*.toml fuzz/seeds-extra/*.toml; do
  [ -e "$f" ] || continue
  cp "$f" "$seed_dir/$(echo "$f" | tr '/' '_')"
done
# openapi_merge reads existing OpenAPI documents (JSON or YAML).
for f in docs/examples/*.openapi.json examples/axum-service/*.json tests/fixtures/openapi/*; do
  [ -e "$f" ] || continue
  cp "$f" "fuzz/seeds/openapi/$(echo "$f" | tr '/' '_')"
done
if [ -e examples/catalogs/showcase/errors.toml ]; then
  { sed 's/^include = \["auth.toml"\]/include = ["f1.toml"]/' examples/catalogs/showcase/errors.toml
    printf '\n%%%%\n'
    cat examples/catalogs/showcase/auth.toml
  } >"$seed_dir/showcase-with-include.toml"
fi

# doc_blocks reads markdown: the repository's, and its catalogs as text.
mkdir -p fuzz/seeds/markdown
for f in README.md docs/*.md examples/catalogs/*.toml; do
  [ -e "$f" ] || continue
  cp "$f" "fuzz/seeds/markdown/$(echo "$f" | tr '/' '_')"
done

# decode reads responses: two bytes of status (little-endian), a content-type byte, the
# body; seeded with the example bodies of the registries.
mkdir -p fuzz/seeds/responses
python3 - <<'PY'
import glob, json
for path in glob.glob("docs/examples/*.registry.json"):
    for e in json.load(open(path))["errors"]:
        for i, x in enumerate(e["examples"]):
            name = f"fuzz/seeds/responses/{e['code']}-{i}"
            with open(name, "wb") as f:
                f.write(e["status"].to_bytes(2, "little") + b"\0" + json.dumps(x["body"]).encode())
PY

mkdir -p fuzz/logs
sanitizer="${FUZZ_SANITIZER:-none}"
# The oracles (syn, proc-macro2, unicode-ident, semver) are built without coverage
# instrumentation: fuzz/rustc-wrapper.sh says why.
if [ -n "${RUSTC_WRAPPER:-}" ] && [ "$RUSTC_WRAPPER" != "$PWD/fuzz/rustc-wrapper.sh" ]; then
  export ERRCAT_FUZZ_NEXT_WRAPPER="$RUSTC_WRAPPER"
fi
export RUSTC_WRAPPER="$PWD/fuzz/rustc-wrapper.sh"
echo "== build (cargo +nightly fuzz build -O -s $sanitizer)"
build_start=$SECONDS
if ! cargo +nightly fuzz build -O -s "$sanitizer" >fuzz/logs/build.log 2>&1; then
  tail -n 30 fuzz/logs/build.log >&2
  echo "fuzz.sh: the fuzz targets do not build (fuzz/logs/build.log)" >&2
  exit 2
fi
echo "   built in $((SECONDS - build_start)) s"
# Runs one target; its report goes to fuzz/logs/TARGET.report, its exit status is the run's.
fuzz_one() {
  local target="$1"
  local corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  local log="fuzz/logs/$target.log"
  local seeds=fuzz/seeds/catalogs
  local dict=(-dict=fuzz/catalog.dict)
  if [ "$target" = openapi_merge ]; then
    seeds=fuzz/seeds/openapi
    dict=()
  fi
  if [ "$target" = decode ]; then
    seeds=fuzz/seeds/responses
    dict=()
  fi
  if [ "$target" = doc_blocks ]; then
    seeds=fuzz/seeds/markdown
    dict=(-dict=fuzz/markdown.dict)
  fi
  local learned=()
  if [ -d "fuzz/seeds-extra/learned/$target" ]; then
    learned=("fuzz/seeds-extra/learned/$target")
  fi
  if cargo +nightly fuzz run -O -s "$sanitizer" "$target" "$corpus" "$seeds" \
      ${learned[@]+"${learned[@]}"} -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      ${dict[@]+"${dict[@]}"} -print_final_stats=1 >"$log" 2>&1; then
    local runs cov
    runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -n 1 || true)
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 || true)
    echo "   ok: ${runs:-?} (${cov:-no coverage line}); corpus: $(find "$corpus" -type f | wc -l) inputs" \
      >"fuzz/logs/$target.report"
  else
    { echo "   FAILED: see $log; the input is in fuzz/artifacts/$target/"
      grep -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | head -n 20 || true
    } >"fuzz/logs/$target.report"
    return 1
  fi
}

# FUZZ_JOBS targets run at once (default 1; .ci/run uses one per core): each gets a core.
jobs="${FUZZ_JOBS:-1}"
status=0
pids=()
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${seconds}s"
  if [ "$jobs" -le 1 ]; then
    if fuzz_one "$target"; then
      cat "fuzz/logs/$target.report"
    else
      status=1
      cat "fuzz/logs/$target.report" >&2
    fi
    continue
  fi
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
    wait -n || true
  done
  fuzz_one "$target" &
  pids+=("$!")
done
if [ "$jobs" -gt 1 ]; then
  for i in "${!pids[@]}"; do
    echo "== ${targets[$i]}"
    if wait "${pids[$i]}"; then
      cat "fuzz/logs/${targets[$i]}.report"
    else
      status=1
      cat "fuzz/logs/${targets[$i]}.report" >&2
    fi
  done
fi
exit "$status"
