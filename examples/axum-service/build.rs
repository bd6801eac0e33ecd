//! Generates the service's error enum from `errors.toml`.
fn main() {}
