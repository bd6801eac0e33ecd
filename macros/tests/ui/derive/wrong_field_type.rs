#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/good.toml")]
pub enum UiError {
    NotFound { resource: u64 },
    RateLimited,
}

fn main() {}
