#!/usr/bin/env bash
# RUSTC_WRAPPER of scripts/fuzz.sh: compiles the crates the fuzz targets use as oracles
# without libFuzzer's coverage instrumentation (the `sancov-module` pass cargo-fuzz adds to
# RUSTFLAGS), so that neither their code nor the edges they cover slow every input down:
#
# - syn, proc-macro2, unicode-ident: parse the generated Rust (emitters, rust_names);
# - semver: the deprecated_semver oracle of rust_names;
# - pulldown_cmark, unicase, bitflags: the markdown parser of doc_blocks.
#
# They still run, and a panic in them still fails the target; libFuzzer only stops being
# guided by what happens inside them (docs/robustness.md, "What each target does per input").
# The code under test (errcat's crates and what they read their input with: toml,
# serde_json, serde_yaml_ng, annotate-snippets) keeps its instrumentation.
#
# A wrapper set before (sccache...) is kept: scripts/fuzz.sh passes it on in
# ERRCAT_FUZZ_NEXT_WRAPPER.
set -euo pipefail
rustc="$1"
shift
next=()
if [ -n "${ERRCAT_FUZZ_NEXT_WRAPPER:-}" ]; then
  next=("$ERRCAT_FUZZ_NEXT_WRAPPER")
fi
crate=
prev=
for arg in "$@"; do
  if [ "$prev" = --crate-name ]; then
    crate="$arg"
    break
  fi
  prev="$arg"
done
case "$crate" in
  syn | proc_macro2 | unicode_ident | semver | pulldown_cmark | unicase | bitflags)
    args=()
    for arg in "$@"; do
      [ "$arg" = -Cpasses=sancov-module ] || args+=("$arg")
    done
    exec ${next[@]+"${next[@]}"} "$rustc" "${args[@]}"
    ;;
esac
exec ${next[@]+"${next[@]}"} "$rustc" "$@"
