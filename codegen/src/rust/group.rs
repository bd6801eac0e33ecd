//! The list type of grouped responses (`[groups.NAME]`): `{Error}List`, a newtype over
//! `errcat::ErrorList` with one constructor per group, the groups' tables (outer template,
//! item templates, status, title, type) and the axum integration. Nothing when the catalog
//! has no group.

use super::RustOptions;
use super::emit::node;
use errcat_catalog::Catalog;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use std::borrow::Cow;

/// The list type and its impls.
pub(crate) fn list(
    catalog: &Catalog,
    error_ty: &Ident,
    status_ty: &Ident,
    opts: &RustOptions,
) -> TokenStream {
    if catalog.groups.is_empty() {
        return TokenStream::new();
    }
    let p = quote!(::errcat::__private);
    let list_ty = format_ident!("{}List", error_ty);
    let mut statics = TokenStream::new();
    let mut metas = Vec::new();
    let mut ctors = Vec::new();
    for (g_index, g) in catalog.groups.iter().enumerate() {
        let body = format_ident!("GROUP_{}", g_index);
        let item = format_ident!("GROUP_{}_ITEM", g_index);
        let body_node = node(&g.template);
        statics.extend(quote!(static #body: #p::Node = #body_node;));
        // The group's item, when an error uses it as it is.
        let shared = catalog
            .group_errors(g)
            .any(|e| e.item.is_none() && matches!(catalog.resolved_item(g, e), Cow::Borrowed(_)));
        if shared {
            let item_node = node(&g.item);
            statics.extend(quote!(static #item: #p::Node = #item_node;));
        }
        let mut members = Vec::new();
        for (m, e) in catalog.group_errors(g).enumerate() {
            let code = e.code.as_str();
            match catalog.resolved_item(g, e) {
                Cow::Borrowed(_) if e.item.is_none() => members.push(quote!((#code, &#item))),
                own => {
                    let name = format_ident!("GROUP_{}_ITEM_{}", g_index, m);
                    let n = node(&own);
                    statics.extend(quote!(static #name: #p::Node = #n;));
                    members.push(quote!((#code, &#name)));
                }
            }
        }
        let name = g.name.as_str();
        let status = Literal::u16_unsuffixed(*g.status);
        let reason = catalog.status(*g.status).map_or("", |s| s.reason.as_str());
        let title = g.display_title(catalog);
        let type_uri = match &g.type_uri {
            Some(t) => {
                let t = t.as_str();
                quote!(::core::option::Option::Some(#t))
            }
            None => quote!(::core::option::Option::None),
        };
        let content_type = g.content_type.as_str();
        metas.push(quote!(::errcat::GroupMeta::__new(
            #name, #status, #reason, #title, #type_uri, #content_type, &#body, &[#(#members),*],
        )));
        let ctor = format_ident!("{}", name);
        let index = Literal::usize_unsuffixed(g_index);
        let codes = catalog
            .group_errors(g)
            .map(|e| format!("`{}`", e.code.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let doc = format!(
            " An empty `{name}` response: `{} {reason}`, \"{title}\"; it may carry {codes}.",
            *g.status
        );
        ctors.push(quote! {
            #[doc = #doc]
            pub fn #ctor() -> Self {
                Self(::errcat::ErrorList::new(&Self::__ERRCAT_GROUPS[#index]))
            }
        });
    }
    let count = Literal::usize_unsuffixed(catalog.groups.len());
    let doc = format!(
        " Several errors of the {} in one response: a grouped response of the catalog \
         (`[groups]`), with the group's status, title and outer members and one item per \
         error, in the order pushed. Dereferences to `errcat::ErrorList`: `push`, `len`, \
         `body_json`, `body_json_with`, `write_body_json`, `content_type`.",
        catalog.name.as_str()
    );
    let axum = opts.axum.then(|| {
        quote! {
            #[automatically_derived]
            impl ::axum::response::IntoResponse for #list_ty {
                fn into_response(self) -> ::axum::response::Response {
                    let status = ::axum::http::StatusCode::from_u16(self.0.status_code())
                        .unwrap_or(::axum::http::StatusCode::INTERNAL_SERVER_ERROR);
                    let mut response = (status, self.0.body_json()).into_response();
                    if let ::core::result::Result::Ok(value) =
                        ::axum::http::HeaderValue::from_str(self.0.content_type())
                    {
                        response.headers_mut().insert(::axum::http::header::CONTENT_TYPE, value);
                    }
                    response
                }
            }
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        pub struct #list_ty(pub ::errcat::ErrorList<#error_ty>);

        impl #list_ty {
            #[doc(hidden)]
            const __ERRCAT_GROUPS: &'static [::errcat::GroupMeta] = {
                #statics
                static GROUPS: [::errcat::GroupMeta; #count] = [#(#metas),*];
                &GROUPS
            };

            #(#ctors)*

            /// The HTTP status of the response: its group's.
            pub fn status(&self) -> #status_ty {
                match #status_ty::from_code(self.0.status_code()) {
                    ::core::option::Option::Some(status) => status,
                    // The catalog declares every group's status.
                    ::core::option::Option::None => #status_ty::ALL[0],
                }
            }

            /// The list, unwrapped.
            pub fn into_inner(self) -> ::errcat::ErrorList<#error_ty> {
                self.0
            }
        }

        #[automatically_derived]
        impl ::core::ops::Deref for #list_ty {
            type Target = ::errcat::ErrorList<#error_ty>;
            fn deref(&self) -> &Self::Target {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::ops::DerefMut for #list_ty {
            fn deref_mut(&mut self) -> &mut Self::Target {
                &mut self.0
            }
        }

        #axum
    }
}
