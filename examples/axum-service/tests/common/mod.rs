//! What the service's tests share: a server on an ephemeral port, a hyper client, the
//! catalog's problem bodies, and a capture of the `tracing` events the service records.

#![allow(dead_code, reason = "each test crate uses a part of it")]

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum_service::store::{ReceivableStore, SqliteStore};
use axum_service::{Config, app};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

pub const KEY: &str = "test-key";
pub const BEARER: &str = "Bearer test-key";
pub const PROBLEM: &str = "application/problem+json";

pub struct Server {
    pub base: String,
    pub client: Client<HttpConnector, Full<Bytes>>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ASCII header"))
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

pub fn config() -> Config {
    Config {
        api_keys: vec![KEY.to_owned(), "other-key".to_owned()],
        rate_limit: 1000,
        body_limit: 512,
    }
}

pub async fn start(config: Config, store: Arc<dyn ReceivableStore>) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app(config, store)).await.unwrap();
    });
    Server {
        base: format!("http://{addr}"),
        client: Client::builder(TokioExecutor::new()).build_http(),
    }
}

pub async fn server() -> Server {
    start(config(), Arc::new(SqliteStore::open(":memory:").unwrap())).await
}

impl Server {
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Reply {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = req.body(Full::new(Bytes::copy_from_slice(body))).unwrap();
        let res = self.client.request(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8(bytes.to_vec()).expect("a UTF-8 body"),
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, &[("authorization", BEARER)], b"")
            .await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Reply {
        let body = serde_json::to_vec(body).unwrap();
        let headers = [
            ("authorization", BEARER),
            ("content-type", "application/json"),
        ];
        self.send(Method::POST, path, &headers, &body).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.send(Method::DELETE, path, &[("authorization", BEARER)], b"")
            .await
    }
}

/// The RFC 9457 body the catalog defines for an error: its members in the catalog's order
/// (`type`, `title`, `status`, `detail`, `code`, then `field` for errors that name one).
pub fn problem(code: &str, status: u16, title: &str, detail: &str, field: Option<&str>) -> Value {
    let mut body = json!({
        "type": format!("https://docs.receivables.example/errors/{code}"),
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
    });
    if let Some(field) = field {
        body["field"] = json!(field);
    }
    body
}

/// `body` with its `fields` member (the error's typed fields, after `field`).
pub fn with_fields(mut body: Value, fields: Value) -> Value {
    body["fields"] = fields;
    body
}

/// Asserts an error response: its status, problem+json content type, the exact bytes of
/// its body (compact JSON, members in the catalog's order), and no `Retry-After` or
/// `WWW-Authenticate` unless the error calls for one.
pub fn assert_problem(reply: &Reply, expected: Value) {
    let status = expected["status"].as_u64().unwrap();
    assert_eq!(
        u64::from(reply.status.as_u16()),
        status,
        "body: {}",
        reply.body
    );
    assert_eq!(reply.header("content-type"), Some(PROBLEM));
    assert_eq!(reply.body, serde_json::to_string(&expected).unwrap());
    if status != 429 {
        assert_eq!(reply.header("retry-after"), None);
    }
    if status != 401 {
        assert_eq!(reply.header("www-authenticate"), None);
    }
}

pub fn new_receivable(reference: &str) -> Value {
    json!({"reference": reference, "debtor": "Globex Corporation", "amount": 125000, "currency": "EUR"})
}

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Log {
    /// Records the events of this thread (a `#[tokio::test]` runs the server on its own
    /// thread) at `DEBUG` and above, as plain text lines, until the guard is dropped.
    pub fn capture() -> (Log, tracing::subscriber::DefaultGuard) {
        let log = Log::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_ansi(false)
            .without_time()
            .with_writer(move || writer.clone())
            .finish();
        (log, tracing::subscriber::set_default(subscriber))
    }

    /// Everything recorded so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}
