#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/good.toml")]
pub enum UiError {
    NotFound(String),
    RateLimited,
}

fn main() {}
