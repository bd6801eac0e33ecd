//! The reference page's section on grouped responses (`[groups.NAME]`): per group its
//! status, title, type and content type, the errors it may carry, the members of the
//! response and of each item, and an example with at least two items.

use super::{Cx, Page, json_block, member_table_with};
use crate::body;
use crate::markdown::text::{push_code_span, push_plain, push_prose};
use errcat_catalog::{ErrorDef, Template, Var};

/// The errors, each linked to its section, separated by commas.
fn push_error_links<'a>(cx: &Cx<'_>, out: &mut String, errors: impl Iterator<Item = &'a ErrorDef>) {
    for (i, e) in errors.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        cx.push_error(out, e);
    }
}

pub(super) fn groups(page: &mut Page, cx: &Cx<'_>) {
    let catalog = cx.catalog;
    if catalog.groups.is_empty() {
        return;
    }
    page.heading(2, "Responses with several errors");
    page.block(|o| {
        o.push_str(
            "These responses carry a list of errors, one item each. Their status, title and \
             other outer members are the response's own, whichever errors it carries.",
        )
    });
    for g in &catalog.groups {
        page.heading(
            3,
            &format!("{} ({})", g.display_title(catalog), g.name.as_str()),
        );
        if let Some(d) = &g.description {
            page.block(|o| push_prose(o, d));
        }
        let reason = catalog.status(*g.status).map_or("", |s| s.reason.as_str());
        page.block(|o| {
            o.push_str("- Status: `");
            o.push_str(&g.status.to_string());
            o.push(' ');
            push_plain(o, reason);
            o.push_str("`\n- Content type: ");
            push_code_span(o, &g.content_type);
            if let Some(t) = &g.type_uri {
                o.push_str("\n- Type: ");
                push_code_span(o, t);
            }
            o.push_str("\n- Errors it may carry: ");
            push_error_links(cx, o, catalog.group_errors(g));
        });
        // The outer members the group knows, described as the response's (not an error's).
        let mut fields = g.fields.clone();
        for (k, v) in g.template.members() {
            let own = match v {
                Template::Var(Var::Title) => {
                    "The response's title, the same in every response of the group."
                }
                Template::Var(Var::Type) => {
                    "The response's type URI (`about:blank` when the group has none)."
                }
                Template::Var(Var::DocsUrl) => "The response's type URI.",
                Template::Var(Var::Status) => "The response's HTTP status code.",
                Template::Var(Var::Reason) => "The response's status reason phrase.",
                Template::Var(Var::Code) => "The group's name.",
                _ => continue,
            };
            if !fields.iter().any(|(p, _)| p == k) {
                fields.push((k.clone(), own.to_owned()));
            }
        }
        member_table_with(page, catalog, &g.template, &fields, &|v| {
            g.member_always_present(v)
        });
        if let Some(path) = g.items_path() {
            let prefix = format!("{path}[].");
            let item_fields: Vec<(String, String)> = g
                .fields
                .iter()
                .filter_map(|(k, v)| k.strip_prefix(&prefix).map(|k| (k.to_owned(), v.clone())))
                .collect();
            page.block(|o| {
                o.push_str("Each item of ");
                push_code_span(o, &path);
                o.push_str(", one per error:");
            });
            // An item member is always there when every error of the group sends it.
            member_table_with(page, catalog, &g.item, &item_fields, &|v| {
                catalog.member_always_present_in(catalog.group_errors(g), v)
            });
            let own: Vec<_> = catalog
                .group_errors(g)
                .filter(|e| e.item.is_some())
                .collect();
            if !own.is_empty() {
                page.block(|o| {
                    o.push_str("These errors have an item of their own: ");
                    push_error_links(cx, o, own.into_iter());
                    o.push('.');
                });
            }
        }
        let items = body::group_example_items(catalog, g);
        page.block(|o| {
            o.push_str("For example, with ");
            o.push_str(&items.len().to_string());
            o.push_str(if items.len() == 1 {
                " error:"
            } else {
                " errors:"
            });
        });
        let example = body::group_body(catalog, g, &items, body::EXAMPLE_RUNTIME);
        json_block(page, |o| body::json::push_value(o, &example, 0));
    }
}
