//! Generates the Rust of every example catalog (examples/catalogs/*.toml and the showcase)
//! into OUT_DIR with every integration on, plus, per catalog, a test-support file with a
//! value of the error enum for every example of every error.

use errcat_catalog::{Catalog, FieldType, Scalar};
use errcat_codegen::rust::{self, RustOptions};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    let dir = manifest.join("../../examples/catalogs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let catalogs = [
        ("classic_http", "classic-http.toml"),
        ("envelope", "envelope.toml"),
        ("kapwork", "kapwork.toml"),
        ("showcase", "showcase/errors.toml"),
    ];
    let opts = RustOptions {
        serde: true,
        http: true,
        axum: true,
    };
    for (module, file) in catalogs {
        let path = dir.join(file);
        let loaded = errcat_catalog::load(&path);
        for source in loaded.sources.disk_paths() {
            println!("cargo:rerun-if-changed={}", source.display());
        }
        let diags = loaded.render_diagnostics(false);
        let Some(catalog) = loaded.catalog else {
            panic!("{} does not load:\n{diags}", path.display());
        };
        write(
            &out.join(format!("{module}.rs")),
            &rust::generate(&catalog, &opts),
        );
        write(
            &out.join(format!("{module}_examples.rs")),
            &examples(&catalog),
        );
    }
}

fn write(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

fn literal(ty: FieldType, v: &Scalar) -> String {
    match (ty, v) {
        (FieldType::String, Scalar::Str(s)) => format!("::std::string::String::from({s:?})"),
        (FieldType::Integer, Scalar::Int(i)) => format!("{i}_i64"),
        (FieldType::Unsigned, Scalar::Int(i)) => format!("{i}_u64"),
        (FieldType::Float, Scalar::Int(i)) => format!("{i}_f64"),
        (FieldType::Float, Scalar::Float(x)) => format!("{x:?}_f64"),
        (FieldType::Boolean, Scalar::Bool(b)) => format!("{b}"),
        (ty, v) => panic!("example value {v} is not a {}", ty.as_str()),
    }
}

/// `Error` and `Status` aliases, and `examples()`: (code, index of the example, value).
fn examples(catalog: &Catalog) -> String {
    let error = &catalog.rust.error_enum;
    let status = &catalog.rust.status_enum;
    let mut s = String::new();
    writeln!(s, "/// The error enum.\npub type Error = {error};").unwrap();
    writeln!(s, "/// The status enum.\npub type Status = {status};").unwrap();
    s.push_str("/// Every example of every error: its code, the example's index, the value.\n");
    s.push_str("#[allow(deprecated)]\n");
    writeln!(
        s,
        "pub fn examples() -> ::std::vec::Vec<(&'static str, usize, {error})> {{"
    )
    .unwrap();
    s.push_str("    ::std::vec![\n");
    for e in &catalog.errors {
        for (i, ex) in e.examples.iter().enumerate() {
            let value = if e.fields.is_empty() {
                format!("{error}::{}", e.variant)
            } else {
                let fields: Vec<String> = e
                    .fields
                    .iter()
                    .zip(&ex.values)
                    .map(|(f, v)| format!("{}: {}", f.name.as_str(), literal(f.ty, v)))
                    .collect();
                format!("{error}::{} {{ {} }}", e.variant, fields.join(", "))
            };
            writeln!(s, "        ({:?}, {i}, {value}),", e.code.as_str()).unwrap();
        }
    }
    s.push_str("    ]\n}\n");
    s
}
