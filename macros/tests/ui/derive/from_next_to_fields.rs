#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/causes.toml")]
pub enum Api {
    NotFound {
        resource: String,
        #[from]
        cause: std::io::Error,
    },
    Internal(#[source] errcat::Cause),
    Timeout(#[source] errcat::Cause),
}

fn main() {}
