//! The types `catalog!` generated behave as the catalog says, and the binary prints them.
use example_macro::{PartnerError, PartnerStatus};
use serde_json::json;

#[test]
fn display_status_code_and_body_come_from_the_catalog() {
    let e = PartnerError::InvalidUuid {
        param: "receivable_id".to_owned(),
    };
    assert_eq!(
        e.to_string(),
        "Validation failed (receivable_id is expected)"
    );
    assert_eq!(e.status(), PartnerStatus::BadRequest);
    assert_eq!(e.status().code(), 400);
    assert_eq!(e.code(), "invalid_uuid");
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        json!({
            "statusCode": 400,
            "message": "Validation failed (receivable_id is expected)",
            "error": "Bad Request"
        })
    );
    assert!(PartnerError::InternalError.is_retryable());
}

#[test]
fn the_binary_prints_each_error_and_its_body() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_example-macro"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 8, "{stdout}");
    assert_eq!(
        lines[0],
        "401 missing_authorization_header: Missing Authorization header"
    );
    assert_eq!(lines[2], "403 access_denied: Access denied");
    assert_eq!(lines[4], "404 resource_not_found: Invoice not found");
    let body: serde_json::Value = serde_json::from_str(lines[5]).unwrap();
    assert_eq!(
        body,
        json!({"statusCode": 404, "message": "Invoice not found", "error": "Not Found"})
    );
    assert_eq!(lines[6], "500 internal_error: Internal Server Error");
}
