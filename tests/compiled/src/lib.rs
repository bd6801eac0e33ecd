//! The generated Rust of every example catalog, each in its own module, compiled under
//! `#![deny(warnings, missing_docs)]` with every integration (serde, http, axum) on.
//! `build.rs` writes the code to OUT_DIR; the tests in `tests/` exercise it.

#![deny(warnings, missing_docs)]

/// `examples/catalogs/classic-http.toml` (statuses only, no error).
pub mod classic_http {
    include!(concat!(env!("OUT_DIR"), "/classic_http.rs"));
    include!(concat!(env!("OUT_DIR"), "/classic_http_examples.rs"));
}

/// `examples/catalogs/envelope.toml` (a template body with a per-error override).
pub mod envelope {
    include!(concat!(env!("OUT_DIR"), "/envelope.rs"));
    include!(concat!(env!("OUT_DIR"), "/envelope_examples.rs"));
}

/// `examples/catalogs/kapwork.toml`.
pub mod kapwork {
    include!(concat!(env!("OUT_DIR"), "/kapwork.rs"));
    include!(concat!(env!("OUT_DIR"), "/kapwork_examples.rs"));
}

/// `examples/catalogs/showcase/errors.toml` (RFC 9457 bodies, attributes, deprecation).
pub mod showcase {
    include!(concat!(env!("OUT_DIR"), "/showcase.rs"));
    include!(concat!(env!("OUT_DIR"), "/showcase_examples.rs"));
}

/// `catalogs/edge.toml`: edge cases of the emitter.
pub mod edge {
    include!(concat!(env!("OUT_DIR"), "/edge.rs"));
    include!(concat!(env!("OUT_DIR"), "/edge_examples.rs"));
}

/// `catalogs/names.toml`: status names that collide, a large variant, deprecation
/// versions that are not semver, the largest retry-after delay (issue 17).
pub mod names {
    include!(concat!(env!("OUT_DIR"), "/names.rs"));
    include!(concat!(env!("OUT_DIR"), "/names_examples.rs"));
}

/// `catalogs/empty.toml`: no status, no error.
pub mod empty {
    include!(concat!(env!("OUT_DIR"), "/empty.rs"));
    include!(concat!(env!("OUT_DIR"), "/empty_examples.rs"));
}

/// `#[derive(ErrorCatalog)]`'s impls (from `errcat_codegen::derive`) for an enum written
/// for the showcase catalog.
pub mod derived {
    include!(concat!(env!("OUT_DIR"), "/derived.rs"));
    include!(concat!(env!("OUT_DIR"), "/derived_examples.rs"));
}

/// `catalogs/causes.toml`: errors carrying causes that stay on the server, generated and
/// derived.
pub mod causes {
    include!(concat!(env!("OUT_DIR"), "/causes.rs"));
    include!(concat!(env!("OUT_DIR"), "/causes_examples.rs"));
    include!(concat!(env!("OUT_DIR"), "/causes_derived.rs"));
}
