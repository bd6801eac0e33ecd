//! `openapi::merge`: documents it refuses (not an OpenAPI object, hand-written namesakes of
//! generated components), and the error responses it writes into each operation of a
//! catalog with `[operations]`.

use errcat_codegen::catalog::Catalog;
use errcat_codegen::openapi::{self, MergeError, MergeOptions};
use serde_json::{Value, json};

mod common;
use common::assert_valid_openapi;

fn load(text: &str) -> Catalog {
    let loaded = errcat_catalog::load_str("test.toml", text);
    let diags = loaded.render_diagnostics(false);
    assert!(loaded.diagnostics.is_empty(), "{diags}");
    loaded.catalog.unwrap_or_else(|| panic!("{diags}"))
}

const BASE: &str = r#"
[catalog]
name = "Things API"
extends = "http"

[statuses.400]
[statuses.401]
[statuses.404]
[statuses.409]

[errors.invalid_key]
status = 401
message = "Invalid key"

[errors.invalid_id]
status = 400
message = "Invalid id"

[errors.malformed]
status = 400
message = "Malformed body"

[errors.thing_not_found]
status = 404
message = "No thing {id}"
fields.id = { type = "string", example = "t_1" }

[errors.route_not_found]
status = 404
message = "No route"

[errors.conflict]
status = 409
message = "Conflict"
"#;

const OPERATIONS: &str = r#"
[operations]
common = ["invalid_key"]
unrouted = ["route_not_found"]

[operations.getThing]
method = "GET"
path = "/things/{id}"
errors = ["invalid_id", "thing_not_found"]

[operations.createThing]
errors = ["malformed", "invalid_id", "conflict"]
"#;

fn catalog() -> Catalog {
    load(&format!("{BASE}{OPERATIONS}"))
}

/// A paths document: `createThing` found by its operationId, `getThing` by method and
/// path; a hand-written 200 and `default`, and a stale reference to a generated response.
fn paths() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": { "title": "Things", "version": "1" },
        "paths": {
            "/things": {
                "post": {
                    "operationId": "createThing",
                    "responses": {
                        "201": { "description": "Created" },
                        "404": { "$ref": "#/components/responses/ApiError_404" }
                    }
                }
            },
            "/things/{id}": {
                "parameters": [
                    { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }
                ],
                "get": {
                    "responses": {
                        "200": { "description": "The thing" },
                        "default": { "description": "Anything else" }
                    }
                }
            }
        }
    })
}

fn merge(doc: Value, catalog: &Catalog) -> Result<Value, MergeError> {
    openapi::merge(doc, catalog, &MergeOptions::default())
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn refuses_what_is_not_an_openapi_object() {
    let catalog = load(BASE);
    let cases = [
        (json!([]), "the document is an array, not an object"),
        (json!("openapi"), "the document is a string, not an object"),
        (Value::Null, "the document is null, not an object"),
        (json!({}), "it has no `openapi` member"),
        (
            json!({ "openapi": 42 }),
            "`openapi` is a number, not a version string",
        ),
        (
            json!({ "openapi": "3.1.0", "paths": [] }),
            "`paths` is an array, not an object",
        ),
        (
            json!({ "openapi": "3.1.0", "components": "x" }),
            "`components` is a string, not an object",
        ),
        (
            json!({ "openapi": "3.1.0", "components": { "schemas": [] } }),
            "`components.schemas` is an array, not an object",
        ),
        (
            json!({ "openapi": "3.1.0", "paths": { "/a": { "get": 1 } } }),
            "`paths./a.get` is a number, not an object",
        ),
    ];
    for (doc, why) in cases {
        match merge(doc.clone(), &catalog) {
            Err(MergeError::NotOpenApi(got)) => {
                assert!(got.starts_with(why), "{doc}: {got}");
            }
            other => panic!("{doc}: {other:?}"),
        }
    }
}

#[test]
fn refuses_to_replace_a_component_it_did_not_generate_unless_told() {
    let catalog = load(BASE);
    let mine = json!({ "type": "object", "description": "Written by hand" });
    let doc = json!({
        "openapi": "3.1.0",
        "components": { "schemas": { "ApiError": mine, "Thing": { "type": "object" } } }
    });
    match merge(doc.clone(), &catalog) {
        Err(MergeError::NotGenerated(paths)) => {
            assert_eq!(paths, ["components.schemas.ApiError"]);
        }
        other => panic!("{other:?}"),
    }
    let options = MergeOptions {
        replace_components: true,
    };
    let merged = openapi::merge(doc, &catalog, &options).unwrap();
    let generated = openapi::document(&catalog);
    assert_eq!(
        merged["components"]["schemas"]["ApiError"],
        generated["components"]["schemas"]["ApiError"]
    );
    assert_eq!(
        merged["components"]["schemas"]["Thing"],
        json!({ "type": "object" })
    );
    // What errcat generated (it carries the marker) is replaced without being told, even
    // when an older catalog of another name generated it.
    let mut old = generated.clone();
    old["components"]["schemas"]["ApiError"][openapi::GENERATED_MARKER] = json!("Old name");
    old["components"]["schemas"]["ApiError"]["description"] = json!("stale");
    let merged = merge(old, &catalog).unwrap();
    assert_eq!(
        merged["components"]["schemas"]["ApiError"],
        generated["components"]["schemas"]["ApiError"]
    );
}

#[test]
fn writes_each_operations_error_responses() {
    let catalog = catalog();
    let merged = merge(paths(), &catalog).unwrap();
    let create = &merged["paths"]["/things"]["post"]["responses"];
    // The hand-written 201 stays first; the stale 404 (createThing returns no 404) is gone;
    // one entry per status of its errors.
    assert_eq!(keys(create), ["201", "400", "401", "409"]);
    assert_eq!(create["201"], json!({ "description": "Created" }));
    // 400: every error of the status, so the shared response; 401 and 409 likewise.
    assert_eq!(
        create["400"],
        json!({ "$ref": "#/components/responses/ApiError_400" })
    );
    assert_eq!(
        create["409"],
        json!({ "$ref": "#/components/responses/ApiError_409" })
    );
    let get = &merged["paths"]["/things/{id}"]["get"]["responses"];
    assert_eq!(keys(get), ["200", "default", "400", "401", "404"]);
    // getThing returns one of the two 400s and one of the two 404s: responses of its own.
    assert_eq!(
        get["400"],
        json!({ "$ref": "#/components/responses/ApiError_400_getThing" })
    );
    assert_eq!(
        get["404"],
        json!({ "$ref": "#/components/responses/ApiError_404_getThing" })
    );
    let response = &merged["components"]["responses"]["ApiError_404_getThing"];
    let media = &response["content"]["application/problem+json"];
    assert_eq!(
        media["schema"],
        json!({ "$ref": "#/components/schemas/ApiError_404_getThing" })
    );
    assert_eq!(keys(&media["examples"]), ["thing_not_found"]);
    assert_eq!(
        media["examples"]["thing_not_found"]["value"]["detail"],
        "No thing t_1"
    );
    let schema = &merged["components"]["schemas"]["ApiError_404_getThing"];
    // A `oneOf` of the per-error schemas of its errors only.
    assert_eq!(
        schema["oneOf"],
        json!([{ "$ref": "#/components/schemas/ApiError_ThingNotFound" }])
    );
    assert_eq!(schema[openapi::GENERATED_MARKER], "Things API");
    // The shared 404 still has both errors.
    let shared = &merged["components"]["responses"]["ApiError_404"]["content"]["application/problem+json"]
        ["examples"];
    assert_eq!(keys(shared), ["thing_not_found", "route_not_found"]);

    // Merging again changes nothing; nor does merging after the catalog changed back.
    assert_eq!(merge(merged.clone(), &catalog).unwrap(), merged);

    // An operation's error that leaves the catalog leaves its responses; its own response
    // components are removed as stale.
    let fewer = load(&format!("{BASE}{OPERATIONS}").replace(
        r#"errors = ["invalid_id", "thing_not_found"]"#,
        r#"errors = ["thing_not_found", "invalid_id", "malformed", "route_not_found"]"#,
    ));
    let again = merge(merged.clone(), &fewer).unwrap();
    let get = &again["paths"]["/things/{id}"]["get"]["responses"];
    assert_eq!(
        get["400"],
        json!({ "$ref": "#/components/responses/ApiError_400" })
    );
    assert_eq!(
        get["404"],
        json!({ "$ref": "#/components/responses/ApiError_404" })
    );
    assert!(
        again["components"]["responses"]
            .get("ApiError_404_getThing")
            .is_none()
    );
    assert!(
        again["components"]["schemas"]
            .get("ApiError_404_getThing")
            .is_none()
    );

    // The merged document is valid OpenAPI 3.1.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.json");
    std::fs::write(&path, openapi::to_json(&merged)).unwrap();
    assert_valid_openapi(&path, "the merged document");
}

#[test]
fn refuses_to_replace_a_hand_written_operation_response_unless_told() {
    let catalog = catalog();
    let mut doc = paths();
    doc["paths"]["/things/{id}"]["get"]["responses"]["404"] = json!({ "description": "Mine" });
    match merge(doc.clone(), &catalog) {
        Err(MergeError::NotGenerated(paths)) => {
            assert_eq!(paths, ["paths./things/{id}.get.responses.404"]);
        }
        other => panic!("{other:?}"),
    }
    let options = MergeOptions {
        replace_components: true,
    };
    let merged = openapi::merge(doc, &catalog, &options).unwrap();
    assert_eq!(
        merged["paths"]["/things/{id}"]["get"]["responses"]["404"],
        json!({ "$ref": "#/components/responses/ApiError_404_getThing" })
    );
}

#[test]
fn reports_every_difference_between_the_catalogs_operations_and_the_documents() {
    let catalog = catalog();
    let mut doc = paths();
    // An operation the catalog does not list, one without an operationId, and getThing
    // moved to another path (so also missing from where the catalog has it).
    doc["paths"]["/things"]["get"] = json!({ "operationId": "listThings", "responses": {} });
    doc["paths"]["/things"]["delete"] = json!({ "responses": {} });
    let item = doc["paths"]["/things/{id}"].take();
    doc["paths"]["/things/{id}"] = json!({});
    doc["paths"]["/thing/{id}"] = item;
    doc["paths"]["/thing/{id}"]["get"]["operationId"] = json!("getThing");
    match merge(doc, &catalog) {
        Err(MergeError::Operations(lines)) => assert_eq!(
            lines,
            [
                "the document has operation `listThings` (GET /things), which the catalog does not list",
                "the document has operation DELETE /things (no operationId), which the catalog does not list",
                "operation `getThing` is GET /things/{id} in the catalog but GET /thing/{id} in the document",
            ]
        ),
        other => panic!("{other:?}"),
    }
    // An operation the document lacks.
    let mut doc = paths();
    doc["paths"]["/things"] = json!({});
    match merge(doc, &catalog) {
        Err(MergeError::Operations(lines)) => assert_eq!(
            lines,
            ["the catalog lists operation `createThing`, which the document does not have"]
        ),
        other => panic!("{other:?}"),
    }
    // An operationId that differs from the catalog's at the same method and path.
    let mut doc = paths();
    doc["paths"]["/things/{id}"]["get"]["operationId"] = json!("fetchThing");
    match merge(doc, &catalog) {
        Err(MergeError::Operations(lines)) => assert_eq!(
            lines,
            [
                "GET /things/{id} is operation `getThing` in the catalog but `fetchThing` in the document"
            ]
        ),
        other => panic!("{other:?}"),
    }
    // Without `[operations]`, paths are not compared and not touched.
    let plain = load(BASE);
    let mut doc = paths();
    doc["paths"]["/other"] = json!({ "get": { "responses": {} } });
    let merged = merge(doc.clone(), &plain).unwrap();
    assert_eq!(merged["paths"], doc["paths"]);
}
