//! The generated code of every example catalog, exercised: for every example of every
//! error, the `Display` text, status, code lookup, docs URL, retry hints, attributes and
//! the body (as `body_json`, `write_body_json`, `CatalogError` and serde), compared with
//! what errcat-codegen's JSON rendering (`body::error_body`) and the model say.

use errcat::{BodyContext, CatalogError};
use errcat_catalog::{Catalog, VarValue};
use errcat_codegen::body::{self, Runtime};
use serde_json::Value;
use std::path::Path;

/// Loads a catalog by its path relative to this crate.
fn load(file: &str) -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let loaded = errcat_catalog::load(&path);
    let diags = loaded.render_diagnostics(false);
    loaded
        .catalog
        .unwrap_or_else(|| panic!("{file} does not load:\n{diags}"))
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"))
}

/// Run-time values with characters JSON must escape.
const TRACE: &str = "t-\"quoted\" \\ back\nslash\t\u{1}é";
const INSTANCE: &str = "/invoices/inv_1?x=<y>";

/// The checks that go through the facade's trait (usable on any catalog's errors).
fn check_error<E: CatalogError + serde::Serialize>(
    catalog: &Catalog,
    code: &str,
    ex: usize,
    err: &E,
) {
    let def = catalog
        .error(code)
        .unwrap_or_else(|| panic!("no error {code}"));
    let example = &def.examples[ex];
    let meta = err.meta();
    assert_eq!(meta.code(), code);
    assert_eq!(err.error_code(), code);
    assert_eq!(
        err.to_string(),
        def.message.render(&example.values),
        "{code}: Display"
    );
    assert_eq!(err.message(), err.to_string());
    assert_eq!(err.status_code(), *def.status, "{code}: status");
    assert_eq!(err.status_reason(), catalog.status_of(def).reason.as_str());
    assert_eq!(
        err.error_docs_url(),
        catalog.docs_url(def).as_deref(),
        "{code}: docs_url"
    );
    assert_eq!(err.retryable(), def.retryable, "{code}: retryable");
    assert_eq!(
        err.retry_after_secs(),
        def.retry_after,
        "{code}: retry_after"
    );
    assert_eq!(err.content_type(), catalog.body.content_type);
    assert_eq!(meta.title(), def.display_title());
    assert_eq!(meta.message(), def.message.text.as_str());
    // A field naming the error's own fields is in the body only (known at run time).
    assert_eq!(meta.field(), def.static_field());
    assert_eq!(meta.deprecated().is_some(), def.deprecated.is_some());
    assert_eq!(meta.status(), *def.status);
    assert_eq!(meta.reason(), catalog.status_of(def).reason.as_str());
    assert_eq!(
        meta.description(),
        def.description.as_deref().map(|d| d.trim_end())
    );
    assert_eq!(
        meta.remediation(),
        def.remediation.as_deref().map(|r| r.trim_end())
    );
    assert_eq!(meta.docs_url(), catalog.docs_url(def).as_deref());
    assert_eq!(meta.fields().len(), def.fields.len());
    for (f, d) in meta.fields().zip(&def.fields) {
        assert_eq!(f.ty, d.ty.as_str(), "{code}: field type");
        assert_eq!(f.description, d.description.as_deref().map(String::as_str));
    }
    let fields: Vec<&str> = meta.fields().map(|f| f.name).collect();
    let expected: Vec<&str> = def.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(fields, expected);
    // Response headers: the status's merged with the error's, as the model merges them.
    let headers: Vec<(&str, &str)> = meta.headers().collect();
    assert_eq!(headers, catalog.headers_of(def), "{code}: headers");
    let headers: Vec<(&str, &str)> = err.response_headers().collect();
    assert_eq!(headers, catalog.headers_of(def));
    for (name, value) in catalog.headers_of(def) {
        assert_eq!(meta.header(&name.to_ascii_uppercase()), Some(value));
    }

    // User attributes, as the model resolves them (the error's, else its status's).
    for a in &catalog.attributes {
        let var = errcat_catalog::Var::Attribute(a.name.to_string());
        let expected = catalog.static_value(def, &var).map(body::var_json);
        let got = meta.attribute(&a.name).map(|v| match v {
            errcat::AttrValue::Str(s) => Value::from(s),
            errcat::AttrValue::Int(i) => Value::from(i),
            errcat::AttrValue::Bool(b) => Value::from(b),
            errcat::AttrValue::Float(x) => Value::from(x),
        });
        assert_eq!(got, expected, "{code}: attribute {}", a.name.as_str());
    }

    // Bodies: without run-time values, with them, appended to a reused buffer, through
    // the trait object, and through serde.
    let plain = body::error_body(catalog, def, example, Runtime::default());
    assert_eq!(
        parse(&err.body(&BodyContext::default())),
        plain,
        "{code}: body"
    );
    let rt = Runtime {
        trace_id: Some(TRACE),
        instance: Some(INSTANCE),
        ..Default::default()
    };
    let ctx = BodyContext {
        trace_id: Some(TRACE),
        instance: Some(INSTANCE),
        ..Default::default()
    };
    let full = body::error_body(catalog, def, example, rt);
    assert_eq!(
        parse(&err.body(&ctx)),
        full,
        "{code}: body with run-time values"
    );
    let mut buf = String::from("prefix:");
    err.write_body(&mut buf, &ctx);
    assert_eq!(parse(buf.strip_prefix("prefix:").unwrap()), full);
    let dynamic: &dyn CatalogError = err;
    assert_eq!(parse(&dynamic.body(&ctx)), full);
    assert_eq!(serde_json::to_value(err).unwrap(), plain, "{code}: serde");
    // The writer's escaping is serde_json's.
    assert_eq!(
        err.body(&ctx),
        serde_json::to_string(&full).unwrap(),
        "{code}: JSON text"
    );
}

macro_rules! catalog_tests {
    ($module:ident, $file:literal) => {
        mod $module {
            use super::*;
            use errcat_compiled_tests::$module::{Error, Status, examples};

            // classic-http has no error: its enum is empty and the loop body unreachable.
            #[allow(unreachable_code, unused_variables)]
            #[test]
            fn every_example_of_every_error() {
                let catalog = load($file);
                let examples = examples();
                let expected: usize = catalog.errors.iter().map(|e| e.examples.len()).sum();
                assert_eq!(examples.len(), expected);
                for (code, ex, err) in &examples {
                    check_error(&catalog, code, *ex, err);
                    let def = catalog.error(code).unwrap();
                    // Inherent methods.
                    assert_eq!(err.code(), *code);
                    assert_eq!(err.status().code(), *def.status);
                    assert_eq!(
                        err.status().reason(),
                        catalog.status_of(def).reason.as_str()
                    );
                    assert_eq!(
                        err.status().to_string(),
                        format!("{} {}", *def.status, catalog.status_of(def).reason.as_str())
                    );
                    assert_eq!(err.docs_url(), catalog.docs_url(def).as_deref());
                    assert_eq!(err.is_retryable(), def.retryable);
                    assert_eq!(err.retry_after(), def.retry_after);
                    assert_eq!(err.title(), def.display_title());
                    let plain =
                        body::error_body(&catalog, def, &def.examples[*ex], Runtime::default());
                    assert_eq!(parse(&err.body_json()), plain);
                    let ctx = BodyContext {
                        trace_id: Some(TRACE),
                        instance: None,
                        ..Default::default()
                    };
                    let rt = Runtime {
                        trace_id: Some(TRACE),
                        instance: None,
                        ..Default::default()
                    };
                    assert_eq!(
                        parse(&err.body_json_with(&ctx)),
                        body::error_body(&catalog, def, &def.examples[*ex], rt)
                    );
                    let mut reused = String::new();
                    err.write_body_json(&mut reused, &ctx);
                    assert_eq!(reused, err.body_json_with(&ctx));
                    // http and axum integrations.
                    assert_eq!(err.http_status().as_u16(), *def.status);
                    assert_eq!(http::StatusCode::from(err.status()).as_u16(), *def.status);
                    let response = axum::response::IntoResponse::into_response(err.clone());
                    assert_eq!(response.status().as_u16(), *def.status);
                    assert_eq!(
                        response.headers().get(http::header::CONTENT_TYPE).unwrap(),
                        catalog.body.content_type.as_str()
                    );
                    assert_eq!(
                        response.headers().get(http::header::RETRY_AFTER).map(|v| v
                            .to_str()
                            .unwrap()
                            .parse::<u32>()
                            .unwrap()),
                        def.retry_after
                    );
                    let declared = catalog.headers_of(def);
                    for (name, value) in &declared {
                        let got: Vec<_> = response.headers().get_all(*name).iter().collect();
                        assert_eq!(got, [*value], "{code}: header {name}");
                    }
                    // Nothing else: the catalog's headers, Content-Type and Retry-After.
                    let expected = declared.len() + 1 + usize::from(def.retry_after.is_some());
                    assert_eq!(
                        response.headers().len(),
                        expected,
                        "{code}: {:?}",
                        response.headers()
                    );
                }
            }

            /// `Debug` and `PartialEq` go through the tables: they must print and compare
            /// as `#[derive(Debug, PartialEq)]` on the same enum does.
            #[allow(unreachable_code, unused_variables)]
            #[test]
            fn debug_and_eq_are_the_derived_ones() {
                use errcat_compiled_tests::$module::twin;
                let examples = examples();
                for (code, _, err) in &examples {
                    assert_eq!(format!("{err:?}"), format!("{:?}", twin(err)), "{code}");
                    assert_eq!(format!("{err:#?}"), format!("{:#?}", twin(err)), "{code}");
                    // `Clone` rebuilds the variant from copies of its values: the copy
                    // prints as the original's derived twin does, every field included.
                    assert_eq!(err.clone(), *err, "{code}");
                    assert_eq!(
                        format!("{:?}", err.clone()),
                        format!("{:?}", twin(err)),
                        "{code}"
                    );
                    for (other_code, _, other) in &examples {
                        assert_eq!(
                            err == other,
                            twin(err) == twin(other),
                            "{code} == {other_code}"
                        );
                    }
                }
            }

            #[test]
            fn lookup_by_code() {
                let catalog = load($file);
                assert_eq!(Error::ERRORS.len(), catalog.errors.len());
                for (meta, def) in Error::ERRORS.iter().zip(&catalog.errors) {
                    assert_eq!(meta.code(), def.code.as_str());
                    let found = Error::lookup(def.code.as_str()).expect("every code is found");
                    assert_eq!(found, meta, "{}", meta.code());
                    assert!(Error::lookup(&format!("{}_", meta.code())).is_none());
                    assert!(Error::lookup(&meta.code()[1..]).is_none());
                }
                for code in ["", "no_such_error", "NOT_FOUND", "x"] {
                    assert!(Error::lookup(code).is_none(), "{code}");
                }
                for retired in &catalog.retired {
                    assert!(Error::lookup(retired).is_none());
                }
            }

            #[test]
            fn statuses() {
                let catalog = load($file);
                assert_eq!(Status::ALL.len(), catalog.statuses.len());
                for (status, def) in Status::ALL.iter().zip(&catalog.statuses) {
                    assert_eq!(status.code(), def.code);
                    assert_eq!(u16::from(*status), def.code);
                    assert_eq!(status.reason(), def.reason.as_str());
                    assert_eq!(
                        status.description(),
                        def.description.as_deref().map(|d| d.trim_end())
                    );
                    assert_eq!(status.class().key(), def.class().key());
                    assert_eq!(Status::try_from(def.code), Ok(*status));
                    assert_eq!(
                        status.to_string(),
                        format!("{} {}", def.code, def.reason.as_str())
                    );
                    for (name, value) in &def.attributes {
                        let got = status.attribute(name).map(|v| v.to_string());
                        assert_eq!(
                            got,
                            Some(match value {
                                errcat_catalog::Scalar::Str(s) => s.clone(),
                                other => other.to_string(),
                            })
                        );
                    }
                    assert_eq!(http::StatusCode::from(*status).as_u16(), def.code);
                }
                for code in [0, 99, 299, 418, 599, 999, u16::MAX] {
                    if catalog.status(code).is_none() {
                        assert_eq!(Status::try_from(code), Err(errcat::UnknownStatus(code)));
                    }
                }
            }
        }
    };
}

catalog_tests!(classic_http, "../../examples/catalogs/classic-http.toml");
catalog_tests!(envelope, "../../examples/catalogs/envelope.toml");
catalog_tests!(kapwork, "../../examples/catalogs/kapwork.toml");
catalog_tests!(showcase, "../../examples/catalogs/showcase/errors.toml");
catalog_tests!(validation, "../../examples/catalogs/validation.toml");
catalog_tests!(edge, "catalogs/edge.toml");
catalog_tests!(names, "catalogs/names.toml");
catalog_tests!(empty, "catalogs/empty.toml");

mod derived {
    use super::*;
    use errcat_compiled_tests::derived::{Error, examples};

    const FILE: &str = "../../examples/catalogs/showcase/errors.toml";

    #[test]
    fn every_example_of_every_error() {
        let catalog = load(FILE);
        let examples = examples();
        let expected: usize = catalog.errors.iter().map(|e| e.examples.len()).sum();
        assert_eq!(examples.len(), expected);
        for (code, ex, err) in &examples {
            check_error(&catalog, code, *ex, err);
            let def = catalog.error(code).unwrap();
            let status = err.status();
            assert_eq!(status.code, *def.status);
            assert_eq!(status.reason, catalog.status_of(def).reason.as_str());
            assert_eq!(err.code(), *code);
            assert_eq!(err.http_status().as_u16(), *def.status);
        }
    }

    #[test]
    fn the_table_follows_the_enums_order() {
        let catalog = load(FILE);
        let codes: Vec<&str> = Error::ERRORS.iter().map(|m| m.code()).collect();
        let mut expected: Vec<&str> = catalog.errors.iter().map(|e| e.code.as_str()).collect();
        expected.reverse();
        assert_eq!(codes, expected);
        for code in expected {
            assert_eq!(Error::lookup(code).map(|m| m.code()), Some(code));
        }
        assert!(Error::lookup("card_declined_legacy").is_none());
    }
}

#[test]
fn edge_headers_are_merged_and_sent() {
    use errcat_compiled_tests::edge::Error;
    let all_types = Error::lookup("all_types").unwrap();
    assert_eq!(
        all_types.headers().collect::<Vec<_>>(),
        [
            ("x-edge", "from the error"),
            ("Cache-Control", "no-store"),
            ("X-Odd", "a\tb \"q\" \\ ~!#$%&'*+-.^_`|"),
        ]
    );
    let teapot = Error::lookup("teapot").unwrap();
    assert_eq!(
        teapot.headers().collect::<Vec<_>>(),
        [("Link", "<https://example.com/tea>; rel=\"help\"")]
    );
    assert_eq!(Error::lookup("internal").unwrap().headers().len(), 0);
    let (_, _, err) = errcat_compiled_tests::edge::examples()
        .into_iter()
        .find(|(code, _, _)| *code == "all_types")
        .unwrap();
    let response = axum::response::IntoResponse::into_response(err);
    let h = response.headers();
    assert_eq!(h.get("X-Edge").unwrap(), "from the error");
    assert_eq!(h.get("cache-control").unwrap(), "no-store");
    assert_eq!(
        h.get("x-odd").unwrap().as_bytes(),
        b"a\tb \"q\" \\ ~!#$%&'*+-.^_`|"
    );
}

#[test]
fn deprecated_errors_carry_their_deprecation() {
    let catalog = load("../../examples/catalogs/showcase/errors.toml");
    let def = catalog
        .error("payment_failed")
        .expect("the showcase deprecates it");
    let meta = errcat_compiled_tests::showcase::Error::lookup("payment_failed").unwrap();
    let d = meta.deprecated().expect("deprecated");
    let expected = def.deprecated.as_ref().unwrap();
    assert_eq!(d.since, expected.since.as_deref());
    assert_eq!(d.replaced_by, expected.replaced_by.as_deref());
    assert_eq!(d.note, expected.note.as_deref());
}

#[test]
fn the_static_value_of_every_placeholder_matches() {
    // Spot-check the model query the body comparison relies on, so that a broken
    // `static_value` cannot make both sides agree on nothing.
    let catalog = load("../../examples/catalogs/showcase/errors.toml");
    let def = catalog.error("rate_limited").unwrap();
    assert_eq!(
        catalog.static_value(def, &errcat_catalog::Var::RetryAfter),
        Some(VarValue::Int(30))
    );
    let err = errcat_compiled_tests::showcase::Error::RateLimited { limit: 600 };
    let body = parse(&err.body_json());
    assert_eq!(body["status"], 429);
    assert_eq!(body["detail"], "Too many requests: limit is 600 per minute");
    assert_eq!(
        body["type"],
        "https://docs.acme.example/errors/rate_limited"
    );
    assert!(body.get("trace_id").is_none());
}

/// Issue 17, case 16: `u32::MAX` seconds was the table's "none" marker.
#[test]
fn the_largest_retry_after_is_kept_and_sent() {
    use errcat_compiled_tests::names::Error;
    assert_eq!(Error::Slow.retry_after(), Some(u32::MAX));
    assert!(Error::Slow.is_retryable());
    assert_eq!(Error::Now.retry_after(), Some(0));
    assert_eq!(Error::Small.retry_after(), None);
    let response = axum::response::IntoResponse::into_response(Error::Slow);
    assert_eq!(
        response.headers().get(http::header::RETRY_AFTER).unwrap(),
        "4294967295"
    );
    let body = parse(&Error::Slow.body_json());
    assert_eq!(body["status"], 402);
}

/// Issue 17, cases 9 and 10: statuses whose reasons give the same name, another status's
/// fallback name or a generated item's name get `Status{code}`.
#[test]
fn colliding_status_names_fall_back_to_their_codes() {
    use errcat_compiled_tests::names::Status;
    let got: Vec<(u16, &str)> = Status::ALL.iter().map(|s| (s.code(), s.reason())).collect();
    assert_eq!(
        got,
        [
            (400, "Dup"),
            (401, "Dup"),
            (402, "Status 400"),
            (404, "Not Found"),
            (499, "aLL")
        ]
    );
    assert_eq!(Status::Status400.code(), 400);
    assert_eq!(Status::Status401.code(), 401);
    assert_eq!(Status::Status402.code(), 402);
    assert_eq!(Status::Status499.code(), 499);
    assert_eq!(Status::NotFound.code(), 404);
}

/// Issue 17, case 14: a `since` that is not semver is left out of `#[deprecated]` (clippy's
/// `deprecated_semver`), but the run time still has the catalog's own value.
#[test]
fn deprecation_versions_are_the_catalogs() {
    use errcat_compiled_tests::names::Error;
    for (code, since) in [
        ("old_short", "2.0"),
        ("old_v", "v2"),
        ("old_date", "2026-01-01"),
        ("old_empty", ""),
        ("old_semver", "1.2.3-beta.1"),
    ] {
        let d = Error::lookup(code).unwrap().deprecated().unwrap();
        assert_eq!(d.since, Some(since), "{code}");
    }
}

/// Issue 17, case 11: with no status and no error, the enums have no value and their
/// tables are empty.
#[test]
fn an_empty_catalog_has_empty_enums() {
    use errcat_compiled_tests::empty::{Error, Status};
    assert!(Status::ALL.is_empty());
    assert_eq!(Status::from_code(404), None);
    assert_eq!(Error::ERRORS.len(), 0);
    assert!(Error::lookup("anything").is_none());
}
