#!/usr/bin/env bash
# What each way of using errcat adds to a user's build (docs/performance.md, sections 4-5).
#
#   scripts/bench-footprint.sh [RUNS]        (default: 1 clean build per crate and profile)
#
# Creates three example crates in target/bench-footprint/ that already use serde (derive)
# and thiserror, with a 100-error synthetic catalog:
#   base    serde + thiserror only;
#   build   + errcat (default features off) and errcat-codegen as a build-dependency
#           (build.rs: errcat_codegen::compile);
#   macros  + errcat with its default `macros` feature (errcat::catalog!).
# For each: the crates `cargo tree` lists (normal + build edges) and those it adds to base,
# the seconds of a clean `cargo build` (wall and CPU, debug and release, each crate in its
# own target directory, fastest of RUNS), the per-crate compile times of the errcat crates
# (cargo --timings), and whether a no-op rebuild (`cargo build -v` again) reruns anything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-1}
out=$root/target/bench-footprint
mkdir -p "$out"
target=${CARGO_TARGET_DIR:-$root/target}
cargo build -q --release -p errcat-benches --bin gen-catalog
"$target/release/gen-catalog" "$out" 100 >/dev/null

write() { # path (contents on stdin); leaves an identical file alone
    mkdir -p "$(dirname "$1")"
    local tmp
    tmp=$(mktemp)
    cat >"$tmp"
    if cmp -s "$tmp" "$1" 2>/dev/null; then rm -f "$tmp"; else mv "$tmp" "$1"; fi
}

common_deps='serde = { version = "1", features = ["derive"] }
thiserror = "2"'
common_src='/// A type of the crate that uses serde.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Invoice {
    /// Its id.
    pub id: String,
    /// Its amount in cents.
    pub amount: u64,
}

/// An error the crate already had.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not found.
    #[error("invoice {0} not found")]
    NotFound(String),
}
'
for kind in base build macros; do
    dir=$out/$kind
    mkdir -p "$dir/src"
    cmp -s "$out/errors-100.toml" "$dir/errors.toml" || cp "$out/errors-100.toml" "$dir/errors.toml"
    deps=$common_deps
    build_deps=""
    src=$common_src
    case $kind in
    build)
        deps="$deps
errcat = { path = \"$root\", default-features = false }"
        build_deps="[build-dependencies]
errcat-codegen = { path = \"$root/codegen\", default-features = false }"
        src="$src
include!(concat!(env!(\"OUT_DIR\"), \"/errors.rs\"));"
        write "$dir/build.rs" <<'RS'
fn main() -> Result<(), Box<dyn std::error::Error>> {
    errcat_codegen::compile("errors.toml")?;
    Ok(())
}
RS
        ;;
    macros)
        deps="$deps
errcat = { path = \"$root\" }"
        src="$src
errcat::catalog!(\"errors.toml\");"
        ;;
    esac
    write "$dir/Cargo.toml" <<TOML
[package]
name = "footprint-$kind"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$deps

$build_deps

# Not part of the errcat workspace.
[workspace]
TOML
    printf '//! errcat footprint example (%s).\n\n%s\n' "$kind" "$src" | write "$dir/src/lib.rs"
done

packages() { # dir -> sorted unique package names (normal + build edges)
    cargo tree -q --manifest-path "$1/Cargo.toml" -e normal,build --prefix none 2>/dev/null |
        sed 's/ (\*)$//; s/ (proc-macro)$//; s/ (.*)$//' | awk '{ print $1 }' | sort -u
}

echo "== cargo tree (normal + build edges, distinct packages, the crate itself included)"
packages "$out/base" >"$out/base.packages"
for kind in base build macros; do
    packages "$out/$kind" >"$out/$kind.packages"
    added=$(comm -13 "$out/base.packages" "$out/$kind.packages" | grep -v "^footprint-" || true)
    printf '%-7s %3d crates, %3d added to base: %s\n' "$kind" "$(wc -l <"$out/$kind.packages")" \
        "$(grep -c . <<<"$added" || true)" "$(tr '\n' ' ' <<<"$added")"
done

echo
echo "== clean cargo build (seconds, fastest of $runs; each crate in its own target dir)"
printf '%-7s %-8s %8s %8s\n' crate profile wall cpu
for profile in debug release; do
    flag=""; [ "$profile" = release ] && flag=--release
    for kind in base build macros; do
        dir=$out/$kind
        best_wall=""; best_cpu=""
        for _ in $(seq "$runs"); do
            rm -rf "$out/target-$kind"
            CARGO_TARGET_DIR=$out/target-$kind /usr/bin/time -o "$out/time.txt" -f '%e %U %S' \
                cargo build -q $flag --timings --manifest-path "$dir/Cargo.toml" >/dev/null 2>&1
            read -r wall cpu < <(awk '{ printf "%.1f %.1f\n", $1, $2 + $3 }' "$out/time.txt")
            if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
                best_wall=$wall; best_cpu=$cpu
                cp "$(ls -t "$out/target-$kind/cargo-timings/"cargo-timing-2*.html | head -1)" "$out/timing-$kind-$profile.html"
            fi
        done
        printf '%-7s %-8s %8s %8s\n' "$kind" "$profile" "$best_wall" "$best_cpu"
    done
done

echo
echo "== compile seconds per crate (cargo --timings of the runs above; crates errcat adds, and serde_derive)"
for profile in debug release; do
    for kind in build macros; do
        python3 - "$out/timing-$kind-$profile.html" "$kind" "$profile" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
m = re.search(r"const UNIT_DATA = (\[.*?\]);", html, re.S)
units = json.loads(m.group(1)) if m else []
keep = ("errcat", "serde_derive", "syn", "toml", "prettyplease", "serde_json", "serde_yaml", "annotate", "strsim", "proc-macro2", "quote", "winnow", "indexmap", "hashbrown", "unsafe-libyaml", "serde_spanned", "toml_parser", "toml_datetime", "memchr", "itoa", "ryu", "unicode", "anstyle", "equivalent")
rows = [(u["name"] + (" (build script)" if u.get("target", "").strip().startswith("build") or "build-script" in u.get("target","") else ""), u["duration"]) for u in units if u["name"].startswith(keep)]
print(f"{sys.argv[2]:7} {sys.argv[3]:8}", ", ".join(f"{n} {d:.1f}" for n, d in sorted(rows, key=lambda r: -r[1])))
PY
    done
done

echo
echo "== no-op rebuild (cargo build -v twice; what the second run does)"
for kind in build macros; do
    dir=$out/$kind
    CARGO_TARGET_DIR=$out/target-$kind cargo build -v --manifest-path "$dir/Cargo.toml" >/dev/null 2>&1
    log=$(CARGO_TARGET_DIR=$out/target-$kind cargo build -v --manifest-path "$dir/Cargo.toml" 2>&1)
    echo "$log" >"$out/noop-$kind.log"
    printf '%-7s Compiling: %d, Running (rustc or build script): %d, Fresh: %d\n' "$kind" \
        "$(grep -c '^ *Compiling' <<<"$log" || true)" "$(grep -c '^ *Running' <<<"$log" || true)" \
        "$(grep -c '^ *Fresh' <<<"$log" || true)"
done
