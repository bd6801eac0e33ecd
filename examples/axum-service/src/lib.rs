//! A receivables HTTP API whose every error response comes from its error catalog,
//! `errors.toml`: build.rs generates the `ServiceError` enum from it, with an
//! `axum::response::IntoResponse` implementation that writes the catalog's status, headers
//! and RFC 9457 body. Handlers, extractors and the router's fallbacks return nothing else.
//!
//! Receivables live in SQLite ([`store::SqliteStore`]). A database failure reaches the
//! handler as a `rusqlite::Error`, which `?` turns into `ServiceError::Internal` (the
//! catalog's `from`) holding it as its cause: the response is the catalog's 500 and nothing
//! of the failure, and the generated `into_response` logs it with its cause chain through
//! `tracing`, inside the request's span, which carries its trace id ([`trace`]).
//!
//! The OpenAPI document served at `/openapi.json` is `openapi.paths.json` (written by hand)
//! merged with the error components generated from the same catalog
//! (`errcat generate errors.toml --merge-into openapi.paths.json --openapi openapi.json`);
//! `.ci/run` checks it for drift.

#![deny(missing_docs)]

pub mod extract;
pub mod limit;
pub mod store;

/// The error enum generated from `errors.toml` by build.rs.
mod errors {
    include!(concat!(env!("OUT_DIR"), "/errors.rs"));
}
pub use errors::{ServiceError, ServiceStatus};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::{HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use extract::{ApiKey, JsonBody, ReceivableId};
use limit::RateLimiter;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::Arc;
use store::{Insert, Receivable, ReceivableStore};
use uuid::Uuid;

/// The service's OpenAPI document.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The largest `amount` accepted, in minor units (the OpenAPI schema's `maximum`).
pub const MAX_AMOUNT: i64 = 100_000_000_000;

/// The currencies accepted (the OpenAPI schema's `enum`).
pub const CURRENCIES: [&str; 5] = ["CHF", "EUR", "GBP", "JPY", "USD"];

/// How the service runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The bearer keys accepted.
    pub api_keys: Vec<String>,
    /// Requests allowed per key and minute.
    pub rate_limit: u32,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            api_keys: vec!["demo-key".to_owned()],
            rate_limit: 100,
            body_limit: 4096,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    store: Arc<dyn ReceivableStore>,
    api_keys: Arc<HashSet<String>>,
    limiter: Arc<RateLimiter>,
    body_limit: usize,
}

/// The service: routes, catalog errors for whatever the router refuses, the body limit.
pub fn app(config: Config, store: Arc<dyn ReceivableStore>) -> Router {
    let state = AppState {
        store,
        api_keys: Arc::new(config.api_keys.into_iter().collect()),
        limiter: Arc::new(RateLimiter::new(config.rate_limit)),
        body_limit: config.body_limit,
    };
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/receivables", get(list).post(create))
        .route("/receivables/{id}", get(fetch).delete(remove))
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(axum::middleware::from_fn(trace))
        .with_state(state)
}

/// The header a client (or a proxy) may send its request ID in.
pub const REQUEST_ID: &str = "x-request-id";

/// Runs the request inside a `request` span with its `trace_id` (the `X-Request-Id` the
/// client sent, when it is 1 to 64 visible ASCII characters, else a new UUID), its method
/// and path, so that every event of the request, the errors `into_response` logs
/// included, carries them.
pub async fn trace(request: Request, next: Next) -> Response {
    use tracing::Instrument as _;
    let trace_id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| (1..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_graphic()))
        .map_or_else(|| Uuid::new_v4().to_string(), str::to_owned);
    let span = tracing::info_span!(
        "request",
        trace_id = %trace_id,
        method = %request.method(),
        path = %request.uri().path(),
    );
    next.run(request).instrument(span).await
}

async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], OPENAPI)
}

/// A page of receivables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivableList {
    /// The receivables, oldest first.
    pub items: Vec<Receivable>,
}

/// The body of `POST /receivables`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewReceivable {
    /// The creditor's own reference (an invoice number): 1 to 64 characters, unique.
    pub reference: String,
    /// Who owes the money: 1 to 200 characters.
    pub debtor: String,
    /// The amount owed in minor units, 1 to [`MAX_AMOUNT`].
    #[serde(deserialize_with = "json_integer")]
    pub amount: i64,
    /// One of [`CURRENCIES`].
    pub currency: String,
}

impl NewReceivable {
    /// What the JSON shape alone does not check, as `invalid_body` reasons.
    fn validate(&self) -> Result<(), ServiceError> {
        let invalid = |reason: String| Err(ServiceError::InvalidBody { reason });
        let chars = |s: &str| s.chars().count();
        if !(1..=64).contains(&chars(&self.reference)) {
            return invalid("reference: must be 1 to 64 characters long".into());
        }
        if !(1..=200).contains(&chars(&self.debtor)) {
            return invalid("debtor: must be 1 to 200 characters long".into());
        }
        if !(1..=MAX_AMOUNT).contains(&self.amount) {
            return invalid(format!("amount: must be between 1 and {MAX_AMOUNT}"));
        }
        if !CURRENCIES.contains(&self.currency.as_str()) {
            return invalid(format!(
                "currency: must be one of {}",
                CURRENCIES.join(", ")
            ));
        }
        Ok(())
    }
}

/// A JSON Schema integer: a number without a fractional part, so `5.0` too (JSON Schema
/// counts it as an integer, and schemathesis sends such numbers). Integers beyond `i64`
/// saturate, to be refused by the range check.
fn json_integer<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    use serde::de::{Error, Unexpected};
    let n = serde_json::Number::deserialize(d)?;
    if let Some(i) = n.as_i64() {
        return Ok(i);
    }
    if n.as_u64().is_some() {
        return Ok(i64::MAX);
    }
    match n.as_f64() {
        // `as` saturates, which is what the range check wants.
        Some(x) if x.fract() == 0.0 => Ok(x as i64),
        Some(x) => Err(D::Error::invalid_value(Unexpected::Float(x), &"an integer")),
        None => Err(D::Error::custom("expected an integer")),
    }
}

async fn list(_: ApiKey, State(state): State<AppState>) -> Result<Response, ServiceError> {
    let items = state.store.list()?;
    Ok(axum::Json(ReceivableList { items }).into_response())
}

async fn create(
    _: ApiKey,
    State(state): State<AppState>,
    JsonBody(new): JsonBody<NewReceivable>,
) -> Result<Response, ServiceError> {
    new.validate()?;
    let receivable = Receivable {
        id: Uuid::new_v4(),
        reference: new.reference,
        debtor: new.debtor,
        // Validated: 1 to MAX_AMOUNT.
        amount: new.amount.unsigned_abs(),
        currency: new.currency,
    };
    match state.store.insert(receivable.clone())? {
        Insert::Created => {
            // A hyphenated UUID is always a valid header value.
            let location = HeaderValue::try_from(format!("/receivables/{}", receivable.id))
                .map_err(|e| ServiceError::Internal {
                    cause: Some(errcat::Cause::new(e)),
                })?;
            Ok((
                StatusCode::CREATED,
                [(LOCATION, location)],
                axum::Json(receivable),
            )
                .into_response())
        }
        Insert::DuplicateReference => Err(ServiceError::DuplicateReference {
            reference: receivable.reference,
        }),
    }
}

async fn fetch(
    _: ApiKey,
    ReceivableId(id): ReceivableId,
    State(state): State<AppState>,
) -> Result<Response, ServiceError> {
    match state.store.get(id)? {
        Some(r) => Ok(axum::Json(r).into_response()),
        None => Err(ServiceError::ReceivableNotFound { id: id.to_string() }),
    }
}

async fn remove(
    _: ApiKey,
    ReceivableId(id): ReceivableId,
    State(state): State<AppState>,
) -> Result<StatusCode, ServiceError> {
    if state.store.delete(id)? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ServiceError::ReceivableNotFound { id: id.to_string() })
    }
}

async fn route_not_found(uri: Uri) -> ServiceError {
    ServiceError::RouteNotFound {
        path: uri.path().to_owned(),
    }
}

async fn method_not_allowed(method: Method, uri: Uri) -> ServiceError {
    ServiceError::MethodNotAllowed {
        method: method.to_string(),
        path: uri.path().to_owned(),
    }
}
