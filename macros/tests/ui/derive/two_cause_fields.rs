#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/causes.toml")]
pub enum Api {
    NotFound { resource: String },
    Internal(#[source] errcat::Cause),
    Timeout {
        #[source]
        first: std::io::Error,
        #[source]
        second: std::io::Error,
    },
}

fn main() {}
