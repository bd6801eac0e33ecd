// `catalog!` on a catalog with causes: `?` converts its `from` types, `source()` returns
// the cause, and the body does not show it.
use std::error::Error as _;

errcat::catalog!("catalogs/causes.toml");

fn read() -> Result<(), CauseError> {
    Err(std::io::Error::other("secret path /var/db"))?;
    Ok(())
}

fn main() {
    let e = read().unwrap_err();
    assert_eq!(e.code(), "internal");
    assert_eq!(e.source().unwrap().to_string(), "secret path /var/db");
    assert!(!e.body_json().contains("secret"));
    assert_eq!(e, CauseError::Internal { cause: None });
    let t = CauseError::Timeout { cause: Some(errcat::Cause::new(std::fmt::Error)) };
    assert!(t.source().is_some());
    assert!(CauseError::NotFound { resource: "x".into() }.source().is_none());
}
