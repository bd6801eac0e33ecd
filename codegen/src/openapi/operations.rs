//! The error responses of each operation of `[operations]`: per status among the errors an
//! operation may return, the status's shared response (`responses.{Error}_{status}`) when
//! the operation may return every error of that status, else a response generated for
//! exactly its errors, `responses.{Error}.{status}.{operationId}`, with its body schema
//! `schemas.{Error}.{status}.{operationId}` and the examples of those errors only.

use super::{GENERATED_MARKER, Names};
use crate::body;
use crate::openapi::response::response;
use crate::openapi::schema::status_schema;
use errcat_catalog::{Catalog, ErrorDef, Operation, Status};
use serde_json::{Map, Value};

/// The response of one operation at one status.
pub(crate) struct OpResponse<'c> {
    /// The status.
    pub status: &'c Status,
    /// The errors of this status the operation may return, in declaration order.
    pub errors: Vec<&'c ErrorDef>,
    /// Whether these are all the status's errors (the shared response is used).
    pub shared: bool,
    /// The name of the response component (in `components.responses`).
    pub component: String,
}

impl Names {
    /// The component of the responses of `status` that only operation `id` gets.
    pub(super) fn operation(&self, code: u16, id: &str) -> String {
        // Component names are `^[a-zA-Z0-9.\-_]+$` (OpenAPI 3.1, Components Object); the
        // emitter uses no dots (datamodel-code-generator reads them as modules).
        let id: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("{}_{code}_{id}", self.body)
    }
}

/// The error responses of `op`, by status (sorted by code).
pub(crate) fn op_responses<'c>(catalog: &'c Catalog, op: &'c Operation) -> Vec<OpResponse<'c>> {
    let names = Names::new(catalog);
    let mut out = Vec::new();
    for status in catalog.operation_statuses(op) {
        let errors: Vec<&ErrorDef> = catalog
            .operation_errors(op)
            .filter(|e| *e.status == status.code)
            .collect();
        let shared = catalog.errors_with_status(status.code).count() == errors.len();
        let component = if shared {
            names.status(status.code)
        } else {
            names.operation(status.code, &op.id)
        };
        out.push(OpResponse {
            status,
            errors,
            shared,
            component,
        });
    }
    out
}

/// Adds the schemas and responses that only some operations get.
pub(super) fn components<'c>(
    catalog: &'c Catalog,
    names: &Names,
    marker: &Value,
    shapes: &mut body::Shapes<'c>,
    schemas: &mut Map<String, Value>,
    responses: &mut Map<String, Value>,
    mut texts: Option<&mut super::Texts>,
) {
    let Some(ops) = &catalog.operations else {
        return;
    };
    for op in &ops.list {
        for r in op_responses(catalog, op) {
            if r.shared {
                continue;
            }
            let mut s = Map::new();
            s.insert(
                "title".into(),
                Value::String(format!(
                    "{} ({}) of {}",
                    r.status.reason.as_str(),
                    r.status.code,
                    op.id.as_str()
                )),
            );
            s.extend(status_schema(catalog, r.status, &r.errors, names));
            s.insert(GENERATED_MARKER.into(), marker.clone());
            schemas.insert(r.component.clone(), Value::Object(s));
            let response = response(
                catalog,
                r.status,
                &r.errors,
                &r.component,
                names,
                shapes,
                texts.as_deref_mut(),
            );
            responses.insert(r.component, response);
        }
    }
}
