//! errcat's benchmarks and the tools the perf scripts run (see `docs/performance.md`).
//!
//! - [`synth`]: synthetic catalogs of any size;
//! - [`generate_all`]: one generation run (load + validate + the three emitters), what a
//!   build script or `errcat generate` does;
//! - [`thiserror_source`]: the same errors written by hand with `thiserror`, the
//!   comparison for the compile-time benchmark.

pub mod proto;
pub mod synth;

/// The code errcat generates for a synthetic catalog of `ERRCAT_BENCH_ERRORS` errors
/// (default 10,000; see `build.rs`), with the `phf` map and the code list the run-time
/// benchmarks compare it with.
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/synth.rs"));
    include!(concat!(env!("OUT_DIR"), "/phf.rs"));
    include!(concat!(env!("OUT_DIR"), "/codes.rs"));

    /// A `HashMap` from code to index: the other comparison for lookups.
    pub fn hashmap() -> std::collections::HashMap<&'static str, usize> {
        CODES.iter().enumerate().map(|(i, c)| (*c, i)).collect()
    }

    /// A fixed pseudo-random order of `CODES` indices (so lookups do not walk the table in
    /// order), from a 64-bit LCG.
    pub fn shuffled(count: usize) -> Vec<usize> {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..count)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 33) as usize % CODES.len()
            })
            .collect()
    }

    /// Three sample errors, with 0, 1 and 4 fields: what the run-time benchmarks and the
    /// allocation test render.
    pub fn samples() -> [SynthError; 3] {
        [
            SynthError::InvoiceNotFound0,
            SynthError::AccountNotFound1 {
                id: "res_8f3a".to_owned(),
            },
            SynthError::PaymentNotFound2 {
                limit: 100,
                used: 120,
                ratio: 1.2,
                strict: true,
            },
        ]
    }

    /// The message of the three sample errors (0, 1 and 4 fields) written as a
    /// hand-written `Display` would: the comparison for the generated `Display`.
    pub fn display_handwritten(s: &mut String, e: &SynthError) -> std::fmt::Result {
        use std::fmt::Write as _;
        match e {
            SynthError::InvoiceNotFound0 => {
                s.write_str("The invoice not found 0 request failed (case 0)")
            }
            SynthError::AccountNotFound1 { id } => {
                write!(s, "Resource '{id}' is not usable for account not found 1")
            }
            SynthError::PaymentNotFound2 {
                limit,
                used,
                ratio,
                strict,
            } => {
                write!(
                    s,
                    "Limit of {limit} reached after {used} calls ({ratio} used, strict: {strict})"
                )
            }
            _ => Ok(()),
        }
    }
}

use errcat_catalog::{Catalog, Piece};
use std::fmt::Write as _;

/// The outputs of one generation run.
#[derive(Debug)]
pub struct Outputs {
    /// The Rust source.
    pub rust: String,
    /// The markdown reference page.
    pub markdown: String,
    /// The OpenAPI document as JSON text.
    pub openapi: String,
}

/// Loads and validates `text`, then runs the three emitters, as a build script does.
pub fn generate_all(text: &str) -> Result<Outputs, String> {
    let loaded = errcat_catalog::load_str("errors.toml", text);
    let (catalog, _, _) = loaded.into_result()?;
    Ok(emit_all(&catalog))
}

/// The three emitters on a validated catalog.
pub fn emit_all(catalog: &Catalog) -> Outputs {
    let opts = errcat_codegen::rust::RustOptions::default();
    Outputs {
        rust: errcat_codegen::rust::generate(catalog, &opts),
        markdown: errcat_codegen::markdown::generate(catalog),
        openapi: errcat_codegen::openapi::to_json_text(catalog),
    }
}

/// Parses `text` with the `toml` crate alone: the baseline generation is compared with.
pub fn toml_only(text: &str) -> Result<toml::Table, toml::de::Error> {
    toml::from_str::<toml::Table>(text)
}

/// A library crate's source holding the errors of `catalog` written by hand with
/// `thiserror`: one `#[error("...")]` per variant, with the same Display output as the
/// generated enum (the message template with its fields).
pub fn thiserror_source(catalog: &Catalog) -> String {
    let mut s = String::new();
    let name = &catalog.rust.error_enum;
    s.push_str(
        "//! The catalog's errors written by hand with thiserror (compile-time baseline).\n\n",
    );
    let _ = writeln!(s, "/// The API's errors.");
    let _ = writeln!(s, "#[derive(Debug, Clone, PartialEq, ::thiserror::Error)]");
    let _ = writeln!(s, "pub enum {name} {{");
    for e in &catalog.errors {
        let mut fmt = String::new();
        for p in &e.message.pieces {
            match p {
                Piece::Lit(l) => fmt.push_str(&l.replace('{', "{{").replace('}', "}}")),
                Piece::Field(i) => {
                    let _ = write!(fmt, "{{{}}}", e.fields[*i].name.as_str());
                }
            }
        }
        let _ = writeln!(s, "    /// `{}`.", e.code.as_str());
        let _ = writeln!(s, "    #[error({fmt:?})]");
        if e.fields.is_empty() && e.cause.is_none() {
            let _ = writeln!(s, "    {},", e.variant);
        } else {
            let _ = writeln!(s, "    {} {{", e.variant);
            for f in &e.fields {
                let _ = writeln!(s, "        /// {}", f.name.as_str());
                let _ = writeln!(s, "        {}: {},", f.name.as_str(), f.ty.rust_type());
            }
            if e.cause.is_some() {
                s.push_str("        /// The cause.\n        #[source]\n        cause: ::core::option::Option<Cause>,\n");
            }
            let _ = writeln!(s, "    }},");
        }
    }
    s.push_str("}\n");
    if catalog.has_causes() {
        // What errcat's enum gets: a shared, cloneable cause that compares equal (as
        // `errcat::Cause`), and a `From` impl per `from` type.
        s.push_str(THISERROR_CAUSE);
        for (ty, e) in catalog.conversions() {
            let _ = writeln!(
                s,
                "impl ::core::convert::From<{ty}> for {name} {{\n    fn from(error: {ty}) -> Self {{\n        Self::{} {{ cause: ::core::option::Option::Some(Cause(::std::sync::Arc::new(error))) }}\n    }}\n}}",
                e.variant
            );
        }
    }
    s
}

/// The cause type of the thiserror baseline of a catalog with causes.
const THISERROR_CAUSE: &str = "
/// A cause: shared, cloneable, equal to any other.
#[derive(Debug, Clone)]
pub struct Cause(pub ::std::sync::Arc<dyn ::std::error::Error + Send + Sync>);

impl ::core::fmt::Display for Cause {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(&self.0, f)
    }
}

impl ::std::error::Error for Cause {
    fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
        self.0.source()
    }
}

impl ::core::cmp::PartialEq for Cause {
    fn eq(&self, _: &Cause) -> bool {
        true
    }
}
";
