//! `errcat explain`: one error or one status, looked up leniently.

use crate::{errcat, showcase, texts};

fn explain(code: &str) -> std::process::Output {
    errcat()
        .arg("explain")
        .arg(showcase())
        .arg(code)
        .output()
        .unwrap()
}

#[test]
fn explains_an_error() {
    let out = explain("invalid_amount");
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    let stdout = texts(&out).0;
    for part in [
        "invalid_amount: Invalid amount",
        "Status:     422 Unprocessable Entity",
        "Message:    Amount {amount} is outside the allowed range {min}..{max}",
        "Description\n  The amount of an invoice or payment is negative, zero, or too large.",
        "Remediation\n  Send an amount in minor units (cents) between `min` and `max`.",
        "Example body (application/problem+json)",
        "Docs: https://docs.acme.example/errors/invalid_amount",
    ] {
        assert!(stdout.contains(part), "missing {part:?} in\n{stdout}");
    }
    // The example body is the library's, pretty-printed.
    let catalog = errcat_catalog::load(showcase()).catalog.unwrap();
    let error = catalog.error("invalid_amount").unwrap();
    let body = errcat_codegen::body::example_body(&catalog, error);
    let pretty = serde_json::to_string_pretty(&body).unwrap();
    let indented: String = pretty.lines().map(|l| format!("  {l}\n")).collect();
    assert!(stdout.contains(&indented), "{stdout}");
    assert!(stdout.contains("\"code\": \"invalid_amount\""), "{stdout}");
}

#[test]
fn any_case_and_separator() {
    let reference = texts(&explain("invalid_api_key")).0;
    assert!(reference.starts_with("invalid_api_key: Invalid API key\n"));
    for spelling in [
        "INVALID_API_KEY",
        "invalid-api-key",
        "Invalid-Api_Key",
        "InvalidApiKey",
    ] {
        let out = explain(spelling);
        assert_eq!(out.status.code(), Some(0), "{spelling}");
        assert_eq!(texts(&out).0, reference, "{spelling}");
    }
}

#[test]
fn deprecated_errors_say_so() {
    let stdout = texts(&explain("payment_failed")).0;
    assert!(
        stdout.contains("deprecated since 2.2.0; use `card_declined` instead"),
        "{stdout}"
    );
}

#[test]
fn a_status_lists_its_errors() {
    let out = explain("401");
    assert_eq!(out.status.code(), Some(0));
    let stdout = texts(&out).0;
    assert!(stdout.starts_with("401 Unauthorized\n"), "{stdout}");
    assert!(
        stdout.contains("  missing_api_key  Missing Authorization header\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  invalid_api_key  Invalid or revoked API key\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("insufficient_scope"), "{stdout}");

    let undeclared = explain("418");
    assert_eq!(undeclared.status.code(), Some(1));
    assert!(texts(&undeclared).1.contains("does not return status 418"));
}

#[test]
fn unknown_codes_get_suggestions() {
    let out = explain("invalid_amout");
    assert_eq!(out.status.code(), Some(1));
    let stderr = texts(&out).1;
    assert!(
        stderr.contains("error: no error `invalid_amout` in Acme Billing API"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: did you mean `invalid_amount`"),
        "{stderr}"
    );
    assert_eq!(texts(&out).0, "");

    let nothing_close = explain("zzzz");
    assert_eq!(nothing_close.status.code(), Some(1));
    assert!(
        texts(&nothing_close)
            .1
            .contains("note: the catalog's errors are")
    );
}

#[test]
fn retired_codes_are_named_as_such() {
    let out = explain("card_declined_legacy");
    assert_eq!(out.status.code(), Some(1));
    assert!(texts(&out).1.contains("was retired"));
}

#[test]
fn a_missing_catalog_exits_2() {
    let out = errcat()
        .args(["explain", "nope.toml", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
