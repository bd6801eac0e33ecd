#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/causes.toml")]
pub enum Api {
    NotFound { resource: String },
    Internal(#[source] errcat::Cause),
    Timeout,
}

fn main() {}
