#!/usr/bin/env bash
# Compile time of errcat's generated code against the same errors written by hand with
# thiserror (docs/performance.md, section 2).
#
#   scripts/bench-compile.sh [RUNS] [N...]        (default: 3 runs, N = 1000 5000)
#   BENCH_KINDS="errcat-causes thiserror-causes" scripts/bench-compile.sh ...
#                                                 (the catalog where errors carry causes;
#                                                 BENCH_PROFILES="debug" for one profile)
#
# Creates target/bench-compile/{errcat,thiserror}-N (stand-alone crates sharing the target
# directory target/bench-compile/target), builds every dependency once per profile, then
# for each crate and profile: `cargo clean -p CRATE` + `cargo build` (the crate from clean,
# its dependencies cached), RUNS times, and prints the fastest wall-clock seconds and the
# CPU seconds (user+sys of cargo and rustc) of that run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-3}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)
out=$root/target/bench-compile
mkdir -p "$out"

cargo build -q --release -p errcat-benches --bin bench-compile-gen
for n in "${sizes[@]}"; do
    "${CARGO_TARGET_DIR:-$root/target}/release/bench-compile-gen" "$n" "$out" "$root"
done
export CARGO_TARGET_DIR=$out/target

# Seconds (wall, cpu) of one `cargo build` of an already built crate after touching it.
time_build() { # dir profile-flag
    local dir=$1 flag=$2 t
    # `cargo clean -p` drops the crate's artifacts and its incremental cache: a touch alone
    # lets the incremental cache replay most of a debug build of unchanged source.
    cargo clean -q $flag -p "$(basename "$dir" | sed 's/^/bench-/')" --manifest-path "$dir/Cargo.toml"
    /usr/bin/time -o "$out/time.txt" -f '%e %U %S' cargo build -q $flag --manifest-path "$dir/Cargo.toml" >/dev/null
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$out/time.txt"
}

printf '%-16s %-8s %10s %10s\n' crate profile wall_s cpu_s
for profile in ${BENCH_PROFILES:-debug release}; do
    flag=""; [ "$profile" = release ] && flag=--release
    for n in "${sizes[@]}"; do
        for kind in ${BENCH_KINDS:-errcat thiserror}; do
            dir=$out/$kind-$n
            # Dependencies (and the crate itself) once, untimed.
            cargo build -q $flag --manifest-path "$dir/Cargo.toml"
            best_wall=""; best_cpu=""
            for _ in $(seq "$runs"); do
                read -r wall cpu < <(time_build "$dir" "$flag")
                if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
                    best_wall=$wall; best_cpu=$cpu
                fi
            done
            printf '%-16s %-8s %10s %10s\n' "$kind-$n" "$profile" "$best_wall" "$best_cpu"
        done
    done
done
