//! Inputs that are not catalogs at all, or written in unusual ways: diagnostics, never a
//! panic, and spans that render.

use errcat_catalog::load_str;

/// Loads `text` and renders its diagnostics; panics only if the loader does.
fn render(text: &str) -> (bool, String) {
    let loaded = load_str("errors.toml", text);
    let rendered = loaded.render_diagnostics(false);
    assert_eq!(loaded.catalog.is_some(), !loaded.diagnostics.has_errors());
    (loaded.catalog.is_some(), rendered)
}

const VALID: &str = "[catalog]\nname = \"Demo\"\nextends = \"http\"\n\n[statuses.404]\n\n[errors.not_found]\nstatus = 404\nmessage = \"No user {user_id}\"\nfields.user_id = { type = \"string\" }\n";

#[test]
fn garbage_gives_diagnostics() {
    for text in [
        "",
        "\u{feff}",
        "\0\0\0",
        "[",
        "]]]]",
        "{",
        "= = =",
        "\"unterminated",
        "[errors.x]\nstatus = 99999999999999999999999\nmessage = \"m\"",
        "[errors.x]\nstatus = 1e400\nmessage = \"m\"",
        "[statuses.404]\nattributes = { a = 1979-05-27T07:32:00Z }",
        "[[catalog]]\nname = \"x\"",
        "catalog = 5",
        "[errors]\nx = 5",
        "[body]\ntemplate = [[[[[[[[1]]]]]]]]",
        "[errors.\"\u{1F600}\"]\nstatus = 404\nmessage = \"é {ü}\"",
        "\u{1F600} = 1",
    ] {
        let (ok, rendered) = render(text);
        assert!(!ok, "{text:?} gave a catalog");
        assert!(rendered.contains("error["), "{text:?}: {rendered}");
    }
}

#[test]
fn windows_line_endings_and_non_ascii_text_point_at_the_right_place() {
    let text = VALID
        .replace('\n', "\r\n")
        .replace("No user {user_id}", "Usuário {usr_id} não encontrado");
    let loaded = load_str("errors.toml", &text);
    let d = loaded.diagnostics.iter().next().expect("a diagnostic");
    assert_eq!(d.rule, "undeclared-placeholder");
    let (_, line, col) = d.location(&loaded.sources).expect("a location");
    assert_eq!((line, col), (9, 20), "columns count characters");
    let span = d.primary.as_ref().expect("a span").span;
    assert_eq!(loaded.sources.text(span), "{usr_id}");
    let rendered = loaded.render_diagnostics(false);
    assert!(rendered.contains("errors.toml:9:20"), "{rendered}");
}

#[test]
fn placeholders_in_escaped_and_multiline_strings_are_pinpointed() {
    for (message, expected) in [
        (r#""Tab\there: {usr_id}""#, "{usr_id}"),
        (r#""\u00e9t\u00e9 {usr_id}""#, "{usr_id}"),
        ("\"\"\"\nfirst line \\\n   then {usr_id}\"\"\"", "{usr_id}"),
        ("'''literal {usr_id}'''", "{usr_id}"),
        ("'literal {usr_id}'", "{usr_id}"),
    ] {
        let text = VALID.replace("\"No user {user_id}\"", message);
        let loaded = load_str("errors.toml", &text);
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.rule == "undeclared-placeholder")
            .unwrap_or_else(|| panic!("{message}: {}", loaded.render_diagnostics(false)));
        let span = d.primary.as_ref().expect("a span").span;
        assert_eq!(loaded.sources.text(span), expected, "{message}");
    }
}

#[test]
fn every_problem_of_a_catalog_is_reported_at_once() {
    // Three unrelated mistakes in different tables, and two type errors in two entries:
    // all are reported, not only the first.
    let text = r#"
[catalog]
name = "Demo"
extends = "http"

[statuses.404]
[statuses.700]

[errors.a]
status = 404
message = "A {x}"

[errors.b]
status = 409
message = "B"
"#;
    let loaded = load_str("errors.toml", text);
    let rules: Vec<&str> = loaded.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [
            "status-out-of-range",
            "undeclared-placeholder",
            "undeclared-status"
        ]
    );

    let text = r#"
[catalog]
name = "Demo"
extends = "http"
[errors.a]
status = "404"
message = "A"
[errors.b]
status = 404
message = 5
[docs]
titel = "x"
"#;
    let loaded = load_str("errors.toml", text);
    let rules: Vec<&str> = loaded.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["invalid-type", "invalid-type", "unknown-key"]);
}

#[test]
fn a_valid_catalog_has_no_diagnostics() {
    let (ok, rendered) = render(VALID);
    assert!(ok);
    assert_eq!(rendered, "");
}

#[test]
fn duplicates_are_found_even_when_the_first_entry_has_a_mistake() {
    // `a` is rejected (undeclared status) and `A` collides with it all the same.
    let text = r#"
[catalog]
name = "Demo"
extends = "http"

[statuses.404]
[statuses.490]

[errors.a]
status = 409
message = "A"

[errors.A]
status = 404
message = "A again"
"#;
    let loaded = load_str("errors.toml", text);
    let rules: Vec<&str> = loaded.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [
            "unknown-status-reason",
            "undeclared-status",
            "rust-name-collision"
        ],
        "{}",
        loaded.render_diagnostics(false)
    );
}

#[test]
fn errors_and_warnings_render_distinctly_in_plain_text_and_in_colour() {
    let text = VALID.replace("[statuses.404]", "[statuses.404]\nreason = \"Missing\"");
    let text = text.replace("No user {user_id}", "No user {usr_id}");
    let loaded = load_str("errors.toml", &text);
    let plain: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.render(&loaded.sources, false))
        .collect();
    assert_eq!(plain.len(), 2, "{plain:?}");
    assert!(
        plain[0].starts_with("warning[reason-override]: "),
        "{}",
        plain[0]
    );
    assert!(
        plain[1].starts_with("error[undeclared-placeholder]: "),
        "{}",
        plain[1]
    );
    assert!(
        plain.iter().all(|p| !p.contains('\u{1b}')),
        "plain text has no escapes"
    );

    let styled: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.render(&loaded.sources, true))
        .collect();
    // The escape sequence before the level word differs between a warning and an error.
    let prefix = |s: &str, word: &str| s[..s.find(word).expect("the level word")].to_owned();
    let (warning, error) = (prefix(&styled[0], "warning"), prefix(&styled[1], "error"));
    assert!(warning.contains('\u{1b}') && error.contains('\u{1b}'));
    assert_ne!(warning, error);
}
