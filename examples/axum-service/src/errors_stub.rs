//! TEMPORARY stand-in for the enum build.rs will generate from errors.toml (removed once the
//! Rust emitter lands).
#![allow(missing_docs)]

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, PartialEq)]
pub enum ServiceError {
    MissingAuthorizationHeader,
    InvalidApiKey,
    InvalidUuid { param: String },
    MalformedJson { reason: String },
    InvalidBody { reason: String },
    ReceivableNotFound { id: String },
    RouteNotFound { path: String },
    MethodNotAllowed { method: String, path: String },
    DuplicateReference { reference: String },
    PayloadTooLarge { limit: u64 },
    UnsupportedMediaType,
    RateLimited { limit: u64 },
    Internal,
}

impl ServiceError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingAuthorizationHeader => "missing_authorization_header",
            Self::InvalidApiKey => "invalid_api_key",
            Self::InvalidUuid { .. } => "invalid_uuid",
            Self::MalformedJson { .. } => "malformed_json",
            Self::InvalidBody { .. } => "invalid_body",
            Self::ReceivableNotFound { .. } => "receivable_not_found",
            Self::RouteNotFound { .. } => "route_not_found",
            Self::MethodNotAllowed { .. } => "method_not_allowed",
            Self::DuplicateReference { .. } => "duplicate_reference",
            Self::PayloadTooLarge { .. } => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::RateLimited { .. } => "rate_limited",
            Self::Internal => "internal",
        }
    }
    pub fn status(&self) -> u16 {
        match self {
            Self::MissingAuthorizationHeader | Self::InvalidApiKey => 401,
            Self::InvalidUuid { .. } | Self::MalformedJson { .. } => 400,
            Self::InvalidBody { .. } => 422,
            Self::ReceivableNotFound { .. } | Self::RouteNotFound { .. } => 404,
            Self::MethodNotAllowed { .. } => 405,
            Self::DuplicateReference { .. } => 409,
            Self::PayloadTooLarge { .. } => 413,
            Self::UnsupportedMediaType => 415,
            Self::RateLimited { .. } => 429,
            Self::Internal => 500,
        }
    }
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::InvalidUuid { .. } => Some("id"),
            Self::MalformedJson { .. } | Self::InvalidBody { .. } => Some("body"),
            Self::DuplicateReference { .. } => Some("reference"),
            _ => None,
        }
    }
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            Self::RateLimited { .. } => Some(60),
            _ => None,
        }
    }
    pub fn message(&self) -> String {
        match self {
            Self::MissingAuthorizationHeader => "Missing Authorization header".into(),
            Self::InvalidApiKey => "Invalid or revoked API key".into(),
            Self::InvalidUuid { param } => format!("Validation failed ({param} is expected)"),
            Self::MalformedJson { reason } => {
                format!("The request body is not valid JSON: {reason}")
            }
            Self::InvalidBody { reason } => format!("The request body is invalid: {reason}"),
            Self::ReceivableNotFound { id } => format!("Receivable {id} not found"),
            Self::RouteNotFound { path } => format!("No route for {path}"),
            Self::MethodNotAllowed { method, path } => {
                format!("Method {method} is not allowed on {path}")
            }
            Self::DuplicateReference { reference } => {
                format!("A receivable with reference {reference} already exists")
            }
            Self::PayloadTooLarge { limit } => {
                format!("The request body is larger than {limit} bytes")
            }
            Self::UnsupportedMediaType => "Expected a body of type application/json".into(),
            Self::RateLimited { limit } => {
                format!("Too many requests: the limit is {limit} per minute")
            }
            Self::Internal => "An internal error occurred".into(),
        }
    }
    pub fn body(&self) -> Value {
        let st = StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut m = Map::new();
        m.insert(
            "type".into(),
            json!(format!(
                "https://docs.receivables.example/errors/{}",
                self.code()
            )),
        );
        m.insert(
            "title".into(),
            json!(match self.status() {
                413 => "Content Too Large",
                422 => "Unprocessable Content",
                _ => st.canonical_reason().unwrap_or_default(),
            }),
        );
        m.insert("status".into(), json!(self.status()));
        m.insert("detail".into(), json!(self.message()));
        m.insert("code".into(), json!(self.code()));
        if let Some(f) = self.field() {
            m.insert("field".into(), json!(f));
        }
        Value::Object(m)
    }
}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        let st = StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut res = (st, self.body().to_string()).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(s) = self.retry_after() {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        res
    }
}
