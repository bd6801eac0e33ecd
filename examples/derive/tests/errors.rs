//! The derived impls behave as the catalog says, and the binary prints them.
use errcat::CatalogError;
use example_derive::PartnerError;
use serde_json::json;

#[test]
fn display_status_code_and_body_come_from_the_catalog() {
    let e = PartnerError::ResourceNotFound {
        resource: "Payment".to_owned(),
    };
    assert_eq!(e.to_string(), "Payment not found");
    assert_eq!(e.status_code(), 404);
    assert_eq!(e.status_reason(), "Not Found");
    assert_eq!(e.error_code(), "resource_not_found");
    assert_eq!(
        e.error_docs_url(),
        Some("https://docs.kapwork.com/partner-api/errors#resource_not_found")
    );
    let body: serde_json::Value =
        serde_json::from_str(&e.body(&errcat::BodyContext::default())).unwrap();
    assert_eq!(
        body,
        json!({"statusCode": 404, "message": "Payment not found", "error": "Not Found"})
    );
    // The renamed variant is the catalog's `access_denied`.
    assert_eq!(PartnerError::Forbidden.error_code(), "access_denied");
    assert_eq!(PartnerError::Forbidden.status_code(), 403);
}

#[test]
fn the_binary_prints_each_error_and_its_body() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_example-derive"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{stdout}");
    assert_eq!(
        lines[0],
        "400 invalid_uuid: Validation failed (invoice_id is expected)"
    );
    let body: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(
        body,
        json!({
            "statusCode": 400,
            "message": "Validation failed (invoice_id is expected)",
            "error": "Bad Request"
        })
    );
    assert_eq!(lines[2], "403 access_denied: Access denied");
    assert_eq!(lines[4], "429 rate_limited: Rate limit exceeded");
}
