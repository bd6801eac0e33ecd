//! The list type of grouped responses (`[groups.NAME]`): `{Error}List`, a newtype over
//! `errcat::ErrorList` with one constructor per group, the groups' tables (outer template,
//! item templates, status, title, type) and the axum integration. Nothing when the catalog
//! has no group.

use super::RustOptions;
use super::emit::{node, push_doc_attr};
use super::expr::{Expr, push_fixed, push_item};
use errcat_catalog::Catalog;
use std::borrow::Cow;
use std::fmt::Write as _;

/// The list type and its impls, as formatted text.
pub(crate) fn push(
    out: &mut String,
    catalog: &Catalog,
    error_ty: &str,
    status_ty: &str,
    opts: &RustOptions,
) {
    if catalog.groups.is_empty() {
        return;
    }
    let list_ty = format!("{error_ty}List");
    let node_ty = "::errcat::__private::Node";
    let mut statics = String::new();
    let mut metas = Vec::new();
    let mut ctors = String::new();
    for (g_index, g) in catalog.groups.iter().enumerate() {
        let body = format!("GROUP_{g_index}");
        let item = format!("GROUP_{g_index}_ITEM");
        push_item(
            &mut statics,
            8,
            &format!("static {body}: {node_ty} = "),
            &node(&g.template),
        );
        // The group's item, when an error uses it as it is.
        let shared = catalog
            .group_errors(g)
            .any(|e| e.item.is_none() && matches!(catalog.resolved_item(g, e), Cow::Borrowed(_)));
        if shared {
            push_item(
                &mut statics,
                8,
                &format!("static {item}: {node_ty} = "),
                &node(&g.item),
            );
        }
        let mut members = Vec::new();
        for (m, e) in catalog.group_errors(g).enumerate() {
            let code = Expr::str(&e.code);
            match catalog.resolved_item(g, e) {
                Cow::Borrowed(_) if e.item.is_none() => {
                    members.push(Expr::Tuple(vec![code, Expr::word(format!("&{item}"))]));
                }
                own => {
                    let name = format!("GROUP_{g_index}_ITEM_{m}");
                    push_item(
                        &mut statics,
                        8,
                        &format!("static {name}: {node_ty} = "),
                        &node(&own),
                    );
                    members.push(Expr::Tuple(vec![code, Expr::word(format!("&{name}"))]));
                }
            }
        }
        let name = g.name.as_str();
        let reason = catalog.status(*g.status).map_or("", |s| s.reason.as_str());
        let title = g.display_title(catalog);
        let type_uri = match &g.type_uri {
            Some(t) => Expr::call("::core::option::Option::Some", vec![Expr::str(t)]),
            None => Expr::word("::core::option::Option::None"),
        };
        metas.push(Expr::call(
            "::errcat::GroupMeta::__new",
            vec![
                Expr::str(name),
                Expr::Simple(g.status.to_string()),
                Expr::str(reason),
                Expr::str(title),
                type_uri,
                Expr::str(&g.content_type),
                Expr::word(format!("&{body}")),
                Expr::re(Expr::Array(members)),
            ],
        ));
        let codes = catalog
            .group_errors(g)
            .map(|e| format!("`{}`", e.code.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let doc = format!(
            " An empty `{name}` response: `{} {reason}`, \"{title}\"; it may carry {codes}.",
            *g.status
        );
        push_doc_attr(&mut ctors, "    ", &doc);
        let _ = write!(
            ctors,
            "    pub fn {name}() -> Self {{
        Self(::errcat::ErrorList::new(&Self::__ERRCAT_GROUPS[{g_index}]))
    }}
"
        );
    }
    let doc = format!(
        " Several errors of the {} in one response: a grouped response of the catalog \
         (`[groups]`), with the group's status, title and outer members and one item per \
         error, in the order pushed. Dereferences to `errcat::ErrorList`: `push`, `len`, \
         `body_json`, `body_json_with`, `write_body_json`, `content_type`.",
        catalog.name.as_str()
    );
    push_doc_attr(out, "", &doc);
    push_fixed(
        out,
        &format!(
            "#[derive(Debug, Clone, PartialEq)]
pub struct {list_ty}(pub ::errcat::ErrorList<{error_ty}>);
impl {list_ty} {{
    #[doc(hidden)]
    const __ERRCAT_GROUPS: &'static [::errcat::GroupMeta] = {{
"
        ),
    );
    out.push_str(&statics);
    let count = catalog.groups.len();
    push_item(
        out,
        8,
        &format!("static GROUPS: [::errcat::GroupMeta; {count}] = "),
        &Expr::Array(metas),
    );
    out.push_str("        &GROUPS\n    };\n");
    out.push_str(&ctors);
    push_fixed(
        out,
        &format!(
            "    /// The HTTP status of the response: its group's.
    pub fn status(&self) -> {status_ty} {{
        match {status_ty}::from_code(self.0.status_code()) {{
            ::core::option::Option::Some(status) => status,
            ::core::option::Option::None => {status_ty}::ALL[0],
        }}
    }}
    /// The list, unwrapped.
    pub fn into_inner(self) -> ::errcat::ErrorList<{error_ty}> {{
        self.0
    }}
}}
#[automatically_derived]
impl ::core::ops::Deref for {list_ty} {{
    type Target = ::errcat::ErrorList<{error_ty}>;
    fn deref(&self) -> &Self::Target {{
        &self.0
    }}
}}
#[automatically_derived]
impl ::core::ops::DerefMut for {list_ty} {{
    fn deref_mut(&mut self) -> &mut Self::Target {{
        &mut self.0
    }}
}}
"
        ),
    );
    if opts.axum {
        push_fixed(
            out,
            &format!(
                "#[automatically_derived]
impl ::axum::response::IntoResponse for {list_ty} {{
    fn into_response(self) -> ::axum::response::Response {{
        let status = ::axum::http::StatusCode::from_u16(self.0.status_code())
            .unwrap_or(::axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, self.0.body_json()).into_response();
        if let ::core::result::Result::Ok(value) = ::axum::http::HeaderValue::from_str(
            self.0.content_type(),
        ) {{
            response.headers_mut().insert(::axum::http::header::CONTENT_TYPE, value);
        }}
        response
    }}
}}
"
            ),
        );
    }
}
