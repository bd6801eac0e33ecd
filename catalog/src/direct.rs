//! The raw types read straight from the parsed TOML, without serde, when every value has
//! the type the format expects.
//!
//! serde's path (`TypeCx::de` in `load.rs`) deserializes an owned copy of each entry's
//! parsed tree, and goes through serde's spanned-value protocol once per value: about a
//! quarter of loading a large catalog went there. This reads the same values from the tree
//! in place. Anything else (a value of another type, a missing required key, a key the
//! type does not have, an integer beyond `i64`) gives `None`, and serde deserializes that
//! entry as before, so every diagnostic is still serde's. The tests check that both give
//! the same value on every catalog of the repository, and that the keys read here are the
//! keys serde reads.

use crate::raw::{
    AttributeDecl, Body, Columns, Contact, Deprecated, Docs, Error, Example, Field, Headings,
    Labels, License, Meta, OpenApi, Operation, OrderedMap, RustNames, S, Scalar, Section, Server,
    Snippet, Status, Success, Template,
};
use toml::Spanned;
use toml::de::DeValue;

/// A raw type read from a parsed value that has exactly the expected shape.
pub(crate) trait Direct: Sized {
    /// The keys of a table type, in declaration order (serde's field names).
    #[cfg(test)]
    const KEYS: &'static [&'static str] = &[];

    /// The value, or `None` when serde would have to say something about it.
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self>;
}

impl Direct for String {
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
        match v.get_ref() {
            DeValue::String(s) => Some(String::from(s.as_ref())),
            _ => None,
        }
    }
}

impl Direct for i64 {
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
        match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        }
    }
}

impl Direct for bool {
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }
}

/// A float as toml's deserializer reads it: an infinity only when written `inf`.
fn float(text: &str) -> Option<f64> {
    let f: f64 = text.parse().ok()?;
    (!f.is_infinite() || text.contains("inf")).then_some(f)
}

impl Direct for Scalar {
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
        Some(match v.get_ref() {
            DeValue::String(_) => Scalar::Str(Direct::direct(v)?),
            DeValue::Integer(_) => Scalar::Int(Direct::direct(v)?),
            DeValue::Float(x) => Scalar::Float(float(x.as_str())?),
            DeValue::Boolean(b) => Scalar::Bool(*b),
            _ => return None,
        })
    }
}

impl Direct for Template {
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
        Some(match v.get_ref() {
            DeValue::Array(_) => Template::Array(Direct::direct(v)?),
            DeValue::Table(_) => Template::Table(Direct::direct(v)?),
            _ => match Scalar::direct(v)? {
                Scalar::Str(s) => Template::Str(s),
                Scalar::Int(i) => Template::Int(i),
                Scalar::Float(x) => Template::Float(x),
                Scalar::Bool(b) => Template::Bool(b),
            },
        })
    }
}

impl<T: Direct> Direct for S<T> {
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
        Some(S(Spanned::new(v.span(), T::direct(v)?)))
    }
}

impl<T: Direct> Direct for Vec<T> {
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
        match v.get_ref() {
            DeValue::Array(items) => items.iter().map(T::direct).collect(),
            _ => None,
        }
    }
}

impl<V: Direct> Direct for OrderedMap<S<String>, V> {
    fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
        let DeValue::Table(table) = v.get_ref() else {
            return None;
        };
        let mut out = Vec::with_capacity(table.len());
        for (key, value) in table.iter() {
            let name = S(Spanned::new(
                key.span(),
                String::from(key.get_ref().as_ref()),
            ));
            out.push((name, V::direct(value)?));
        }
        Some(OrderedMap(out))
    }
}

/// `Direct` for a struct of the format: `"key" => field: required | optional | default`,
/// every field in declaration order (`optional` is an `Option` that may be absent,
/// `default` a field serde defaults when absent).
macro_rules! direct_struct {
    ($ty:ident { $($key:literal => $field:ident: $how:ident),* $(,)? }) => {
        impl Direct for $ty {
            #[cfg(test)]
            const KEYS: &'static [&'static str] = &[$($key),*];

            fn direct(v: &Spanned<DeValue<'_>>) -> Option<Self> {
                let DeValue::Table(table) = v.get_ref() else {
                    return None;
                };
                $(let mut $field = None;)*
                for (key, value) in table.iter() {
                    match key.get_ref().as_ref() {
                        $($key => $field = Some(Direct::direct(value)?),)*
                        _ => return None,
                    }
                }
                Some($ty {
                    $($field: direct_struct!(@finish $how $field),)*
                })
            }
        }
    };
    (@finish required $field:ident) => { $field? };
    (@finish optional $field:ident) => { $field };
    (@finish default $field:ident) => { $field.unwrap_or_default() };
}

direct_struct!(Meta {
    "name" => name: optional,
    "version" => version: optional,
    "description" => description: optional,
    "docs_url" => docs_url: optional,
    "extends" => extends: optional,
    "include" => include: default,
    "retired" => retired: default,
    "retired_replaced_by" => retired_replaced_by: default,
});

direct_struct!(RustNames {
    "error_enum" => error_enum: optional,
    "status_enum" => status_enum: optional,
});

direct_struct!(AttributeDecl {
    "type" => ty: required,
    "values" => values: optional,
    "description" => description: optional,
    "applies_to" => applies_to: optional,
    "required" => required: optional,
});

direct_struct!(Status {
    "reason" => reason: optional,
    "description" => description: optional,
    "aliases" => aliases: default,
    "reference" => reference: optional,
    "attributes" => attributes: default,
    "headers" => headers: default,
});

direct_struct!(Error {
    "status" => status: required,
    "message" => message: required,
    "title" => title: optional,
    "description" => description: optional,
    "remediation" => remediation: optional,
    "field" => field: optional,
    "fields" => fields: default,
    "retryable" => retryable: optional,
    "retry_after" => retry_after: optional,
    "deprecated" => deprecated: optional,
    "attributes" => attributes: default,
    "headers" => headers: default,
    "body" => body: optional,
    "examples" => examples: default,
    "cause" => cause: optional,
    "from" => from: default,
});

direct_struct!(Field {
    "type" => ty: required,
    "description" => description: optional,
    "example" => example: optional,
});

direct_struct!(Deprecated {
    "since" => since: optional,
    "replaced_by" => replaced_by: optional,
    "note" => note: optional,
});

direct_struct!(Example {
    "summary" => summary: optional,
    "values" => values: default,
});

direct_struct!(Body {
    "format" => format: optional,
    "template" => template: optional,
    "content_type" => content_type: optional,
    "description" => description: optional,
    "fields" => fields: default,
    "closed" => closed: optional,
});

direct_struct!(Success {
    "template" => template: required,
    "description" => description: optional,
    "fields" => fields: default,
    "closed" => closed: optional,
});

direct_struct!(Docs {
    "title" => title: optional,
    "intro" => intro: optional,
    "group_by_class" => group_by_class: optional,
    "classes" => classes: default,
    "recommendations" => recommendations: default,
    "snippets" => snippets: default,
    "sections" => sections: default,
    "layout" => layout: optional,
    "example" => example: optional,
    "error_order" => error_order: optional,
    "contents" => contents: optional,
    "headings" => headings: optional,
    "columns" => columns: optional,
    "labels" => labels: optional,
    "class_titles" => class_titles: default,
    "attribute_titles" => attribute_titles: default,
});

direct_struct!(Headings {
    "contents" => contents: optional,
    "statuses" => statuses: optional,
    "body" => body: optional,
    "success" => success: optional,
    "errors" => errors: optional,
    "retired" => retired: optional,
    "recommendations" => recommendations: optional,
});

direct_struct!(Columns {
    "code" => code: optional,
    "reason" => reason: optional,
    "description" => description: optional,
    "errors" => errors: optional,
    "member" => member: optional,
    "type" => ty: optional,
    "always_present" => always_present: optional,
    "placeholder" => placeholder: optional,
    "example" => example: optional,
});

direct_struct!(Labels {
    "code" => code: optional,
    "status" => status: optional,
    "message" => message: optional,
    "field" => field: optional,
    "retryable" => retryable: optional,
    "headers" => headers: optional,
    "remediation" => remediation: optional,
    "example" => example: optional,
    "errors" => errors: optional,
});

direct_struct!(Snippet {
    "title" => title: required,
    "language" => language: optional,
    "code" => code: required,
    "description" => description: optional,
});

direct_struct!(Operation {
    "method" => method: optional,
    "path" => path: optional,
    "errors" => errors: default,
});

direct_struct!(Section {
    "title" => title: required,
    "body" => body: required,
});

direct_struct!(OpenApi {
    "servers" => servers: default,
    "license" => license: optional,
    "contact" => contact: optional,
});

direct_struct!(Server {
    "url" => url: required,
    "description" => description: optional,
});

direct_struct!(License {
    "name" => name: required,
    "url" => url: optional,
});

direct_struct!(Contact {
    "name" => name: optional,
    "url" => url: optional,
    "email" => email: optional,
});

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use std::fmt::Debug;
    use std::path::{Path, PathBuf};
    use toml::de::{DeTable, ValueDeserializer};

    /// Reads `v` both ways: when `direct` gives a value it is serde's (spans included).
    /// Returns whether `direct` gave one.
    fn same<T: Direct + DeserializeOwned + Debug>(v: &Spanned<DeValue<'_>>, at: &str) -> bool {
        let Some(direct) = T::direct(v) else {
            return false;
        };
        let serde = T::deserialize(ValueDeserializer::from(v.clone()))
            .unwrap_or_else(|e| panic!("{at}: read directly, but serde says {e}"));
        assert_eq!(format!("{direct:?}"), format!("{serde:?}"), "{at}");
        true
    }

    fn entries<T: Direct + DeserializeOwned + Debug>(v: &Spanned<DeValue<'_>>, at: &str) -> bool {
        let Some(table) = v.get_ref().as_table() else {
            return same::<S<T>>(v, at);
        };
        let mut all = true;
        for (key, v) in table.iter() {
            all &= same::<S<T>>(v, &format!("{at}.{}", key.get_ref()));
        }
        all
    }

    /// Compares both readings of every section and entry of a file, as `load::parse` reads
    /// them; whether every one was read directly.
    fn check_text(text: &str, at: &str) -> bool {
        let (table, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            return false;
        }
        let mut all = true;
        for (key, v) in table.get_ref().iter() {
            let at = format!("{at}: {}", key.get_ref());
            all &= match key.get_ref().as_ref() {
                "catalog" => same::<Meta>(v, &at),
                "rust" => same::<S<RustNames>>(v, &at),
                "lints" => same::<OrderedMap<S<String>, S<String>>>(v, &at),
                "attributes" => entries::<AttributeDecl>(v, &at),
                "statuses" => entries::<Status>(v, &at),
                "errors" => entries::<Error>(v, &at),
                "body" => same::<S<Body>>(v, &at),
                "success" => same::<S<Success>>(v, &at),
                "docs" => same::<S<Docs>>(v, &at),
                "openapi" => same::<S<OpenApi>>(v, &at),
                _ => true,
            };
        }
        all
    }

    fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                toml_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }

    #[test]
    fn direct_reading_is_serde_reading() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for dir in ["examples", "tests", "macros/tests", "catalog/std"] {
            toml_files(&root.join(dir), &mut files);
        }
        files.retain(|f| !f.ends_with("Cargo.toml") && !f.ends_with("schemathesis.toml"));
        assert!(files.len() > 100, "{} catalogs", files.len());
        for path in &files {
            // Not every case is UTF-8 (the non-UTF-8 malformed case is read as bytes).
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let all = check_text(&text, &path.display().to_string());
            // The valid catalogs are read without serde (the point of this module).
            if path.starts_with(root.join("examples/catalogs")) || path.ends_with("http.toml") {
                assert!(all, "{}: some entry went through serde", path.display());
            }
        }
    }

    #[test]
    fn values_at_the_edges_read_as_serde_reads_them() {
        let text = r#"
            [errors.a]
            status = 0x190
            message = 'lit\eral'
            body = { i = 9223372036854775807, j = 0o17, g = inf, h = -nan, n = -inf,
                     p = +1_000, q = 6.02e+23, a = [1, "x", [true, { b = 0b101 }]],
                     s = "\u00e9\t", t = """
              two\
              lines""" }
            fields.x = { type = "float", example = -0.0 }
            examples = [{ values = { x = 1.5 } }, { summary = "s" }]
            deprecated = { since = "1" }
            attributes.k = "v"
            headers.X = "y"
            [errors.b]
            status = 400
            message = "m"
            body = { a = 1e400 }
            [errors.c]
            status = 400
            message = "m"
            attributes = { z = 1979-05-27T07:32:00Z }
            [errors.d]
            status = 9223372036854775808
            message = "m"
            [errors.e]
            status = 400
            message = "m"
            deprecated = ["1.0", "a", "n"]
            [errors.f]
            status = 400
            unknown = 1
            message = "m"
            [errors.g]
            message = "m"
            [errors.h]
            status = 400
            message = "m"
            retryable = "yes"
            [errors.i]
            status = 400
            message = "m"
            body = { k = 1979-05-27 }
            [errors.j]
            status = 400
            message = "m"
            fields.y = { type = "integer", example = 9223372036854775808 }
        "#;
        let (table, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty(), "{errors:?}");
        let errors = table.get_ref().get("errors").unwrap().get_ref();
        let direct: Vec<&str> = errors
            .as_table()
            .unwrap()
            .iter()
            .filter(|(code, v)| same::<S<Error>>(v, code.get_ref()))
            .map(|(code, _)| code.get_ref().as_ref())
            .collect();
        assert_eq!(direct, ["a"]);
    }

    fn keys_match<T: Direct + DeserializeOwned>() {
        let fields = crate::load::fields_of::<T>();
        assert_eq!(T::KEYS, fields, "{}", std::any::type_name::<T>());
    }

    #[test]
    fn keys_are_serde_field_names() {
        for check in [
            keys_match::<Meta> as fn(),
            keys_match::<RustNames>,
            keys_match::<AttributeDecl>,
            keys_match::<Status>,
            keys_match::<Error>,
            keys_match::<Field>,
            keys_match::<Deprecated>,
            keys_match::<Example>,
            keys_match::<Body>,
            keys_match::<Success>,
            keys_match::<Docs>,
            keys_match::<Snippet>,
            keys_match::<Section>,
            keys_match::<Headings>,
            keys_match::<Columns>,
            keys_match::<Labels>,
            keys_match::<Operation>,
            keys_match::<OpenApi>,
            keys_match::<Server>,
            keys_match::<License>,
            keys_match::<Contact>,
        ] {
            check();
        }
    }
}
