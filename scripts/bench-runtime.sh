#!/usr/bin/env bash
# Run-time cost of the generated code in instructions per operation (callgrind), for a
# synthetic catalog of 10,000 errors (docs/performance.md, section 3).
#
#   scripts/bench-runtime.sh [K]        (default K = 30000 operations)
#
# For each operation, instructions = (count(OP, K) - count(OP, 0)) / K, so the setup both
# runs share (process start, building the HashMap) cancels out.
set -euo pipefail
cd "$(dirname "$0")/.."
k=${1:-30000}
target=${CARGO_TARGET_DIR:-target}
cargo build -q --release -p errcat-benches --bin perf-runtime

count() { # op iters -> instructions
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$target/release/perf-runtime" "$1" "$2" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

declare -A per
for op in lookup-errcat lookup-proto lookup-hashmap lookup-phf status display display-handwritten body; do
    zero=$(count "$op" 0)
    full=$(count "$op" "$k")
    per[$op]=$(awk -v a="$full" -v b="$zero" -v k="$k" 'BEGIN { printf "%.1f", (a - b) / k }')
    printf '%-20s %8s instructions/op\n' "$op" "${per[$op]}"
done
awk -v e="${per[lookup-errcat]}" -v h="${per[lookup-hashmap]}" -v p="${per[lookup-phf]}" \
    -v d="${per[display]}" -v w="${per[display-handwritten]}" 'BEGIN {
    printf "lookup errcat/HashMap %.2f, errcat/phf %.2f; display errcat/handwritten %.2f\n", e / h, e / p, d / w }'
