//! Generates the code the run-time benchmarks use, for a synthetic catalog of
//! `ERRCAT_BENCH_ERRORS` errors (default 10,000):
//! - `synth.rs`: what errcat's Rust emitter generates for it;
//! - `phf.rs`: a `phf::Map` from code to index, the comparison for lookups;
//! - `codes.rs`: the codes, in declaration order.

#[path = "src/synth.rs"]
#[allow(dead_code, reason = "the build script uses the plain catalog only")]
mod synth;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=src/synth.rs");
    println!("cargo:rerun-if-env-changed=ERRCAT_BENCH_ERRORS");
    let n: usize = std::env::var("ERRCAT_BENCH_ERRORS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(10_000);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let text = synth::catalog(n);
    let (catalog, _, _) = errcat_catalog::load_str("errors.toml", &text)
        .into_result()
        .unwrap_or_else(|diags| panic!("the synthetic catalog is invalid:\n{diags}"));
    let rust =
        errcat_codegen::rust::generate(&catalog, &errcat_codegen::rust::RustOptions::default());
    write(&out.join("synth.rs"), &rust);

    let mut map = phf_codegen::Map::new();
    let codes: Vec<String> = (0..n).map(synth::code).collect();
    for (i, code) in codes.iter().enumerate() {
        map.entry(code.as_str(), i.to_string());
    }
    write(
        &out.join("phf.rs"),
        &format!(
            "/// Code -> index, as a `phf` map.\npub static PHF: ::phf::Map<&'static str, usize> = {};\n",
            map.build()
        ),
    );
    let mut list =
        format!("/// Every code, in declaration order.\npub static CODES: [&str; {n}] = [\n");
    for code in &codes {
        let _ = writeln!(list, "    {code:?},");
    }
    list.push_str("];\n");
    write(&out.join("codes.rs"), &list);
}

fn write(path: &std::path::Path, text: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
