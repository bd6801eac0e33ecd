#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/causes.toml")]
pub enum Api {
    NotFound { resource: String },
    Internal(#[source] std::io::Error),
    Timeout(#[source] errcat::Cause),
}

fn main() {}
