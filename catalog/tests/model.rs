//! The model's queries and ordering contract, on a small catalog made of two files.

use errcat_catalog::{
    Catalog, FieldType, Piece, Scalar, StatusClass, Template, Var, VarValue, load_with,
};
use std::borrow::Cow;
use std::path::Path;

const ROOT: &str = r#"
[catalog]
name = "Demo API"
extends = "http"
docs_url = "https://docs.example.com/errors/{status}#{code}"
include = ["auth.toml"]
retired = ["old_code"]

[attributes.layer]
type = "string"
values = ["edge", "app"]

[attributes.severity]
type = "integer"
applies_to = ["errors"]

[statuses.422]
[statuses.404]
attributes = { layer = "app" }

[errors.user_not_found]
status = 404
title = "User not found"
message = "No user {user_id} in {org}"
field = "user_id"
attributes = { severity = 2 }
fields.user_id = { type = "string", example = "u_1" }
fields.org = { type = "unsigned" }

[errors.invalid_amount]
status = 422
message = "Bad amount"
retry_after = 5
attributes = { layer = "edge" }
body = { error = "{code}", after = "{retry_after}" }
"#;

const AUTH: &str = r#"
[statuses.401]

[errors.invalid_api_key]
status = 401
message = "Invalid API key"
"#;

fn catalog() -> Catalog {
    let loaded = load_with(
        Path::new("dir/errors.toml"),
        &mut |p: &Path| match p.to_str() {
            Some("dir/errors.toml") => Ok(ROOT.to_owned()),
            Some("dir/auth.toml") => Ok(AUTH.to_owned()),
            _ => Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such file",
            )),
        },
    );
    assert!(
        loaded.diagnostics.is_empty(),
        "{}",
        loaded.render_diagnostics(false)
    );
    assert_eq!(
        loaded.sources.disk_paths().collect::<Vec<_>>(),
        [Path::new("dir/errors.toml"), Path::new("dir/auth.toml")]
    );
    loaded.catalog.expect("valid")
}

#[test]
fn statuses_are_sorted_and_errors_keep_declaration_order_includes_first() {
    let c = catalog();
    let codes: Vec<u16> = c.statuses.iter().map(|s| s.code).collect();
    assert_eq!(codes, [401, 404, 422]);
    let errors: Vec<&str> = c.errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        errors,
        ["invalid_api_key", "user_not_found", "invalid_amount"]
    );
    let attrs: Vec<&str> = c.attributes.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(attrs, ["layer", "severity"]);
    assert_eq!(c.retired[0].as_str(), "old_code");
}

#[test]
fn statuses_inherit_from_the_extended_catalog() {
    let c = catalog();
    let s = c.status(422).expect("declared");
    assert_eq!(s.reason.as_str(), "Unprocessable Content");
    assert_eq!(s.variant, "UnprocessableContent");
    assert!(s.aliases.iter().any(|a| a == "Unprocessable Entity"));
    assert_eq!(s.reference.as_deref(), Some("RFC 9110, Section 15.5.21"));
    assert!(s.is_registered());
    assert_eq!(s.class(), StatusClass::ClientError);
    assert!(c.status(500).is_none(), "extending does not declare");
    assert_eq!(
        c.status(404).and_then(|s| s.attribute("layer")),
        Some(&Scalar::Str("app".into()))
    );
}

#[test]
fn error_queries() {
    let c = catalog();
    let e = c.error("user_not_found").expect("declared");
    assert!(c.error("USER_NOT_FOUND").is_none(), "exact match only");
    assert_eq!(e.variant, "UserNotFound");
    assert_eq!(e.display_title(), "User not found");
    assert_eq!(c.status_of(e).code, 404);
    let with_404: Vec<&str> = c.errors_with_status(404).map(|e| e.code.as_str()).collect();
    assert_eq!(with_404, ["user_not_found"]);
    assert_eq!(
        c.docs_url(e).as_deref(),
        Some("https://docs.example.com/errors/404#user_not_found")
    );
    // Fields, in message order of declaration, and the message pieces that refer to them.
    assert_eq!(e.fields[1].ty, FieldType::Unsigned);
    assert_eq!(
        e.fields[1].example,
        Scalar::Int(0),
        "the type's default example"
    );
    assert_eq!(
        e.message.pieces,
        [
            Piece::Lit("No user ".into()),
            Piece::Field(0),
            Piece::Lit(" in ".into()),
            Piece::Field(1)
        ]
    );
    assert_eq!(
        e.examples.len(),
        1,
        "one example made from the fields' examples"
    );
    assert_eq!(e.message.render(&e.examples[0].values), "No user u_1 in 0");
    assert!(!e.retryable);
    let amount = c.error("invalid_amount").expect("declared");
    assert!(amount.retryable, "retry_after implies retryable");
    assert_eq!(amount.retry_after, Some(5));
    assert_eq!(amount.display_title(), "invalid_amount");
}

#[test]
fn body_templates_and_static_values() {
    let c = catalog();
    let e = c.error("user_not_found").expect("declared");
    // The default body is RFC 9457 problem details.
    assert_eq!(c.body.content_type, "application/problem+json");
    assert!(std::ptr::eq(c.body_of(e), &c.body.template));
    let Template::Object(members) = c.body_of(e) else {
        panic!("an object")
    };
    let names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "type", "title", "status", "detail", "instance", "code", "field", "fields", "trace_id"
        ]
    );

    let amount = c.error("invalid_amount").expect("declared");
    assert_eq!(
        c.body_of(amount),
        &Template::Object(vec![
            ("error".into(), Template::Var(Var::Code)),
            ("after".into(), Template::Var(Var::RetryAfter)),
        ])
    );

    let value = |e, var: Var| c.static_value(e, &var);
    assert_eq!(value(e, Var::Status), Some(VarValue::Int(404)));
    assert_eq!(
        value(e, Var::Reason),
        Some(VarValue::Str(Cow::Borrowed("Not Found")))
    );
    assert_eq!(
        value(e, Var::Field),
        Some(VarValue::Str(Cow::Borrowed("user_id")))
    );
    assert_eq!(
        value(e, Var::Type),
        Some(VarValue::Str(Cow::Owned(
            "https://docs.example.com/errors/404#user_not_found".into()
        )))
    );
    assert_eq!(value(e, Var::Message), None, "known at run time only");
    assert_eq!(value(e, Var::RetryAfter), None, "absent");
    assert_eq!(value(amount, Var::RetryAfter), Some(VarValue::Int(5)));
    // Attributes: the error's own value, else its status's.
    assert_eq!(
        value(e, Var::Attribute("severity".into())),
        Some(VarValue::Scalar(&Scalar::Int(2)))
    );
    assert_eq!(
        value(e, Var::Attribute("layer".into())),
        Some(VarValue::Scalar(&Scalar::Str("app".into())))
    );
    assert_eq!(
        value(amount, Var::Attribute("layer".into())),
        Some(VarValue::Scalar(&Scalar::Str("edge".into())))
    );
    assert_eq!(value(amount, Var::Attribute("severity".into())), None);
}

#[test]
fn vars_and_classes_round_trip() {
    for name in Var::BUILTIN {
        let var = Var::builtin(name).expect("a built-in");
        assert_eq!(var.name(), name);
    }
    assert!(Var::builtin("nope").is_none());
    for key in ["1xx", "2xx", "3xx", "4xx", "5xx"] {
        assert_eq!(StatusClass::from_key(key).map(StatusClass::key), Some(key));
    }
    assert_eq!(StatusClass::of(599), StatusClass::ServerError);
    assert!(StatusClass::from_key("6xx").is_none());
    assert!(FieldType::Float.accepts(&Scalar::Int(1)));
    assert!(!FieldType::Unsigned.accepts(&Scalar::Int(-1)));
    assert!(!FieldType::String.accepts(&Scalar::Bool(true)));
}

/// A valid one-file catalog.
fn load(text: &str) -> Catalog {
    errcat_catalog::load_str("errors.toml", text)
        .catalog
        .expect("valid catalog")
}

#[test]
fn headers_merge_status_then_error_case_insensitively() {
    let text = r#"
[catalog]
name = "Demo"
extends = "http"

[statuses.401.headers]
WWW-Authenticate = 'Bearer realm="demo"'
Cache-Control = "no-store"

[statuses.403]

[errors.unauthenticated]
status = 401
message = "Sign in first"

[errors.expired]
status = 401
message = "Token expired"
headers = { X-Reason = "expired", www-authenticate = 'Bearer error="invalid_token"' }

[errors.forbidden]
status = 403
message = "No"
"#;
    let c = load(text);
    let of = |code: &str| c.headers_of(c.error(code).expect("declared"));
    assert_eq!(
        of("unauthenticated"),
        [
            ("WWW-Authenticate", "Bearer realm=\"demo\""),
            ("Cache-Control", "no-store")
        ]
    );
    // The error's header replaces the status's in place; its new one comes last.
    assert_eq!(
        of("expired"),
        [
            ("www-authenticate", "Bearer error=\"invalid_token\""),
            ("Cache-Control", "no-store"),
            ("X-Reason", "expired")
        ]
    );
    assert!(of("forbidden").is_empty());
    assert_eq!(c.status(401).expect("declared").headers.len(), 2);
}

/// `docs_url` follows the placeholder syntax of every template: `{{` and `}}` are literal
/// braces, not the start of a placeholder.
#[test]
fn docs_url_unescapes_doubled_braces() {
    let text = r#"
[catalog]
name = "Braces"
extends = "http"
docs_url = "https://x.example/{{code}}/{status}/{code}?q={{{code}}}&s={{status}}"

[statuses.404]

[errors.not_found]
status = 404
message = "Not found"
"#;
    let catalog = load(text);
    let error = &catalog.errors[0];
    assert_eq!(
        catalog.docs_url(error).as_deref(),
        Some("https://x.example/{code}/404/not_found?q={not_found}&s={status}")
    );
}

#[test]
fn operations_return_their_own_and_the_common_errors() {
    let text = r#"
[catalog]
name = "Demo"
extends = "http"

[statuses.401]
[statuses.404]
[statuses.409]

[errors.invalid_key]
status = 401
message = "Invalid key"

[errors.not_found]
status = 404
message = "Not found"

[errors.route_not_found]
status = 404
message = "No route"

[errors.conflict]
status = 409
message = "Conflict"

[operations]
common = ["invalid_key"]
unrouted = ["route_not_found"]

[operations.getThing]
method = "get"
path = "/things/{id}"
# Listed out of order, and the common one again: the model keeps the catalog's order.
errors = ["not_found", "invalid_key"]

[operations.createThing]
errors = ["conflict"]
"#;
    let catalog = load(text);
    let ops = catalog.operations.as_ref().expect("operations");
    let get = ops.get("getThing").expect("getThing");
    assert_eq!(
        get.route.as_ref().map(|(m, p)| (m.as_str(), p.as_str())),
        Some(("GET", "/things/{id}"))
    );
    assert!(std::ptr::eq(
        ops.at(errcat_catalog::Method::Get, "/things/{id}").unwrap(),
        get
    ));
    assert!(
        ops.at(errcat_catalog::Method::Post, "/things/{id}")
            .is_none()
    );
    let codes = |op| -> Vec<&str> {
        catalog
            .operation_errors(op)
            .map(|e| e.code.as_str())
            .collect()
    };
    assert_eq!(codes(get), ["invalid_key", "not_found"]);
    let create = ops.get("createThing").expect("createThing");
    assert!(create.route.is_none());
    assert_eq!(codes(create), ["invalid_key", "conflict"]);
    let statuses: Vec<u16> = catalog.operation_statuses(get).map(|s| s.code).collect();
    assert_eq!(statuses, [401, 404]);
    // The unrouted error is returned (to no operation): the lint is quiet.
    assert!(ops.is_returned("route_not_found"));
    assert!(!ops.returns(get, "route_not_found"));
    let loaded = errcat_catalog::load_str("errors.toml", text);
    assert!(loaded.diagnostics.is_empty());
}
