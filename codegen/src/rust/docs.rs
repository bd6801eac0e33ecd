//! Rustdoc from catalog markdown: code blocks must not become doctests of the user's crate.

use super::blocks::code_blocks;
use std::borrow::Cow;

/// Text made safe for a doc comment (prettyplease prints `#[doc]` attributes as `///`
/// comments): a lone carriage return, which rustc rejects in doc comments ("bare CR not
/// allowed"), becomes a line break, a tab four spaces (clippy's `tabs_in_doc_comments`),
/// and the bidi controls rustc's deny-by-default
/// `text_direction_codepoint_in_comment` lint rejects are written as visible `\u{202E}`
/// escapes (docs/robustness.md).
pub(crate) fn inert(text: &str) -> Cow<'_, str> {
    if !needs_inert(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            // clippy's `tabs_in_doc_comments` (warn by default) rejects tabs in docs.
            '\t' => out.push_str("    "),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                out.push_str(&format!("\\u{{{:04X}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Doc text from anything a catalog holds: no Rust code block (a title or a reason with a
/// line break and a ```` ```rust ```` fence would otherwise become a doctest of the user's
/// crate, run by `cargo test`), and [`inert`].
pub(crate) fn text(doc: &str) -> Cow<'_, str> {
    match scan(doc) {
        (false, false) => Cow::Borrowed(doc),
        _ => match sanitize(doc) {
            Cow::Borrowed(doc) => inert(doc),
            Cow::Owned(doc) => Cow::Owned(inert(&doc).into_owned()),
        },
    }
}

/// What [`scan`] looks for, by byte: 1 a byte whose runs matter (space, backtick, tilde),
/// 2 a tab, 3 a carriage return, 4 the first byte of a bidi control's UTF-8.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    t[b'`' as usize] = 1;
    t[b'~' as usize] = 1;
    t[b'\t' as usize] = 2;
    t[b'\r' as usize] = 3;
    t[0xe2] = 4;
    t
};

/// One pass over markdown: whether it may hold a code block (a fence of three backticks or
/// tildes, or the indentation of an indented block: four spaces or a tab, whatever the
/// container), and whether [`inert`] has anything to change (a carriage return, a tab, a
/// bidi control: U+202A-202E are `E2 80 AA-AE` in UTF-8, U+2066-2069 `E2 81 A6-A9`).
/// Most catalog prose has neither, and then needs no parse and no copy.
fn scan(md: &str) -> (bool, bool) {
    let b = md.as_bytes();
    let (mut code, mut inert) = (false, false);
    let mut i = 0;
    while let Some(skip) = b[i..].iter().position(|&c| CLASS[usize::from(c)] != 0) {
        i += skip;
        let c = b[i];
        match CLASS[usize::from(c)] {
            1 => {
                let start = i;
                while i < b.len() && b[i] == c {
                    i += 1;
                }
                if i - start >= if c == b' ' { 4 } else { 3 } {
                    code = true;
                }
            }
            2 => {
                (code, inert) = (true, true);
                i += 1;
            }
            3 => {
                inert = true;
                i += 1;
            }
            _ => {
                if matches!(
                    (b.get(i + 1), b.get(i + 2)),
                    (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
                ) {
                    inert = true;
                }
                i += 1;
            }
        }
        if code && inert {
            break;
        }
    }
    (code, inert)
}

fn needs_inert(md: &str) -> bool {
    scan(md).1
}

pub(crate) fn may_hold_code(md: &str) -> bool {
    scan(md).0
}

/// Whether rustdoc would compile a code block with this info string as Rust.
pub(crate) fn is_rust_info(info: &str) -> bool {
    info.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .all(|t| {
            matches!(
                t,
                "rust"
                    | "should_panic"
                    | "no_run"
                    | "compile_fail"
                    | "standalone_crate"
                    | "test_harness"
                    | "allow_fail"
            ) || t.starts_with("ignore")
                || t.starts_with("edition")
                || t.starts_with('{')
                || (t.len() == 5
                    && t.starts_with('E')
                    && t[1..].bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The byte offset of the start of the line holding `pos`.
fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// The byte offset just past the end of the line holding `pos` (after its `\n`).
fn line_end(text: &str, pos: usize) -> usize {
    text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1)
}

/// Rewrites markdown so that rustdoc runs none of its code blocks: fenced blocks that
/// rustdoc reads as Rust (no language, `rust`, `ignore`, ...) become ```` ```text ````, and
/// indented blocks become fenced `text` blocks.
pub(crate) fn sanitize(md: &str) -> Cow<'_, str> {
    if !may_hold_code(md) {
        return Cow::Borrowed(md);
    }
    if md.contains('\t') {
        // Tabs become spaces before the code blocks are looked for, as `inert` writes them
        // into the doc comment: `>\t b` is a quote, but `>     b` a quoted indented code
        // block, which rustdoc would run.
        return Cow::Owned(sanitize(&md.replace('\t', "    ")).into_owned());
    }
    // A text whose blocks are not followed (`blocks.rs`) becomes one text block.
    let Some(blocks) = code_blocks(md) else {
        return Cow::Owned(fenced_as_text(md));
    };
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for block in blocks {
        let range = block.range;
        match block.info {
            Some(info) if is_rust_info(info) => {
                // The fence line: indentation, the fence, the info string.
                let start = line_start(md, range.start);
                let end = line_end(md, range.start);
                let line = &md[start..end];
                let indent = line.len() - line.trim_start().len();
                let body = &line[indent..];
                let fence_char = body.chars().next().unwrap_or('`');
                let fence_len = body.chars().take_while(|c| *c == fence_char).count();
                let newline = if line.ends_with('\n') { "\n" } else { "" };
                edits.push((
                    start..end,
                    format!(
                        "{}{}text{newline}",
                        &line[..indent],
                        fence_char.to_string().repeat(fence_len)
                    ),
                ));
            }
            Some(_) => {}
            None => {
                let start = line_start(md, range.start);
                let end = range.end.max(start);
                let block = &md[start..end];
                let lines: Vec<&str> = block.lines().collect();
                let indent = lines
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| l.len() - l.trim_start_matches(' ').len())
                    .min()
                    .unwrap_or(4);
                let outer = " ".repeat(indent.saturating_sub(4));
                let fence = "`".repeat(longest_backtick_run(block).max(2) + 1);
                let mut out = format!("{outer}{fence}text\n");
                for l in &lines {
                    let strip = (l.len() - l.trim_start_matches(' ').len()).min(4);
                    out.push_str(&l[strip..]);
                    out.push('\n');
                }
                out.push_str(&outer);
                out.push_str(&fence);
                out.push('\n');
                edits.push((start..end, out));
            }
        }
    }
    let mut out = md.to_owned();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut last_start = usize::MAX;
    for (range, text) in edits {
        if range.end > last_start || range.end > out.len() {
            continue;
        }
        last_start = range.start;
        out.replace_range(range, &text);
    }
    if has_rust_block(&out) {
        // Not expected; keep the text readable and inert rather than risk a doctest.
        return Cow::Owned(fenced_as_text(md));
    }
    Cow::Owned(out)
}

/// The whole text as one `text` block, fenced by more backticks than any run inside it:
/// nothing inside can close it, whatever the text's structure.
fn fenced_as_text(md: &str) -> String {
    let fence = "`".repeat(longest_backtick_run(md).max(2) + 1);
    format!("{fence}text\n{}\n{fence}", md.trim_end())
}

/// Whether `md` holds a block rustdoc would run (or one whose kind is not followed).
pub(crate) fn has_rust_block(md: &str) -> bool {
    code_blocks(md).is_none_or(|blocks| blocks.iter().any(|b| b.info.is_none_or(is_rust_info)))
}

// Code spans: the markdown emitter's too (`markdown/text.rs`), one implementation of both.

/// Line breaks become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// Whether `s` has a line break.
fn has_line_break(s: &str) -> bool {
    s.bytes().any(|b| b == b'\n' || b == b'\r')
}

/// The longest run of backticks in `s`.
pub(crate) fn longest_backtick_run(s: &str) -> usize {
    if !s.contains('`') {
        return 0;
    }
    let mut best = 0;
    let mut run = 0;
    for b in s.bytes() {
        if b == b'`' {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

pub(crate) fn push_backticks(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push('`');
    }
}

/// A code span holding `s` literally (on one line), delimited by more backticks than any
/// run inside it.
pub(crate) fn push_code_span(out: &mut String, s: &str) {
    let s: Cow<'_, str> = if has_line_break(s) {
        Cow::Owned(one_line(s))
    } else {
        Cow::Borrowed(s)
    };
    if s.is_empty() {
        return;
    }
    let fence = longest_backtick_run(&s) + 1;
    let pad = s.starts_with('`')
        || s.ends_with('`')
        || (s.starts_with(' ') && s.ends_with(' ') && !s.trim().is_empty());
    push_backticks(out, fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&s);
    if pad {
        out.push(' ');
    }
    push_backticks(out, fence);
}

/// `text` as an inline code span (backticks inside are fenced by longer runs).
#[cfg(test)]
pub(crate) fn code_span(text: &str) -> String {
    let mut out = String::new();
    push_code_span(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fenced_rust_blocks_become_text() {
        let md = "Intro.\n\n```\nlet x = 1;\n```\n\n~~~rust,ignore\nfoo\n~~~\n\n```python\nprint(1)\n```\n";
        let out = sanitize(md);
        assert_eq!(
            out,
            "Intro.\n\n```text\nlet x = 1;\n```\n\n~~~text\nfoo\n~~~\n\n```python\nprint(1)\n```\n"
        );
        assert!(!has_rust_block(&out));
    }

    #[test]
    fn indented_blocks_become_fenced() {
        let md = "Run:\n\n    cargo build\n      --release\n\nDone.";
        let out = sanitize(md);
        assert_eq!(
            out,
            "Run:\n\n```text\ncargo build\n  --release\n```\n\nDone."
        );
        assert!(has_rust_block(md));
        assert!(!has_rust_block(&out));
    }

    #[test]
    fn lists_keep_their_items() {
        let md = "- one\n- two\n\n  continued";
        assert_eq!(sanitize(md), md);
    }

    #[test]
    fn doc_text_is_inert() {
        // Regression (docs/robustness.md): a lone CR made the generated file unparsable,
        // a bidi override made rustc reject it.
        assert_eq!(inert("a\rb\r\nc\td"), "a\nb\nc    d");
        assert_eq!(inert("x\u{202e}y\u{2066}z"), "x\\u{202E}y\\u{2066}z");
        // A fence in any text (here a title) is no doctest.
        let attrs = |text: &str| {
            let mut out = String::new();
            crate::rust::text::push_docs(&mut out, "", text);
            out
        };
        let attrs_text = attrs("Title\n```rust\nfn main() {}\n```");
        assert!(attrs_text.contains("```text"), "{attrs_text}");
        // Found by tests/tests/properties.rs: tabs expanded after the check made a doctest.
        assert!(!has_rust_block(&text(">\t b")), "{:?}", text(">\t b"));
        let attrs = attrs("one\rtwo \u{202e}");
        assert!(
            !attrs.contains('\r') && !attrs.contains('\u{202e}'),
            "{attrs}"
        );
    }

    #[test]
    fn code_spans_fence_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }
}
