//! Generates `$OUT_DIR/partner_errors.rs` from the Kapwork catalog. Cargo reruns this only
//! when the catalog (or a file it includes) changes.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    errcat_codegen::Builder::new()
        .file_name("partner_errors.rs")
        .compile("../catalogs/kapwork.toml")?;
    Ok(())
}
