#!/usr/bin/env bash
# Generation cost in instructions (callgrind), errcat against `toml` parsing the same text
# (docs/performance.md, section 1). Instruction counts do not depend on the machine's load.
#
#   scripts/bench-generate.sh [N...]       (default: 10 100 1000 10000)
#
# For each synthetic catalog of N errors (written to target/bench-catalogs/ by gen-catalog),
# counts the instructions of `perf-generate MODE FILE` for MODE = read (reading the file:
# the fixed cost every mode includes, subtracted from the others), toml, load, rust,
# markdown, openapi (each: load + that emitter; the load is subtracted in the table) and all
# (load + validate + the three emitters), and prints millions of instructions and the
# ratios all/toml and growth all(N)/all(previous N).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 1000 10000)
target=${CARGO_TARGET_DIR:-target}
cargo build -q --release -p errcat-benches --bin perf-generate --bin gen-catalog
dir=target/bench-catalogs
"$target/release/gen-catalog" "$dir" "${sizes[@]}" >/dev/null

count() { # mode file -> instructions
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$target/release/perf-generate" "$1" "$2" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

modes=(toml load rust markdown openapi all)
printf '%7s %9s' errors bytes
for m in "${modes[@]}"; do printf ' %10s' "$m"; done
printf ' %9s %9s\n' all/toml growth
prev=""
for n in "${sizes[@]}"; do
    file=$dir/errors-$n.toml
    base=$(count read "$file")
    declare -A mi=()
    for m in "${modes[@]}"; do
        mi[$m]=$(( $(count "$m" "$file") - base ))
    done
    printf '%7s %9s' "$n" "$(wc -c <"$file")"
    for m in "${modes[@]}"; do
        x=${mi[$m]}
        case $m in rust | markdown | openapi) x=$((x - mi[load])) ;; esac
        awk -v x="$x" 'BEGIN { printf " %10.2f", x / 1e6 }'
    done
    growth=-
    [ -n "$prev" ] && growth=$(awk -v a="${mi[all]}" -v b="$prev" 'BEGIN { printf "%.2f", a / b }')
    awk -v a="${mi[all]}" -v b="${mi[toml]}" -v g="$growth" 'BEGIN { printf " %9.2f %9s\n", a / b, g }'
    prev=${mi[all]}
    unset mi
done
echo "(millions of instructions, the cost of reading the file subtracted; rust, markdown and"
echo " openapi: that emitter alone, i.e. load+emitter minus load; all: load + the three emitters)"
