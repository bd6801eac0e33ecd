//! Causes that stay on the server (catalogs/causes.toml), in the generated enum and in a
//! derived one: `source()` and `?` work, `Clone` shares and `PartialEq` ignores the cause,
//! the `tracing` log shows it, and no path a client sees (the axum response, the body in
//! every rendering, the message, the wire view's `Debug`, the docs, the OpenAPI document)
//! contains any of it.

#![allow(deprecated)]

use errcat::{BodyContext, CatalogError, Cause, Chain};
use errcat_compiled_tests::causes::{CausesDerived, CausesError, examples};
use std::error::Error as _;
use std::sync::{Arc, Mutex};

/// Text that only the cause holds: a path, SQL and a driver's message.
const MARKER: &str = "MARKER-51c0 /var/lib/receivables.db: SELECT secret FROM receivables; driver says: disk I/O error";

fn marker_io() -> std::io::Error {
    std::io::Error::other(MARKER)
}

/// One value of every error carrying a cause holding the marker (and the catalog's other
/// errors as they are), generated and derived.
fn generated_with_marker() -> Vec<CausesError> {
    let cause = || Some(Cause::new(marker_io()));
    vec![
        CausesError::from(marker_io()),
        CausesError::Internal { cause: cause() },
        CausesError::UpstreamFailed {
            host: "billing.internal".into(),
            cause: cause(),
        },
        CausesError::LegacyFailure { cause: cause() },
        CausesError::Timeout { cause: cause() },
        CausesError::BadRequest,
        CausesError::NotFound { id: "x-1".into() },
    ]
}

fn derived_with_marker() -> Vec<CausesDerived> {
    vec![
        CausesDerived::from(marker_io()),
        CausesDerived::Internal(Cause::new(marker_io())),
        CausesDerived::UpstreamFailed {
            source: marker_io(),
            host: "billing.internal".into(),
        },
        CausesDerived::LegacyFailure {
            cause: Some(Cause::new(marker_io())),
        },
    ]
}

/// Polls a future that is ready at once (a full response body): no runtime needed.
fn ready<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("the body is not ready"),
    }
}

/// Everything a client can see of `error`, as text: the axum response (status line,
/// headers, body) and the body, message and wire view in every form the API offers.
fn client_view<E>(error: E) -> String
where
    E: CatalogError + serde::Serialize + axum::response::IntoResponse + Clone,
{
    let ctx = BodyContext::new()
        .with_trace_id("trace-1")
        .with_instance("/items/1");
    let mut seen = vec![
        error.to_string(),
        error.message(),
        error.body(&ctx),
        error.body(&BodyContext::default()),
        serde_json::to_string(&error).expect("serializes"),
        format!("{:?}", errcat::Wire::new(&error)),
        errcat::Wire::new(&error).to_string(),
        errcat::Wire::new(&error).body(&ctx),
    ];
    for (name, value) in error.response_headers() {
        seen.push(format!("{name}: {value}"));
    }
    let response = error.into_response();
    seen.push(response.status().to_string());
    for (name, value) in response.headers() {
        seen.push(format!("{name}: {value:?}"));
    }
    let body = ready(axum::body::to_bytes(response.into_body(), 1 << 20)).expect("a body");
    seen.push(String::from_utf8_lossy(&body).into_owned());
    seen.join("\n")
}

/// The pieces of the marker a leak could show (any of them is a leak).
fn leaks(text: &str) -> Vec<&'static str> {
    [
        "MARKER-51c0",
        "receivables.db",
        "SELECT",
        "driver says",
        "disk I/O",
    ]
    .into_iter()
    .filter(|piece| text.contains(piece))
    .collect()
}

#[test]
fn no_path_a_client_sees_holds_the_cause() {
    for error in generated_with_marker() {
        // The cause is there, for the server...
        let has_cause = error.source().is_some();
        if has_cause {
            assert!(Chain::sources(&error).to_string().contains(MARKER));
            assert!(format!("{error:?}").contains(MARKER), "{error:?}");
        }
        // ...and nowhere a client looks.
        let code = error.code();
        let view = client_view(error.clone());
        assert!(
            leaks(&view).is_empty(),
            "{code} leaks {:?}:\n{view}",
            leaks(&view)
        );
        assert!(
            view.contains(code),
            "{code}: the view holds the error: {view}"
        );
    }
    for error in derived_with_marker() {
        assert!(Chain::sources(&error).to_string().contains(MARKER));
        let code = error.code();
        let mut view = vec![
            error.to_string(),
            error.body_json(),
            format!("{:?}", error.wire()),
        ];
        for (name, value) in error.meta().headers() {
            view.push(format!("{name}: {value}"));
        }
        let response = axum::response::IntoResponse::into_response(error);
        let body = ready(axum::body::to_bytes(response.into_body(), 1 << 20)).expect("a body");
        view.push(String::from_utf8_lossy(&body).into_owned());
        let view = view.join("\n");
        assert!(leaks(&view).is_empty(), "{code} leaks:\n{view}");
    }
}

/// The catalog's `from` types are Rust details: neither the docs nor the OpenAPI document
/// name them, or say that an error has a cause.
#[test]
fn docs_and_openapi_do_not_mention_causes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogs/causes.toml");
    let loaded = errcat_catalog::load(std::path::Path::new(path));
    let catalog = loaded.catalog.expect("the catalog loads");
    assert!(catalog.has_causes());
    let markdown = errcat_codegen::markdown::generate(&catalog);
    let openapi =
        serde_json::to_string(&errcat_codegen::openapi::document(&catalog)).expect("serializes");
    for (name, text) in [("markdown", &markdown), ("openapi", &openapi)] {
        for word in [
            "std::io",
            "ParseIntError",
            "fmt::Error",
            "errcat::Cause",
            "source()",
            "\"cause\"",
        ] {
            assert!(!text.contains(word), "{name} mentions {word:?}");
        }
        assert!(
            text.contains("upstream_failed"),
            "{name} documents the errors"
        );
    }
}

#[test]
fn question_mark_converts_the_catalogs_from_types() {
    fn read() -> Result<(), CausesError> {
        Err(marker_io())?;
        Ok(())
    }
    fn parse() -> Result<i64, CausesError> {
        Ok("x".parse::<i64>()?)
    }
    fn format() -> Result<(), CausesError> {
        Err(std::fmt::Error)?;
        Ok(())
    }
    let e = read().unwrap_err();
    assert_eq!(e.code(), "internal");
    assert!(e.source().unwrap().to_string().contains(MARKER));
    let io = match &e {
        CausesError::Internal { cause: Some(c) } => c.downcast_ref::<std::io::Error>(),
        other => panic!("{other:?}"),
    };
    assert!(io.is_some());
    assert_eq!(parse().unwrap_err().code(), "legacy_failure");
    assert_eq!(format().unwrap_err().code(), "internal");
    // The derive: `#[from]` on a field, and the catalog's `from` into a `Cause` field.
    fn derived() -> Result<(), CausesDerived> {
        std::time::SystemTime::UNIX_EPOCH.duration_since(std::time::SystemTime::now())?;
        Ok(())
    }
    let d = derived().unwrap_err();
    assert_eq!(d.code(), "timeout");
    assert!(d.source().is_some());
    let d = CausesDerived::from("x".parse::<i64>().unwrap_err());
    assert!(matches!(d, CausesDerived::LegacyFailure { cause: Some(_) }));
    assert!(CausesDerived::BadRequest.source().is_none());
    assert!(
        CausesDerived::NotFound { id: "1".into() }
            .source()
            .is_none()
    );
}

#[test]
fn source_is_the_cause_and_the_chain_follows_it() {
    let nested = std::io::Error::other(CausesError::Timeout {
        cause: Some(Cause::new(marker_io())),
    });
    let e = CausesError::Internal {
        cause: Some(Cause::new(nested)),
    };
    // `io::Error` is transparent too: its `source()` is the `source()` of what it wraps.
    let chain: Vec<String> = Chain::sources(&e).map(|s| s.to_string()).collect();
    assert_eq!(chain, ["Timed out", MARKER]);
    assert_eq!(
        Chain::sources(&e).to_string(),
        format!("Timed out: {MARKER}")
    );
    assert!(CausesError::Internal { cause: None }.source().is_none());
    assert!(CausesError::BadRequest.source().is_none());
}

/// `Clone` shares the cause; `PartialEq` is the wire contract's, whatever the cause (see
/// `errcat::Cause`); `Debug` prints what `#[derive(Debug)]` would, cause included.
#[test]
fn clone_eq_and_debug_of_errors_with_causes() {
    let a = CausesError::Internal {
        cause: Some(Cause::new(marker_io())),
    };
    let b = a.clone();
    match (&a, &b) {
        (CausesError::Internal { cause: Some(x) }, CausesError::Internal { cause: Some(y) }) => {
            assert!(std::ptr::addr_eq(x.get(), y.get()));
        }
        _ => unreachable!(),
    }
    assert_eq!(a, CausesError::Internal { cause: None });
    assert_eq!(
        CausesError::UpstreamFailed {
            host: "a".into(),
            cause: None
        },
        CausesError::UpstreamFailed {
            host: "a".into(),
            cause: Some(Cause::new(marker_io()))
        }
    );
    assert_ne!(
        CausesError::UpstreamFailed {
            host: "a".into(),
            cause: None
        },
        CausesError::UpstreamFailed {
            host: "b".into(),
            cause: None
        }
    );
    assert_ne!(a, CausesError::Timeout { cause: None });
    // `Debug` as derived (the twin derives it), and the wire view without the cause.
    let upstream = CausesError::UpstreamFailed {
        host: "h".into(),
        cause: Some(Cause::new(marker_io())),
    };
    let twin = errcat_compiled_tests::causes::twin(&upstream);
    assert_eq!(format!("{upstream:?}"), format!("{twin:?}"));
    assert_eq!(format!("{upstream:#?}"), format!("{twin:#?}"));
    assert_eq!(
        format!("{:?}", upstream.wire()),
        r#"UpstreamFailed { host: "h" }"#
    );
    assert_eq!(format!("{:?}", a.wire()), "Internal");
    for (_, _, e) in examples() {
        let twin = errcat_compiled_tests::causes::twin(&e);
        assert_eq!(format!("{e:?}"), format!("{twin:?}"));
    }
}

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

fn capture(level: tracing::Level, f: impl FnOnce()) -> String {
    let out = Captured::default();
    let writer = out.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_ansi(false)
        .without_time()
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, f);
    out.text()
}

#[test]
fn into_response_logs_server_errors_with_their_cause_and_client_errors_at_debug() {
    let log = capture(tracing::Level::DEBUG, || {
        let span = tracing::info_span!("request", trace_id = "trace-42");
        let _entered = span.enter();
        let _ = axum::response::IntoResponse::into_response(CausesError::from(marker_io()));
        let _ =
            axum::response::IntoResponse::into_response(CausesError::NotFound { id: "x-1".into() });
        let _ = axum::response::IntoResponse::into_response(CausesError::Internal { cause: None });
    });
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 3, "{log}");
    let server = lines[0];
    assert!(server.starts_with("ERROR"), "{server}");
    for part in [
        "trace_id=\"trace-42\"",
        "An internal error occurred",
        "code=\"internal\"",
        "status=500",
        MARKER,
    ] {
        assert!(server.contains(part), "{part} missing from {server}");
    }
    let client = lines[1];
    assert!(client.starts_with("DEBUG"), "{client}");
    assert!(client.contains("code=\"not_found\"") && client.contains("status=404"));
    assert!(
        client.contains("No item x-1") && !client.contains("cause="),
        "{client}"
    );
    assert!(
        lines[2].starts_with("ERROR") && !lines[2].contains("cause="),
        "{}",
        lines[2]
    );

    // At INFO, client errors are not recorded.
    let log = capture(tracing::Level::INFO, || {
        CausesError::BadRequest.log();
        CausesError::Timeout {
            cause: Some(Cause::new(marker_io())),
        }
        .log();
    });
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(
        log.contains("code=\"timeout\"") && log.contains(MARKER),
        "{log}"
    );
}
