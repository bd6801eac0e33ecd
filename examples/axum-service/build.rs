//! Generates the service's error enum, `ServiceError`, from `errors.toml` into
//! `$OUT_DIR/errors.rs`, with its `axum::response::IntoResponse` implementation.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    errcat_codegen::build::Builder::new()
        .axum(true)
        .compile("errors.toml")?;
    Ok(())
}
