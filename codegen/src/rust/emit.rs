//! The emitter of the fixed-size items, as formatted text (what prettyplease prints for
//! them), shared by `rust::generate` (generated enums) and `derive` (an enum the user
//! wrote, whose impls are then parsed into tokens).

use super::expr::{self, Expr, push_arm, push_fixed, push_item};
use super::pretty::Printer;
use super::{RustOptions, docs, text};
use errcat_catalog::{Catalog, ErrorDef, FieldType, Scalar, Status, Template, TextPiece, Var};
use std::fmt::Write as _;

/// An identifier from a validated name, as text: names that are keywords become raw
/// identifiers (`r#type`) and anything else that is not an identifier is mangled
/// (validation rejects those first). What `syn` accepts as an identifier, without it: an
/// identifier's characters (`_` or XID_Start, then XID_Continue, as proc-macro2 lexes
/// them) that is not one of syn's keywords.
pub(crate) fn ident_text(name: &str) -> String {
    if is_plain_ident(name) {
        return name.to_owned();
    }
    // A raw identifier can be anything but these.
    let rawable =
        |n: &str| is_ident_chars(n) && !matches!(n, "self" | "Self" | "super" | "crate" | "_");
    if is_ident_chars(name) {
        if !SYN_KEYWORDS.contains(&name) {
            return name.to_owned();
        }
        if rawable(name) {
            return format!("r#{name}");
        }
    }
    // Already written raw.
    if name.strip_prefix("r#").is_some_and(rawable) {
        return name.to_owned();
    }
    let mangled: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("__{mangled}")
}

/// The words `syn` does not accept as identifiers (its `accept_as_ident`): the strict and
/// reserved keywords of every edition, and `_`.
const SYN_KEYWORDS: &[&str] = &[
    "_", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "Self", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `name` is made of an identifier's characters: `_` or XID_Start, then
/// XID_Continue (proc-macro2's lexer).
fn is_ident_chars(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c))
        && chars.all(unicode_ident::is_xid_continue)
}

/// Whether `name` is an ASCII identifier and no keyword (the usual case).
fn is_plain_ident(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
        "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
        "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try",
        "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield", "_",
    ];
    let b = name.as_bytes();
    !b.is_empty()
        && !b[0].is_ascii_digit()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
        && !KEYWORDS.contains(&name)
}

fn opt_str(s: Option<&str>) -> Expr {
    match s {
        Some(s) => Expr::call("::core::option::Option::Some", vec![Expr::str(s)]),
        None => Expr::word("::core::option::Option::None"),
    }
}

fn int(i: i64) -> Expr {
    let lit = Expr::Simple(i.unsigned_abs().to_string());
    if i < 0 { Expr::Neg(Box::new(lit)) } else { lit }
}

fn float(x: f64) -> Expr {
    if !x.is_finite() {
        // Written as `null`, as the JSON rendering of the catalog does.
        return Expr::word("::core::f64::NAN");
    }
    // proc-macro2's `Literal::f64_unsuffixed`.
    let mut lit = x.abs().to_string();
    if !lit.contains('.') {
        lit.push_str(".0");
    }
    let lit = Expr::Word(lit);
    if x.is_sign_negative() {
        Expr::Neg(Box::new(lit))
    } else {
        lit
    }
}

fn attr_value(v: &Scalar) -> Expr {
    let (variant, value) = match v {
        Scalar::Str(s) => ("::errcat::AttrValue::Str", Expr::str(s)),
        Scalar::Int(i) => ("::errcat::AttrValue::Int", int(*i)),
        Scalar::Bool(b) => ("::errcat::AttrValue::Bool", Expr::Simple(b.to_string())),
        Scalar::Float(x) => ("::errcat::AttrValue::Float", float(*x)),
    };
    Expr::call(variant, vec![value])
}

fn attr_table(attrs: &[(String, &Scalar)]) -> Expr {
    let items = attrs
        .iter()
        .map(|(name, v)| Expr::Tuple(vec![Expr::str(name), attr_value(v)]));
    Expr::re(Expr::Array(items.collect()))
}

/// The attributes of an error: its own, else its status's, in declaration order.
pub(crate) fn error_attrs<'a>(
    catalog: &'a Catalog,
    error: &'a ErrorDef,
) -> Vec<(String, &'a Scalar)> {
    let status = catalog.status(*error.status);
    catalog
        .attributes
        .iter()
        .filter_map(|a| {
            let v = error
                .attribute(&a.name)
                .or_else(|| status.and_then(|s| s.attribute(&a.name)))?;
            Some((a.name.to_string(), v))
        })
        .collect()
}

pub(crate) fn status_meta(status: &Status) -> Expr {
    let attrs: Vec<(String, &Scalar)> = status
        .attributes
        .iter()
        .map(|(n, v)| (n.clone(), v))
        .collect();
    let fields = [
        ("code", Expr::Simple(status.code.to_string())),
        ("reason", Expr::str(status.reason.as_str())),
        (
            "description",
            opt_str(status.description.as_deref().map(|d| d.trim_end())),
        ),
        ("attributes", attr_table(&attrs)),
    ];
    Expr::Struct(
        "::errcat::StatusMeta".to_owned(),
        fields.map(|(m, e)| (m.to_owned(), e)).into(),
    )
}

fn var(v: &Var) -> Expr {
    let name = match v {
        Var::Status => "Status",
        Var::Reason => "Reason",
        Var::Code => "Code",
        Var::Message => "Message",
        Var::Title => "Title",
        Var::Field => "Field",
        Var::DocsUrl => "DocsUrl",
        Var::RetryAfter => "RetryAfter",
        Var::TraceId => "TraceId",
        Var::Instance => "Instance",
        Var::Type => "Type",
        Var::Fields => "Fields",
        Var::Items => "Items",
        Var::Attribute(a) => {
            return Expr::call("::errcat::__private::Var::Attribute", vec![Expr::str(a)]);
        }
        Var::ErrorField(i) => {
            return Expr::call(
                "::errcat::__private::Var::Arg",
                vec![Expr::Simple(i.to_string())],
            );
        }
        Var::Context(c) => {
            return Expr::call("::errcat::__private::Var::Context", vec![Expr::str(c)]);
        }
        // `{content}` only means something in `[success]`: absent in an error body, like
        // an attribute no error sets.
        Var::Content => {
            return Expr::call("::errcat::__private::Var::Attribute", vec![Expr::str("")]);
        }
    };
    Expr::word(format!("::errcat::__private::Var::{name}"))
}

pub(crate) fn node(t: &Template) -> Expr {
    match t {
        Template::Var(v) => Expr::call("::errcat::__private::Node::Var", vec![var(v)]),
        Template::Text(pieces) => {
            let pieces = pieces.iter().map(|piece| match piece {
                TextPiece::Lit(s) => {
                    Expr::call("::errcat::__private::Text::Lit", vec![Expr::str(s)])
                }
                TextPiece::Var(v) => Expr::call("::errcat::__private::Text::Var", vec![var(v)]),
            });
            Expr::call(
                "::errcat::__private::Node::Text",
                vec![Expr::re(Expr::Array(pieces.collect()))],
            )
        }
        Template::Int(i) => Expr::call("::errcat::__private::Node::Int", vec![int(*i)]),
        Template::Float(x) => Expr::call("::errcat::__private::Node::Float", vec![float(*x)]),
        Template::Bool(b) => Expr::call(
            "::errcat::__private::Node::Bool",
            vec![Expr::Simple(b.to_string())],
        ),
        Template::Array(items) => Expr::call(
            "::errcat::__private::Node::Array",
            vec![Expr::re(Expr::Array(items.iter().map(node).collect()))],
        ),
        Template::Object(members) => {
            let members = members
                .iter()
                .map(|(k, v)| Expr::Tuple(vec![Expr::str(k), node(v)]));
            Expr::call(
                "::errcat::__private::Node::Object",
                vec![Expr::re(Expr::Array(members.collect()))],
            )
        }
    }
}

/// The multiplier of [`hash`] (2^64 / golden ratio).
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Reads the 8 bytes of `b` at `i` as a little-endian word.
fn word(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// The hash of codes in the lookup table: the same function as `errcat::__private::hash`,
/// which the generated `lookup` calls at run time (keep both identical; the test below
/// compares them). A copy rather than a call: `errcat` depends on errcat-codegen through
/// its macros, so a normal dependency back on `errcat` would be a package cycle.
pub(crate) fn hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let len = b.len();
    let mut h = (len as u64).wrapping_mul(K);
    if len >= 8 {
        let mut i = 0;
        while i + 8 < len {
            h = (h ^ word(b, i)).wrapping_mul(K);
            h ^= h >> 32;
            i += 8;
        }
        h = (h ^ word(b, len - 8)).wrapping_mul(K);
    } else {
        let mut t = 0u64;
        let mut i = 0;
        while i < len {
            t |= (b[i] as u64) << (8 * i);
            i += 1;
        }
        h = (h ^ t).wrapping_mul(K);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(K);
    h ^ (h >> 32)
}

/// The open-addressing table of codes (indices into the error table; `u32::MAX` is empty).
pub(crate) fn code_slots(errors: &[&ErrorDef]) -> Vec<u32> {
    if errors.is_empty() {
        return Vec::new();
    }
    let size = (errors.len() * 2).next_power_of_two();
    let mask = size - 1;
    let mut slots = vec![u32::MAX; size];
    for (index, e) in errors.iter().enumerate() {
        // Truncation is intended: the low bits of the hash pick the slot.
        let mut i = (hash(&e.code) as usize) & mask;
        while slots[i] != u32::MAX {
            i = (i + 1) & mask;
        }
        slots[i] = u32::try_from(index).unwrap_or(u32::MAX);
    }
    slots
}

/// The field of a variant holding its cause: `cause: Option<errcat::Cause>` in a generated
/// enum, the field marked `#[source]`, `#[from]` or `#[catalog(cause)]` in a derived one.
pub(crate) struct CauseField {
    /// The field, as Rust text: its name, or its index in a tuple variant.
    pub member: String,
    /// Whether it is an `Option` (`source()` is `None` when the field is).
    pub optional: bool,
    /// The `From` conversions into the variant, as Rust text: the type converted, and the
    /// field's value made of it (`error`).
    pub from: Vec<(String, String)>,
}

/// The `From` conversion of a catalog's `from` type (a validated path, written as it is)
/// into a field of type `Option<errcat::Cause>` (or `errcat::Cause` when `optional` is
/// false): the type and the value, as Rust text.
pub(crate) fn cause_conversion(path: &str, optional: bool) -> (String, String) {
    let cause = "::errcat::Cause::new(error)";
    let value = if optional {
        format!("::core::option::Option::Some({cause})")
    } else {
        cause.to_owned()
    };
    (path.to_owned(), value)
}

/// One variant of the error enum, bound to its catalog entry.
pub(crate) struct ErrorVariant<'a> {
    /// The variant's name, as written in Rust (`r#` for a raw identifier).
    pub ident: String,
    /// The catalog entry.
    pub def: &'a ErrorDef,
    /// The variant's field names as written in Rust, in the order of the entry's fields.
    pub fields: Vec<String>,
    /// Whether the variant is a unit variant (else a struct variant).
    pub unit: bool,
    /// The error's documentation URL ([`Catalog::docs_url`], computed once).
    pub docs_url: Option<String>,
    /// The field holding the error's cause, if it has one (never part of the wire).
    pub cause: Option<CauseField>,
    /// Whether it is a tuple variant (a derived enum's, holding only a cause).
    pub tuple: bool,
}

impl<'a> ErrorVariant<'a> {
    /// The variant of a generated enum.
    pub fn generated(catalog: &Catalog, def: &'a ErrorDef) -> Self {
        let cause = def.cause.as_ref().map(|c| CauseField {
            member: "cause".to_owned(),
            optional: true,
            from: c.from.iter().map(|t| cause_conversion(t, true)).collect(),
        });
        ErrorVariant {
            ident: ident_text(&def.variant),
            def,
            fields: def.fields.iter().map(|f| ident_text(&f.name)).collect(),
            unit: def.fields.is_empty() && cause.is_none(),
            docs_url: catalog.docs_url(def),
            cause,
            tuple: false,
        }
    }
}

/// `#[allow]` of `deprecated` on the impls that name a variant with a cause.
const ALLOW_DEPRECATED_CAUSE: &str =
    "#[allow(deprecated, reason = \"a deprecated error may still carry a cause\")]\n";

/// `std::error::Error` for the enum, with `source()` returning a variant's cause, and the
/// `From` conversions into the variants with causes. An enum without causes gets the
/// empty impl it always had.
fn error_trait(out: &mut String, ty: &str, variants: &[ErrorVariant<'_>], generated: bool) {
    let with: Vec<(&ErrorVariant<'_>, &CauseField)> = variants
        .iter()
        .filter_map(|v| v.cause.as_ref().map(|c| (v, c)))
        .collect();
    if with.is_empty() {
        push_template(
            out,
            ty,
            "#[automatically_derived]\nimpl ::std::error::Error for $ty {}\n",
        );
        return;
    }
    let dyn_error = "&(dyn ::std::error::Error + 'static)";
    out.push_str("#[automatically_derived]\n");
    out.push_str(ALLOW_DEPRECATED_CAUSE);
    push_template(
        out,
        ty,
        "impl ::std::error::Error for $ty {
    fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
",
    );
    if generated {
        // A generated enum's causes are all `Option<errcat::Cause>`: `source()` goes
        // through `__errcat_cause` (one arm) rather than a match of its own (one closure
        // per arm).
        out.push_str(
            "        self.__errcat_cause()
            .and_then(::core::option::Option::as_ref)
            .map(|cause| cause as &(dyn ::std::error::Error + 'static))
",
        );
    } else {
        // A derived enum's impls are tokens for the compiler (`derive.rs`): their layout
        // is nobody's business.
        out.push_str("        match self {\n");
        for (v, c) in &with {
            let value = if c.optional {
                format!("__cause.as_ref().map(|cause| cause as {dyn_error})")
            } else {
                format!("::core::option::Option::Some(__cause as {dyn_error})")
            };
            let _ = writeln!(
                out,
                "            Self::{} {{ {}: __cause, .. }} => {value},",
                v.ident, c.member
            );
        }
        if with.len() < variants.len() {
            out.push_str("            _ => ::core::option::Option::None,\n");
        }
        out.push_str("        }\n");
    }
    out.push_str("    }\n}\n");
    for (v, c) in &with {
        for (source, value) in &c.from {
            out.push_str("#[automatically_derived]\n");
            out.push_str(ALLOW_DEPRECATED_CAUSE);
            push_fixed(
                out,
                &format!(
                    "impl ::core::convert::From<{source}> for {ty} {{\n    fn from(error: {source}) -> Self {{\n"
                ),
            );
            if v.tuple {
                let _ = writeln!(out, "        Self::{}({value})", v.ident);
            } else {
                let mut p = Printer::new(8);
                let path = format!("Self::{}", v.ident);
                let field = (c.member.clone(), Expr::word(value.clone()));
                Expr::Struct(path, vec![field]).print(&mut p);
                p.hardbreak();
                out.push_str(&p.finish());
            }
            out.push_str("    }\n}\n");
        }
    }
}

/// `fn __errcat_cause`: the cause field of a generated enum's variant, for `Debug`.
/// One or-pattern arm for every variant with a cause (all bind `cause` of one type): one
/// arm compiles faster than one per variant.
fn cause_fn(out: &mut String, ty: &str, variants: &[ErrorVariant<'_>]) {
    out.push_str(ALLOW_DEPRECATED_CAUSE);
    let _ = writeln!(out, "impl {ty} {{");
    out.push_str(
        "    #[inline]
    fn __errcat_cause(
        &self,
    ) -> ::core::option::Option<&::core::option::Option<::errcat::Cause>> {
        match self {
",
    );
    let with: Vec<&ErrorVariant<'_>> = variants.iter().filter(|v| v.cause.is_some()).collect();
    let mut p = Printer::new(12);
    p.ibox(0);
    let or = with.len() > 1;
    if or {
        p.cbox(0);
    }
    for (i, v) in with.iter().enumerate() {
        if i > 0 {
            p.space();
            p.word("| ");
        }
        text::struct_pattern(&mut p, &v.ident, &["cause".to_owned()], true);
    }
    if or {
        p.end();
    }
    p.word(" => ");
    let some = Expr::call("::core::option::Option::Some", vec![Expr::word("cause")]);
    text::arm_body(&mut p, |p| some.print(p));
    p.end();
    p.hardbreak();
    out.push_str(&p.finish());
    if with.len() < variants.len() {
        out.push_str("            _ => ::core::option::Option::None,\n");
    }
    out.push_str("        }\n    }\n}\n");
}

/// How `status()` of the error enum answers.
#[cfg_attr(
    not(feature = "derive"),
    allow(dead_code, reason = "`Meta` is the derive's")
)]
pub(crate) enum StatusMode<'a> {
    /// The generated status enum (its name).
    Enum(&'a str),
    /// `&'static ::errcat::StatusMeta` (derive: the user's crate has no status enum).
    Meta,
}

/// The impls of an error enum, as formatted text: the packed table and the per-variant
/// matches (`text.rs`), inherent methods, `Display`, `Error`, `CatalogError`, the decoder
/// and the optional integrations.
#[cfg(feature = "derive")]
pub(crate) fn error_impls(
    out: &mut String,
    catalog: &Catalog,
    ty: &str,
    variants: &[ErrorVariant<'_>],
    status: &StatusMode<'_>,
    opts: &RustOptions,
    copy_index: bool,
) {
    text::table_impl(out, catalog, ty, variants, copy_index);
    error_impls_after_table(out, catalog, ty, variants, status, opts);
}

/// [`error_impls`] after the table's impl: (a generated enum has `Debug` and the other
/// value impls in between).
fn error_impls_after_table(
    out: &mut String,
    catalog: &Catalog,
    ty: &str,
    variants: &[ErrorVariant<'_>],
    status: &StatusMode<'_>,
    opts: &RustOptions,
) {
    let mut inherent = String::with_capacity(4096);
    let _ = writeln!(inherent, "impl {ty} {{");
    let name = catalog.name.as_str();
    push_doc_attr(
        &mut inherent,
        "    ",
        &docs::text(&format!(
            " Every error of the {name} catalog, in the order of the enum's variants."
        )),
    );
    inherent.push_str(
        "    pub const ERRORS: ::errcat::ErrorTable = ::errcat::ErrorTable::__new(
        Self::__ERRCAT_TABLE,
    );
    /// The content type of the response body.
",
    );
    push_item(
        &mut inherent,
        4,
        "pub const CONTENT_TYPE: &'static str = ",
        &Expr::str(catalog.body.content_type.as_str()),
    );
    match status {
        StatusMode::Enum(_) => {}
        StatusMode::Meta => {
            let count = catalog.statuses.len();
            inherent.push_str(
                "    #[doc(hidden)]
    const __ERRCAT_STATUS_META: &'static [::errcat::StatusMeta] = {
",
            );
            push_item(
                &mut inherent,
                8,
                &format!("static STATUSES: [::errcat::StatusMeta; {count}] = "),
                &Expr::Array(catalog.statuses.iter().map(status_meta).collect()),
            );
            inherent.push_str("        &STATUSES\n    };\n");
        }
    }
    inherent.push_str(
        "    /// The catalog's entry for this error.
    #[inline]
    pub fn meta(&self) -> ::errcat::ErrorMeta {
        ::errcat::ErrorMeta::__new(Self::__ERRCAT_TABLE, self.__errcat_index())
    }
",
    );
    match status {
        StatusMode::Enum(status_ty) => {
            push_fixed(
                &mut inherent,
                &format!(
                    "    /// The HTTP status the error is returned with.
    #[inline]
    pub fn status(&self) -> {status_ty} {{
        {status_ty}::ALL[self.meta().__status_index()]
    }}
"
                ),
            );
        }
        StatusMode::Meta => inherent.push_str(
            "    /// The HTTP status the error is returned with, as the catalog declares it.
    #[inline]
    pub fn status(&self) -> &'static ::errcat::StatusMeta {
        &Self::__ERRCAT_STATUS_META[self.meta().__status_index()]
    }
",
        ),
    }
    out.push_str(&inherent);
    push_template(out, ty, INHERENT_REST);
    error_trait(out, ty, variants, matches!(status, StatusMode::Enum(_)));
    push_template(out, ty, CATALOG_ERROR);
    super::decode::push(out, ty, variants, matches!(status, StatusMode::Enum(_)));
    integrations(out, ty, opts);
}

/// What the inherent impl of an error enum has after `status()`, and its `Display`.
const INHERENT_REST: &str = "    /// The stable machine-readable error code.
    #[inline]
    pub fn code(&self) -> &'static str {
        self.meta().code()
    }
    /// The error's title, else its code.
    #[inline]
    pub fn title(&self) -> &'static str {
        self.meta().title()
    }
    /// The documentation URL of the error.
    #[inline]
    pub fn docs_url(&self) -> ::core::option::Option<&'static str> {
        self.meta().docs_url()
    }
    /// Whether a client may retry the request.
    #[inline]
    pub fn is_retryable(&self) -> bool {
        self.meta().retryable()
    }
    /// Seconds a client should wait before retrying (the `Retry-After` header).
    #[inline]
    pub fn retry_after(&self) -> ::core::option::Option<u32> {
        self.meta().retry_after()
    }
    /// The value of a user attribute (the error's, else its status's).
    #[inline]
    pub fn attribute(&self, name: &str) -> ::core::option::Option<::errcat::AttrValue> {
        self.meta().attribute(name)
    }
    /// The catalog's entry for an error code.
    #[inline]
    pub fn lookup(code: &str) -> ::core::option::Option<::errcat::ErrorMeta> {
        Self::ERRORS.lookup(code)
    }
    /// Appends the response body, as JSON text, to `out`.
    #[inline]
    pub fn write_body_json(
        &self,
        out: &mut ::std::string::String,
        ctx: &::errcat::BodyContext<'_>,
    ) {
        ::errcat::__private::write_body_args(
            out,
            self.meta(),
            ctx,
            self,
            &self.__errcat_args(),
        );
    }
    /// The response body as JSON text, with run-time values from `ctx`.
    #[inline]
    pub fn body_json_with(
        &self,
        ctx: &::errcat::BodyContext<'_>,
    ) -> ::std::string::String {
        let mut out = ::std::string::String::new();
        self.write_body_json(&mut out, ctx);
        out
    }
    /// The response body as JSON text, without run-time values.
    #[inline]
    pub fn body_json(&self) -> ::std::string::String {
        self.body_json_with(&::errcat::BodyContext::default())
    }
    /// What a client may see of the error (its message and field values, never a
    /// cause), to show or log where a cause must not go.
    #[inline]
    pub fn wire(&self) -> ::errcat::Wire<'_> {
        ::errcat::Wire::new(self)
    }
}
#[automatically_derived]
impl ::core::fmt::Display for $ty {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::errcat::__private::write_message(f, self.meta(), &self.__errcat_args())
    }
}
";

/// `errcat::CatalogError` for an error enum.
const CATALOG_ERROR: &str = "#[automatically_derived]
impl ::errcat::CatalogError for $ty {
    #[inline]
    fn meta(&self) -> ::errcat::ErrorMeta {
        $ty::meta(self)
    }
    #[inline]
    fn content_type(&self) -> &'static str {
        Self::CONTENT_TYPE
    }
    fn write_body(
        &self,
        out: &mut ::std::string::String,
        ctx: &::errcat::BodyContext<'_>,
    ) {
        self.write_body_json(out, ctx);
    }
    fn __write_item(
        &self,
        out: &mut ::std::string::String,
        item: &'static ::errcat::__private::Node,
        ctx: &::errcat::BodyContext<'_>,
    ) -> bool {
        ::errcat::__private::write_item(
            out,
            item,
            self.meta(),
            ctx,
            self,
            &self.__errcat_args(),
        )
    }
    fn fmt_wire(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::errcat::__private::debug_error(f, self.meta(), &self.__errcat_args())
    }
}
";

/// `Debug`, `PartialEq` (and `Eq`, `Hash`, and `Clone` unless it is derived with `Copy`) of
/// a generated enum, through the index and the argument array rather than derived per
/// variant (derives cost seconds of compile time at thousands of variants). `Debug` prints
/// what `#[derive(Debug)]` would; `Clone` rebuilds the variant with the decoder's
/// `__errcat_build` from copies of the field values, sharing the cause (an `Arc`).
fn value_impls(out: &mut String, ty: &str, eq: bool, hash: bool, causes: bool, clone: bool) {
    if clone {
        push_template(
            out,
            ty,
            "#[automatically_derived]
impl ::core::clone::Clone for $ty {
    #[inline]
    fn clone(&self) -> Self {
        Self::__errcat_build(
            self.__errcat_index(),
            &mut ::errcat::__private::Args::from_args(&self.__errcat_args()),
",
        );
        if causes {
            out.push_str("            self.__errcat_cause().cloned().flatten(),\n");
        }
        out.push_str("        )\n    }\n}\n");
    }
    push_template(
        out,
        ty,
        "#[automatically_derived]
impl ::core::fmt::Debug for $ty {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
",
    );
    if causes {
        out.push_str(
            "        ::errcat::__private::debug_error_caused(
            f,
            self.meta(),
            &self.__errcat_args(),
            self.__errcat_cause(),
        )
",
        );
    } else {
        out.push_str(
            "        ::errcat::__private::debug_error(f, self.meta(), &self.__errcat_args())\n",
        );
    }
    push_template(
        out,
        ty,
        "    }
}
#[automatically_derived]
impl ::core::cmp::PartialEq for $ty {
    fn eq(&self, other: &Self) -> bool {
        self.__errcat_index() == other.__errcat_index()
            && ::errcat::__private::args_eq(
                &self.__errcat_args(),
                &other.__errcat_args(),
            )
    }
}
",
    );
    if eq {
        push_template(
            out,
            ty,
            "#[automatically_derived]\nimpl ::core::cmp::Eq for $ty {}\n",
        );
    }
    if hash {
        push_template(
            out,
            ty,
            "#[automatically_derived]
impl ::core::hash::Hash for $ty {
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::core::hash::Hash::hash(&self.__errcat_index(), state);
    }
}
",
        );
    }
}

/// The optional integrations of an error enum.
fn integrations(out: &mut String, ty: &str, opts: &RustOptions) {
    if opts.http {
        push_template(out, ty, HTTP);
    }
    if opts.serde {
        push_template(out, ty, SERDE);
    }
    if opts.tracing {
        push_template(out, ty, TRACING);
    }
    if opts.axum {
        push_template(
            out,
            ty,
            "#[automatically_derived]
impl ::axum::response::IntoResponse for $ty {
    fn into_response(self) -> ::axum::response::Response {
",
        );
        if opts.tracing {
            out.push_str("        self.log();\n");
        }
        out.push_str(AXUM_REST);
    }
}

/// `http_status()` and the conversion to `http::StatusCode`.
const HTTP: &str = "impl $ty {
    /// The HTTP status as an `http::StatusCode`.
    pub fn http_status(&self) -> ::http::StatusCode {
        ::http::StatusCode::from_u16(self.meta().status())
            .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
    }
}
#[automatically_derived]
impl ::core::convert::From<&$ty> for ::http::StatusCode {
    fn from(error: &$ty) -> Self {
        error.http_status()
    }
}
";

/// `serde::Serialize`: the response body (without run-time values), walking the same
/// template as `body_json`.
const SERDE: &str = "const _: () = {
    struct __ErrcatNode<'a> {
        node: &'static ::errcat::__private::Node,
        error: &'a $ty,
        meta: ::errcat::ErrorMeta,
    }
    #[automatically_derived]
    impl ::serde::Serialize for __ErrcatNode<'_> {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            use ::serde::ser::{SerializeMap as _, SerializeSeq as _};
            let ctx = ::errcat::BodyContext::default();
            let args = self.error.__errcat_args();
            match self.node {
                ::errcat::__private::Node::Var(var) => {
                    match ::errcat::__private::resolve_args(
                        *var,
                        self.meta,
                        &ctx,
                        &args,
                    ) {
                        ::core::option::Option::None => serializer.serialize_none(),
                        ::core::option::Option::Some(
                            ::errcat::__private::Value::Str(s),
                        ) => serializer.serialize_str(s),
                        ::core::option::Option::Some(
                            ::errcat::__private::Value::Int(i),
                        ) => serializer.serialize_i64(i),
                        ::core::option::Option::Some(
                            ::errcat::__private::Value::Float(x),
                        ) => serializer.serialize_f64(x),
                        ::core::option::Option::Some(
                            ::errcat::__private::Value::Bool(b),
                        ) => serializer.serialize_bool(b),
                        ::core::option::Option::Some(
                            ::errcat::__private::Value::Message,
                        ) => serializer.collect_str(self.error),
                        ::core::option::Option::Some(
                            ::errcat::__private::Value::Uint(u),
                        ) => serializer.serialize_u64(u),
                        ::core::option::Option::Some(
                            ::errcat::__private::Value::Items,
                        ) => serializer.serialize_none(),
                        ::core::option::Option::Some(
                            ::errcat::__private::Value::Fields,
                        ) => {
                            let mut map = serializer
                                .serialize_map(::core::option::Option::None)?;
                            for (field, arg) in self
                                .meta
                                .fields()
                                .zip(self.error.__errcat_args())
                            {
                                match arg {
                                    ::errcat::__private::Arg::None => {}
                                    ::errcat::__private::Arg::Str(s) => {
                                        map.serialize_entry(field.name, s)?
                                    }
                                    ::errcat::__private::Arg::Int(i) => {
                                        map.serialize_entry(field.name, &i)?
                                    }
                                    ::errcat::__private::Arg::Uint(u) => {
                                        map.serialize_entry(field.name, &u)?
                                    }
                                    ::errcat::__private::Arg::Float(x) => {
                                        map.serialize_entry(field.name, &x)?
                                    }
                                    ::errcat::__private::Arg::Bool(b) => {
                                        map.serialize_entry(field.name, &b)?
                                    }
                                }
                            }
                            map.end()
                        }
                    }
                }
                ::errcat::__private::Node::Text(pieces) => {
                    serializer
                        .collect_str(
                            &::errcat::__private::TextDisplay {
                                pieces,
                                meta: self.meta,
                                ctx: &ctx,
                                message: self.error,
                                args: &args,
                            },
                        )
                }
                ::errcat::__private::Node::Int(i) => serializer.serialize_i64(*i),
                ::errcat::__private::Node::Float(x) => serializer.serialize_f64(*x),
                ::errcat::__private::Node::Bool(b) => serializer.serialize_bool(*b),
                ::errcat::__private::Node::Array(items) => {
                    let mut seq = serializer
                        .serialize_seq(::core::option::Option::None)?;
                    for node in *items {
                        if ::errcat::__private::present_args(
                            node,
                            self.meta,
                            &ctx,
                            &args,
                        ) {
                            seq.serialize_element(
                                &__ErrcatNode {
                                    node,
                                    error: self.error,
                                    meta: self.meta,
                                },
                            )?;
                        }
                    }
                    seq.end()
                }
                ::errcat::__private::Node::Object(members) => {
                    let mut map = serializer
                        .serialize_map(::core::option::Option::None)?;
                    for (key, node) in *members {
                        if ::errcat::__private::present_args(
                            node,
                            self.meta,
                            &ctx,
                            &args,
                        ) {
                            map.serialize_entry(
                                key,
                                &__ErrcatNode {
                                    node,
                                    error: self.error,
                                    meta: self.meta,
                                },
                            )?;
                        }
                    }
                    map.end()
                }
            }
        }
    }
    #[automatically_derived]
    impl ::serde::Serialize for $ty {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let meta = self.meta();
            let body = meta.__body();
            match body {
                ::core::option::Option::Some(node) => {
                    ::serde::Serialize::serialize(
                        &__ErrcatNode {
                            node,
                            error: self,
                            meta,
                        },
                        serializer,
                    )
                }
                ::core::option::Option::None => serializer.serialize_none(),
            }
        }
    }
};
";

/// `log()`, through `tracing`.
const TRACING: &str = "impl $ty {
    /// Records the error through `tracing`: a server error (5xx) as an `ERROR`
    /// event, any other as a `DEBUG` one, with the fields `code`, `status` and,
    /// when it has one, `cause` (its chain of sources, outermost first); the
    /// message is the error's. The event belongs to the current span (a
    /// request's, with its trace id).
    pub fn log(&self) {
        let meta = self.meta();
        let chain = ::errcat::Chain::sources(self);
        let cause = (!chain.is_empty()).then(|| ::tracing::field::display(chain));
        if meta.status() >= 500 {
            ::tracing::error!(
                code = meta.code(), status = meta.status(), cause, \"{}\", self
            );
        } else {
            ::tracing::debug!(
                code = meta.code(), status = meta.status(), cause, \"{}\", self
            );
        }
    }
}
";

/// `axum::response::IntoResponse`, after the call to `log()` (with `tracing`).
const AXUM_REST: &str = "        let meta = self.meta();
        let status = ::axum::http::StatusCode::from_u16(meta.status())
            .unwrap_or(::axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, self.body_json()).into_response();
        let headers = response.headers_mut();
        if let ::core::result::Result::Ok(value) = ::axum::http::HeaderValue::from_str(
            Self::CONTENT_TYPE,
        ) {
            headers.insert(::axum::http::header::CONTENT_TYPE, value);
        }
        if let ::core::option::Option::Some(seconds) = meta.retry_after() {
            headers
                .insert(
                    ::axum::http::header::RETRY_AFTER,
                    ::axum::http::HeaderValue::from(seconds),
                );
        }
        for (name, value) in meta.headers() {
            if let (
                ::core::result::Result::Ok(name),
                ::core::result::Result::Ok(value),
            ) = (
                ::axum::http::HeaderName::from_bytes(name.as_bytes()),
                ::axum::http::HeaderValue::from_str(value),
            ) {
                headers.insert(name, value);
            }
        }
        response
    }
}
";

/// The rustdoc of an error variant: title, status, message, description, remediation.
pub(crate) fn variant_doc(catalog: &Catalog, e: &ErrorDef, docs_url: Option<&str>) -> String {
    use std::fmt::Write as _;
    let mut doc = String::with_capacity(256);
    let reason = catalog.status(*e.status).map_or("", |s| s.reason.as_str());
    if let Some(t) = &e.title {
        doc.push_str(t.as_str());
        doc.push_str(" (`");
        doc.push_str(&e.code);
        doc.push_str("`)\n\n");
    } else {
        doc.push('`');
        doc.push_str(&e.code);
        doc.push_str("`\n\n");
    }
    let _ = write!(doc, "- Status: `{} {reason}`\n- Message: ", *e.status);
    docs::push_code_span(&mut doc, &e.message.text);
    doc.push('\n');
    if let Some(f) = &e.field {
        doc.push_str("- Field: ");
        docs::push_code_span(&mut doc, f);
        doc.push('\n');
    }
    if let Some(s) = e.retry_after {
        let _ = writeln!(doc, "- Retryable, after {s} seconds");
    } else if e.retryable {
        doc.push_str("- Retryable\n");
    }
    for (name, value) in catalog.headers_of(e) {
        // A tab (allowed in header values) would trip clippy's `tabs_in_doc_comments`.
        let value = value.replace('\t', " ");
        doc.push_str("- Header: ");
        docs::push_code_span(&mut doc, &format!("{name}: {value}"));
        doc.push('\n');
    }
    for (name, value) in error_attrs(catalog, e) {
        let value = match value {
            Scalar::Str(s) => s.clone(),
            other => other.to_string(),
        };
        let _ = write!(doc, "- {name}: ");
        docs::push_code_span(&mut doc, &value);
        doc.push('\n');
    }
    if let Some(url) = docs_url {
        let _ = writeln!(doc, "- Docs: <{url}>");
    }
    if let Some(d) = &e.description {
        doc.push('\n');
        doc.push_str(&docs::sanitize(d.trim_end()));
        doc.push('\n');
    }
    if let Some(r) = &e.remediation {
        doc.push_str("\n# Remediation\n\n");
        doc.push_str(&docs::sanitize(r.trim_end()));
        doc.push('\n');
    }
    doc
}

/// The `since` and `note` of the `#[deprecated]` attribute of a deprecated error (the note
/// names the replacement); `variant_of` gives the Rust variant of a code.
///
/// `since` is given only when it is a semver version: clippy's deny-by-default
/// `deprecated_semver` rejects any other (`2.0`, `v2`, a date) in the user's crate.
/// Otherwise the note starts with the catalog's own value (`Deprecated since v2.`), so the
/// docs still show it.
pub(crate) fn deprecation<'a>(
    e: &'a ErrorDef,
    variant_of: impl Fn(&str) -> Option<&'a str>,
) -> Option<(Option<&'a str>, String)> {
    let d = e.deprecated.as_ref()?;
    let since = d.since.as_deref();
    let mut note = match since.filter(|s| !is_semver(s)) {
        Some(s) if !s.trim().is_empty() => {
            let mut n = format!("Deprecated since {}.", s.trim());
            if let Some(own) = &d.note {
                n.push(' ');
                n.push_str(own);
            }
            n
        }
        _ => d.note.clone().unwrap_or_default(),
    };
    if let Some(r) = &d.replaced_by {
        if !note.is_empty() {
            note.push(' ');
        }
        match variant_of(r) {
            Some(variant) => note.push_str(&format!("Use `{variant}` (`{r}`) instead.")),
            None => note.push_str(&format!("Use `{r}` instead.")),
        }
    }
    Some((since.filter(|s| is_semver(s)), note))
}

/// Whether `s` is a version as clippy's `deprecated_semver` accepts it: the `semver`
/// crate's `MAJOR.MINOR.PATCH[-PRE][+BUILD]` (no leading zeros in numbers), or `TBD`.
pub(crate) fn is_semver(s: &str) -> bool {
    fn number(n: &str) -> bool {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0'))
    }
    fn idents(s: &str, numeric_rule: bool) -> bool {
        s.split('.').all(|id| {
            !id.is_empty()
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && (!numeric_rule || !id.bytes().all(|b| b.is_ascii_digit()) || number(id))
        })
    }
    if s == "TBD" {
        return true;
    }
    let (rest, build) = match s.split_once('+') {
        Some((r, b)) => (r, Some(b)),
        None => (s, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let mut parts = core.split('.');
    let three = (parts.next(), parts.next(), parts.next(), parts.next());
    matches!(three, (Some(a), Some(b), Some(c), None) if number(a) && number(b) && number(c))
        && pre.is_none_or(|p| idents(p, true))
        && build.is_none_or(|b| idents(b, false))
}

/// The status enum and its impls, as prettyplease prints them.
fn status_enum(out: &mut String, catalog: &Catalog, ty: &str, opts: &RustOptions) {
    let name = catalog.name.as_str();
    push_doc_attr(
        out,
        "",
        &docs::text(&format!(" The HTTP statuses the {name} returns.")),
    );
    out.push_str(text::RUSTDOC_ALLOW);
    out.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n");
    let variants: Vec<String> = catalog
        .statuses
        .iter()
        .map(|s| ident_text(&s.variant))
        .collect();
    let count = variants.len();
    if count == 0 {
        let _ = writeln!(out, "pub enum {ty} {{}}");
    } else {
        out.push_str("#[repr(u16)]\n");
        let _ = writeln!(out, "pub enum {ty} {{");
        for (s, v) in catalog.statuses.iter().zip(&variants) {
            let mut doc = format!("`{} {}`", s.code, s.reason.as_str());
            if let Some(d) = &s.description {
                doc.push_str("\n\n");
                doc.push_str(&docs::sanitize(d.trim_end()));
            }
            text::push_docs(out, "    ", &doc);
            let _ = writeln!(out, "    {v} = {},", s.code);
        }
        out.push_str("}\n");
    }
    let _ = writeln!(out, "impl {ty} {{\n    /// Every status, by code.");
    let all = variants.iter().map(|v| Expr::word(format!("Self::{v}")));
    push_item(
        out,
        4,
        &format!("pub const ALL: [Self; {count}] = "),
        &Expr::Array(all.collect()),
    );
    out.push_str(
        "    #[doc(hidden)]
    const __ERRCAT_META: &'static [::errcat::StatusMeta] = {
",
    );
    let metas = catalog.statuses.iter().map(status_meta).collect();
    push_item(
        out,
        8,
        &format!("static META: [::errcat::StatusMeta; {count}] = "),
        &Expr::Array(metas),
    );
    out.push_str(
        "        &META
    };
    /// The status code.
    #[inline]
    pub const fn code(self) -> u16 {
",
    );
    if count == 0 {
        out.push_str("        match self {}\n");
    } else {
        out.push_str("        self as u16\n");
    }
    out.push_str(
        "    }
    /// The catalog's entry for the status.
    #[inline]
    pub const fn meta(self) -> &'static ::errcat::StatusMeta {
",
    );
    // With no status, the enum has no value: `code` and `meta` match on nothing (an
    // index `[match self {}]` of type `!` does not compile), and `from_code` has no arm
    // to match (`match code { _ => .. }` is clippy's `match_single_binding`).
    if count == 0 {
        out.push_str("        match self {}\n");
    } else {
        out.push_str("        &Self::__ERRCAT_META[match self {\n");
        for (i, v) in variants.iter().enumerate() {
            push_arm(out, 12, &format!("Self::{v}"), &Expr::Simple(i.to_string()));
        }
        out.push_str("        }]\n");
    }
    out.push_str(
        "    }
    /// The reason phrase.
    #[inline]
    pub const fn reason(self) -> &'static str {
        self.meta().reason
    }
    /// What the status means (markdown).
    #[inline]
    pub const fn description(self) -> ::core::option::Option<&'static str> {
        self.meta().description
    }
    /// The class of the status.
    #[inline]
    pub const fn class(self) -> ::errcat::StatusClass {
        ::errcat::StatusClass::of(self.code())
    }
    /// The value of a user attribute.
    #[inline]
    pub fn attribute(self, name: &str) -> ::core::option::Option<::errcat::AttrValue> {
        self.meta().attribute(name)
    }
    /// The status with this code, if the catalog declares it.
    pub const fn from_code(code: u16) -> ::core::option::Option<Self> {
",
    );
    if count == 0 {
        out.push_str("        let _ = code;\n        ::core::option::Option::None\n");
    } else {
        out.push_str("        match code {\n");
        for (s, v) in catalog.statuses.iter().zip(&variants) {
            let some = format!("::core::option::Option::Some(Self::{v})");
            push_arm(out, 12, &s.code.to_string(), &Expr::word(some));
        }
        out.push_str("            _ => ::core::option::Option::None,\n        }\n");
    }
    out.push_str("    }\n}\n");
    push_template(
        out,
        ty,
        "#[automatically_derived]
impl ::core::convert::TryFrom<u16> for $ty {
    type Error = ::errcat::UnknownStatus;
    fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
        Self::from_code(code).ok_or(::errcat::UnknownStatus(code))
    }
}
#[automatically_derived]
impl ::core::convert::From<$ty> for u16 {
    fn from(status: $ty) -> u16 {
        status.code()
    }
}
#[automatically_derived]
impl ::core::fmt::Display for $ty {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::write!(f, \"{} {}\", self.code(), self.reason())
    }
}
",
    );
    if opts.http {
        push_template(
            out,
            ty,
            "#[automatically_derived]
impl ::core::convert::From<$ty> for ::http::StatusCode {
    fn from(status: $ty) -> Self {
        ::http::StatusCode::from_u16(status.code())
            .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
    }
}
",
        );
    }
}

/// Appends `template` with `$ty` replaced by the type name `ty`.
/// (as [`push_fixed`] writes lines: a line that a long type name makes wider than the
/// margin is laid out as prettyplease does).
pub(crate) fn push_template(out: &mut String, ty: &str, template: &str) {
    push_fixed(out, &template.replace("$ty", ty));
}

/// One `#[doc = "..."]` attribute as prettyplease prints it: a `///` line when the text
/// has no line break (and does not start with `/`), else the attribute itself.
pub(crate) fn push_doc_attr(out: &mut String, indent: &str, doc: &str) {
    out.push_str(indent);
    if !doc.contains('\n') && !doc.starts_with('/') {
        out.push_str("///");
        out.push_str(doc.trim_end_matches(' '));
    } else if can_be_block_comment(doc) && !doc.starts_with(['*', '/']) {
        out.push_str("/**");
        let mut lines = doc.split('\n').peekable();
        while let Some(line) = lines.next() {
            if lines.peek().is_some() {
                out.push_str(line.trim_end_matches(' '));
                out.push('\n');
            } else {
                out.push_str(line);
            }
        }
        out.push_str("*/");
    } else {
        out.push_str("#[doc = ");
        out.push_str(&expr::str_lit(doc));
        out.push(']');
    }
    out.push('\n');
}

/// Whether prettyplease may print a doc text as a `/** */` comment: its `/*` and `*/`
/// balance, and it does not end with `/`.
fn can_be_block_comment(value: &str) -> bool {
    let bytes = value.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'/' && bytes[i + 1] == b'*' {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes[i + 1] == b'/' {
            if depth == 0 {
                return false;
            }
            depth -= 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    depth == 0 && !value.ends_with('/')
}

/// The status enum and its impls.
pub(crate) fn statuses(out: &mut String, catalog: &Catalog, opts: &RustOptions) {
    status_enum(out, catalog, &ident_text(&catalog.rust.status_enum), opts);
}

/// The error enum, its table, its matches and its impls, and the list type of grouped
/// responses.
pub(crate) fn errors(out: &mut String, catalog: &Catalog, opts: &RustOptions) {
    let status_ty = ident_text(&catalog.rust.status_enum);
    let error_ty = ident_text(&catalog.rust.error_enum);
    let variants: Vec<ErrorVariant<'_>> = catalog
        .errors
        .iter()
        .map(|e| ErrorVariant::generated(catalog, e))
        .collect();
    let unit_only = variants.iter().all(|v| v.unit);
    let has_float = catalog
        .errors
        .iter()
        .any(|e| e.fields.iter().any(|f| f.ty == FieldType::Float));
    // A field-less enum without causes is `Copy`, its `Clone` derived (`*self`); any other
    // gets `Clone` from `value_impls`, through the decoder's builder (compile time).
    let derives = unit_only.then_some("Clone, Copy");
    text::error_enum(out, catalog, &error_ty, &variants, derives);
    text::table_impl(out, catalog, &error_ty, &variants, unit_only);
    // `Hash` (of the index) agrees with `PartialEq` when no error has fields: a cause is
    // no part of an error's equality.
    let fieldless = catalog.errors.iter().all(|e| e.fields.is_empty());
    let causes = catalog.has_causes();
    value_impls(out, &error_ty, !has_float, fieldless, causes, !unit_only);
    if causes {
        cause_fn(out, &error_ty, &variants);
    }
    error_impls_after_table(
        out,
        catalog,
        &error_ty,
        &variants,
        &StatusMode::Enum(&status_ty),
        opts,
    );
    super::group::push(out, catalog, &error_ty, &status_ty, opts);
}

#[cfg(test)]
mod tests {
    use super::hash;

    /// `ident_text` gives what the syn-based version it replaces gave: the name when syn
    /// parses it as an identifier, else `r#name` when that parses, else a mangled name.
    #[test]
    fn ident_text_agrees_with_syn() {
        fn with_syn(name: &str) -> String {
            if let Ok(id) = syn2::parse_str::<syn2::Ident>(name) {
                return id.to_string();
            }
            if !matches!(name, "self" | "Self" | "super" | "crate" | "_" | "")
                && syn2::parse_str::<syn2::Ident>(&format!("r#{name}")).is_ok()
            {
                return format!("r#{name}");
            }
            let mangled: String = name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            format!("__{mangled}")
        }
        let mut names: Vec<String> = [
            "",
            "_",
            "__",
            "_a",
            "a",
            "A1",
            "1a",
            "type",
            "Type",
            "gen",
            "async",
            "await",
            "dyn",
            "try",
            "union",
            "macro_rules",
            "raw",
            "default",
            "auto",
            "static",
            "self",
            "Self",
            "super",
            "crate",
            "r#type",
            "r#self",
            "r#_",
            "r#",
            "r#gen",
            "a-b",
            "a b",
            "é",
            "éa",
            "日本",
            "a日本",
            "Ä_1",
            "🦀",
            "a🦀",
            "\u{200b}",
            "a\u{200b}",
            "_\u{301}",
            "a\u{301}",
            "ab_CD",
            "x9",
            "9",
            "a.b",
            "a::b",
        ]
        .map(String::from)
        .to_vec();
        names.extend(super::SYN_KEYWORDS.iter().map(|k| (*k).to_owned()));
        for name in &names {
            assert_eq!(super::ident_text(name), with_syn(name), "{name:?}");
        }
    }

    /// The table built here is probed with `errcat::__private::hash` at run time: both must
    /// agree on every string, at every length around the 8-byte word steps.
    #[test]
    fn hash_equals_the_runtime_hash() {
        let mut strings: Vec<String> = vec![
            String::new(),
            "é".into(),
            "ünïcödé_code".into(),
            "日本語のエラーコード".into(),
            "emoji_🦀_crab_🦀".into(),
            "\0".into(),
            "\0\0\0\0\0\0\0\0".into(),
        ];
        let alphabet = "abcdefghijklmnopqrstuvwxyz_0123456789ÄÖÜßé€🦀";
        for len in 1..=40 {
            strings.push(alphabet.chars().cycle().take(len).collect());
            strings.push(alphabet.chars().rev().cycle().skip(len).take(len).collect());
            strings.push("x".repeat(len));
        }
        for n in 0..2000 {
            strings.push(format!("invoice_not_found_{n}"));
            strings.push(format!("e{n}"));
        }
        for s in &strings {
            assert_eq!(hash(s), errcat::__private::hash(s), "{s:?}");
        }
        // Bytes 1..=17 cover the short path, exactly one word, and one or two full words
        // followed by an overlapping last word.
        assert!((1..=17).all(|len| strings.iter().any(|s| s.len() == len)));
        assert!(strings.iter().any(|s| !s.is_ascii()));
    }

    /// Changing any byte changes the hash (and so the table stays a good spread).
    #[test]
    fn hash_depends_on_every_byte() {
        for base in [
            "invoice_not_found_1234",
            "abcdefgh",
            "abc",
            "abcdefghijklmnopq",
        ] {
            let mut seen = std::collections::HashSet::new();
            assert!(seen.insert(hash(base)));
            for i in 0..base.len() {
                let mut b = base.as_bytes().to_vec();
                b[i] ^= 1;
                let s = std::str::from_utf8(&b).unwrap_or_default();
                assert!(seen.insert(hash(s)), "{base} byte {i}");
            }
        }
        assert_ne!(hash(""), hash("\0"));
        assert_ne!(hash("a"), hash("a\0"));
    }
}
