//! Generates the Rust of a few example catalogs into OUT_DIR for the `decode` target (the
//! generated enums' `from_response`, on the tables it reads).
use std::path::Path;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for (name, path) in [
        ("showcase", "../examples/catalogs/showcase/errors.toml"),
        ("envelope", "../examples/catalogs/envelope.toml"),
        ("edge", "../tests/compiled/catalogs/edge.toml"),
    ] {
        println!("cargo:rerun-if-changed={path}");
        let loaded = errcat_codegen::catalog::load(Path::new(path));
        let catalog = loaded.catalog.expect("the example catalogs are valid");
        let code = errcat_codegen::rust::generate(&catalog, &Default::default());
        std::fs::write(Path::new(&out).join(format!("{name}.rs")), code).expect("write");
    }
}
