//! Generates the client's copy of the service's error enum, `ServiceError`, from the
//! service's catalog (`../axum-service/errors.toml`): the same catalog on both ends.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    errcat_codegen::build::Builder::new().compile("../axum-service/errors.toml")?;
    Ok(())
}
