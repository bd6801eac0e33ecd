// Options after the path turn integrations on: `serde` serializes the error as its body.
errcat::catalog!("catalogs/good.toml", serde);

fn main() {
    let e = UiError::NotFound {
        resource: "Invoice".to_owned(),
    };
    let json = serde_json::to_value(&e).unwrap();
    let body: serde_json::Value = serde_json::from_str(&e.body_json()).unwrap();
    assert_eq!(json, body);
    assert_eq!(json["status"], 404);
}
