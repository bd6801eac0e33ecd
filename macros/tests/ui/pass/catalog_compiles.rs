// `catalog!` defines the configured enums, with the catalog's messages, statuses and bodies.
errcat::catalog!("catalogs/good.toml");

fn main() {
    let e = UiError::NotFound {
        resource: "Invoice".to_owned(),
    };
    assert_eq!(e.to_string(), "Invoice not found");
    assert_eq!(e.code(), "not_found");
    assert_eq!(e.status(), UiStatus::NotFound);
    assert_eq!(e.status().code(), 404);
    assert_eq!(UiError::RateLimited.retry_after(), Some(30));
    assert!(e.body_json().contains("Invoice not found"), "{}", e.body_json());
}
