//! Grouped responses (`[groups.NAME]`) of examples/catalogs/validation.toml, built with the
//! generated `ExampleErrorList` and compared with RFC 9457's own example, with
//! errcat-codegen's rendering (`body::group_body`, what the docs show) and with the
//! markdown page.

use errcat::BodyContext;
use errcat_catalog::Catalog;
use errcat_codegen::body::{self, Runtime};
use errcat_compiled_tests::validation::{ExampleError, ExampleErrorList, ExampleStatus, examples};
use serde_json::{Value, json};
use std::path::Path;

const FILE: &str = "../../examples/catalogs/validation.toml";

fn catalog() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let loaded = errcat_catalog::load(&path);
    let diags = loaded.render_diagnostics(false);
    loaded.catalog.unwrap_or_else(|| panic!("{diags}"))
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"))
}

/// RFC 9457, section 3, as the RFC prints it.
fn rfc_9457_body() -> Value {
    json!({
        "type": "https://example.net/validation-error",
        "title": "Your request is not valid.",
        "errors": [
            {"detail": "must be a positive integer", "pointer": "#/age"},
            {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"}
        ]
    })
}

fn rfc_list() -> ExampleErrorList {
    let mut list = ExampleErrorList::validation();
    list.push(ExampleError::NotPositive {
        pointer: "#/age".into(),
    })
    .unwrap();
    list.push(ExampleError::NotAColor {
        pointer: "#/profile/color".into(),
    })
    .unwrap();
    list
}

#[test]
fn the_validation_group_sends_rfc_9457s_example() {
    let list = rfc_list();
    assert_eq!(parse(&list.body_json()), rfc_9457_body());
    assert_eq!(list.len(), 2);
    assert_eq!(list.status(), ExampleStatus::BadRequest);
    assert_eq!(list.status_code(), 400);
    assert_eq!(list.content_type(), "application/problem+json");
    // Run-time values the group's template does not use change nothing.
    let ctx = BodyContext::new()
        .with_trace_id("t")
        .with_values(&[("request_id", "r")]);
    assert_eq!(parse(&list.body_json_with(&ctx)), rfc_9457_body());
}

#[test]
fn the_markdown_page_shows_rfc_9457s_example() {
    let page = errcat_codegen::markdown::generate(&catalog());
    let section = page
        .split("### Your request is not valid. (validation)")
        .nth(1)
        .expect("a section for the validation group");
    let block = section
        .split("```json\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("an example");
    assert_eq!(parse(block), rfc_9457_body());
}

#[test]
fn an_error_the_group_does_not_list_is_handed_back() {
    let mut list = ExampleErrorList::validation();
    let other = ExampleError::ItemNotFound {
        item_id: "it_1".into(),
    };
    assert_eq!(list.push(other.clone()), Err(other));
    assert!(list.is_empty());
    assert_eq!(
        parse(&list.body_json()),
        json!({"type": "https://example.net/validation-error", "title": "Your request is not valid.", "errors": []})
    );
}

#[test]
fn absent_context_values_drop_their_members() {
    let mut list = ExampleErrorList::bulk();
    list.push(ExampleError::UnknownMember {
        name: "nickname".into(),
    })
    .unwrap();
    list.push(ExampleError::ItemNotFound {
        item_id: "it_93".into(),
    })
    .unwrap();
    let items = json!([
        {"code": "unknown_member", "detail": "Unknown member nickname", "pointer": "#/nickname"},
        {"code": "item_not_found", "detail": "No item it_93", "source": {"parameter": "it_93"}}
    ]);
    assert_eq!(list.status(), ExampleStatus::UnprocessableContent);
    assert_eq!(
        parse(&list.body_json()),
        json!({"errors": items, "meta": {}})
    );
    let ctx = BodyContext::new().with_values(&[("request_id", "req_1")]);
    assert_eq!(
        parse(&list.body_json_with(&ctx)),
        json!({"errors": items, "meta": {"request_id": "req_1"}})
    );
    let ctx = ctx.with_trace_id("abc");
    assert_eq!(
        parse(&list.body_json_with(&ctx)),
        json!({"errors": items, "meta": {"request_id": "req_1", "trace_id": "abc"}})
    );
}

#[test]
fn a_field_naming_the_errors_fields_is_filled_in_the_single_body() {
    let err = ExampleError::UnknownMember {
        name: "nickname".into(),
    };
    let body = parse(&err.body_json());
    assert_eq!(body["field"], "#/nickname");
    assert_eq!(err.meta().field(), None);
    let err = ExampleError::NotPositive {
        pointer: "#/items/3/qty".into(),
    };
    assert_eq!(parse(&err.body_json())["field"], "#/items/3/qty");
    assert_eq!(
        serde_json::to_value(&err).unwrap()["field"],
        "#/items/3/qty"
    );
}

/// Every group, with the items of its docs example, renders at run time as errcat-codegen
/// renders it, with and without run-time values.
#[test]
fn every_group_renders_as_the_docs_render_it() {
    let catalog = catalog();
    let values = examples();
    for g in &catalog.groups {
        let items = body::group_example_items(&catalog, g);
        assert!(
            items.len() >= 2,
            "{}: {} items",
            g.name.as_str(),
            items.len()
        );
        let mut list = match g.name.as_str() {
            "validation" => ExampleErrorList::validation(),
            "bulk" => ExampleErrorList::bulk(),
            "jsonapi" => ExampleErrorList::jsonapi(),
            other => panic!("a test for group {other}"),
        };
        for (e, ex) in &items {
            let index = e
                .examples
                .iter()
                .position(|x| std::ptr::eq(x, *ex))
                .unwrap();
            let (_, _, err) = values
                .iter()
                .find(|(code, i, _)| *code == e.code.as_str() && *i == index)
                .unwrap();
            list.push(err.clone()).unwrap();
        }
        let plain = body::group_body(&catalog, g, &items, Runtime::default());
        assert_eq!(parse(&list.body_json()), plain, "{}", g.name.as_str());
        let rt = Runtime {
            trace_id: Some("t\"1"),
            instance: Some("/x"),
            values: &[("request_id", "r\n1")],
            examples: false,
        };
        let ctx = BodyContext::new()
            .with_trace_id("t\"1")
            .with_instance("/x")
            .with_values(&[("request_id", "r\n1")]);
        assert_eq!(
            parse(&list.body_json_with(&ctx)),
            body::group_body(&catalog, g, &items, rt),
            "{}",
            g.name.as_str()
        );
    }
}

#[test]
fn axum_sends_the_groups_status_content_type_and_body() {
    use axum::response::IntoResponse;
    let response = rfc_list().into_response();
    assert_eq!(response.status().as_u16(), 400);
    assert_eq!(
        response.headers()[axum::http::header::CONTENT_TYPE],
        "application/problem+json"
    );
    let bytes = futures_body(response);
    assert_eq!(parse(&bytes), rfc_9457_body());
}

/// The body of a response, read without an async runtime (axum's bodies of `String`s are
/// ready at once).
fn futures_body(response: axum::response::Response) -> String {
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};
    let fut = axum::body::to_bytes(response.into_body(), usize::MAX);
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(Ok(bytes)) => String::from_utf8(bytes.to_vec()).unwrap(),
        other => panic!("body not ready: {:?}", other.is_ready()),
    }
}

#[test]
fn the_openapi_document_shows_rfc_9457s_example() {
    let doc = errcat_codegen::openapi::document(&catalog());
    let response = &doc["components"]["responses"]["ExampleError_group_validation"];
    let example = &response["content"]["application/problem+json"]["examples"]["validation"];
    assert_eq!(example["value"], rfc_9457_body());
    // The items are typed (not a bare array), and the list has no one-item limit.
    let errors =
        &doc["components"]["schemas"]["ExampleError_group_validation"]["properties"]["errors"];
    assert_eq!(errors["type"], "array");
    assert!(
        errors["items"]["properties"]["pointer"].is_object(),
        "{errors}"
    );
    assert!(errors.get("maxItems").is_none(), "{errors}");
}
