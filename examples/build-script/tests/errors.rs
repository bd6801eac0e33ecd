//! The generated types behave as the catalog says, and the binary prints them.
use example_build_script::{PartnerError, PartnerStatus};
use serde_json::json;

#[test]
fn display_status_code_and_body_come_from_the_catalog() {
    let e = PartnerError::ResourceNotFound {
        resource: "Receivable".to_owned(),
    };
    assert_eq!(e.to_string(), "Receivable not found");
    assert_eq!(e.status(), PartnerStatus::NotFound);
    assert_eq!(e.status().code(), 404);
    assert_eq!(e.code(), "resource_not_found");
    let body: serde_json::Value = serde_json::from_str(&e.body_json()).unwrap();
    assert_eq!(
        body,
        json!({"statusCode": 404, "message": "Receivable not found", "error": "Not Found"})
    );
    assert_eq!(PartnerError::RateLimited.retry_after(), Some(60));
}

#[test]
fn the_binary_prints_each_error_and_its_body() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_example-build-script"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 8, "{stdout}");
    assert_eq!(lines[0], "401 invalid_api_key: Invalid or revoked API key");
    let body: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(
        body,
        json!({"statusCode": 401, "message": "Invalid or revoked API key", "error": "Unauthorized"})
    );
    assert_eq!(
        lines[2],
        "400 invalid_uuid: Validation failed (invoice_id is expected)"
    );
    assert_eq!(lines[6], "429 rate_limited: Rate limit exceeded");
    let body: serde_json::Value = serde_json::from_str(lines[7]).unwrap();
    assert_eq!(body["error"], "Too Many Requests");
}
