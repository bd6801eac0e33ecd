//! The service over real HTTP: each test starts it on 127.0.0.1 with an ephemeral port and
//! talks to it with hyper's client, asserting status, headers and the exact body of every
//! error the API returns, and its happy paths. The store is SQLite in memory; tests/sqlite.rs
//! makes the database fail.

mod common;
use axum::http::{Method, StatusCode};
use axum_service::Config;
use axum_service::store::MemoryStore;
use common::*;
use serde_json::{Value, json};
use std::sync::Arc;
use uuid::Uuid;

// --- Happy paths -------------------------------------------------------------------------

#[tokio::test]
async fn create_get_list_and_delete_a_receivable() {
    let s = server().await;

    let empty = s.get("/receivables").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.header("content-type"), Some("application/json"));
    assert_eq!(empty.json(), json!({"items": []}));

    let created = s
        .post_json("/receivables", &new_receivable("INV-2026-0042"))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let receivable = created.json();
    let id = receivable["id"].as_str().unwrap().to_owned();
    assert!(Uuid::try_parse(&id).is_ok(), "{id}");
    assert_eq!(
        created.header("location"),
        Some(format!("/receivables/{id}").as_str())
    );
    assert_eq!(
        receivable,
        json!({"id": id, "reference": "INV-2026-0042", "debtor": "Globex Corporation", "amount": 125000, "currency": "EUR"})
    );

    let fetched = s.get(&format!("/receivables/{id}")).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.json(), receivable);

    let second = s
        .post_json("/receivables", &new_receivable("INV-2026-0043"))
        .await;
    assert_eq!(second.status, StatusCode::CREATED);
    let listed = s.get("/receivables").await;
    assert_eq!(listed.json(), json!({"items": [receivable, second.json()]}));

    let deleted = s.delete(&format!("/receivables/{id}")).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_eq!(deleted.body, "");
    let listed = s.get("/receivables").await;
    assert_eq!(listed.json(), json!({"items": [second.json()]}));
}

#[tokio::test]
async fn an_amount_written_as_a_float_without_fraction_is_an_integer() {
    // JSON Schema's `integer` includes 5.0, and so does the API.
    let s = server().await;
    let mut body = new_receivable("INV-5");
    body["amount"] = json!(5.0);
    let created = s.post_json("/receivables", &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.json()["amount"], json!(5));
}

#[tokio::test]
async fn serves_its_openapi_document_without_auth() {
    let s = server().await;
    let reply = s.send(Method::GET, "/openapi.json", &[], b"").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.body, axum_service::OPENAPI);
}

/// Every `$ref` in `value`.
fn refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r),
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn the_openapi_document_has_every_error_of_the_enum_and_no_dangling_ref() {
    let doc: Value = serde_json::from_str(axum_service::OPENAPI).unwrap();
    for meta in axum_service::ServiceError::ERRORS {
        let response = &doc["components"]["responses"][format!("ServiceError_{}", meta.status())];
        let example = &response["content"][PROBLEM]["examples"][meta.code()];
        assert_eq!(example["value"]["code"], meta.code(), "{}", meta.code());
        assert_eq!(example["value"]["status"], meta.status(), "{}", meta.code());
    }
    let mut all = Vec::new();
    refs(&doc, &mut all);
    assert!(all.len() > 20, "{all:?}");
    for r in all {
        let pointer = r.strip_prefix('#').expect("a local $ref");
        assert!(doc.pointer(pointer).is_some(), "dangling $ref {r}");
    }
}

#[tokio::test]
async fn accepts_uppercase_uuids_and_a_lowercase_bearer_scheme() {
    let s = server().await;
    let created = s.post_json("/receivables", &new_receivable("INV-1")).await;
    let id = created.json()["id"].as_str().unwrap().to_uppercase();
    let reply = s
        .send(
            Method::GET,
            &format!("/receivables/{id}"),
            &[("authorization", "bearer test-key")],
            b"",
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.json(), created.json());
}

// --- Authentication ----------------------------------------------------------------------

#[tokio::test]
async fn missing_authorization_header() {
    let s = server().await;
    for headers in [&[][..], &[("authorization", "Basic dXNlcjpwYXNz")][..]] {
        let reply = s.send(Method::GET, "/receivables", headers, b"").await;
        assert_problem(
            &reply,
            problem(
                "missing_authorization_header",
                401,
                "Unauthorized",
                "Missing Authorization header",
                None,
            ),
        );
        assert_eq!(
            reply.header("www-authenticate"),
            Some(r#"Bearer realm="receivables""#)
        );
    }
}

#[tokio::test]
async fn invalid_api_key() {
    let s = server().await;
    let reply = s
        .send(
            Method::GET,
            "/receivables",
            &[("authorization", "Bearer nope")],
            b"",
        )
        .await;
    assert_problem(
        &reply,
        problem(
            "invalid_api_key",
            401,
            "Unauthorized",
            "Invalid or revoked API key",
            None,
        ),
    );
    assert_eq!(
        reply.header("www-authenticate"),
        Some(r#"Bearer realm="receivables", error="invalid_token""#)
    );
}

#[tokio::test]
async fn authentication_comes_before_the_body_and_the_path() {
    let s = server().await;
    let reply = s
        .send(
            Method::POST,
            "/receivables",
            &[("content-type", "text/plain")],
            b"x",
        )
        .await;
    assert_eq!(reply.json()["code"], "missing_authorization_header");
    let reply = s.send(Method::DELETE, "/receivables/nope", &[], b"").await;
    assert_eq!(reply.json()["code"], "missing_authorization_header");
}

// --- Rate limiting -----------------------------------------------------------------------

#[tokio::test]
async fn rate_limited_after_the_limit_per_key() {
    let s = start(
        Config {
            rate_limit: 3,
            ..config()
        },
        Arc::new(MemoryStore::new()),
    )
    .await;
    for _ in 0..3 {
        assert_eq!(s.get("/receivables").await.status, StatusCode::OK);
    }
    let reply = s.get("/receivables").await;
    assert_problem(
        &reply,
        with_fields(
            problem(
                "rate_limited",
                429,
                "Too Many Requests",
                "Too many requests: the limit is 3 per minute",
                None,
            ),
            json!({"limit": 3}),
        ),
    );
    assert_eq!(reply.header("retry-after"), Some("60"));
    // Every operation counts, and stays refused.
    assert_eq!(
        s.delete(&format!("/receivables/{}", Uuid::nil()))
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another key has its own quota; requests refused before authentication are not counted.
    let other = s
        .send(
            Method::GET,
            "/receivables",
            &[("authorization", "Bearer other-key")],
            b"",
        )
        .await;
    assert_eq!(other.status, StatusCode::OK);
}

// --- Path parameters ---------------------------------------------------------------------

#[tokio::test]
async fn invalid_uuid() {
    let s = server().await;
    let simple = Uuid::new_v4().simple().to_string();
    for id in [
        "nope",
        "123",
        simple.as_str(),
        "%FF%FE",
        "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5g",
    ] {
        for method in [Method::GET, Method::DELETE] {
            let reply = s
                .send(
                    method,
                    &format!("/receivables/{id}"),
                    &[("authorization", BEARER)],
                    b"",
                )
                .await;
            assert_problem(
                &reply,
                with_fields(
                    problem(
                        "invalid_uuid",
                        400,
                        "Bad Request",
                        "Validation failed (uuid is expected)",
                        Some("id"),
                    ),
                    json!({"param": "uuid"}),
                ),
            );
        }
    }
}

#[tokio::test]
async fn receivable_not_found() {
    let s = server().await;
    let id = Uuid::new_v4();
    let detail = format!("Receivable {id} not found");
    for reply in [
        s.get(&format!("/receivables/{id}")).await,
        s.delete(&format!("/receivables/{id}")).await,
    ] {
        assert_problem(
            &reply,
            with_fields(
                problem("receivable_not_found", 404, "Not Found", &detail, None),
                json!({"id": id.to_string()}),
            ),
        );
    }
}

// --- Request bodies ----------------------------------------------------------------------

#[tokio::test]
async fn duplicate_reference() {
    let s = server().await;
    assert_eq!(
        s.post_json("/receivables", &new_receivable("INV-7"))
            .await
            .status,
        StatusCode::CREATED
    );
    let reply = s.post_json("/receivables", &new_receivable("INV-7")).await;
    assert_problem(
        &reply,
        with_fields(
            problem(
                "duplicate_reference",
                409,
                "Conflict",
                "A receivable with reference INV-7 already exists",
                Some("reference"),
            ),
            json!({"reference": "INV-7"}),
        ),
    );
    assert_eq!(
        s.get("/receivables").await.json()["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn payload_too_large() {
    let s = server().await;
    let mut body = new_receivable("INV-8");
    body["debtor"] = json!("x".repeat(600));
    let reply = s.post_json("/receivables", &body).await;
    assert_problem(
        &reply,
        with_fields(
            problem(
                "payload_too_large",
                413,
                "Content Too Large",
                "The request body is larger than 512 bytes",
                None,
            ),
            json!({"limit": 512}),
        ),
    );
}

#[tokio::test]
async fn unsupported_media_type() {
    let s = server().await;
    let body = serde_json::to_vec(&new_receivable("INV-9")).unwrap();
    for headers in [
        &[("authorization", BEARER)][..],
        &[("authorization", BEARER), ("content-type", "text/plain")][..],
        &[
            ("authorization", BEARER),
            ("content-type", "application/x-www-form-urlencoded"),
        ][..],
    ] {
        let reply = s.send(Method::POST, "/receivables", headers, &body).await;
        assert_problem(
            &reply,
            problem(
                "unsupported_media_type",
                415,
                "Unsupported Media Type",
                "Expected a body of type application/json",
                None,
            ),
        );
    }
}

#[tokio::test]
async fn malformed_json() {
    let s = server().await;
    let headers = [
        ("authorization", BEARER),
        ("content-type", "application/json"),
    ];
    for (body, reason) in [
        (
            &b"{\"reference\": "[..],
            "EOF while parsing a value at line 1 column 14",
        ),
        (b"", "EOF while parsing a value at line 1 column 0"),
        (b"{} {}", "trailing characters at line 1 column 4"),
    ] {
        let reply = s.send(Method::POST, "/receivables", &headers, body).await;
        let detail = format!("The request body is not valid JSON: {reason}");
        assert_problem(
            &reply,
            with_fields(
                problem("malformed_json", 400, "Bad Request", &detail, Some("body")),
                json!({"reason": reason}),
            ),
        );
    }
}

#[tokio::test]
async fn invalid_body() {
    let s = server().await;
    let mut unknown = new_receivable("INV-10");
    unknown["extra"] = json!(1);
    let cases = [
        (json!({"reference": "INV-10"}), "missing field `debtor`".to_owned()),
        (
            json!({"reference": "INV-10", "debtor": "Globex", "amount": "12", "currency": "EUR"}),
            "amount: invalid type: string \"12\", expected a JSON number".to_owned(),
        ),
        (
            unknown,
            "extra: unknown field `extra`, expected one of `reference`, `debtor`, `amount`, `currency`"
                .to_owned(),
        ),
        (json!(["INV-10", "Globex", 5, "EUR"]), "expected a JSON object".to_owned()),
        (
            json!({"reference": "INV-10", "debtor": "Globex", "amount": 2.5, "currency": "EUR"}),
            "amount: invalid value: floating point `2.5`, expected an integer".to_owned(),
        ),
        (
            json!({"reference": "INV-10", "debtor": "Globex", "amount": 0, "currency": "EUR"}),
            format!("amount: must be between 1 and {}", axum_service::MAX_AMOUNT),
        ),
        (
            json!({"reference": "INV-10", "debtor": "Globex", "amount": 5, "currency": "eur"}),
            "currency: must be one of CHF, EUR, GBP, JPY, USD".to_owned(),
        ),
        (
            json!({"reference": "", "debtor": "Globex", "amount": 5, "currency": "EUR"}),
            "reference: must be 1 to 64 characters long".to_owned(),
        ),
    ];
    let out_of_range = format!("amount: must be between 1 and {}", axum_service::MAX_AMOUNT);
    for amount in [
        json!(-3),
        json!(100_000_000_001_u64),
        json!(u64::MAX),
        json!(1e30),
        json!(-1e30),
    ] {
        let body =
            json!({"reference": "INV-10", "debtor": "Globex", "amount": amount, "currency": "EUR"});
        let reply = s.post_json("/receivables", &body).await;
        assert_eq!(
            reply.json()["detail"],
            format!("The request body is invalid: {out_of_range}")
        );
    }
    for (body, reason) in cases {
        let reply = s.post_json("/receivables", &body).await;
        let detail = format!("The request body is invalid: {reason}");
        assert_problem(
            &reply,
            with_fields(
                problem(
                    "invalid_body",
                    422,
                    "Unprocessable Content",
                    &detail,
                    Some("body"),
                ),
                json!({"reason": reason}),
            ),
        );
    }
    assert_eq!(s.get("/receivables").await.json(), json!({"items": []}));
}

// --- Routing -----------------------------------------------------------------------------

#[tokio::test]
async fn route_not_found() {
    let s = server().await;
    for path in ["/", "/receivable", "/receivables/", "/receivables/a/b"] {
        let reply = s.get(path).await;
        let detail = format!("No route for {path}");
        assert_problem(
            &reply,
            with_fields(
                problem("route_not_found", 404, "Not Found", &detail, None),
                json!({"path": path}),
            ),
        );
    }
}

#[tokio::test]
async fn method_not_allowed() {
    let s = server().await;
    let id = Uuid::new_v4();
    let item = format!("/receivables/{id}");
    for (method, path, allow) in [
        (Method::PUT, "/receivables", "GET,HEAD,POST"),
        (Method::DELETE, "/receivables", "GET,HEAD,POST"),
        (Method::POST, item.as_str(), "GET,HEAD,DELETE"),
        (Method::PATCH, item.as_str(), "GET,HEAD,DELETE"),
        (Method::POST, "/openapi.json", "GET,HEAD"),
    ] {
        let reply = s
            .send(method.clone(), path, &[("authorization", BEARER)], b"")
            .await;
        let detail = format!("Method {method} is not allowed on {path}");
        assert_problem(
            &reply,
            with_fields(
                problem(
                    "method_not_allowed",
                    405,
                    "Method Not Allowed",
                    &detail,
                    None,
                ),
                json!({"method": method.as_str(), "path": path}),
            ),
        );
        assert_eq!(reply.header("allow"), Some(allow), "{method} {path}");
    }
}

// --- The document's operations (the catalog's `[operations]`) ----------------------------

/// The error codes a documented response may carry: the examples of the response it refers
/// to (one per error).
fn documented_codes(doc: &Value, response: &Value) -> Vec<String> {
    let target = response["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|p| doc.pointer(p))
        .unwrap_or(response);
    target["content"][PROBLEM]["examples"]
        .as_object()
        .map(|e| e.keys().cloned().collect())
        .unwrap_or_default()
}

/// Every operation of the served document documents the refusals the router really sends
/// for it, with the very error code: 401 without credentials, and 405 for a method its path
/// does not route (the catalog lists both errors in `[operations] common`).
#[tokio::test]
async fn every_operation_documents_the_refusals_the_router_sends() {
    let s = server().await;
    let doc: Value = serde_json::from_str(axum_service::OPENAPI).unwrap();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let concrete = path.replace("{id}", &Uuid::new_v4().to_string());
        let methods: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "parameters")
            .collect();
        let unrouted = ["put", "patch", "delete", "post"]
            .into_iter()
            .find(|m| !methods.contains(m))
            .unwrap();
        let method_of = |m: &str| Method::from_bytes(m.to_uppercase().as_bytes()).unwrap();
        let refused = s
            .send(
                method_of(unrouted),
                &concrete,
                &[("authorization", BEARER)],
                b"",
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{unrouted} {path}"
        );
        let unauthorized = s.send(method_of(methods[0]), &concrete, &[], b"").await;
        assert_eq!(unauthorized.status, StatusCode::UNAUTHORIZED, "{path}");
        for method in methods {
            operations += 1;
            let responses = &item[method]["responses"];
            for (status, reply) in [("405", &refused), ("401", &unauthorized)] {
                let code = reply.json()["code"].as_str().unwrap().to_owned();
                assert!(
                    documented_codes(&doc, &responses[status]).contains(&code),
                    "{method} {path}: {status} `{code}` is not documented: {responses}"
                );
            }
        }
    }
    assert_eq!(operations, 4);
}
