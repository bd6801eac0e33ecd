//! The OpenAPI emitter: snapshots of every example catalog, validation with
//! openapi-spec-validator, examples checked against their schemas (in Python, with the
//! `jsonschema` package openapi-spec-validator depends on), and `merge`.

use errcat_codegen::body;
use errcat_codegen::catalog::Catalog;
use errcat_codegen::openapi;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Runs Python; fails loudly (never skips) when python3 or the modules are missing.
fn python(script: &str, args: &[&Path]) -> std::process::Output {
    let probe = Command::new("python3")
        .args(["-c", "import openapi_spec_validator, jsonschema"])
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "openapi-spec-validator is not installed for python3 ({}): pip install openapi-spec-validator",
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => panic!(
            "python3 is needed to validate the OpenAPI output ({e}): install python3, then pip install openapi-spec-validator"
        ),
    }
    Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs")
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
            checked += 1
            code = example["x-errcat-code"]
            wrong = replace(example["value"], code, "not_a_code_of_this_status")
            if wrong != example["value"]:
                if validator.is_valid(wrong):
                    failures.append(f"{rname} {ename}: a foreign code validates")
                rejected += 1

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"{checked} {rejected}")
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
    }
}

#[test]
fn one_response_per_status_with_an_example_per_error() {
    for (name, catalog) in example_catalogs() {
        let doc = openapi::document(&catalog);
        let responses = doc["components"]["responses"].as_object().unwrap();
        assert_eq!(responses.len(), catalog.statuses.len(), "{name}");
        let prefix = &catalog.rust.error_enum;
        for status in &catalog.statuses {
            let r = &responses[&format!("{prefix}.{}", status.code)];
            assert_eq!(r[openapi::GENERATED_MARKER], catalog.name.as_str());
            assert!(
                r["description"]
                    .as_str()
                    .unwrap()
                    .starts_with(status.reason.as_str())
            );
            let errors: Vec<_> = catalog.errors_with_status(status.code).collect();
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
fn status_schemas_narrow_the_code_and_the_status() {
    let catalog = example_catalogs()
        .into_iter()
        .find(|(n, _)| n == "showcase")
        .unwrap()
        .1;
    let doc = openapi::document(&catalog);
    let schemas = &doc["components"]["schemas"];
    let s409 = &schemas["BillingError.409"];
    // The catalog's body, narrowed: the codes of the status, its code and reason.
    assert_eq!(
        s409["allOf"][0]["$ref"],
        "#/components/schemas/BillingError"
    );
    let narrowed = &s409["allOf"][1]["properties"];
    assert_eq!(
        narrowed["code"]["enum"],
        serde_json::json!(["invoice_already_paid", "payment_failed", "card_declined"])
    );
    assert_eq!(narrowed["status"]["const"], 409);
    assert_eq!(narrowed["title"]["const"], "Conflict");
    // Optional members are not required; the rest are.
    assert_eq!(
        schemas["BillingError"]["required"],
        serde_json::json!(["type", "title", "status", "detail", "code"])
    );
    // The generic body: status and retry_after are integers, strings otherwise.
    let body = &schemas["BillingError"]["properties"];
    assert_eq!(body["status"]["type"], "integer");
    assert_eq!(body["detail"]["type"], "string");
    assert_eq!(body["code"]["type"], "string");
    assert!(body["code"].get("enum").is_none());
    assert_eq!(
        schemas["BillingError"]["x-errcat-retired"][0],
        "card_declined_legacy"
    );
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
    assert_eq!(s["ApiError.429"]["deprecated"], true);
    assert!(s["ApiError.400"].get("deprecated").is_none());
    let ex =
        &doc["components"]["responses"]["ApiError.400"]["content"]["application/json"]["examples"];
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
        r["ApiError.200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ApiError.success"
    );
    assert!(r["ApiError.204"].get("content").is_none());
    assert_eq!(
        r["ApiError.503"]["content"]["application/problem+json"]["schema"]["$ref"],
        "#/components/schemas/ApiError"
    );
    let success = &doc["components"]["schemas"]["ApiError.success"];
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
    let merged = openapi::merge(existing.clone(), &generated);
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
    let old_keys: Vec<&String> = existing.as_object().unwrap().keys().collect();
    assert_eq!(top_keys, old_keys);
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
    assert!(!schemas.iter().any(|s| *s == "BillingError.418"));
    assert_eq!(
        merged["components"]["schemas"]["BillingError"],
        generated["components"]["schemas"]["BillingError"]
    );
    // Another catalog's generated components are not ours to remove.
    assert!(merged["components"]["responses"]["OtherError.400"].is_object());
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
    assert!(merged["components"]["responses"]["BillingError.404"].is_object());

    let text = openapi::to_json(&merged);
    let twice = openapi::merge(merged.clone(), &generated);
    assert_eq!(openapi::to_json(&twice), text, "re-merging changes nothing");

    // The merged document is still valid OpenAPI.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "merged.json", &text);
    assert_valid_openapi(&path, "the merged document");
}

/// Runs openapi-spec-validator on a file and fails with its output when it rejects it.
fn assert_valid_openapi(path: &Path, what: &str) {
    // Make sure the validator module is there before trusting its verdict.
    python("", &[]);
    let out = Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{what} fails openapi-spec-validator:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn merge_into_a_document_without_components() {
    let catalogs = example_catalogs();
    let kapwork = &catalogs.iter().find(|(n, _)| n == "kapwork").unwrap().1;
    let generated = openapi::document(kapwork);
    let existing = serde_json::json!({"openapi": "3.1.0", "info": {"title": "Mine", "version": "9"}, "paths": {}});
    let merged = openapi::merge(existing, &generated);
    assert_eq!(merged["info"]["title"], "Mine");
    assert_eq!(merged["components"], generated["components"]);
    assert_eq!(openapi::merge(serde_json::json!([]), &generated), generated);
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
    let auth = &r["ApiError.401"]["headers"];
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
    let limited = &r["ApiError.429"]["headers"];
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
        r["ApiError.503"]["headers"]["X-Status-Only"]["example"],
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
