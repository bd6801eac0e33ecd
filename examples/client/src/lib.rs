//! A client of the receivables service (`examples/axum-service`) that turns every error
//! response back into the typed `ServiceError` generated from the service's own catalog:
//! status, headers and body in, the variant with its fields out, or
//! `errcat::Decoded::Unknown` for a response the catalog does not describe.

use axum::body::Bytes;
use axum::http::{Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client as Hyper;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

/// The service's errors, generated from `examples/axum-service/errors.toml`.
pub mod errors {
    #![allow(missing_docs)]
    include!(concat!(env!("OUT_DIR"), "/errors.rs"));
}

pub use errors::ServiceError;

/// A response: status, headers (name, value) and body.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status.
    pub status: StatusCode,
    /// The headers whose values are text.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// The error this response carries, decoded with the catalog; `None` for a success.
    pub fn error(&self) -> Option<Result<errcat::Decoded<ServiceError>, errcat::DecodeError>> {
        if self.status.is_success() {
            return None;
        }
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        Some(ServiceError::from_response(
            self.status.as_u16(),
            &headers,
            &self.body,
        ))
    }
}

/// The HTTP client, on hyper.
pub struct Client {
    base: String,
    http: Hyper<HttpConnector, Full<Bytes>>,
}

/// What can go wrong talking to the service (not an error response: those are
/// [`Response::error`]).
pub type TransportError = Box<dyn std::error::Error + Send + Sync>;

impl Client {
    /// A client of the service at `base` (`http://127.0.0.1:3000`).
    pub fn new(base: impl Into<String>) -> Client {
        Client {
            base: base.into(),
            http: Hyper::builder(TokioExecutor::new()).build_http(),
        }
    }

    /// Sends a request: `key` is the bearer key, `body` its content type and bytes.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<(&str, &[u8])>,
    ) -> Result<Response, TransportError> {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        if let Some(key) = key {
            req = req.header("authorization", format!("Bearer {key}"));
        }
        let bytes = match body {
            Some((content_type, bytes)) => {
                req = req.header("content-type", content_type);
                Bytes::copy_from_slice(bytes)
            }
            None => Bytes::new(),
        };
        let res = self.http.request(req.body(Full::new(bytes))?).await?;
        let status = res.status();
        let headers = res
            .headers()
            .iter()
            .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
            .collect();
        let body = res.into_body().collect().await?.to_bytes().to_vec();
        Ok(Response {
            status,
            headers,
            body,
        })
    }
}
