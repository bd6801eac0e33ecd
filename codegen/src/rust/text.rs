//! The items of the generated code whose size grows with the catalog, written directly as
//! text, formatted exactly as `prettyplease` prints them: the error enum with its docs, the
//! packed [`Table`] of every error's facts, and the two per-variant matches.
//!
//! Writing them as text is what keeps generation linear and cheap: building the same code
//! as a token stream, parsing it into a `syn` tree and printing that with prettyplease cost
//! ~1.7 M instructions per error (docs/performance.md, section 1). The fixed-size items
//! around them are written as text too (`emit.rs`); tests check that the whole output is
//! byte-identical to `prettyplease::unparse(syn::parse_file(output))`.
//!
//! [`Table`]: https://docs.rs/errcat

use super::emit::{ErrorVariant, code_slots, error_attrs};
use super::expr::{Expr, push_item};
use super::pretty::{BreakToken, INDENT, Printer};
use super::{docs, emit};
use errcat_catalog::{Catalog, ErrorDef, FieldType, Piece, Scalar};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The word of an absent value in the table (`errcat::__private::NONE`).
const NONE: u32 = u32::MAX;
/// The flags of an error record.
const RETRYABLE: u32 = 1;
const DEPRECATED: u32 = 2;
const RETRY_AFTER: u32 = 4;
/// Words per error record (`errcat::__private::ERROR_WORDS`).
const ERROR_WORDS: usize = 37;

/// `#[allow]` of the rustdoc lints catalog prose may trip, as prettyplease prints it
/// (`emit::rustdoc_allow`).
pub(crate) const RUSTDOC_ALLOW: &str = "#[allow(
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::bare_urls,
    clippy::doc_lazy_continuation,
    reason = \"catalog prose is markdown for the docs site and OpenAPI, not rustdoc\"
)]
";

/// `#[allow]` of clippy's `large_enum_variant` on an error enum with fields: an error with
/// many fields beside unit errors is what catalogs are (issue 17), and boxing the fields
/// would change the enum's API.
const LARGE_VARIANT_ALLOW: &str = "#[allow(
    clippy::large_enum_variant,
    reason = \"the variants are the catalog's errors, each with its own fields: their sizes differ\"
)]
";

/// `///` lines of `text` (as `docs::attrs` makes `#[doc]` attributes and prettyplease
/// prints them), each indented by `indent` spaces.
pub(crate) fn push_docs(out: &mut String, indent: &str, text: &str) {
    let text = docs::text(text);
    for line in text.trim_end().lines() {
        let line = line.trim_end();
        out.push_str(indent);
        out.push_str("///");
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
}

/// The Rust type of a catalog field type.
fn rust_type(ty: FieldType) -> &'static str {
    match ty {
        FieldType::String => "::std::string::String",
        FieldType::Integer => "i64",
        FieldType::Unsigned => "u64",
        FieldType::Float => "f64",
        FieldType::Boolean => "bool",
    }
}

/// The generated error enum: its docs, derives and one documented variant per error.
pub(crate) fn error_enum(
    out: &mut String,
    catalog: &Catalog,
    ty: &str,
    variants: &[ErrorVariant<'_>],
    derives: Option<&str>,
) {
    let mut enum_doc = format!("The errors of the {}", catalog.name.as_str());
    if let Some(v) = &catalog.version {
        enum_doc.push_str(&format!(" (version {})", v.as_str()));
    }
    enum_doc.push('.');
    if let Some(d) = &catalog.description {
        enum_doc.push_str("\n\n");
        enum_doc.push_str(&docs::sanitize(d.trim_end()));
    }
    push_docs(out, "", &enum_doc);
    out.push_str(RUSTDOC_ALLOW);
    if variants.iter().any(|v| !v.unit) {
        out.push_str(LARGE_VARIANT_ALLOW);
    }
    if let Some(derives) = derives {
        let _ = writeln!(out, "#[derive({derives})]");
    }
    let _ = write!(out, "pub enum {ty} {{");
    if variants.is_empty() {
        out.push_str("}\n");
        return;
    }
    out.push('\n');
    // The variants of replacement codes, for deprecation notes.
    let replaced = |v: &ErrorVariant<'_>| {
        v.def
            .deprecated
            .as_ref()
            .is_some_and(|d| d.replaced_by.is_some())
    };
    let by_code: HashMap<&str, &str> = if variants.iter().any(replaced) {
        let errors = catalog.errors.iter();
        errors
            .map(|e| (e.code.as_str(), e.variant.as_str()))
            .collect()
    } else {
        HashMap::new()
    };
    for v in variants {
        let e = v.def;
        push_docs(
            out,
            "    ",
            &emit::variant_doc(catalog, e, v.docs_url.as_deref()),
        );
        if let Some((since, note)) = emit::deprecation(e, |code| by_code.get(code).copied()) {
            push_deprecated(out, since, &note);
        }
        let _ = write!(out, "    {}", v.ident);
        if v.unit {
            out.push_str(",\n");
            continue;
        }
        out.push_str(" {\n");
        for (f, name) in e.fields.iter().zip(&v.fields) {
            // A blank description gives no doc line at all, which `missing_docs` rejects:
            // it is treated as absent (found by tests/tests/properties.rs).
            let text = match f.description.as_ref().filter(|d| !d.trim().is_empty()) {
                Some(d) => docs::sanitize(d.trim_end()),
                None => format!("The `{{{}}}` of the message.", f.name.as_str()).into(),
            };
            push_docs(out, "        ", &text);
            let _ = writeln!(out, "        {name}: {},", rust_type(f.ty));
        }
        if v.cause.is_some() {
            push_docs(out, "        ", CAUSE_DOC);
            out.push_str("        cause: ::core::option::Option<::errcat::Cause>,\n");
        }
        out.push_str("    },\n");
    }
    out.push_str("}\n");
}

/// The rustdoc of a generated `cause` field.
const CAUSE_DOC: &str = "The error behind this one, kept on the server: `source()` returns it and logs show \
it; no response, message or document contains it.";

/// `#[deprecated(since = "..", note = "..")]` on a variant, as prettyplease prints it: on
/// one line when it fits (89 columns), else one argument per line.
fn push_deprecated(out: &mut String, since: Option<&str>, note: &str) {
    let mut args: Vec<String> = Vec::new();
    for (name, value) in [
        ("since", since),
        ("note", Some(note).filter(|n| !n.is_empty())),
    ] {
        if let Some(value) = value {
            let mut arg = format!("{name} = \"");
            push_escaped(&mut arg, value, false);
            arg.push('"');
            args.push(arg);
        }
    }
    if args.is_empty() {
        out.push_str("    #[deprecated]\n");
        return;
    }
    let one_line = args.join(", ");
    // The box of the arguments fits when they and the `)]` after them do.
    if one_line.len() + 2 <= 72 {
        let _ = writeln!(out, "    #[deprecated({one_line})]");
    } else {
        let _ = writeln!(
            out,
            "    #[deprecated(\n        {}\n    )]",
            args.join(",\n        ")
        );
    }
}

/// Which table of statuses word 3 of an error record indexes (the generated status enum's
/// `ALL`, or the derive's `StatusMeta` table): both list the catalog's statuses in order.
/// (A validated catalog declares every error's status; 0 keeps the index in range if not.)
fn status_index(catalog: &Catalog, code: u16) -> u32 {
    catalog
        .status_position(code)
        .map_or(0, |i| u32::try_from(i).unwrap_or(0))
}

/// The inherent impl holding the table and the per-variant matches.
pub(crate) fn table_impl(
    out: &mut String,
    catalog: &Catalog,
    ty: &str,
    variants: &[ErrorVariant<'_>],
    copy_index: bool,
) {
    out.push_str(
        "#[allow(
    deprecated,
    reason = \"the tables name every variant, deprecated ones included: that is no use of a deprecated error\"
)]
",
    );
    let _ = writeln!(out, "impl {ty} {{");
    table_const(out, catalog, variants);
    index_fn(out, variants, copy_index);
    args_fn(out, variants);
    out.push_str("}\n");
}

/// The `__ERRCAT_TABLE` constant: the body templates and the packed table.
fn table_const(out: &mut String, catalog: &Catalog, variants: &[ErrorVariant<'_>]) {
    // Body templates: the catalog's (when an error uses it) and each override, as statics
    // (one address each, however many errors refer to them); errors refer to them by
    // their index in `BODIES`.
    let mut statics = String::new();
    let mut refs = Vec::new();
    let mut body_index = Vec::with_capacity(variants.len());
    // An error whose field names its own fields has a body of its own, the field filled
    // in (`Catalog::resolved_body`).
    fn own<'c>(
        catalog: &'c Catalog,
        def: &'c ErrorDef,
    ) -> Option<std::borrow::Cow<'c, errcat_catalog::Template>> {
        match catalog.resolved_body(def) {
            std::borrow::Cow::Borrowed(_) if def.body.is_none() => None,
            body => Some(body),
        }
    }
    const NODE: &str = "::errcat::__private::Node";
    let uses_catalog_body = variants.iter().any(|v| own(catalog, v.def).is_none());
    if uses_catalog_body {
        let n = emit::node(&catalog.body.template);
        push_item(&mut statics, 8, &format!("static BODY: {NODE} = "), &n);
        refs.push(Expr::word("&BODY"));
    }
    for (i, v) in variants.iter().enumerate() {
        match own(catalog, v.def) {
            None => body_index.push(0),
            Some(t) => {
                let n = emit::node(&t);
                push_item(&mut statics, 8, &format!("static BODY_{i}: {NODE} = "), &n);
                body_index.push(u32::try_from(refs.len()).unwrap_or(NONE));
                refs.push(Expr::word(format!("&BODY_{i}")));
            }
        }
    }
    let count = refs.len();
    push_item(
        &mut statics,
        8,
        &format!("static BODIES: [&{NODE}; {count}] = "),
        &Expr::Array(refs),
    );

    out.push_str(
        "    /// Every error's facts, packed (the layout is `errcat::__private::Table`'s): `strings`
    /// holds every string once, then one record per error in `errors` and its fields,
    /// attributes, headers and message pieces in the other byte strings (little-endian
    /// `u32` words), each error on its own line; `slots` is the lookup table of codes.
    #[doc(hidden)]
    const __ERRCAT_TABLE: &'static ::errcat::__private::Table = {
",
    );
    out.push_str(&statics);
    let mut t = TableWriter::for_errors(variants.len());
    for (v, body) in variants.iter().zip(body_index) {
        t.error(catalog, v, body);
    }
    let defs: Vec<&ErrorDef> = variants.iter().map(|v| v.def).collect();
    out.push_str(
        "        static TABLE: ::errcat::__private::Table = ::errcat::__private::Table {\n",
    );
    push_literal(out, "strings", "", t.strings.as_bytes());
    push_literal(out, "errors", "b", &t.errors);
    push_literal(out, "fields", "b", &t.fields);
    push_literal(out, "attrs", "b", &t.attrs);
    push_literal(out, "headers", "b", &t.headers);
    push_literal(out, "pieces", "b", &t.pieces);
    let mut slots = Vec::new();
    for (i, s) in code_slots(&defs).into_iter().enumerate() {
        if i % 16 == 0 {
            if i > 0 {
                slots.extend_from_slice("\\\n".as_bytes());
            }
            slots.extend_from_slice(LINE.as_bytes());
        }
        push_word(&mut slots, s);
    }
    if !slots.is_empty() {
        slots.extend_from_slice("\\\n".as_bytes());
    }
    push_literal(out, "slots", "b", &slots);
    out.push_str("            bodies: &BODIES,\n        };\n        &TABLE\n    };\n");
}

/// The indentation of a line of a table literal (after a `\` line continuation, which
/// skips it).
const LINE: &str = "                ";

/// `name: prefix"..."` of the table, from its lines (each `LINE`, content, `\`, newline).
fn push_literal(out: &mut String, name: &str, prefix: &str, lines: &[u8]) {
    // Byte literals are written as ASCII escapes: always UTF-8.
    let lines = std::str::from_utf8(lines).unwrap_or_default();
    let _ = write!(out, "            {name}: {prefix}\"");
    if !lines.is_empty() {
        out.push_str("\\\n");
        out.push_str(lines);
        out.push_str("            ");
    }
    out.push_str("\",\n");
}

/// The escape of every byte in a byte string literal (`\0` or `\xhh`), and its length.
static BYTE_ESCAPES: [([u8; 4], usize); 256] = {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut t = [([0u8; 4], 0usize); 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b == 0 {
            ([b'\\', b'0', 0, 0], 2)
        } else {
            ([b'\\', b'x', HEX[b >> 4], HEX[b & 0xf]], 4)
        };
        b += 1;
    }
    t
};

/// A `u32` word as 4 escaped bytes of a byte string literal, little-endian.
fn push_word(out: &mut Vec<u8>, w: u32) {
    let mut buf = [0u8; 16];
    let mut n = 0;
    for b in w.to_le_bytes() {
        let (escape, len) = &BYTE_ESCAPES[usize::from(b)];
        buf[n..n + 4].copy_from_slice(escape);
        n += len;
    }
    out.extend_from_slice(&buf[..n]);
}

/// The bytes [`push_escaped`] looks at: those it may escape (quotes, backslashes, control
/// characters) and the bytes of non-ASCII characters.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b < 0x20 || b == b'"' as usize || b == b'\\' as usize || b >= 0x7f;
        b += 1;
    }
    t
};

/// Appends `s` escaped for a string literal; `line_start` when it begins a line after a
/// `\` continuation, which would swallow leading whitespace.
fn push_escaped(out: &mut String, s: &str, line_start: bool) {
    let bytes = s.as_bytes();
    let mut plain = 0;
    let mut i = 0;
    if line_start {
        if let Some(c) = s.chars().next().filter(|c| c.is_whitespace()) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
            plain = c.len_utf8();
            i = plain;
        }
    }
    while let Some(skip) = bytes[i..].iter().position(|&b| SPECIAL[usize::from(b)]) {
        i += skip;
        let b = bytes[i];
        let (escape, len) = if b < 0x80 {
            (true, 1)
        } else {
            // What `char::escape_debug` escapes (as proc-macro2's string literals do):
            // controls, invisible and format characters (clippy's `invisible_characters`,
            // rustc's `text_direction_codepoint_in_literal`), separators, combining marks.
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.escape_debug().next() == Some('\\'), c.len_utf8())
        };
        if escape {
            out.push_str(&s[plain..i]);
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                _ => {
                    let c = s[i..].chars().next().unwrap_or(' ');
                    let _ = write!(out, "\\u{{{:x}}}", c as u32);
                }
            }
            plain = i + len;
        }
        i += len;
    }
    out.push_str(&s[plain..]);
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl TableWriter {
    /// A writer sized for `n` errors: an error record is one line of ~4 escape characters
    /// per byte, and the strings of an error rarely exceed 640 bytes (growing multi-megabyte
    /// buffers by doubling costs copies and page faults).
    fn for_errors(n: usize) -> Self {
        TableWriter {
            strings: String::with_capacity(640 * n),
            value: String::with_capacity(512 * n),
            seen: HashMap::with_capacity_and_hasher(6 * n, Default::default()),
            errors: Vec::with_capacity((LINE.len() + 4 * 4 * ERROR_WORDS + 2) * n),
            ..TableWriter::default()
        }
    }
}

/// Builds the table's literals, one line per error.
#[derive(Default)]
struct TableWriter {
    /// The text of the string literal (escaped, in lines).
    strings: String,
    /// The value of the string literal so far (to confirm a hit in `seen`).
    value: String,
    /// Strings already in the table: offset by hash (a collision only loses sharing).
    seen: HashMap<u64, u32, std::hash::BuildHasherDefault<Prehashed>>,
    /// Whether the current line of `strings` is still empty.
    line_empty: bool,
    errors: Vec<u8>,
    fields: Vec<u8>,
    attrs: Vec<u8>,
    headers: Vec<u8>,
    pieces: Vec<u8>,
    n_fields: u32,
    n_attrs: u32,
    n_headers: u32,
    n_pieces: u32,
}

/// Appends a record to a byte literal, starting its line if none is open, and counts it.
fn record(lit: &mut Vec<u8>, open: &mut bool, count: &mut u32, words: &[u32]) {
    if !*open {
        lit.extend_from_slice(LINE.as_bytes());
        *open = true;
    }
    for &word in words {
        push_word(lit, word);
    }
    *count += 1;
}

/// Ends a line of a literal opened by [`record`].
fn close(lit: &mut Vec<u8>, open: bool) {
    if open {
        lit.extend_from_slice("\\\n".as_bytes());
    }
}

impl TableWriter {
    /// The (offset, length) of `s` in the table, adding it when new.
    fn string(&mut self, s: &str) -> (u32, u32) {
        let len = u32::try_from(s.len()).unwrap_or(0);
        let hash = emit::hash(s);
        if let Some(&offset) = self.seen.get(&hash) {
            let start = offset as usize;
            if self.value.get(start..start + s.len()) == Some(s) {
                return (offset, len);
            }
        }
        let offset = u32::try_from(self.value.len()).unwrap_or(NONE);
        self.value.push_str(s);
        if !s.is_empty() {
            if self.line_empty {
                self.strings.push_str(LINE);
            }
            push_escaped(&mut self.strings, s, self.line_empty);
            self.line_empty = false;
        }
        self.seen.entry(hash).or_insert(offset);
        (offset, len)
    }

    fn opt_string(&mut self, s: Option<&str>) -> (u32, u32) {
        s.map_or((NONE, 0), |s| self.string(s))
    }

    fn error(&mut self, catalog: &Catalog, v: &ErrorVariant<'_>, body: u32) {
        let e = v.def;
        self.line_empty = true;
        let mut w = [0u32; ERROR_WORDS];
        let set = |w: &mut [u32; ERROR_WORDS], i: usize, (a, b): (u32, u32)| {
            w[i] = a;
            w[i + 1] = b;
        };
        let code = self.string(&e.code);
        set(&mut w, 0, code);
        w[2] = u32::from(*e.status);
        w[3] = status_index(catalog, *e.status);
        let reason = catalog.status(*e.status).map_or("", |s| s.reason.as_str());
        let reason = self.string(reason);
        set(&mut w, 4, reason);
        let title = self.string(e.display_title());
        set(&mut w, 6, title);
        let message = self.string(&e.message.text);
        set(&mut w, 8, message);
        let description = self.opt_string(e.description.as_deref().map(|d| d.trim_end()));
        set(&mut w, 10, description);
        let remediation = self.opt_string(e.remediation.as_deref().map(|r| r.trim_end()));
        set(&mut w, 12, remediation);
        // A field naming the error's own fields is known at run time only: the body has it.
        let field = self.opt_string(e.static_field());
        set(&mut w, 14, field);
        let docs_url = self.opt_string(v.docs_url.as_deref());
        set(&mut w, 16, docs_url);
        let mut flags = 0;
        if e.retryable {
            flags |= RETRYABLE;
        }
        // Whether there is a delay is a flag: every `u32` is a valid delay (issue 17).
        if let Some(seconds) = e.retry_after {
            flags |= RETRY_AFTER;
            w[19] = seconds;
        }
        set(&mut w, 20, (NONE, 0));
        set(&mut w, 22, (NONE, 0));
        set(&mut w, 24, (NONE, 0));
        if let Some(d) = &e.deprecated {
            flags |= DEPRECATED;
            let since = self.opt_string(d.since.as_deref());
            set(&mut w, 20, since);
            let replaced_by = self.opt_string(d.replaced_by.as_deref());
            set(&mut w, 22, replaced_by);
            let note = self.opt_string(d.note.as_deref());
            set(&mut w, 24, note);
        }
        w[18] = flags;

        // Fields.
        let mut line = false;
        w[26] = self.n_fields;
        for f in &e.fields {
            let name = self.string(&f.name);
            let ty = match f.ty {
                FieldType::String => 0,
                FieldType::Integer => 1,
                FieldType::Unsigned => 2,
                FieldType::Float => 3,
                FieldType::Boolean => 4,
            };
            let description = self.opt_string(f.description.as_deref().map(String::as_str));
            record(
                &mut self.fields,
                &mut line,
                &mut self.n_fields,
                &[name.0, name.1, ty, description.0, description.1],
            );
        }
        close(&mut self.fields, line);
        w[27] = self.n_fields - w[26];

        // Attributes: the error's own, else its status's.
        let mut line = false;
        w[28] = self.n_attrs;
        for (name, value) in error_attrs(catalog, e) {
            let name = self.string(&name);
            let (kind, a, b) = match value {
                Scalar::Str(s) => {
                    let (a, b) = self.string(s);
                    (0, a, b)
                }
                Scalar::Int(i) => {
                    let bits = *i as u64;
                    (1, bits as u32, (bits >> 32) as u32)
                }
                Scalar::Float(x) => {
                    // Written as `null`, as the JSON rendering of the catalog does.
                    let x = if x.is_finite() { *x } else { f64::NAN };
                    let bits = x.to_bits();
                    (2, bits as u32, (bits >> 32) as u32)
                }
                Scalar::Bool(b) => (3, u32::from(*b), 0),
            };
            record(
                &mut self.attrs,
                &mut line,
                &mut self.n_attrs,
                &[name.0, name.1, kind, a, b],
            );
        }
        close(&mut self.attrs, line);
        w[29] = self.n_attrs - w[28];

        // Headers.
        let mut line = false;
        w[30] = self.n_headers;
        for (name, value) in catalog.headers_of(e) {
            let name = self.string(name);
            let value = self.string(value);
            record(
                &mut self.headers,
                &mut line,
                &mut self.n_headers,
                &[name.0, name.1, value.0, value.1],
            );
        }
        close(&mut self.headers, line);
        w[31] = self.n_headers - w[30];

        // Message pieces: literal text is found in the template when it is written there
        // as is (no `{{` escape), else added.
        let mut line = false;
        w[32] = self.n_pieces;
        let template = e.message.text.as_str();
        // Where the next piece starts in the template (pieces come in order).
        let mut at = 0;
        for piece in &e.message.pieces {
            let (kind, a, b) = match piece {
                Piece::Lit(s) => {
                    let (a, b) = if template
                        .get(at..)
                        .is_some_and(|t| t.starts_with(s.as_str()))
                    {
                        let found = (
                            message.0.saturating_add(u32::try_from(at).unwrap_or(0)),
                            u32::try_from(s.len()).unwrap_or(0),
                        );
                        at += s.len();
                        found
                    } else {
                        self.string(s)
                    };
                    (0, a, b)
                }
                Piece::Field(i) => {
                    if let Some(end) = template.get(at..).and_then(|t| t.find('}')) {
                        at += end + 1;
                    }
                    (1, u32::try_from(*i).unwrap_or(NONE), 0)
                }
            };
            record(
                &mut self.pieces,
                &mut line,
                &mut self.n_pieces,
                &[kind, a, b],
            );
        }
        close(&mut self.pieces, line);
        w[33] = self.n_pieces - w[32];
        w[34] = body;
        let variant = self.string(v.ident.strip_prefix("r#").unwrap_or(&v.ident));
        set(&mut w, 35, variant);

        if !self.line_empty {
            self.strings.push_str("\\\n");
        }
        self.errors.extend_from_slice(LINE.as_bytes());
        for word in w {
            push_word(&mut self.errors, word);
        }
        self.errors.extend_from_slice("\\\n".as_bytes());
    }
}

/// `fn __errcat_index`: the variant's position in the table.
fn index_fn(out: &mut String, variants: &[ErrorVariant<'_>], copy_index: bool) {
    out.push_str("    #[inline]\n    fn __errcat_index(&self) -> usize {\n");
    if variants.is_empty() {
        out.push_str("        match *self {}\n    }\n");
        return;
    }
    if copy_index {
        out.push_str("        *self as usize\n    }\n");
        return;
    }
    out.push_str("        match self {\n");
    let mut arm = String::new();
    for (i, v) in variants.iter().enumerate() {
        // An arm that fits its line (77 columns after the indentation, the comma aside)
        // is printed on it, as the printer would; longer ones go through the printer.
        arm.clear();
        let rest = if v.unit { "" } else { " { .. }" };
        let _ = write!(arm, "Self::{}{rest} => {i}", v.ident);
        if arm.len() <= 77 {
            let _ = writeln!(out, "            {arm},");
            continue;
        }
        let mut p = Printer::new(12);
        p.ibox(0);
        if v.unit {
            p.word(format!("Self::{}", v.ident));
        } else {
            p.cbox(INDENT);
            p.word(format!("Self::{}", v.ident));
            p.word(" {");
            p.space_if_nonempty();
            p.word("..");
            p.space();
            p.offset(-INDENT);
            p.end();
            p.word("}");
        }
        p.word(" => ");
        arm_body(&mut p, |p| p.word(i.to_string()));
        p.end();
        p.hardbreak();
        out.push_str(&p.finish());
    }
    out.push_str("        }\n    }\n");
}

/// The pattern `Self::{variant} { fields, .. }` (`..` when `rest`), as prettyplease prints
/// a struct pattern.
pub(crate) fn struct_pattern(p: &mut Printer, variant: &str, fields: &[String], rest: bool) {
    p.cbox(INDENT);
    p.word(format!("Self::{variant}"));
    p.word(" {");
    p.space_if_nonempty();
    let n = fields.len();
    for (j, name) in fields.iter().enumerate() {
        p.word(name.clone());
        p.trailing_comma_or_space(j + 1 == n && !rest);
    }
    if rest {
        p.word("..");
        p.space();
    }
    p.offset(-INDENT);
    p.end();
    p.word("}");
}

/// The body of a match arm that is not a block (prettyplease's `arm`).
pub(crate) fn arm_body(p: &mut Printer, body: impl FnOnce(&mut Printer)) {
    p.neverbreak();
    p.cbox(INDENT);
    p.scan_break(BreakToken {
        pre_break: Some('{'),
        ..BreakToken::default()
    });
    body(p);
    p.scan_break(BreakToken {
        offset: -INDENT,
        post_break: "}",
        no_break: Some(','),
        ..BreakToken::default()
    });
    p.end();
}

/// `fn __errcat_args`: the field values, for the message and `Debug`. Variants of the same
/// field shape (names, types, order) share one arm (an or-pattern), which compiles faster
/// than one arm each.
fn args_fn(out: &mut String, variants: &[ErrorVariant<'_>]) {
    let max = variants
        .iter()
        .map(|v| v.def.fields.len())
        .max()
        .unwrap_or(0);
    if max == 0 {
        out.push_str(
            "    #[inline]
    fn __errcat_args(&self) -> [::errcat::__private::Arg<'_>; 0] {
        []
    }
",
        );
        return;
    }
    // Shapes in the order of their first variant.
    let mut shapes: Vec<Vec<&ErrorVariant<'_>>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut key = String::new();
    for v in variants.iter().filter(|v| !v.def.fields.is_empty()) {
        key.clear();
        for (f, name) in v.def.fields.iter().zip(&v.fields) {
            let _ = write!(key, "{name}:{} ", rust_type(f.ty));
        }
        match by_key.get(&key) {
            Some(&i) => shapes[i].push(v),
            None => {
                by_key.insert(key.clone(), shapes.len());
                shapes.push(vec![v]);
            }
        }
    }
    let _ = write!(
        out,
        "    fn __errcat_args(&self) -> [::errcat::__private::Arg<'_>; {max}] {{\n        match self {{\n"
    );
    let mut p = Printer::new(12);
    for shape in &shapes {
        p.ibox(0);
        let or = shape.len() > 1;
        if or {
            p.cbox(0);
        }
        for (i, v) in shape.iter().enumerate() {
            if i > 0 {
                p.space();
                p.word("| ");
            }
            struct_pattern(&mut p, &v.ident, &v.fields, v.cause.is_some());
        }
        if or {
            p.end();
        }
        p.word(" => ");
        let v = shape[0];
        arm_body(&mut p, |p| {
            p.word("[");
            p.cbox(INDENT);
            p.zerobreak();
            for j in 0..max {
                match v.def.fields.get(j).zip(v.fields.get(j)) {
                    Some((f, name)) => {
                        let (variant, deref) = match f.ty {
                            FieldType::String => ("Str", ""),
                            FieldType::Integer => ("Int", "*"),
                            FieldType::Unsigned => ("Uint", "*"),
                            FieldType::Float => ("Float", "*"),
                            FieldType::Boolean => ("Bool", "*"),
                        };
                        p.word(format!("::errcat::__private::Arg::{variant}("));
                        p.cbox(INDENT);
                        p.zerobreak();
                        p.word(format!("{deref}{name}"));
                        p.trailing_comma(true);
                        p.offset(-INDENT);
                        p.end();
                        p.word(")");
                    }
                    None => p.word("::errcat::__private::Arg::None"),
                }
                p.trailing_comma(j + 1 == max);
            }
            p.offset(-INDENT);
            p.end();
            p.word("]");
        });
        p.end();
        p.hardbreak();
    }
    if shapes.iter().map(Vec::len).sum::<usize>() < variants.len() {
        p.ibox(0);
        p.word("_");
        p.word(" => ");
        arm_body(&mut p, |p| {
            p.word(format!("[::errcat::__private::Arg::None; {max}]"));
        });
        p.end();
        p.hardbreak();
    }
    out.push_str(&p.finish());
    out.push_str("        }\n    }\n");
}

#[cfg(test)]
mod tests {
    /// The record layout is written here and read by the run time: the constants both
    /// sides name must agree (`tests/compiled` checks every accessor end to end).
    #[test]
    fn layout_constants_match_the_run_time() {
        use errcat::__private as rt;
        assert_eq!(super::NONE, rt::NONE);
        assert_eq!(super::ERROR_WORDS, rt::ERROR_WORDS);
        assert_eq!(super::RETRYABLE, rt::RETRYABLE);
        assert_eq!(super::DEPRECATED, rt::DEPRECATED);
        assert_eq!(super::RETRY_AFTER, rt::RETRY_AFTER);
    }
}
