//! The Kapwork Partner API's errors as an enum written by hand; the derive checks it
//! against `examples/catalogs/kapwork.toml` (one variant per error, the catalog's fields)
//! and implements errcat's methods and `errcat::CatalogError` for it.
#![deny(missing_docs)]

use errcat::CatalogError;

/// What the Partner API can answer with.
#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "../catalogs/kapwork.toml")]
pub enum PartnerError {
    /// The key is unknown or revoked.
    InvalidApiKey,
    /// No `Authorization` header.
    MissingAuthorizationHeader,
    /// A UUID parameter is not one.
    InvalidUuid {
        /// What the parameter should be.
        param: String,
    },
    /// The key may not access this.
    #[catalog(code = "access_denied")]
    Forbidden,
    /// No such resource.
    ResourceNotFound {
        /// The kind of resource.
        resource: String,
    },
    /// Too many requests.
    RateLimited,
    /// The server failed.
    InternalError,
}

/// `STATUS code: message`, then the JSON body, through the `CatalogError` trait that
/// middleware uses for any catalog's errors.
pub fn describe(error: &dyn CatalogError) -> String {
    format!(
        "{} {}: {}\n{}",
        error.status_code(),
        error.error_code(),
        error.message(),
        error.body(&errcat::BodyContext::default())
    )
}

/// The errors `main` shows.
pub fn samples() -> Vec<PartnerError> {
    vec![
        PartnerError::InvalidUuid {
            param: "invoice_id".to_owned(),
        },
        PartnerError::Forbidden,
        PartnerError::RateLimited,
    ]
}
