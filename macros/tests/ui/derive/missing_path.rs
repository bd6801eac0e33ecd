#[derive(Debug, errcat::ErrorCatalog)]
pub enum UiError {
    NotFound { resource: String },
    RateLimited,
}

fn main() {}
