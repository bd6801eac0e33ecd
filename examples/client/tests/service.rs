//! The client against the real service: examples/axum-service started on a loopback port,
//! every request of `cases.json` (each makes the service answer one error of its catalog)
//! sent over HTTP, and every answer decoded into the typed `ServiceError`: the expected
//! variant, which renders back the exact body received. The `internal` error comes from
//! a store that fails. Every error of the catalog is covered.

use axum::http::Method;
use axum_service::store::{Insert, Receivable, ReceivableStore};
use axum_service::{Config, app};
use errcat::Decoded;
use example_client::{Client, Response, ServiceError};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::Arc;

fn cases() -> Value {
    let text = include_str!("../cases.json");
    serde_json::from_str(text).expect("cases.json is JSON")
}

async fn start(store: Arc<dyn ReceivableStore>) -> Client {
    let cases = cases();
    let n = cases["keys"].as_u64().expect("keys");
    let config = Config {
        api_keys: (0..n).map(|i| format!("key-{i}")).collect(),
        rate_limit: u32::try_from(cases["rate_limit"].as_u64().expect("rate_limit")).unwrap(),
        body_limit: usize::try_from(cases["body_limit"].as_u64().expect("body_limit")).unwrap(),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app(config, store)).await.unwrap();
    });
    Client::new(format!("http://{addr}"))
}

/// Asserts that `res` decodes to an error with this code that renders the body received.
fn decoded(res: &Response, code: &str) -> ServiceError {
    let body = String::from_utf8_lossy(&res.body);
    let err = match res.error() {
        Some(Ok(Decoded::Known(e))) => e,
        other => panic!("{code}: {other:?} from {} {body}", res.status),
    };
    assert_eq!(err.code(), code, "{body}");
    assert_eq!(err.meta().status(), res.status.as_u16());
    // The typed value holds everything the body said: it renders the same bytes.
    assert_eq!(err.body_json(), body, "{code}");
    err
}

#[tokio::test]
async fn every_error_of_the_service_decodes_to_its_variant() {
    let client = start(memory()).await;
    let mut seen = BTreeSet::new();
    for case in cases()["cases"].as_array().expect("cases") {
        let code = case["code"].as_str().expect("code");
        let method: Method = case["method"].as_str().unwrap().parse().unwrap();
        let path = case["path"].as_str().unwrap();
        let key = case["key"].as_str();
        let body = case["body"]
            .as_str()
            .map(|b| (case["content_type"].as_str().unwrap(), b.as_bytes()));
        for _ in 0..case["before"].as_u64().unwrap_or(0) {
            client.send(method.clone(), path, key, body).await.unwrap();
        }
        let res = client.send(method, path, key, body).await.unwrap();
        let err = decoded(&res, code);
        match (&err, code) {
            (ServiceError::InvalidUuid { param }, _) => assert_eq!(param, "uuid"),
            (ServiceError::RateLimited { limit }, _) => assert_eq!(*limit, 5),
            (ServiceError::PayloadTooLarge { limit }, _) => assert_eq!(*limit, 512),
            (ServiceError::DuplicateReference { reference }, _) => assert_eq!(reference, "INV-7"),
            (ServiceError::MethodNotAllowed { method, path }, _) => {
                assert_eq!((method.as_str(), path.as_str()), ("PUT", "/receivables"))
            }
            _ => {}
        }
        seen.insert(code.to_owned());
    }
    // A backend failure: the `internal` error.
    let client = start(Arc::new(Failing)).await;
    let res = client
        .send(Method::GET, "/receivables", Some("key-0"), None)
        .await
        .unwrap();
    decoded(&res, "internal");
    seen.insert("internal".to_owned());

    let all: BTreeSet<String> = ServiceError::ERRORS
        .iter()
        .map(|m| m.code().to_owned())
        .collect();
    assert_eq!(seen, all, "cases.json covers every error of the catalog");
}

#[tokio::test]
async fn a_success_is_no_error_and_an_unknown_code_is_unknown() {
    let client = start(memory()).await;
    let res = client
        .send(Method::GET, "/receivables", Some("key-0"), None)
        .await
        .unwrap();
    assert!(res.error().is_none(), "{res:?}");
    // A newer server's code.
    let body = br#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Later","code":"added_later"}"#;
    let got =
        ServiceError::from_response(409, &[("content-type", "application/problem+json")], body);
    match got {
        Ok(Decoded::Unknown(u)) => {
            assert_eq!((u.status, u.code.as_deref()), (409, Some("added_later")))
        }
        other => panic!("{other:?}"),
    }
}

/// The service's SQLite store, in memory.
fn memory() -> Arc<dyn ReceivableStore> {
    let conn = rusqlite::Connection::open_in_memory().expect("an in-memory database");
    Arc::new(axum_service::store::SqliteStore::from_connection(conn).expect("the schema"))
}

/// A store whose every operation fails.
struct Failing;

impl ReceivableStore for Failing {
    fn list(&self) -> axum_service::store::StoreResult<Vec<Receivable>> {
        Err(rusqlite::Error::InvalidQuery)
    }
    fn get(&self, _: uuid::Uuid) -> axum_service::store::StoreResult<Option<Receivable>> {
        Err(rusqlite::Error::InvalidQuery)
    }
    fn insert(&self, _: Receivable) -> axum_service::store::StoreResult<Insert> {
        Err(rusqlite::Error::InvalidQuery)
    }
    fn delete(&self, _: uuid::Uuid) -> axum_service::store::StoreResult<bool> {
        Err(rusqlite::Error::InvalidQuery)
    }
}
