//! The OpenAPI emitter: snapshots of every example catalog, validation with
//! openapi-spec-validator, examples checked against their schemas (in Python, with the
//! `jsonschema` package openapi-spec-validator depends on), and `merge`.

use errcat_codegen::body;
use errcat_codegen::catalog::Catalog;
use errcat_codegen::openapi;
use serde_json::Value;
use std::path::PathBuf;

mod common;
use common::*;

fn load_text(text: &str) -> Catalog {
    let loaded = errcat_catalog::load_str("test.toml", text);
    let diags = loaded.render_diagnostics(false);
    loaded.catalog.unwrap_or_else(|| panic!("{diags}"))
}

#[test]
fn covers_every_example_catalog() {
    let names: Vec<String> = example_catalogs().into_iter().map(|(n, _)| n).collect();
    for expected in ["classic-http", "envelope", "kapwork", "showcase"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }
}

#[test]
fn snapshots() {
    for (name, catalog) in example_catalogs() {
        let doc = openapi::document(&catalog);
        insta::assert_snapshot!(format!("{name}_json"), openapi::to_json(&doc));
        insta::assert_snapshot!(format!("{name}_yaml"), openapi::to_yaml(&doc));
    }
    // The 3.0.3 translation of the catalog that uses every feature.
    let showcase = example_catalogs()
        .into_iter()
        .find(|(n, _)| n == "showcase")
        .unwrap()
        .1;
    insta::assert_snapshot!(
        "showcase_3_0_json",
        openapi::to_json(&openapi::document_for(&showcase, openapi::Version::V3_0))
    );
}

#[test]
fn deterministic_and_yaml_round_trips() {
    for (name, catalog) in example_catalogs() {
        let a = openapi::document(&catalog);
        let json = openapi::to_json(&a);
        assert!(json.ends_with("}\n"), "{name}: JSON ends with a newline");
        // A second load of the same files gives the same bytes.
        let again = example_catalogs()
            .into_iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1;
        assert_eq!(json, openapi::to_json(&openapi::document(&again)), "{name}");
        let yaml = openapi::to_yaml(&a);
        let back: Value = serde_yaml_ng::from_str(&yaml).expect("YAML parses");
        assert_eq!(back, a, "{name}: YAML holds the same document");
        let back: Value = serde_json::from_str(&json).expect("JSON parses");
        assert_eq!(back, a, "{name}: JSON holds the same document");
    }
}

fn write_temp(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

#[test]
fn passes_openapi_spec_validator() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, catalog) in example_catalogs() {
        let doc = openapi::document(&catalog);
        for (file, text) in [
            (format!("{name}.json"), openapi::to_json(&doc)),
            (format!("{name}.yaml"), openapi::to_yaml(&doc)),
        ] {
            let path = write_temp(&dir, &file, &text);
            assert_valid_openapi(&path, &file);
        }
    }
}

/// Validates every example of every response against the response's schema (with the
/// document's components for `$ref`s), and checks that each example stops validating when
/// its error code is replaced by one the status does not return.
const CHECK_EXAMPLES: &str = r#"
import json, sys
from jsonschema import Draft202012Validator

doc = json.load(open(sys.argv[1]))
checked = 0
rejected = 0
groups = 0
failures = []

def replace(value, old, new):
    if value == old:
        return new
    if isinstance(value, dict):
        return {k: replace(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [replace(v, old, new) for v in value]
    return value

for rname, response in doc["components"]["responses"].items():
    for mtype, media in response.get("content", {}).items():
        root = {"components": doc["components"], "allOf": [media["schema"]]}
        Draft202012Validator.check_schema(root)
        validator = Draft202012Validator(root)
        for ename, example in media.get("examples", {}).items():
            errors = list(validator.iter_errors(example["value"]))
            if errors:
                failures.append(f"{rname} {ename}: {errors[0].message}")
            code = example.get("x-errcat-code")
            if code is None:
                # A grouped response's example (several errors): validated, not counted.
                groups += 1
                continue
            checked += 1
            wrong = replace(example["value"], code, "not_a_code_of_this_status")
            if wrong != example["value"]:
                if validator.is_valid(wrong):
                    failures.append(f"{rname} {ename}: a foreign code validates")
                rejected += 1

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"{checked} {rejected} {groups}")
"#;

#[test]
fn examples_validate_against_their_schemas() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, catalog) in example_catalogs() {
        let doc = openapi::document(&catalog);
        let path = write_temp(&dir, &format!("{name}.json"), &openapi::to_json(&doc));
        let out = python(CHECK_EXAMPLES, &[&path]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: examples do not validate:\n{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let counts: Vec<usize> = stdout
            .split_whitespace()
            .map(|n| n.parse().expect("counts"))
            .collect();
        let examples: usize = catalog.errors.iter().map(|e| e.examples.len()).sum();
        assert_eq!(counts[0], examples, "{name}: every example was checked");
        let with_code = catalog
            .errors
            .iter()
            .filter(|e| {
                body::example_body(&catalog, e)
                    .to_string()
                    .contains(&format!("\"{}\"", e.code.as_str()))
            })
            .map(|e| e.examples.len())
            .sum::<usize>();
        assert_eq!(counts[1], with_code, "{name}: foreign codes were tried");
        assert_eq!(
            counts[2],
            catalog.groups.len(),
            "{name}: one example per group"
        );
    }
}

#[test]
fn one_response_per_status_with_an_example_per_error() {
    for (name, catalog) in example_catalogs() {
        let doc = openapi::document(&catalog);
        let responses = doc["components"]["responses"].as_object().unwrap();
        // One per status, and one per grouped response (several errors).
        assert_eq!(
            responses.len(),
            catalog.statuses.len() + catalog.groups.len(),
            "{name}"
        );
        for status in &catalog.statuses {
            let errors: Vec<_> = catalog.errors_with_status(status.code).collect();
            // Error statuses are named after the error type, the others after the status
            // type.
            let is_error = status.code >= 400 || !errors.is_empty();
            let prefix = if is_error {
                &catalog.rust.error_enum
            } else {
                &catalog.rust.status_enum
            };
            let r = &responses[&format!("{prefix}_{}", status.code)];
            assert_eq!(r[openapi::GENERATED_MARKER], catalog.name.as_str());
            assert!(
                r["description"]
                    .as_str()
                    .unwrap()
                    .starts_with(status.reason.as_str())
            );
            if errors.is_empty() {
                assert!(r["content"][&catalog.body.content_type]["examples"].is_null());
                continue;
            }
            let media = &r["content"][&catalog.body.content_type];
            let examples = media["examples"].as_object().unwrap();
            let mut expected = Vec::new();
            for e in &errors {
                for (i, ex) in e.examples.iter().enumerate() {
                    let key = if i == 0 {
                        e.code.to_string()
                    } else {
                        format!("{}.{}", e.code.as_str(), i + 1)
                    };
                    let example = &examples[&key];
                    assert_eq!(
                        example["value"],
                        body::error_body(&catalog, e, ex, body::EXAMPLE_RUNTIME),
                        "{name} {key}"
                    );
                    if i == 0 {
                        assert_eq!(example["value"], body::example_body(&catalog, e));
                    }
                    assert_eq!(
                        example["x-errcat-deprecated"].is_object(),
                        e.deprecated.is_some()
                    );
                    for (attr, value) in &e.attributes {
                        assert_eq!(
                            example["x-errcat-attributes"][attr],
                            body::scalar_json(value),
                            "{name} {key} {attr}"
                        );
                    }
                    expected.push(key);
                }
            }
            let keys: Vec<&String> = examples.keys().collect();
            assert_eq!(keys, expected.iter().collect::<Vec<_>>(), "{name}");
            for (attr, value) in &status.attributes {
                assert_eq!(r["x-errcat-attributes"][attr], body::scalar_json(value));
            }
        }
    }
}

#[test]
fn each_error_has_its_own_schema_and_statuses_are_unions_discriminated_by_code() {
    let catalog = example_catalogs()
        .into_iter()
        .find(|(n, _)| n == "showcase")
        .unwrap()
        .1;
    let doc = openapi::document(&catalog);
    let schemas = &doc["components"]["schemas"];
    let s409 = &schemas["BillingError_409"];
    assert_eq!(s409["title"], "Conflict (409)");
    let refs = |names: &[&str]| -> Value {
        names
            .iter()
            .map(
                |n| serde_json::json!({ "$ref": format!("#/components/schemas/BillingError_{n}") }),
            )
            .collect()
    };
    assert_eq!(
        s409["oneOf"],
        refs(&["InvoiceAlreadyPaid", "PaymentFailed", "CardDeclined"])
    );
    assert_eq!(
        s409["discriminator"],
        serde_json::json!({
            "propertyName": "code",
            "mapping": {
                "invoice_already_paid": "#/components/schemas/BillingError_InvoiceAlreadyPaid",
                "payment_failed": "#/components/schemas/BillingError_PaymentFailed",
                "card_declined": "#/components/schemas/BillingError_CardDeclined",
            }
        })
    );
    // One error's schema: every value known before run time is a constant; members the
    // error never sends are left out; the rest keep their types.
    let paid = &schemas["BillingError_InvoiceAlreadyPaid"];
    assert_eq!(paid["title"], "Invoice already paid");
    let props = &paid["properties"];
    assert_eq!(props["code"]["const"], "invoice_already_paid");
    assert_eq!(props["status"]["const"], 409);
    assert_eq!(props["title"]["const"], "Conflict");
    assert_eq!(
        props["type"]["const"],
        "https://docs.acme.example/errors/invoice_already_paid"
    );
    assert_eq!(props["detail"]["type"], "string");
    assert!(props["detail"].get("const").is_none());
    assert!(props.get("field").is_none(), "the error has no field");
    // `{fields}`: the error's typed fields, each of its type, all sent.
    assert_eq!(props["fields"]["type"], "object");
    assert_eq!(
        props["fields"]["properties"],
        serde_json::json!({ "invoice_id": { "type": "string" } })
    );
    assert_eq!(
        props["fields"]["required"],
        serde_json::json!(["invoice_id"])
    );
    assert_eq!(
        paid["required"],
        serde_json::json!(["type", "title", "status", "detail", "code", "fields"])
    );
    let amount = &schemas["BillingError_InvalidAmount"]["properties"];
    assert_eq!(amount["field"]["const"], "amount");
    assert_eq!(
        amount["fields"]["properties"]["max"],
        serde_json::json!({ "type": "integer", "description": "The largest amount allowed." })
    );
    assert_eq!(
        amount["fields"]["required"],
        serde_json::json!(["amount", "min", "max"])
    );
    // An error without fields never sends the member.
    let internal = &schemas["BillingError_Internal"];
    assert!(internal["properties"].get("fields").is_none());
    assert_eq!(schemas["BillingError_PaymentFailed"]["deprecated"], true);
    // The generic body: status is an integer, strings otherwise, the code not narrowed.
    let body = &schemas["BillingError"]["properties"];
    assert_eq!(body["status"]["type"], "integer");
    assert_eq!(body["detail"]["type"], "string");
    assert_eq!(body["code"]["type"], "string");
    assert!(body["code"].get("enum").is_none());
    assert_eq!(
        schemas["BillingError"]["required"],
        serde_json::json!(["type", "title", "status", "detail", "code"])
    );
    assert_eq!(
        schemas["BillingError"]["x-errcat-retired"][0],
        "card_declined_legacy"
    );
}

#[test]
fn a_body_without_the_code_is_narrowed_per_status() {
    let catalog = example_catalogs()
        .into_iter()
        .find(|(n, _)| n == "kapwork")
        .unwrap()
        .1;
    let doc = openapi::document(&catalog);
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    // No error shows its code: no per-error schemas, the body narrowed to the status.
    assert!(
        !schemas
            .keys()
            .any(|k| k.starts_with("PartnerError_") && k[13..].parse::<u16>().is_err())
    );
    let s400 = &schemas["PartnerError_400"];
    assert_eq!(s400["title"], "Bad Request (400)");
    assert_eq!(
        s400["allOf"][0]["$ref"],
        "#/components/schemas/PartnerError"
    );
    assert_eq!(s400["allOf"][1]["properties"]["statusCode"]["const"], 400);
    assert_eq!(
        s400["allOf"][1]["properties"]["error"]["const"],
        "Bad Request"
    );
}

#[test]
fn component_names_and_titles_read_as_tools_and_people_expect() {
    for (name, catalog) in example_catalogs() {
        let doc = openapi::document(&catalog);
        for (section, comps) in doc["components"].as_object().unwrap() {
            for (key, c) in comps.as_object().unwrap() {
                // datamodel-code-generator reads dots as modules.
                assert!(
                    key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                    "{name}: {section}.{key}"
                );
                if let Some(title) = c["title"].as_str() {
                    assert!(!title.ends_with("error error"), "{name}: {title}");
                    assert!(!title.contains("Error error"), "{name}: {title}");
                }
                if let Some(d) = c["description"].as_str() {
                    let mut parts = d.split("\n\n");
                    let first = parts.next().unwrap();
                    assert!(
                        parts.next() != Some(first),
                        "{name}: {section}.{key}: {d:?}"
                    );
                }
            }
        }
        // Success statuses are not named after the error type.
        for status in catalog.statuses.iter().filter(|s| s.code < 300) {
            assert!(
                doc["components"]["responses"]
                    .get(format!("{}_{}", catalog.rust.error_enum, status.code))
                    .is_none(),
                "{name} {}",
                status.code
            );
        }
    }
}

#[test]
fn template_types_optional_members_and_deprecation() {
    let catalog = load_text(
        r#"
        [catalog]
        name = "T"
        extends = "http"
        docs_url = "https://example.com/errors#{code}"

        [attributes.tier]
        type = "integer"
        applies_to = ["errors"]

        [attributes.public]
        type = "boolean"
        applies_to = ["errors"]
        required = true

        [body]
        format = "template"
        [body.template]
        status = "{status}"
        error = { code = "{code}", message = "{message}", retry = "{retry_after}", field = "{field}" }
        meta = { tier = "{tier}", public = "{public}", docs = "{docs_url}", kind = "error", v = 2, flags = [true, "{trace_id}"] }

        [body.fields]
        "error.code" = "Match on this."

        [statuses.400]
        [statuses.429]

        [errors.old]
        status = 400
        message = "Old"
        attributes = { public = true }
        deprecated = { since = "1.0", replaced_by = "new", note = "Use new." }

        [errors.new]
        status = 400
        message = "New {n}"
        field = "x"
        attributes = { public = false, tier = 3 }
        fields.n = { type = "integer", example = 7 }

        [errors.slow]
        status = 429
        message = "Slow"
        retry_after = 9
        attributes = { public = true }
        deprecated = {}
        "#,
    );
    let doc = openapi::document(&catalog);
    let s = &doc["components"]["schemas"];
    let body = &s["ApiError"];
    assert_eq!(body["properties"]["status"]["type"], "integer");
    let error = &body["properties"]["error"];
    assert_eq!(error["properties"]["retry"]["type"], "integer");
    assert_eq!(error["properties"]["code"]["description"], "Match on this.");
    assert_eq!(error["required"], serde_json::json!(["code", "message"]));
    let meta = &body["properties"]["meta"];
    assert_eq!(meta["properties"]["tier"]["type"], "integer");
    assert_eq!(meta["properties"]["public"]["type"], "boolean");
    assert_eq!(meta["properties"]["kind"]["const"], "error");
    assert_eq!(meta["properties"]["v"]["const"], 2);
    assert_eq!(meta["properties"]["flags"]["type"], "array");
    // `public` is required on every error, `tier` and the docs URL may be absent.
    assert_eq!(
        meta["required"],
        serde_json::json!(["public", "kind", "v", "flags"])
    );
    // Deprecation: a status whose every error is deprecated, and the example extension.
    assert_eq!(s["ApiError_429"]["deprecated"], true);
    assert!(s["ApiError_400"].get("deprecated").is_none());
    // The code is not a top-level member: a union without a discriminator.
    assert_eq!(
        s["ApiError_400"]["oneOf"][1]["$ref"],
        "#/components/schemas/ApiError_New"
    );
    assert!(s["ApiError_400"].get("discriminator").is_none());
    let new = &s["ApiError_New"]["properties"];
    assert_eq!(new["error"]["properties"]["code"]["const"], "new");
    assert_eq!(new["error"]["properties"]["field"]["const"], "x");
    assert_eq!(new["meta"]["properties"]["tier"]["const"], 3);
    assert_eq!(new["meta"]["properties"]["public"]["const"], false);
    assert_eq!(
        new["meta"]["properties"]["docs"]["const"],
        "https://example.com/errors#new"
    );
    // `slow` has a delay, `old` none: the member is left out of `old`'s schema.
    assert_eq!(
        s["ApiError_Slow"]["properties"]["error"]["properties"]["retry"]["const"],
        9
    );
    assert!(
        s["ApiError_Old"]["properties"]["error"]["properties"]
            .get("retry")
            .is_none()
    );
    assert!(
        s["ApiError_Old"]["properties"]["meta"]["properties"]
            .get("tier")
            .is_none()
    );
    let ex =
        &doc["components"]["responses"]["ApiError_400"]["content"]["application/json"]["examples"];
    assert_eq!(ex["old"]["x-errcat-deprecated"]["replaced_by"], "new");
    assert_eq!(
        ex["old"]["x-errcat-docs-url"],
        "https://example.com/errors#old"
    );
    assert_eq!(ex["new"]["value"]["error"]["message"], "New 7");
    assert_eq!(ex["new"]["x-errcat-attributes"]["tier"], 3);
    assert!(ex["new"].get("x-errcat-deprecated").is_none());
}

#[test]
fn statuses_without_errors() {
    let catalog = load_text(
        r#"
        [catalog]
        name = "T"
        extends = "http"
        [success.template]
        ok = true
        data = "{content}"
        [statuses.200]
        [statuses.204]
        [statuses.503]
        "#,
    );
    let doc = openapi::document(&catalog);
    let r = &doc["components"]["responses"];
    assert_eq!(
        r["ApiStatus_200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ApiStatus_envelope"
    );
    assert!(r["ApiStatus_204"].get("content").is_none());
    assert_eq!(
        r["ApiError_503"]["content"]["application/problem+json"]["schema"]["$ref"],
        "#/components/schemas/ApiError"
    );
    let success = &doc["components"]["schemas"]["ApiStatus_envelope"];
    assert_eq!(success["required"], serde_json::json!(["ok", "data"]));
    assert!(success["properties"]["data"].get("type").is_none());
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fixtures/openapi").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn merge_keeps_everything_else_and_is_idempotent() {
    let existing_text = fixture("existing.json");
    let existing: Value = serde_json::from_str(&existing_text).unwrap();
    let catalogs = example_catalogs();
    let showcase = &catalogs.iter().find(|(n, _)| n == "showcase").unwrap().1;
    let generated = openapi::document(showcase);

    // The fixture is in the layout `to_json` writes, so text comparisons are meaningful.
    assert_eq!(openapi::to_json(&existing), existing_text);
    let merged = openapi::merge(existing.clone(), showcase, &Default::default()).unwrap();
    // Everything hand-written is byte-identical: paths, info, the hand-written components
    // and their order, extensions.
    for key in ["openapi", "info", "paths", "x-custom"] {
        assert_eq!(
            serde_json::to_string_pretty(&merged[key]).unwrap(),
            serde_json::to_string_pretty(&existing[key]).unwrap(),
            "{key}"
        );
    }
    let top_keys: Vec<&String> = merged.as_object().unwrap().keys().collect();
    let mut old_keys: Vec<&String> = existing.as_object().unwrap().keys().collect();
    // The fixture has no `servers`: the catalog's are added.
    let servers = "servers".to_owned();
    old_keys.push(&servers);
    assert_eq!(top_keys, old_keys);
    assert_eq!(merged["servers"], generated["servers"]);
    for (section, old) in existing["components"].as_object().unwrap() {
        let new = merged["components"][section].as_object().unwrap();
        for (name, value) in old.as_object().unwrap() {
            if value.get(openapi::GENERATED_MARKER).is_some() {
                continue;
            }
            assert_eq!(
                serde_json::to_string_pretty(&new[name]).unwrap(),
                serde_json::to_string_pretty(value).unwrap(),
                "{section}.{name}"
            );
        }
    }
    // Hand-written components keep their places; a stale generated one is gone; one that
    // is generated again is replaced where it stood.
    let schemas: Vec<&String> = merged["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(schemas[0], "Invoice");
    assert_eq!(schemas[1], "BillingError");
    assert_eq!(schemas[2], "Money");
    assert!(!schemas.iter().any(|s| *s == "BillingError_418"));
    assert_eq!(
        merged["components"]["schemas"]["BillingError"],
        generated["components"]["schemas"]["BillingError"]
    );
    // Another catalog's generated components are not ours to remove.
    assert!(merged["components"]["responses"]["OtherError_400"].is_object());
    // Every generated component is there.
    for (section, comps) in generated["components"].as_object().unwrap() {
        for (name, value) in comps.as_object().unwrap() {
            assert_eq!(
                &merged["components"][section][name], value,
                "{section}.{name}"
            );
        }
    }
    // The paths' references to generated responses still resolve.
    assert!(merged["components"]["responses"]["BillingError_404"].is_object());

    let text = openapi::to_json(&merged);
    let twice = openapi::merge(merged.clone(), showcase, &Default::default()).unwrap();
    assert_eq!(openapi::to_json(&twice), text, "re-merging changes nothing");

    // The merged document is still valid OpenAPI.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "merged.json", &text);
    assert_valid_openapi(&path, "the merged document");
}

#[test]
fn merge_into_a_document_without_components() {
    let catalogs = example_catalogs();
    let kapwork = &catalogs.iter().find(|(n, _)| n == "kapwork").unwrap().1;
    let generated = openapi::document(kapwork);
    let existing = serde_json::json!({"openapi": "3.1.0", "info": {"title": "Mine", "version": "9"}, "paths": {}});
    let merged = openapi::merge(existing, kapwork, &Default::default()).unwrap();
    assert_eq!(merged["info"]["title"], "Mine");
    assert_eq!(merged["components"], generated["components"]);
}

#[test]
fn response_headers_are_the_union_over_the_statuss_errors() {
    let catalog = load_text(
        r#"
        [catalog]
        name = "T"
        extends = "http"
        [statuses.401]
        headers = { WWW-Authenticate = "Bearer" }
        [statuses.429]
        [statuses.503]
        headers = { X-Status-Only = "yes" }
        [errors.unauthenticated]
        status = 401
        message = "Sign in"
        [errors.expired]
        status = 401
        message = "Expired"
        headers = { www-authenticate = 'Bearer error="invalid_token"', X-Hint = "renew" }
        [errors.slow_down]
        status = 429
        message = "Slow down"
        retry_after = 30
        [errors.quota]
        status = 429
        message = "Quota"
        headers = { X-Quota = "daily" }
        "#,
    );
    let doc = openapi::document(&catalog);
    let r = &doc["components"]["responses"];
    let auth = &r["ApiError_401"]["headers"];
    // Grouped case-insensitively, spelled as first written; one example per error.
    assert_eq!(
        auth["WWW-Authenticate"],
        serde_json::json!({
            "description": "Sent with every error of this status.",
            "required": true,
            "schema": { "type": "string" },
            "examples": {
                "unauthenticated": { "value": "Bearer" },
                "expired": { "value": "Bearer error=\"invalid_token\"" }
            }
        })
    );
    assert_eq!(auth["X-Hint"]["description"], "Sent with `expired`.");
    assert_eq!(auth["X-Hint"]["example"], "renew");
    assert!(auth["X-Hint"].get("required").is_none());
    let limited = &r["ApiError_429"]["headers"];
    let keys: Vec<&String> = limited.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["X-Quota", "Retry-After"]);
    assert_eq!(
        limited["Retry-After"]["schema"],
        serde_json::json!({ "type": "integer", "minimum": 0 })
    );
    assert_eq!(limited["Retry-After"]["example"], 30);
    assert!(limited["Retry-After"].get("required").is_none());
    // A status no error is returned with documents its own headers.
    assert_eq!(
        r["ApiError_503"]["headers"]["X-Status-Only"]["example"],
        "yes"
    );
}

/// Issue #17, case 17: a catalog whose codes, field names, titles, messages and examples
/// are all strings a YAML 1.1 reader misreads when they are plain (booleans, null, a merge
/// key, numbers in every base, sexagesimal, floats, dates).
const YAML_11_CATALOG: &str = r#"
[catalog]
name = "Off"
version = "1.0"
extends = "http"

[statuses.404]

[statuses.409]

[errors.yes]
status = 404
title = "Off"
message = "on {y} {n}"
description = "<<"
fields.y = { type = "string", example = "no", description = "~" }
fields.n = { type = "string", example = "2001-12-14" }

[errors.no]
status = 404
title = "0x1"
message = "1:20"
fields.on = { type = "string", example = "1e3" }

[errors.off]
status = 409
title = "2001-12-14t21:59:43.10-05:00"
message = ".inf"
fields.off = { type = "string", example = "012" }

[errors.null]
status = 409
title = "1_000"
message = "Y"
remediation = "NULL"

[errors.true]
status = 409
title = "="
message = "190:20:30.15"
description = ".NaN"
"#;

/// Loads YAML with PyYAML (YAML 1.1, what openapi-spec-validator reads) and compares it
/// with the JSON of the same document.
const PYYAML_SAME_AS_JSON: &str = r#"
import json, sys, yaml
y = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
j = json.load(open(sys.argv[2], encoding="utf-8"))
if y != j:
    def diff(a, b, path):
        if type(a) != type(b) or (not isinstance(a, (dict, list)) and a != b):
            print(f"{path}: YAML {a!r} != JSON {b!r}")
            return True
        if isinstance(a, dict):
            return any(diff(a.get(k), b.get(k), f"{path}.{k}") for k in set(a) | set(b))
        if isinstance(a, list):
            return len(a) != len(b) and print(f"{path}: lengths") or any(diff(x, z, f"{path}[{i}]") for i, (x, z) in enumerate(zip(a, b)))
        return False
    diff(y, j, "$")
    sys.exit(1)
"#;

#[test]
fn yaml_11_readers_read_the_same_document() {
    let catalog = load_text(YAML_11_CATALOG);
    let doc = openapi::document(&catalog);
    let dir = tempfile::tempdir().expect("temp dir");
    let yaml = write_temp(&dir, "off.yaml", &openapi::to_yaml(&doc));
    let json = write_temp(&dir, "off.json", &openapi::to_json(&doc));
    python("", &[]);
    let out = python(PYYAML_SAME_AS_JSON, &[&yaml, &json]);
    assert!(
        out.status.success(),
        "PyYAML reads another document:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_valid_openapi(&yaml, "the YAML 1.1 catalog's YAML");
    let back: Value = serde_yaml_ng::from_str(&openapi::to_yaml(&doc)).expect("YAML parses");
    assert_eq!(back, doc, "a YAML 1.2 reader reads the same document");
}

#[test]
fn bodies_are_open_unless_closed() {
    let open = load_text(
        r#"
        [catalog]
        name = "T"
        extends = "http"
        [success.template]
        data = "{content}"
        meta = { v = 1 }
        [statuses.404]
        [errors.gone]
        status = 404
        message = "Gone"
        "#,
    );
    let closed = load_text(
        r#"
        [catalog]
        name = "T"
        extends = "http"
        [body]
        format = "template"
        closed = true
        [body.template]
        code = "{code}"
        detail = { text = "{message}" }
        [success]
        closed = true
        [success.template]
        data = "{content}"
        meta = { v = 1 }
        [statuses.404]
        [errors.gone]
        status = 404
        message = "Gone"
        "#,
    );
    assert!(!open.body.closed && closed.body.closed);
    let text = openapi::to_json(&openapi::document(&open));
    assert!(!text.contains("additionalProperties"), "{text}");
    let doc = openapi::document(&closed);
    let s = &doc["components"]["schemas"];
    assert_eq!(s["ApiError"]["additionalProperties"], false);
    assert_eq!(
        s["ApiError"]["properties"]["detail"]["additionalProperties"],
        false
    );
    assert_eq!(s["ApiError_Gone"]["additionalProperties"], false);
    assert_eq!(s["ApiStatus_envelope"]["additionalProperties"], false);
    assert_eq!(
        s["ApiStatus_envelope"]["properties"]["meta"]["additionalProperties"],
        false
    );
}

#[test]
fn servers_license_and_contact_come_from_the_catalog() {
    let catalog = load_text(
        r#"
        [catalog]
        name = "T"
        extends = "http"
        [openapi]
        servers = [{ url = "https://a.example", description = "A" }, { url = "https://b.example" }]
        license = { name = "MIT", url = "https://opensource.org/license/mit" }
        contact = { email = "api@a.example" }
        "#,
    );
    let doc = openapi::document(&catalog);
    assert_eq!(
        doc["servers"],
        serde_json::json!([{ "url": "https://a.example", "description": "A" }, { "url": "https://b.example" }])
    );
    assert_eq!(
        doc["info"]["license"],
        serde_json::json!({ "name": "MIT", "url": "https://opensource.org/license/mit" })
    );
    assert_eq!(
        doc["info"]["contact"],
        serde_json::json!({ "email": "api@a.example" })
    );
    let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["openapi", "info", "servers", "components"]);
    // Without `[openapi]`, none of them.
    let bare = openapi::document(&load_text("[catalog]\nname = \"T\"\nextends = \"http\"\n"));
    assert!(bare.get("servers").is_none());
    assert!(bare["info"].get("license").is_none());
    assert!(bare["info"].get("contact").is_none());
}

#[test]
fn openapi_3_0_translates_what_3_1_writes() {
    let doc = serde_json::json!({
        "openapi": "3.1.0",
        "info": { "title": "T", "version": "1", "license": { "name": "MIT", "identifier": "MIT" } },
        "paths": {
            "/a": {
                "parameters": [{ "name": "x", "in": "query", "schema": { "const": 1 } }],
                "get": { "responses": { "200": { "description": "ok", "content": {
                    "application/json": { "schema": { "type": ["string", "null"] } } } } } }
            }
        },
        "components": {
            "schemas": {
                "A": {
                    "type": "object",
                    "properties": {
                        "k": { "type": "string", "const": "v", "description": "d" },
                        "n": { "type": ["integer", "null"], "examples": [3, 4] },
                        "e": { "type": "array", "items": false },
                        "r": { "$ref": "#/components/schemas/B", "description": "kept" }
                    },
                    "oneOf": [{ "$ref": "#/components/schemas/B" }]
                },
                "B": { "type": "object" }
            },
            "responses": { "R": { "description": "r", "headers": { "H": { "schema": { "const": "x" } } } } }
        }
    });
    let down = openapi::to_3_0(&doc);
    assert_eq!(down["openapi"], "3.0.3");
    assert!(down["info"]["license"].get("identifier").is_none());
    let a = &down["components"]["schemas"]["A"]["properties"];
    // In place: the key order is kept.
    assert_eq!(
        a["k"],
        serde_json::json!({ "type": "string", "enum": ["v"], "description": "d" })
    );
    let k: Vec<&String> = a["k"].as_object().unwrap().keys().collect();
    assert_eq!(k, ["type", "enum", "description"]);
    assert_eq!(
        a["n"],
        serde_json::json!({ "type": "integer", "example": 3, "nullable": true })
    );
    assert_eq!(
        a["e"],
        serde_json::json!({ "type": "array", "items": {}, "maxItems": 0 })
    );
    assert_eq!(
        a["r"],
        serde_json::json!({ "allOf": [{ "$ref": "#/components/schemas/B" }], "description": "kept" })
    );
    // A lone reference stays as it is.
    assert_eq!(
        down["components"]["schemas"]["A"]["oneOf"][0],
        serde_json::json!({ "$ref": "#/components/schemas/B" })
    );
    assert_eq!(
        down["components"]["responses"]["R"]["headers"]["H"]["schema"],
        serde_json::json!({ "enum": ["x"] })
    );
    assert_eq!(
        down["paths"]["/a"]["parameters"][0]["schema"],
        serde_json::json!({ "enum": [1] })
    );
    assert_eq!(
        down["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
        serde_json::json!({ "type": "string", "nullable": true })
    );
    // A document without paths gets an empty one, before its components (3.0 needs it).
    let generated = openapi::to_3_0(&openapi::document(&load_text(
        "[catalog]\nname = \"T\"\nextends = \"http\"\n",
    )));
    let keys: Vec<&String> = generated.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["openapi", "info", "paths", "components"]);
}

#[test]
fn openapi_3_0_of_every_example_catalog_is_valid_and_its_examples_validate() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, catalog) in example_catalogs() {
        let doc = openapi::document_for(&catalog, openapi::Version::V3_0);
        let text = openapi::to_json(&doc);
        assert_eq!(doc["openapi"], "3.0.3");
        // Nothing of 3.1 is left.
        assert!(!text.contains("\"const\""), "{name}");
        let path = write_temp(&dir, &format!("{name}.3.0.json"), &text);
        assert_valid_openapi(&path, &format!("{name} (3.0)"));
        // The examples still validate (read as JSON Schema, `enum` holds for `const`).
        let out = python(CHECK_EXAMPLES, &[&path]);
        assert!(
            out.status.success(),
            "{name} (3.0): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
