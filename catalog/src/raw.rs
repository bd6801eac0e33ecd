//! The catalog file as written: serde types that mirror the TOML one to one, every value
//! wrapped in [`S`] so that it keeps its span. Nothing here is checked beyond its TOML type;
//! `check` turns these into the validated [`crate::model`].
//!
//! These types are also the source of the JSON Schema (`errcat schema`, feature `schema`).

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Every table of the format whose keys are fixed (`"[errors.CODE]"`, `"top level"`...),
/// with the keys it accepts: the same lists the loader checks keys against, read from the
/// types below. `docs/catalog-format.md` is tested to document each of them.
pub fn tables() -> Vec<(&'static str, &'static [&'static str])> {
    crate::load::tables()
}

/// A value with the byte range it was written at.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct S<T>(pub toml::Spanned<T>);

// The span is invisible in the file: `S<T>` has exactly `T`'s schema (a derive would add a
// wrapper definition per `T`, whose description editors would show instead of the key's).
#[cfg(feature = "schema")]
impl<T: JsonSchema> JsonSchema for S<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}

impl<T> S<T> {
    /// The value.
    pub fn get(&self) -> &T {
        self.0.get_ref()
    }
    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.0.span()
    }
}

/// A TOML table whose entries keep the order they were written in.
#[derive(Debug, Clone)]
pub struct OrderedMap<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for OrderedMap<K, V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V_<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for V_<K, V> {
            type Value = OrderedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    out.push((k, v));
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(V_(std::marker::PhantomData))
    }
}

#[cfg(feature = "schema")]
impl<K, V: JsonSchema> JsonSchema for OrderedMap<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Table_of_{}", V::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, V>>::json_schema(g)
    }
}

/// A string, integer, float or boolean: attribute values and example field values.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl Scalar {
    /// The TOML type name, for diagnostics.
    pub fn type_name(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "string",
            Scalar::Int(_) => "integer",
            Scalar::Float(_) => "float",
            Scalar::Bool(_) => "boolean",
        }
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Str(s) => write!(f, "{s:?}"),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Float(x) => write!(f, "{x:?}"),
            Scalar::Bool(b) => write!(f, "{b}"),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, integer, float or boolean")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Str(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                i64::try_from(v)
                    .map(Scalar::Int)
                    .map_err(|_| E::custom("integer out of range"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Float(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Scalar {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scalar".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "integer", "number", "boolean"] })
    }
}

/// A JSON template written as TOML: strings may hold `{placeholders}`.
#[derive(Debug, Clone)]
pub enum Template {
    /// A string, maybe with placeholders.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// An array.
    Array(Vec<S<Template>>),
    /// An object; keys keep their order.
    Table(OrderedMap<S<String>, S<Template>>),
}

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Template;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON template (string, number, boolean, array or table)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Template, E> {
                Ok(Template::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Template, E> {
                Ok(Template::Str(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Template, E> {
                Ok(Template::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Template, E> {
                i64::try_from(v)
                    .map(Template::Int)
                    .map_err(|_| E::custom("integer out of range"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Template, E> {
                Ok(Template::Float(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Template, E> {
                Ok(Template::Bool(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Template, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Template::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Template, A::Error> {
                let table = OrderedMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Template::Table(table))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Template {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Template".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A JSON value written as TOML; strings may hold {placeholders}."
        })
    }
}

/// One catalog file: the root catalog, a file it includes, or a catalog it extends.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
#[cfg_attr(feature = "schema", schemars(title = "errcat catalog"))]
pub struct CatalogFile {
    /// `[catalog]`: name, version, description, composition.
    #[serde(default)]
    pub catalog: Option<Meta>,
    /// `[rust]`: names of the generated Rust types.
    #[serde(default)]
    pub rust: Option<S<RustNames>>,
    /// `[lints]`: `rule = "allow" | "warn" | "deny"`.
    #[serde(default)]
    pub lints: OrderedMap<S<String>, S<String>>,
    /// `[attributes.NAME]`: user-defined attributes of statuses and errors.
    #[serde(default)]
    pub attributes: OrderedMap<S<String>, S<AttributeDecl>>,
    /// `[statuses.CODE]`: the HTTP statuses the API returns.
    #[serde(default)]
    pub statuses: OrderedMap<S<String>, S<Status>>,
    /// `[errors.CODE]`: the application errors.
    #[serde(default)]
    pub errors: OrderedMap<S<String>, S<Error>>,
    /// `[body]`: the error response body.
    #[serde(default)]
    pub body: Option<S<Body>>,
    /// `[success]`: the envelope successful responses are wrapped in, if any.
    #[serde(default)]
    pub success: Option<S<Success>>,
    /// `[docs]`: prose of the generated reference page.
    #[serde(default)]
    pub docs: Option<S<Docs>>,
    /// `[operations]`: the API's operations and the errors each may return.
    #[serde(default)]
    pub operations: Option<S<Operations>>,
    /// `[openapi]`: what the generated OpenAPI document says about the API.
    #[serde(default)]
    pub openapi: Option<S<OpenApi>>,
}

/// `[catalog]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Meta {
    /// The API's name (required in the root catalog).
    pub name: Option<S<String>>,
    /// The catalog's version.
    pub version: Option<S<String>>,
    /// Markdown describing the API's errors in general.
    pub description: Option<S<String>>,
    /// URL pattern of an error's documentation, with `{code}` (and optionally `{status}`).
    pub docs_url: Option<S<String>>,
    /// A catalog whose statuses this one may use: `"http"` (bundled) or a relative path.
    pub extends: Option<S<String>>,
    /// Catalog files merged into this one, relative to this file.
    #[serde(default)]
    pub include: Vec<S<String>>,
    /// Error codes that were removed and may never be used again.
    #[serde(default)]
    pub retired: Vec<S<String>>,
    /// What replaced each retired code: retired code -> the code of an error of the catalog.
    #[serde(default)]
    pub retired_replaced_by: OrderedMap<S<String>, S<String>>,
}

/// `[rust]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct RustNames {
    /// The error enum (default `ApiError`).
    pub error_enum: Option<S<String>>,
    /// The status enum (default `ApiStatus`).
    pub status_enum: Option<S<String>>,
}

/// `[attributes.NAME]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct AttributeDecl {
    /// `"string"`, `"integer"` or `"boolean"`.
    #[serde(rename = "type")]
    pub ty: S<String>,
    /// The values allowed, if limited.
    pub values: Option<Vec<S<Scalar>>>,
    /// What the attribute means.
    pub description: Option<S<String>>,
    /// `["statuses"]`, `["errors"]` or both (the default).
    pub applies_to: Option<Vec<S<String>>>,
    /// Whether every status/error it applies to must set it.
    #[serde(default)]
    pub required: Option<S<bool>>,
}

/// `[statuses.CODE]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Status {
    /// The reason phrase; defaults to the extended catalog's.
    pub reason: Option<S<String>>,
    /// Markdown; defaults to the extended catalog's.
    pub description: Option<S<String>>,
    /// Other names in use for this status.
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    /// Where the status is defined (`RFC 9110, Section 15.5.5`).
    pub reference: Option<S<String>>,
    /// User-defined attributes.
    #[serde(default)]
    pub attributes: OrderedMap<S<String>, S<Scalar>>,
    /// Response headers every error of this status carries: name -> literal value.
    #[serde(default)]
    pub headers: OrderedMap<S<String>, S<String>>,
}

/// `[errors.CODE]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Error {
    /// The HTTP status it is returned with.
    pub status: S<i64>,
    /// The message, with `{field}` placeholders (`{{` and `}}` for braces).
    pub message: S<String>,
    /// A short human title (docs heading); defaults to the code.
    pub title: Option<S<String>>,
    /// Markdown: what happened.
    pub description: Option<S<String>>,
    /// Markdown: what the client should do.
    pub remediation: Option<S<String>>,
    /// The request field this error concerns (`{field}` in the body).
    pub field: Option<S<String>>,
    /// The message's typed placeholders.
    #[serde(default)]
    pub fields: OrderedMap<S<String>, S<Field>>,
    /// Whether a client may retry.
    pub retryable: Option<S<bool>>,
    /// Seconds a client should wait before retrying (implies `retryable`).
    pub retry_after: Option<S<i64>>,
    /// Deprecation.
    pub deprecated: Option<S<Deprecated>>,
    /// User-defined attributes.
    #[serde(default)]
    pub attributes: OrderedMap<S<String>, S<Scalar>>,
    /// Response headers of this error: name -> literal value; they extend and override its status's.
    #[serde(default)]
    pub headers: OrderedMap<S<String>, S<String>>,
    /// A body template for this error only, replacing `[body]`'s.
    pub body: Option<S<Template>>,
    /// Example field values; each gives an example body.
    #[serde(default)]
    pub examples: Vec<S<Example>>,
    /// Whether the error carries a cause that stays on the server (`source()`), never on
    /// the wire; implied by `from`.
    pub cause: Option<S<bool>>,
    /// Rust paths of the library errors `?` converts into this error, held as its cause
    /// (`["std::io::Error", "rusqlite::Error"]`).
    #[serde(default)]
    pub from: Vec<S<String>>,
}

/// `[errors.CODE.fields.NAME]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Field {
    /// `"string"`, `"integer"`, `"unsigned"`, `"float"` or `"boolean"`.
    #[serde(rename = "type")]
    pub ty: S<String>,
    /// What the value is.
    pub description: Option<S<String>>,
    /// A value for examples.
    pub example: Option<S<Scalar>>,
}

/// `deprecated = { since, replaced_by, note }`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Deprecated {
    /// The version that deprecated it.
    pub since: Option<S<String>>,
    /// The code of the error to use instead.
    pub replaced_by: Option<S<String>>,
    /// Why, or what to do.
    pub note: Option<S<String>>,
}

/// `[[errors.CODE.examples]]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Example {
    /// A one-line summary.
    pub summary: Option<S<String>>,
    /// Field values.
    #[serde(default)]
    pub values: OrderedMap<S<String>, S<Scalar>>,
}

/// `[body]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Body {
    /// `"problem"` (RFC 9457 problem+json, the default) or `"template"`.
    pub format: Option<S<String>>,
    /// The template, with `format = "template"`.
    pub template: Option<S<Template>>,
    /// The response content type (default `application/problem+json` or `application/json`).
    pub content_type: Option<S<String>>,
    /// Markdown introducing the body format.
    pub description: Option<S<String>>,
    /// Descriptions of the body's members for the docs' field table, by dotted path.
    #[serde(default)]
    pub fields: OrderedMap<S<String>, S<String>>,
    /// Whether the body is closed: clients may then refuse members it does not list
    /// (default false: open, as RFC 9457 asks of problem details).
    pub closed: Option<S<bool>>,
}

/// `[success]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Success {
    /// The envelope, with `{content}` where the payload goes.
    pub template: S<Template>,
    /// Markdown introducing it.
    pub description: Option<S<String>>,
    /// Descriptions of the envelope's members, by dotted path.
    #[serde(default)]
    pub fields: OrderedMap<S<String>, S<String>>,
    /// Whether the envelope is closed (default false: open).
    pub closed: Option<S<bool>>,
}

/// `[docs]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Docs {
    /// The page title (default: "NAME errors").
    pub title: Option<S<String>>,
    /// Markdown at the top of the page.
    pub intro: Option<S<String>>,
    /// Group the status table by class (1xx ... 5xx).
    pub group_by_class: Option<S<bool>>,
    /// Markdown introducing each class: keys `1xx` ... `5xx`.
    #[serde(default)]
    pub classes: OrderedMap<S<String>, S<String>>,
    /// A numbered list of recommendations.
    #[serde(default)]
    pub recommendations: Vec<S<String>>,
    /// Client code samples.
    #[serde(default)]
    pub snippets: Vec<S<Snippet>>,
    /// Free-form sections at the end of the page.
    #[serde(default)]
    pub sections: Vec<S<Section>>,
    /// `"table"` (the default: status prose in the status table) or `"details"` (a summary
    /// table, then a section per status holding its prose).
    pub layout: Option<S<String>>,
    /// The code of the error whose example illustrates the error body (default: the first
    /// error, in page order, that uses the catalog's body).
    pub example: Option<S<String>>,
    /// The order of the error sections: `"status"` (the default) or `"catalog"`.
    pub error_order: Option<S<String>>,
    /// Whether the page has a table of contents (default true).
    pub contents: Option<S<bool>>,
    /// The page's headings, replacing the default words.
    pub headings: Option<S<Headings>>,
    /// The page's table column headers, replacing the default words.
    pub columns: Option<S<Columns>>,
    /// The labels of an error section's list, replacing the default words.
    pub labels: Option<S<Labels>>,
    /// The heading of each status class group: keys `1xx` ... `5xx` (default "4xx: Client error").
    #[serde(default)]
    pub class_titles: OrderedMap<S<String>, S<String>>,
    /// The column header and label of each attribute, by attribute name (default: the name,
    /// capitalised, `_` as spaces).
    #[serde(default)]
    pub attribute_titles: OrderedMap<S<String>, S<String>>,
}

/// `[docs.headings]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Headings {
    /// The table of contents (default "Contents").
    pub contents: Option<S<String>>,
    /// The status codes section (default "Status codes").
    pub statuses: Option<S<String>>,
    /// The error body section (default "Error response body").
    pub body: Option<S<String>>,
    /// The success envelope section (default "Success envelope").
    pub success: Option<S<String>>,
    /// The errors section (default "Errors").
    pub errors: Option<S<String>>,
    /// The retired codes section (default "Retired codes").
    pub retired: Option<S<String>>,
    /// The recommendations section (default "Recommendations").
    pub recommendations: Option<S<String>>,
}

/// `[docs.columns]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Columns {
    /// The status code (default "Code").
    pub code: Option<S<String>>,
    /// The reason phrase (default "Reason").
    pub reason: Option<S<String>>,
    /// Descriptions, in every table (default "Description").
    pub description: Option<S<String>>,
    /// The errors of a status (default "Errors").
    pub errors: Option<S<String>>,
    /// A body member's path (default "Member").
    pub member: Option<S<String>>,
    /// A member's or placeholder's type (default "Type").
    #[serde(rename = "type")]
    pub ty: Option<S<String>>,
    /// Whether a member is always present (default "Always present").
    pub always_present: Option<S<String>>,
    /// A message placeholder (default "Placeholder").
    pub placeholder: Option<S<String>>,
    /// A placeholder's example value (default "Example").
    pub example: Option<S<String>>,
}

/// `[docs.labels]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Labels {
    /// The error's code (default "Code").
    pub code: Option<S<String>>,
    /// Its status (default "Status").
    pub status: Option<S<String>>,
    /// Its message (default "Message").
    pub message: Option<S<String>>,
    /// The request field it concerns (default "Field").
    pub field: Option<S<String>>,
    /// Whether it may be retried (default "Retryable").
    pub retryable: Option<S<String>>,
    /// Its response headers (default "Response headers").
    pub headers: Option<S<String>>,
    /// Its remediation (default "What to do").
    pub remediation: Option<S<String>>,
    /// An example body (default "Example").
    pub example: Option<S<String>>,
    /// The errors of a status, in its section of the details layout (default "Errors").
    pub errors: Option<S<String>>,
}

/// `[[docs.snippets]]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Snippet {
    /// Heading.
    pub title: S<String>,
    /// The code block's language (`python`, `rust`, ...).
    pub language: Option<S<String>>,
    /// The code.
    pub code: S<String>,
    /// Markdown shown before the code.
    pub description: Option<S<String>>,
}

/// `[[docs.sections]]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Section {
    /// Heading.
    pub title: S<String>,
    /// Markdown.
    pub body: S<String>,
}

/// `[operations]`: the errors every operation may return (`common`), errors returned to
/// requests that match no operation (`unrouted`), and one `[operations.ID]` table per
/// operation, keyed by its OpenAPI `operationId`.
#[derive(Debug, Clone, Default)]
pub struct Operations {
    /// Error codes every operation may return.
    pub common: Vec<S<String>>,
    /// Error codes returned to requests that match no operation (an unknown path).
    pub unrouted: Vec<S<String>>,
    /// The operations, by `operationId`, in the order written.
    pub entries: OrderedMap<S<String>, S<Operation>>,
}

impl Operations {
    /// The keys of `[operations]` that are not operations.
    pub const KEYS: [&'static str; 2] = ["common", "unrouted"];
}

impl<'de> Deserialize<'de> for Operations {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Operations;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of operations")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Operations, A::Error> {
                let mut out = Operations::default();
                while let Some(key) = map.next_key::<S<String>>()? {
                    match key.get().as_str() {
                        "common" => out.common = map.next_value()?,
                        "unrouted" => out.unrouted = map.next_value()?,
                        _ => {
                            let op = map.next_value()?;
                            out.entries.0.push((key, op));
                        }
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Operations {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Operations".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes = g.subschema_for::<Vec<String>>();
        let operation = g.subschema_for::<Operation>();
        schemars::json_schema!({
            "description": "The API's operations, by `operationId`, with the errors each may return.",
            "type": "object",
            "properties": {
                "common": {
                    "description": "Error codes every operation may return.",
                    "allOf": [codes.clone()]
                },
                "unrouted": {
                    "description": "Error codes returned to requests that match no operation (an unknown path).",
                    "allOf": [codes]
                }
            },
            "additionalProperties": operation
        })
    }
}

/// `[operations.ID]`: one operation of the API.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Operation {
    /// The HTTP method (`GET`, `POST`...); with `path`, finds the operation in an OpenAPI
    /// document that gives it no `operationId`.
    pub method: Option<S<String>>,
    /// The path template as the OpenAPI document writes it (`/receivables/{id}`).
    pub path: Option<S<String>>,
    /// The codes of the errors this operation may return, besides `common`.
    #[serde(default)]
    pub errors: Vec<S<String>>,
}

/// `[openapi]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct OpenApi {
    /// The API's servers (`servers`).
    #[serde(default)]
    pub servers: Vec<S<Server>>,
    /// The API's license (`info.license`).
    pub license: Option<S<License>>,
    /// Who to contact about the API (`info.contact`).
    pub contact: Option<S<Contact>>,
}

/// `[[openapi.servers]]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Server {
    /// The server's URL.
    pub url: S<String>,
    /// What the server is (`Production`).
    pub description: Option<S<String>>,
}

/// `[openapi.license]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct License {
    /// The license's name (`Apache 2.0`).
    pub name: S<String>,
    /// The license's URL.
    pub url: Option<S<String>>,
}

/// `[openapi.contact]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Contact {
    /// A person or team.
    pub name: Option<S<String>>,
    /// A web page.
    pub url: Option<S<String>>,
    /// An email address.
    pub email: Option<S<String>>,
}
