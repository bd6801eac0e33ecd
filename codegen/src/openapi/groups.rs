//! Grouped responses (`[groups.NAME]`): one schema and one response per group. The array
//! that holds the items is typed as the union of the item schemas of the errors the group
//! may carry, and the response's example has at least two items when the group has two
//! errors (the markdown page shows the same body).

use super::schema::{Ctx, template_schema};
use super::{GENERATED_MARKER, merge_into, schema_ref};
use crate::body;
use errcat_catalog::{Catalog, Group};
use serde_json::{Map, Value};

/// The component name of a group's schema and response (`ApiError_group_validation`).
pub(super) fn name(catalog: &Catalog, group: &Group) -> String {
    format!("{}_group_{}", catalog.rust.error_enum, group.name.as_str())
}

/// Adds every group's schema and response.
pub(super) fn components(
    catalog: &Catalog,
    marker: &Value,
    schemas: &mut Map<String, Value>,
    responses: &mut Map<String, Value>,
) {
    for g in &catalog.groups {
        let name = name(catalog, g);
        let mut s = Map::new();
        s.insert("title".into(), g.display_title(catalog).into());
        if let Some(d) = &g.description {
            s.insert("description".into(), d.as_str().into());
        }
        merge_into(
            &mut s,
            template_schema(catalog, &g.template, &Ctx::group(g)),
        );
        if let Some(path) = g.items_path() {
            // Errors whose items have the same shape share one schema.
            let mut items: Vec<Value> = Vec::new();
            for e in catalog.group_errors(g) {
                let item = e.item.as_ref().unwrap_or(&g.item);
                let schema = template_schema(catalog, item, &Ctx::one_error(catalog, e));
                if !items.contains(&schema) {
                    items.push(schema);
                }
            }
            if let Some(array) = member_schema(&mut s, &path) {
                let items = match <[Value; 1]>::try_from(items) {
                    Ok([one]) => one,
                    Err(many) => {
                        Value::Object(Map::from_iter([("anyOf".to_owned(), Value::Array(many))]))
                    }
                };
                array.insert("items".into(), items);
            }
        }
        s.insert(GENERATED_MARKER.into(), marker.clone());
        schemas.insert(name.clone(), Value::Object(s));

        let items = body::group_example_items(catalog, g);
        let example = body::group_body(catalog, g, &items, body::EXAMPLE_RUNTIME);
        let mut ex = Map::new();
        ex.insert(
            "summary".into(),
            format!("{} errors in one response", items.len()).into(),
        );
        ex.insert("value".into(), example);
        let mut media = Map::new();
        media.insert("schema".into(), schema_ref(&name));
        media.insert(
            "examples".into(),
            Value::Object(Map::from_iter([(g.name.to_string(), Value::Object(ex))])),
        );
        let mut response = Map::new();
        response.insert(
            "description".into(),
            format!(
                "{} (status {}): several errors in one response.",
                g.display_title(catalog),
                *g.status
            )
            .into(),
        );
        response.insert(
            "content".into(),
            Value::Object(Map::from_iter([(
                g.content_type.clone(),
                Value::Object(media),
            )])),
        );
        response.insert(GENERATED_MARKER.into(), marker.clone());
        responses.insert(name, Value::Object(response));
    }
}

/// The schema of the member at a dotted path of an object schema.
fn member_schema<'s>(
    schema: &'s mut Map<String, Value>,
    path: &str,
) -> Option<&'s mut Map<String, Value>> {
    let mut at = schema;
    for key in path.split('.') {
        at = at
            .get_mut("properties")?
            .as_object_mut()?
            .get_mut(key)?
            .as_object_mut()?;
    }
    Some(at)
}
