//! Generates the service's error enum, `ServiceError`, from `errors.toml` into
//! `$OUT_DIR/errors.rs`, with its `axum::response::IntoResponse` implementation, which
//! logs each error through `tracing` (server errors with their cause).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    errcat_codegen::build::Builder::new()
        .axum(true)
        .tracing(true)
        .compile("errors.toml")?;
    Ok(())
}
