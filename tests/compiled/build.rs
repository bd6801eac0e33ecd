//! Generates the Rust of every example catalog (examples/catalogs/*.toml and the showcase)
//! and of catalogs/edge.toml into OUT_DIR with every integration on, plus, per catalog, a
//! test-support file with a value of the error enum for every example of every error.
//!
//! It also runs the derive (`errcat_codegen::derive`) on an enum written here for the
//! showcase catalog (variants and fields in another order than the catalog's), so that
//! the derive's output is compiled and tested without the proc-macro glue.

use errcat_catalog::{Catalog, FieldType, Scalar};
use errcat_codegen::rust::{self, RustOptions};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    let dir = manifest.join("../../examples/catalogs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let edge = manifest.join("catalogs/edge.toml");
    println!("cargo:rerun-if-changed={}", edge.display());
    let names = manifest.join("catalogs/names.toml");
    println!("cargo:rerun-if-changed={}", names.display());
    let empty = manifest.join("catalogs/empty.toml");
    println!("cargo:rerun-if-changed={}", empty.display());
    println!(
        "cargo:rerun-if-changed={}",
        manifest.join("catalogs/causes.toml").display()
    );
    let catalogs = [
        ("classic_http", dir.join("classic-http.toml")),
        ("envelope", dir.join("envelope.toml")),
        ("kapwork", dir.join("kapwork.toml")),
        ("showcase", dir.join("showcase/errors.toml")),
        ("validation", dir.join("validation.toml")),
        ("edge", edge),
        ("names", names),
        ("empty", empty),
        ("causes", manifest.join("catalogs/causes.toml")),
    ];
    let opts = RustOptions {
        serde: true,
        http: true,
        axum: true,
        tracing: true,
    };
    for (module, path) in catalogs {
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
        let names = (
            catalog.rust.error_enum.as_str(),
            catalog.rust.status_enum.as_str(),
        );
        write(
            &out.join(format!("{module}_examples.rs")),
            &format!("{}{}", examples(&catalog, names), twin(&catalog, names.0)),
        );
        if module == "causes" {
            write(
                &out.join("causes_derived.rs"),
                &causes_derived(&catalog, &opts),
            );
        }
        if module == "showcase" {
            write(&out.join("derived.rs"), &derived(&catalog, &opts));
            write(
                &out.join("derived_examples.rs"),
                &examples(&catalog, ("Derived", "")),
            );
        }
    }
}

/// A user-written enum for `catalog` (variants and fields reversed) and what the derive
/// generates for it.
fn derived(catalog: &Catalog, opts: &RustOptions) -> String {
    let mut src = String::from(
        "/// A hand-written enum checked against the showcase catalog.\n\
         #[derive(Debug, Clone, PartialEq)]\npub enum Derived {\n",
    );
    for e in catalog.errors.iter().rev() {
        writeln!(src, "    /// `{}`.", e.code.as_str()).unwrap();
        if e.fields.is_empty() {
            writeln!(src, "    {},", e.variant).unwrap();
        } else {
            writeln!(src, "    {} {{", e.variant).unwrap();
            for f in e.fields.iter().rev() {
                writeln!(src, "        /// `{}`.", f.name.as_str()).unwrap();
                writeln!(src, "        {}: {},", f.name.as_str(), f.ty.rust_type()).unwrap();
            }
            src.push_str("    },\n");
        }
    }
    src.push_str("}\n");
    let input: syn3::DeriveInput = syn3::parse_str(&src).expect("the enum parses");
    let impls = errcat_codegen::derive::derive_with(catalog, &input, opts)
        .unwrap_or_else(|e| panic!("the derive rejects the enum: {e}"));
    let file: syn::File = syn::parse2(impls).expect("the impls parse");
    format!("{src}\n{}", prettyplease::unparse(&file))
}

/// A user-written enum for the causes catalog, with every way of holding a cause (a tuple
/// variant of `errcat::Cause`, a plain error type, an `Option<errcat::Cause>`, `#[from]`),
/// and what the derive generates for it.
fn causes_derived(catalog: &Catalog, opts: &RustOptions) -> String {
    let src = "/// A hand-written enum checked against the causes catalog.
#[derive(Debug)]
pub enum CausesDerived {
    /// `not_found`.
    NotFound {
        /// `id`.
        id: String,
    },
    /// `timeout`: `#[from]` converts the field's type.
    Timeout(#[from] std::time::SystemTimeError),
    /// `internal`: the catalog's `from` types convert into it.
    Internal(#[source] ::errcat::Cause),
    /// `upstream_failed`: a cause of a plain error type, next to a field.
    UpstreamFailed {
        /// The cause.
        #[source]
        source: std::io::Error,
        /// `host`.
        host: String,
    },
    /// `legacy_failure`.
    LegacyFailure {
        /// The cause.
        #[catalog(cause)]
        cause: Option<errcat::Cause>,
    },
    /// `bad_request`.
    BadRequest,
}
";
    let input: syn3::DeriveInput = syn3::parse_str(src).expect("the enum parses");
    let impls = errcat_codegen::derive::derive_with(catalog, &input, opts)
        .unwrap_or_else(|e| panic!("the derive rejects the enum: {e}"));
    let file: syn::File = syn::parse2(impls).expect("the impls parse");
    // The helper attributes are the proc macro's (macros/tests and examples/derive compile
    // them); without it they would be unknown attributes.
    let mut written = src.to_owned();
    for attr in [
        "#[from] ",
        "#[source] ",
        "#[source]\n",
        "#[catalog(cause)]\n",
    ] {
        written = written.replace(attr, "");
    }
    format!("{written}\n{}", prettyplease::unparse(&file))
}

/// `Twin`, the error enum written again with `#[derive(Debug, Clone, PartialEq)]`, and
/// `twin(&Error) -> Twin`: the generated `Debug` and `PartialEq` (which go through the
/// tables) must behave as the derived ones.
fn twin(catalog: &Catalog, error: &str) -> String {
    let mut s = String::from(
        "/// The error enum with derived `Debug`, `Clone` and `PartialEq`.\n\
         #[allow(missing_docs, dead_code, clippy::large_enum_variant)]\n#[derive(Debug, Clone, PartialEq)]\npub enum Twin {\n",
    );
    let mut arms = String::new();
    for e in &catalog.errors {
        if e.fields.is_empty() && e.cause.is_none() {
            writeln!(s, "    {},", e.variant).unwrap();
            writeln!(arms, "        {error}::{v} => Twin::{v},", v = e.variant).unwrap();
        } else {
            let mut names: Vec<&str> = e.fields.iter().map(|f| f.name.as_str()).collect();
            let mut fields: Vec<String> = e
                .fields
                .iter()
                .map(|f| format!("{}: {}", f.name.as_str(), f.ty.rust_type()))
                .collect();
            if e.cause.is_some() {
                names.push("cause");
                fields.push("cause: ::core::option::Option<::errcat::Cause>".to_owned());
            }
            writeln!(s, "    {} {{ {} }},", e.variant, fields.join(", ")).unwrap();
            let mut clones: Vec<String> = e
                .fields
                .iter()
                .map(|f| match f.ty {
                    FieldType::String => format!("{n}: {n}.clone()", n = f.name.as_str()),
                    _ => format!("{n}: *{n}", n = f.name.as_str()),
                })
                .collect();
            if e.cause.is_some() {
                clones.push("cause: cause.clone()".to_owned());
            }
            writeln!(
                arms,
                "        {error}::{v} {{ {} }} => Twin::{v} {{ {} }},",
                names.join(", "),
                clones.join(", "),
                v = e.variant
            )
            .unwrap();
        }
    }
    s.push_str("}\n");
    s.push_str("/// The twin of an error.\n#[allow(deprecated)]\n");
    writeln!(s, "pub fn twin(error: &{error}) -> Twin {{").unwrap();
    if catalog.errors.is_empty() {
        s.push_str("    match *error {}\n}\n");
    } else {
        writeln!(s, "    match error {{\n{arms}    }}\n}}").unwrap();
    }
    s
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
fn examples(catalog: &Catalog, (error, status): (&str, &str)) -> String {
    let mut s = String::new();
    writeln!(s, "/// The error enum.\npub type Error = {error};").unwrap();
    if !status.is_empty() {
        writeln!(s, "/// The status enum.\npub type Status = {status};").unwrap();
    }
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
            let value = if e.fields.is_empty() && e.cause.is_none() {
                format!("{error}::{}", e.variant)
            } else {
                let mut fields: Vec<String> = e
                    .fields
                    .iter()
                    .zip(&ex.values)
                    .map(|(f, v)| format!("{}: {}", f.name.as_str(), literal(f.ty, v)))
                    .collect();
                if e.cause.is_some() {
                    fields.push("cause: ::core::option::Option::None".to_owned());
                }
                format!("{error}::{} {{ {} }}", e.variant, fields.join(", "))
            };
            writeln!(s, "        ({:?}, {i}, {value}),", e.code.as_str()).unwrap();
        }
    }
    s.push_str("    ]\n}\n");
    s
}
