#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path)]
pub enum UiError {
    NotFound { resource: String },
    RateLimited,
}

fn main() {}
