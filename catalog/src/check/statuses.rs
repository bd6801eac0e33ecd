//! Statuses: the extended catalogs' library, each declared status, their variants.

use super::*;

pub(super) struct LibraryStatus {
    reason: Option<Sp<String>>,
    description: Option<Sp<String>>,
    aliases: Vec<String>,
    reference: Option<String>,
}

// A status key is a three-digit number in 100..=599.
pub(super) fn status_code(cx: &mut Cx<'_>, file: FileId, key: &S<String>) -> Option<u16> {
    let digits = key.get().len() == 3 && key.get().bytes().all(|b| b.is_ascii_digit());
    match key.get().parse::<u16>() {
        Ok(code) if digits && (100..=599).contains(&code) => Some(code),
        _ => {
            cx.push(
                Diagnostic::new(
                    "status-out-of-range",
                    format!("`{}` is not an HTTP status code", key.get()),
                )
                .at(span(file, key), "expected a number from 100 to 599")
                .help("HTTP status codes are three-digit numbers from 100 to 599 (RFC 9110, section 15)"),
            );
            None
        }
    }
}

/// The statuses of the extended catalogs (bundled `http`, or files), by code.
pub(super) fn status_library(cx: &mut Cx<'_>, files: &[Parsed]) -> BTreeMap<u16, LibraryStatus> {
    let mut out: BTreeMap<u16, LibraryStatus> = BTreeMap::new();
    for f in files.iter().filter(|f| f.role == Role::Base) {
        for (key, st) in &f.raw.statuses.0 {
            let Some(code) = status_code(cx, f.file, key) else {
                continue;
            };
            let st = st.get();
            let entry = out.entry(code).or_insert(LibraryStatus {
                reason: None,
                description: None,
                aliases: Vec::new(),
                reference: None,
            });
            if let Some(r) = &st.reason {
                entry.reason = Some(sp(f.file, r));
            }
            if let Some(d) = &st.description {
                entry.description = Some(sp(f.file, d));
            }
            entry
                .aliases
                .extend(st.aliases.iter().map(|a| a.get().clone()));
            if let Some(r) = &st.reference {
                entry.reference = Some(r.get().clone());
            }
        }
    }
    out
}

// Each status passes the per-status rules below.
pub(super) fn statuses(
    cx: &mut Cx<'_>,
    files: &[&Parsed],
    library: &BTreeMap<u16, LibraryStatus>,
    attrs: &[AttributeDef],
    extends: bool,
) -> Vec<Status> {
    let mut out: Vec<Status> = Vec::new();
    let mut seen: BTreeMap<u16, Span> = BTreeMap::new();
    for f in files {
        for (key, st) in &f.raw.statuses.0 {
            let Some(code) = status_code(cx, f.file, key) else {
                continue;
            };
            let at = span(f.file, key);
            if !status_declared_once(cx, at, code, &mut seen) {
                continue;
            }
            let raw = st.get();
            let lib = library.get(&code);
            for (t, what) in [(&raw.reason, "reason"), (&raw.description, "description")] {
                if let Some(t) = t {
                    empty_text(cx, f.file, t, what);
                }
            }
            let reason = match (&raw.reason, lib.and_then(|l| l.reason.clone())) {
                (Some(own), registered) => {
                    reason_override(
                        cx,
                        f.file,
                        code,
                        own,
                        registered.as_ref().map(|r| r.as_str()),
                        lib,
                    );
                    sp(f.file, own)
                }
                (None, Some(inherited)) => inherited,
                (None, None) => {
                    unknown_status_reason(cx, at, code, extends);
                    cx.refused.statuses.push(code);
                    continue;
                }
            };
            if extends && lib.is_none() {
                unregistered_status(cx, at, code);
            }
            let attributes =
                attribute_values(cx, f.file, Owner::Status, at, &raw.attributes, attrs);
            let headers = headers(cx, f.file, &raw.headers);
            let mut aliases: Vec<String> = lib.map(|l| l.aliases.clone()).unwrap_or_default();
            aliases.extend(raw.aliases.iter().map(|a| a.get().clone()));
            out.push(Status {
                code,
                span: at,
                variant: names::status_variant(code, &reason),
                reason,
                description: raw
                    .description
                    .as_ref()
                    .map(|d| sp(f.file, d))
                    .or_else(|| lib.and_then(|l| l.description.clone())),
                aliases,
                reference: raw
                    .reference
                    .as_ref()
                    .map(|r| r.get().clone())
                    .or_else(|| lib.and_then(|l| l.reference.clone())),
                registered_reason: lib.and_then(|l| l.reason.as_ref().map(|r| r.value.clone())),
                attributes,
                headers,
            });
        }
    }
    out.sort_by_key(|s| s.code);
    status_variants_unique(&mut out);
    out
}

// A status code is declared once, across the root catalog and its includes.
pub(super) fn status_declared_once(
    cx: &mut Cx<'_>,
    at: Span,
    code: u16,
    seen: &mut BTreeMap<u16, Span>,
) -> bool {
    let Some(first) = seen.get(&code) else {
        seen.insert(code, at);
        return true;
    };
    cx.push(
        Diagnostic::new(
            "duplicate-status",
            format!("status {code} is declared twice"),
        )
        .at(at, "declared again here")
        .also(*first, "first declared here")
        .help("merge the two entries into one"),
    );
    false
}

// A status has a reason phrase: its own, or the extended catalog's.
pub(super) fn unknown_status_reason(cx: &mut Cx<'_>, at: Span, code: u16, extends: bool) {
    let label = if extends {
        "not in the extended catalog"
    } else {
        "no reason given"
    };
    cx.push(
        Diagnostic::new(
            "unknown-status-reason",
            format!("status {code} has no reason phrase"),
        )
        .at(at, label)
        .help(format!(
            "give it one: `[statuses.{code}]` with `reason = \"...\"`"
        )),
    );
}

// A standard status keeps its registered reason or one of its aliases (a lint).
pub(super) fn reason_override(
    cx: &mut Cx<'_>,
    file: FileId,
    code: u16,
    own: &S<String>,
    registered: Option<&str>,
    lib: Option<&LibraryStatus>,
) {
    // An empty reason is reported by `empty-text` alone.
    let Some(registered) = registered.filter(|_| !own.get().trim().is_empty()) else {
        return;
    };
    let known = registered == own.get().as_str()
        || lib.is_some_and(|l| l.aliases.iter().any(|a| a == own.get()));
    if !known {
        cx.push(
            Diagnostic::new(
                "reason-override",
                format!("status {code} is registered as \"{registered}\", not \"{}\"", own.get()),
            )
            .at(span(file, own), "overrides the standard reason phrase")
            .help(format!("clients may expect \"{registered}\"; if this is intended, add `reason-override = \"allow\"` under `[lints]`")),
        );
    }
}

// A status outside the extended catalog is worth a second look (a lint).
pub(super) fn unregistered_status(cx: &mut Cx<'_>, at: Span, code: u16) {
    cx.push(
        Diagnostic::new("unregistered-status", format!("status {code} is not in the IANA HTTP status code registry"))
            .at(at, "not a registered status")
            .help("generic clients treat it as x00 of its class; if this is intended, add `unregistered-status = \"allow\"` under `[lints]`"),
    );
}

// Status variants are distinct and clash with no generated item: a reason whose name is
// taken gets `Status{code}` (`names::status_variants`; docs/catalog-format.md).
pub(super) fn status_variants_unique(statuses: &mut [Status]) {
    let pairs: Vec<(u16, &str)> = statuses
        .iter()
        .map(|s| (s.code, s.reason.as_str()))
        .collect();
    let names = names::status_variants(&pairs);
    for (s, n) in statuses.iter_mut().zip(names) {
        s.variant = n;
    }
}
