// The derive's cause fields, through the real proc macro: `#[source]`, `#[from]`,
// `#[catalog(cause)]`, a tuple variant, and the catalog's `from` into an `errcat::Cause`.
use std::error::Error as _;

#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/causes.toml")]
pub enum Api {
    NotFound {
        resource: String,
        #[catalog(cause)]
        cause: Option<errcat::Cause>,
    },
    Internal(#[source] errcat::Cause),
    Timeout {
        #[from]
        source: std::time::SystemTimeError,
    },
}

fn late() -> Result<(), Api> {
    std::time::SystemTime::UNIX_EPOCH.duration_since(std::time::SystemTime::now())?;
    Ok(())
}

fn main() {
    let e = Api::from(std::io::Error::other("disk"));
    assert_eq!(e.code(), "internal");
    assert_eq!(e.source().unwrap().to_string(), "disk");
    assert_eq!(late().unwrap_err().code(), "timeout");
    let n = Api::NotFound { resource: "r".into(), cause: None };
    assert!(n.source().is_none());
    assert_eq!(format!("{:?}", n.wire()), "NotFound { resource: \"r\" }");
}
