//! The Kapwork Partner API's errors, expanded in place by `errcat::catalog!` from
//! `examples/catalogs/kapwork.toml` (relative to this crate's root). Editing the catalog
//! recompiles this crate.
#![deny(missing_docs)]

errcat::catalog!("../catalogs/kapwork.toml", serde);

/// `STATUS code: message`, then the JSON body the API answers with (through `serde`).
pub fn describe(error: &PartnerError) -> String {
    let body = serde_json::to_string(error).unwrap_or_default();
    format!(
        "{} {}: {}\n{}",
        error.status().code(),
        error.code(),
        error,
        body
    )
}

/// The errors `main` shows.
pub fn samples() -> Vec<PartnerError> {
    vec![
        PartnerError::MissingAuthorizationHeader,
        PartnerError::AccessDenied,
        PartnerError::ResourceNotFound {
            resource: "Invoice".to_owned(),
        },
        PartnerError::InternalError,
    ]
}
