//! Extractors whose rejections are catalog errors, so that no request the framework refuses
//! gets axum's default plain-text body.

use crate::{AppState, ServiceError};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use std::time::Instant;
use uuid::Uuid;

/// The API key of an authenticated request that is within its rate limit.
///
/// Refusals are catalog errors; the `WWW-Authenticate` challenge (RFC 6750) that RFC 9110
/// requires of a 401 is declared in `errors.toml` and sent by the generated `IntoResponse`.
#[derive(Debug, Clone)]
pub struct ApiKey(pub String);

impl FromRequestParts<AppState> for ApiKey {
    type Rejection = ServiceError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ServiceError> {
        authenticate(&parts.headers, state)
    }
}

fn authenticate(headers: &HeaderMap, state: &AppState) -> Result<ApiKey, ServiceError> {
    let key = bearer_token(headers)?;
    if !state.api_keys.contains(key) {
        return Err(ServiceError::InvalidApiKey);
    }
    if !state.limiter.allow(key, Instant::now()) {
        return Err(ServiceError::RateLimited {
            limit: u64::from(state.limiter.limit()),
        });
    }
    Ok(ApiKey(key.to_owned()))
}

/// The credentials of `Authorization: Bearer <key>` (the scheme is case-insensitive).
fn bearer_token(headers: &HeaderMap) -> Result<&str, ServiceError> {
    let value = headers
        .get(AUTHORIZATION)
        .ok_or(ServiceError::MissingAuthorizationHeader)?;
    // A header that is not visible ASCII cannot hold a key the service issued.
    let value = value.to_str().map_err(|_| ServiceError::InvalidApiKey)?;
    let (scheme, token) = value
        .split_once(' ')
        .ok_or(ServiceError::MissingAuthorizationHeader)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(ServiceError::MissingAuthorizationHeader);
    }
    Ok(token.trim())
}

/// The `{id}` path parameter, a hyphenated UUID.
#[derive(Debug, Clone, Copy)]
pub struct ReceivableId(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for ReceivableId {
    type Rejection = ServiceError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ServiceError> {
        let invalid = || ServiceError::InvalidUuid {
            param: "uuid".to_owned(),
        };
        // The only route with this extractor has exactly one parameter, so the sole way for
        // `Path` to fail is a segment that is not valid percent-encoded UTF-8.
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| invalid())?;
        // `Uuid::try_parse` also takes the simple, braced and URN forms; the API documents
        // the hyphenated form (OpenAPI `format: uuid`) only.
        if raw.len() != 36 {
            return Err(invalid());
        }
        Uuid::try_parse(&raw)
            .map(ReceivableId)
            .map_err(|_| invalid())
    }
}

/// A JSON request body: `Content-Type: application/json`, at most the configured size,
/// syntactically valid (else `malformed_json`) and of the expected shape (else
/// `invalid_body`, naming the member at fault).
#[derive(Debug, Clone)]
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ServiceError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ServiceError> {
        if !is_json(req.headers()) {
            return Err(ServiceError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ServiceError::PayloadTooLarge {
                    limit: state.body_limit as u64,
                }
            } else {
                ServiceError::MalformedJson {
                    reason: "the body could not be read".to_owned(),
                }
            }
        })?;
        parse(&bytes).map(JsonBody)
    }
}

/// Whether the request's content type is `application/json` (parameters allowed).
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}

/// Parses a JSON object body, telling syntax errors from shape errors.
///
/// The body is parsed to a [`serde_json::Value`] first: serde's derived structs also accept
/// a JSON array of their fields in order, which the API's schema (an object) does not
/// allow. Shape errors are then reported by member path, without a line and column.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ServiceError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ServiceError::MalformedJson {
            reason: e.to_string(),
        })?;
    if !value.is_object() {
        return Err(ServiceError::InvalidBody {
            reason: "expected a JSON object".to_owned(),
        });
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        ServiceError::InvalidBody {
            reason: if path == "." {
                inner.to_string()
            } else {
                format!("{path}: {inner}")
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Thing {
        n: u32,
    }

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    #[test]
    fn bearer_tokens() {
        let ok = headers(&[("authorization", "Bearer k1")]);
        assert_eq!(bearer_token(&ok).unwrap(), "k1");
        let lower = headers(&[("authorization", "bearer k2")]);
        assert_eq!(bearer_token(&lower).unwrap(), "k2");
        assert_eq!(
            bearer_token(&HeaderMap::new()).unwrap_err(),
            ServiceError::MissingAuthorizationHeader
        );
        let basic = headers(&[("authorization", "Basic dXNlcjpwdw==")]);
        assert_eq!(
            bearer_token(&basic).unwrap_err(),
            ServiceError::MissingAuthorizationHeader
        );
        let bare = headers(&[("authorization", "k1")]);
        assert_eq!(
            bearer_token(&bare).unwrap_err(),
            ServiceError::MissingAuthorizationHeader
        );
    }

    #[test]
    fn json_content_types() {
        assert!(is_json(&headers(&[("content-type", "application/json")])));
        assert!(is_json(&headers(&[(
            "content-type",
            "Application/JSON; charset=utf-8"
        )])));
        assert!(!is_json(&headers(&[("content-type", "text/plain")])));
        assert!(!is_json(&headers(&[("content-type", "application/jsonx")])));
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn syntax_errors_are_malformed_json_and_shape_errors_name_the_member() {
        assert_eq!(parse::<Thing>(br#"{"n": 3}"#).unwrap(), Thing { n: 3 });
        assert_eq!(
            parse::<Thing>(br#"{"n": 3"#).unwrap_err(),
            ServiceError::MalformedJson {
                reason: "EOF while parsing an object at line 1 column 7".into()
            }
        );
        assert_eq!(
            parse::<Thing>(br#"{"n": 3} x"#).unwrap_err(),
            ServiceError::MalformedJson {
                reason: "trailing characters at line 1 column 10".into()
            }
        );
        assert_eq!(
            parse::<Thing>(br#"{"n": "3"}"#).unwrap_err(),
            ServiceError::InvalidBody {
                reason: "n: invalid type: string \"3\", expected u32".into()
            }
        );
        assert_eq!(
            parse::<Thing>(br#"{"m": 3}"#).unwrap_err(),
            ServiceError::InvalidBody {
                reason: "m: unknown field `m`, expected `n`".into()
            }
        );
        assert_eq!(
            parse::<Thing>(b"{}").unwrap_err(),
            ServiceError::InvalidBody {
                reason: "missing field `n`".into()
            }
        );
        // A derived struct would take `[3]` as `{"n": 3}`: the API takes objects only.
        for body in [&b"[3]"[..], b"3", b"null", b"\"n\""] {
            assert_eq!(
                parse::<Thing>(body).unwrap_err(),
                ServiceError::InvalidBody {
                    reason: "expected a JSON object".into()
                }
            );
        }
    }
}
