//! The bundled standard catalog (`extends = "http"`) against the IANA HTTP Status Code
//! Registry, kept as `tests/fixtures/iana-http-status-codes.csv` (the registry's CSV export,
//! unassigned ranges removed).

use std::collections::BTreeMap;

/// One registry row: code -> (description, reference).
fn registry() -> BTreeMap<u16, (String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/iana-http-status-codes.csv"
    );
    let text = std::fs::read_to_string(path).expect("the registry fixture");
    let mut rows = text.lines();
    assert_eq!(rows.next(), Some("Value,Description,Reference"));
    let mut out = BTreeMap::new();
    for row in rows.filter(|r| !r.trim().is_empty()) {
        let fields = split_csv(row);
        assert_eq!(fields.len(), 3, "row {row:?}");
        let code: u16 = fields[0]
            .parse()
            .unwrap_or_else(|_| panic!("code in {row:?}"));
        let previous = out.insert(code, (fields[1].clone(), fields[2].clone()));
        assert!(previous.is_none(), "{code} twice in the registry fixture");
    }
    out
}

/// Splits one CSV row (RFC 4180 quoting, no line breaks inside fields: all this fixture
/// needs, so no CSV crate for one test).
fn split_csv(row: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("a field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().expect("a field").push(c),
        }
    }
    fields
}

fn bundled() -> errcat_catalog::Catalog {
    let text = errcat_catalog::bundled_catalog("http").expect("the bundled http catalog");
    let loaded = errcat_catalog::load_str("catalog/std/http.toml", text);
    assert!(
        loaded.diagnostics.is_empty(),
        "{}",
        loaded.render_diagnostics(false)
    );
    loaded.catalog.expect("the bundled catalog is valid")
}

#[test]
fn every_registered_code_is_bundled_with_its_registry_reason() {
    let catalog = bundled();
    let mut problems = Vec::new();
    for (code, (description, _)) in registry() {
        match catalog.status(code) {
            None => problems.push(format!("{code} {description} is missing")),
            Some(status) if status.reason.as_str() != description => problems.push(format!(
                "{code}: reason {:?}, registry says {description:?}",
                status.reason.as_str()
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_bundled_code_is_absent_from_the_registry() {
    let registry = registry();
    let extra: Vec<u16> = bundled()
        .statuses
        .iter()
        .map(|s| s.code)
        .filter(|code| !registry.contains_key(code))
        .collect();
    assert!(extra.is_empty(), "not in the IANA registry: {extra:?}");
}

#[test]
fn bundled_references_cite_the_registry_reference() {
    // The registry cites `[RFC9110, Section 15.5.5]`; the catalog writes `RFC 9110, Section
    // 15.5.5`, sometimes more precisely (`RFC 2518, Section 10.1` for `[RFC2518]`).
    let catalog = bundled();
    let mut problems = Vec::new();
    for (code, (_, reference)) in registry() {
        let first = reference
            .trim_start_matches('[')
            .split(']')
            .next()
            .unwrap_or_default()
            .replacen("RFC", "RFC ", 1);
        let status = catalog.status(code).expect("checked by the reason test");
        let ours = status.reference.as_deref().unwrap_or_default();
        if !ours.starts_with(&first) {
            problems.push(format!(
                "{code}: reference {ours:?}, registry says {reference:?}"
            ));
        }
        let described = status
            .description
            .as_ref()
            .is_some_and(|d| !d.trim().is_empty());
        if !described {
            problems.push(format!("{code}: no description"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
