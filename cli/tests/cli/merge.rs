//! `--merge-into`: documents refused with exit 2 and nothing written (not an OpenAPI
//! object, hand-written namesakes of generated components unless `--replace-components`),
//! and catalogs with `[operations]` whose operations differ from the document's (exit 1,
//! for `generate` and `check` alike).

use crate::{catalog, errcat, texts, write};
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// `errcat generate CATALOG --merge-into DOC [extra...]`: (exit code, stderr).
fn merge(cat: &Path, doc: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let out = errcat()
        .arg("generate")
        .arg(cat)
        .arg("--merge-into")
        .arg(doc)
        .args(extra)
        .output()
        .expect("run");
    (out.status.code(), texts(&out).1)
}

#[test]
fn refuses_documents_that_are_not_openapi_objects() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(""));
    let cases = [
        (
            "array.json",
            "[1, 2]\n",
            "the document is an array, not an object",
        ),
        (
            "string.json",
            "\"openapi\"\n",
            "the document is a string, not an object",
        ),
        ("null.yaml", "null\n", "the document is null, not an object"),
        (
            "none.json",
            "{\"paths\": {}}\n",
            "it has no `openapi` member",
        ),
        (
            "number.yaml",
            "openapi: 42\n",
            "`openapi` is a number, not a version string",
        ),
        (
            "paths.json",
            "{\"openapi\": \"3.1.0\", \"paths\": [\"/a\"]}\n",
            "`paths` is an array, not an object",
        ),
        (
            "components.yaml",
            "openapi: 3.1.0\ncomponents: hello\n",
            "`components` is a string, not an object",
        ),
    ];
    for (name, text, why) in cases {
        let doc = write(dir.path(), name, text);
        let target = dir.path().join(format!("{name}.out.json"));
        // In place, and to another file: nothing is written either way.
        for extra in [&[][..], &["--openapi", target.to_str().unwrap()][..]] {
            let (code, err) = merge(&cat, &doc, extra);
            assert_eq!(code, Some(2), "{name}: {err}");
            assert!(err.contains(why), "{name}: {err}");
            assert!(err.contains("nothing was written"), "{name}: {err}");
            assert_eq!(read(&doc), text, "{name} was changed");
            assert!(!target.exists(), "{name}: --openapi was written");
        }
    }
}

#[test]
fn refuses_to_replace_a_hand_written_component_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(""));
    let text = r#"{
  "openapi": "3.1.0",
  "info": { "title": "Mine", "version": "1" },
  "components": {
    "schemas": {
      "ApiError": { "type": "object", "description": "Written by hand" }
    }
  }
}
"#;
    let doc = write(dir.path(), "api.json", text);
    let (code, err) = merge(&cat, &doc, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("components.schemas.ApiError"), "{err}");
    assert!(err.contains("--replace-components"), "{err}");
    assert_eq!(read(&doc), text);
    // `check` refuses it the same way.
    let out = errcat()
        .arg("check")
        .arg(&cat)
        .arg("--merge-into")
        .arg(&doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", texts(&out).1);

    let (code, err) = merge(&cat, &doc, &["--replace-components"]);
    assert_eq!(code, Some(0), "{err}");
    let merged: serde_json::Value = serde_json::from_str(&read(&doc)).unwrap();
    assert_eq!(
        merged["components"]["schemas"]["ApiError"]["x-errcat-generated"],
        "Test API"
    );
    // From now on the component is errcat's: merging again needs no flag.
    let (code, err) = merge(&cat, &doc, &[]);
    assert_eq!(code, Some(0), "{err}");
    // `--replace-components` only means something with --merge-into.
    let out = errcat()
        .arg("generate")
        .arg(&cat)
        .args(["--markdown", "-", "--replace-components"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

const OPERATIONS: &str = r#"
[operations]
common = ["slow_down"]

[operations.getItem]
method = "GET"
path = "/items/{id}"
errors = ["item_not_found"]
"#;

fn paths_doc(extra_path: &str) -> String {
    format!(
        r#"{{
  "openapi": "3.1.0",
  "info": {{ "title": "Items", "version": "1" }},
  "paths": {{
    "/items/{{id}}": {{
      "parameters": [{{ "name": "id", "in": "path", "required": true, "schema": {{ "type": "string" }} }}],
      "get": {{ "operationId": "getItem", "responses": {{ "200": {{ "description": "The item" }} }} }}
    }}{extra_path}
  }}
}}
"#
    )
}

#[test]
fn writes_operation_responses_and_fails_when_the_operations_differ() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(OPERATIONS));
    let doc = write(dir.path(), "paths.json", &paths_doc(""));
    let out_path = dir.path().join("openapi.json");
    let out = out_path.to_str().unwrap();
    let (code, err) = merge(&cat, &doc, &["--openapi", out]);
    assert_eq!(code, Some(0), "{err}");
    let merged: serde_json::Value = serde_json::from_str(&read(&out_path)).unwrap();
    let responses = &merged["paths"]["/items/{id}"]["get"]["responses"];
    assert_eq!(
        responses["404"]["$ref"], "#/components/responses/ApiError_404",
        "{responses}"
    );
    assert_eq!(
        responses["429"]["$ref"],
        "#/components/responses/ApiError_429"
    );
    let check = |doc: &Path| {
        errcat()
            .arg("check")
            .arg(&cat)
            .arg("--merge-into")
            .arg(doc)
            .args(["--openapi", out])
            .output()
            .unwrap()
    };
    let ok = check(&doc);
    assert_eq!(ok.status.code(), Some(0), "{}", texts(&ok).1);

    // The document gains an operation the catalog does not list: check and generate fail
    // with exit 1, naming it, and write nothing.
    let before = read(&out_path);
    write(
        dir.path(),
        "paths.json",
        &paths_doc(
            r#",
    "/items": { "post": { "operationId": "createItem", "responses": { "201": { "description": "Created" } } } }"#,
        ),
    );
    let failed = check(&doc);
    assert_eq!(failed.status.code(), Some(1), "{}", texts(&failed).1);
    let err = texts(&failed).1;
    assert!(
        err.contains(
            "the document has operation `createItem` (POST /items), which the catalog does not list"
        ),
        "{err}"
    );
    let (code, err) = merge(&cat, &doc, &["--openapi", out]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("`createItem`"), "{err}");
    assert_eq!(read(&out_path), before, "nothing is written");

    // The other way round: the catalog lists an operation the document does not have.
    write(dir.path(), "paths.json", &paths_doc(""));
    let cat2 = write(
        dir.path(),
        "errors2.toml",
        &catalog(&format!(
            "{OPERATIONS}\n[operations.deleteItem]\nerrors = [\"item_not_found\"]\n"
        )),
    );
    let out2 = errcat()
        .arg("check")
        .arg(&cat2)
        .arg("--merge-into")
        .arg(&doc)
        .output()
        .unwrap();
    assert_eq!(out2.status.code(), Some(1), "{}", texts(&out2).1);
    assert!(
        texts(&out2)
            .1
            .contains("the catalog lists operation `deleteItem`, which the document does not have"),
        "{}",
        texts(&out2).1
    );
}
