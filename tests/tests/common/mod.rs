//! What the generated-output tests share.

#![allow(dead_code, reason = "each test target uses a different part")]

use pulldown_cmark::{Event, Parser, Tag};

/// The doc comments of generated Rust (`///` runs and `/** */` blocks), each as the
/// markdown rustdoc reads.
pub fn doc_blocks(code: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("///").filter(|_| !t.starts_with("////")) {
            let doc = current.get_or_insert_with(String::new);
            doc.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            doc.push('\n');
            continue;
        }
        if let Some(done) = current.take() {
            blocks.push(done);
        }
        if let Some(rest) = t.strip_prefix("/**") {
            let mut doc = String::new();
            let mut rest = rest.to_owned();
            loop {
                if let Some(end) = rest.find("*/") {
                    doc.push_str(&rest[..end]);
                    break;
                }
                doc.push_str(&rest);
                doc.push('\n');
                match lines.next() {
                    Some(l) => rest = l.to_owned(),
                    None => break,
                }
            }
            blocks.push(doc);
        }
    }
    blocks.extend(current);
    blocks
}

/// The code blocks rustdoc would run as doctests in the user's crate.
pub fn doctests(code: &str) -> Vec<String> {
    use pulldown_cmark::CodeBlockKind;
    let rust_info = |info: &str| {
        info.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty())
            .all(|t| {
                matches!(t, "rust" | "should_panic" | "no_run" | "test_harness")
                    || t.starts_with("edition")
            })
    };
    let mut found = Vec::new();
    for doc in doc_blocks(code) {
        for event in Parser::new(&doc) {
            if let Event::Start(Tag::CodeBlock(kind)) = event {
                let runs = match &kind {
                    CodeBlockKind::Indented => true,
                    CodeBlockKind::Fenced(info) => rust_info(info),
                };
                if runs {
                    found.push(doc.chars().take(200).collect());
                }
            }
        }
    }
    found
}

/// The cells of a GFM table row as written: unescaped `|` separate them (in code spans
/// too), a leading and a trailing one are optional. pulldown-cmark pads or cuts rows to
/// the header's width, so the source line is what can be ragged.
pub fn raw_cells(row: &str) -> usize {
    let row = row.trim();
    let mut pipes = Vec::new();
    let mut backslashes = 0;
    for (i, c) in row.char_indices() {
        if c == '|' && backslashes % 2 == 0 {
            pipes.push(i);
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    let leading = pipes.first() == Some(&0);
    let trailing = !row.is_empty()
        && pipes.last() == Some(&(row.len() - 1))
        && pipes.len() > usize::from(leading);
    pipes.len() + 1 - usize::from(leading) - usize::from(trailing)
}

/// The text as a TOML basic string (every character kept exactly; control and bidi
/// characters as `\u` escapes, so that the TOML source itself stays plain).
pub fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_bidi(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The characters of rustc's `text_direction_codepoint_in_{literal,comment}` lints.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
