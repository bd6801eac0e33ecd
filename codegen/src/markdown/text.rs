//! Writing what the user wrote into the page without letting it break the page.
//!
//! User markdown is parsed with pulldown-cmark (the parser the tests read the page with)
//! to find raw HTML and unclosed code fences exactly as a CommonMark reader would, rather
//! than guessing with string scans.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;

// The code spans and line helpers are the Rust docs' too (`rust/docs.rs`, built without the
// `docs` feature): one implementation of both.
pub(crate) use crate::rust::docs::{longest_backtick_run, push_code_span};
use crate::rust::docs::{one_line, push_backticks};

/// The flavour of the page: CommonMark with GFM tables.
fn options() -> Options {
    Options::ENABLE_TABLES
}

/// Plain text (a title, a reason, an attribute value) for inline use: markdown
/// punctuation is backslash-escaped and line breaks become spaces.
pub(crate) fn push_plain(out: &mut String, s: &str) {
    let s = s.trim();
    let bytes = s.as_bytes();
    let mut done = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Every character handled here is ASCII: `i` and `i + 1` are boundaries.
        match b {
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'|' | b'~' | b'#'
            | b'!' => {
                out.push_str(&s[done..i]);
                out.push('\\');
                done = i;
            }
            // One space for `\r\n`, as for a lone `\r` or `\n`.
            b'\n' | b'\r' => {
                out.push_str(&s[done..i]);
                out.push(' ');
                if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                done = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&s[done..]);
}

/// The info string of a code block: the language's first word, without backticks.
fn push_info_string(out: &mut String, language: Option<&str>) {
    let lang = language
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or("");
    out.extend(lang.chars().filter(|c| *c != '`'));
}

/// A fenced code block holding `code` literally: the fence is longer than any backtick run
/// in the code; the info string is the language's first word, without backticks.
pub(super) fn push_code_block(out: &mut String, code: &str, language: Option<&str>) {
    let fence = (longest_backtick_run(code) + 1).max(3);
    push_backticks(out, fence);
    push_info_string(out, language);
    out.push('\n');
    out.push_str(code.trim_end_matches(['\n', '\r']));
    out.push('\n');
    push_backticks(out, fence);
}

/// [`push_code_block`] of the code `write` appends to `out`, written in place: the code goes
/// after a three-backtick fence, which is widened afterwards in the rare case the code
/// holds a run of three backticks or more.
pub(super) fn push_code_block_with(
    out: &mut String,
    language: Option<&str>,
    write: impl FnOnce(&mut String),
) {
    let start = out.len();
    out.push_str("```");
    push_info_string(out, language);
    out.push('\n');
    let code_start = out.len();
    write(out);
    let code = &out[code_start..];
    if longest_backtick_run(code) >= 3 || code.ends_with(['\n', '\r']) {
        let code = out.split_off(code_start);
        out.truncate(start);
        push_code_block(out, &code, language);
        return;
    }
    out.push_str("\n```");
}

/// Escapes the raw HTML of user markdown (`<` becomes `&lt;`), so that it shows
/// literally. Repeated until no raw HTML is left, as escaping can change how the rest
/// parses.
fn escape_html(md: &str) -> String {
    if !md.contains('<') {
        // Nothing to escape: only `<`s are rewritten.
        return md.to_owned();
    }
    escape_html_parsed(md)
}

/// [`escape_html`] for markdown with a `<`.
fn escape_html_parsed(md: &str) -> String {
    let mut text = md.to_owned();
    for _ in 0..16 {
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
        for (event, range) in Parser::new_ext(&text, options()).into_offset_iter() {
            if matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
                ranges.push(range);
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for r in ranges {
            if r.start < last {
                continue;
            }
            out.push_str(&text[last..r.start]);
            out.push_str(&text[r.clone()].replace('<', "&lt;"));
            last = r.end;
        }
        out.push_str(&text[last..]);
        if out == text {
            break;
        }
        text = out;
    }
    text
}

const PROBE: &str = "errcat-end-of-user-markdown";

/// Closes a fenced code block the user left open, which would swallow the rest of the page.
fn close_fences(md: &str) -> String {
    let mut text = md.to_owned();
    for _ in 0..4 {
        let probe = format!("{text}\n\n{PROBE}");
        let mut open_at = None;
        let mut in_fence = None;
        for (event, range) in Parser::new_ext(&probe, options()).into_offset_iter() {
            match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                    in_fence = Some(range.start)
                }
                Event::End(TagEnd::CodeBlock) => in_fence = None,
                Event::Text(t) if t.contains(PROBE) => open_at = in_fence,
                _ => {}
            }
        }
        let Some(start) = open_at else {
            return text;
        };
        let opening = probe[start..].trim_start();
        let c = if opening.starts_with('~') { '~' } else { '`' };
        let n = opening.chars().take_while(|x| *x == c).count().max(3);
        text = format!(
            "{}\n{}",
            text.trim_end_matches(['\n', '\r']),
            c.to_string().repeat(n)
        );
    }
    text
}

/// Whether pulldown-cmark could find raw HTML or a code fence in `md`: raw HTML (blocks,
/// inline tags, comments, declarations) always starts with `<`, and a code fence is a run
/// of three backticks or tildes. Without them [`escape_html`] and [`close_fences`] give
/// `md` back unchanged, and the markdown needs no parse.
fn may_need_rewriting(md: &str) -> bool {
    let b = md.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'<'
            || ((c == b'`' || c == b'~') && b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c))
    })
}

/// `md` with its `\r\n` line breaks as `\n`.
fn lf(md: &str) -> Cow<'_, str> {
    if md.contains('\r') {
        Cow::Owned(md.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(md)
    }
}

/// User markdown as blocks of the page.
pub(super) fn push_prose(out: &mut String, md: &str) {
    let md = lf(md);
    let md = md.trim_matches('\n');
    if may_need_rewriting(md) {
        out.push_str(close_fences(&escape_html(md)).trim_end());
    } else {
        out.push_str(md.trim_end());
    }
}

/// User markdown on one line (a list item, a table cell): line breaks, paragraph breaks
/// included, become spaces. No `<br>`: the page stays free of raw HTML, which renderers
/// with HTML off show as text (long prose belongs in a section, not a cell).
pub(super) fn push_inline(out: &mut String, md: &str) {
    let md = lf(md);
    if !md.contains('<') {
        // No raw HTML: escaping would change nothing, before joining the lines or after.
        join_lines(out, &md);
        return;
    }
    let escaped = escape_html(&md);
    let mut joined = String::new();
    join_lines(&mut joined, &escaped);
    // Joining lines can turn what was a code block into inline text: escape again.
    out.push_str(&escape_html(&joined));
}

/// The lines of `md` joined (see [`push_inline`]).
fn join_lines(out: &mut String, md: &str) {
    let mut any = false;
    for line in md.split(['\n', '\r']) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if any {
            out.push(' ');
        }
        any = true;
        out.push_str(line);
    }
}

/// Text for a GFM table cell: unescaped pipes are escaped (a backslash escapes the
/// character after it, as GFM splits rows), line breaks become spaces.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = one_line(s).chars().collect::<Vec<_>>().into_iter();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push('\\');
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '|' => out.push_str("\\|"),
            c => out.push(c),
        }
    }
    out
}

/// Makes what was written to `out` from `start` on a table cell ([`cell`]); text without
/// a backslash, pipe or line break is one already.
pub(super) fn make_cell(out: &mut String, start: usize) {
    if out[start..]
        .bytes()
        .any(|b| matches!(b, b'\\' | b'|' | b'\n' | b'\r'))
    {
        let text = out.split_off(start);
        out.push_str(&cell(&text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(f: impl FnOnce(&mut String)) -> String {
        let mut s = String::new();
        f(&mut s);
        s
    }

    #[test]
    fn code_spans_and_blocks_outrun_backticks() {
        assert_eq!(w(|o| push_code_span(o, "a")), "`a`");
        assert_eq!(w(|o| push_code_span(o, "a`b")), "``a`b``");
        assert_eq!(w(|o| push_code_span(o, "`x`")), "`` `x` ``");
        assert_eq!(
            w(|o| push_code_block(o, "x ``` y", Some("py thon"))),
            "````py\nx ``` y\n````"
        );
        assert_eq!(w(|o| push_code_block(o, "x\n", None)), "```\nx\n```");
        assert_eq!(
            w(|o| push_code_block_with(o, Some("json"), |o| o.push_str("\"```\"\n"))),
            "````json\n\"```\"\n````"
        );
    }

    #[test]
    fn html_is_escaped_code_is_not() {
        assert_eq!(
            escape_html("a <script>x</script> `<b>`"),
            "a &lt;script>x&lt;/script> `<b>`"
        );
        assert_eq!(escape_html("<div>\nhi\n</div>"), "&lt;div>\nhi\n&lt;/div>");
        assert_eq!(
            escape_html("create <-> update, <https://x.y>"),
            "create <-> update, <https://x.y>"
        );
    }

    #[test]
    fn open_fences_are_closed() {
        assert_eq!(
            close_fences("a\n\n````rust\nfn x()"),
            "a\n\n````rust\nfn x()\n````"
        );
        assert_eq!(close_fences("~~~\nx\n~~~"), "~~~\nx\n~~~");
    }

    #[test]
    fn inline_joins_lines() {
        assert_eq!(
            w(|o| push_inline(o, "a\nb\n\nc:\n- d\n- e")),
            "a b c: - d - e"
        );
        assert_eq!(w(|o| push_inline(o, "    <i>x</i>")), "&lt;i>x&lt;/i>");
    }

    #[test]
    fn cells_escape_pipes_once() {
        assert_eq!(cell("a|b"), "a\\|b");
        assert_eq!(cell("a\\|b"), "a\\|b");
        assert_eq!(cell("a\\\\|b"), "a\\\\\\|b");
        assert_eq!(cell("a\nb"), "a b");
        let mut s = String::from("| x");
        s.push_str("a|b");
        make_cell(&mut s, 3);
        assert_eq!(s, "| xa\\|b");
    }

    #[test]
    fn plain_text_is_literal() {
        assert_eq!(
            w(|o| push_plain(o, "*a* [b] <c> #d")),
            "\\*a\\* \\[b\\] \\<c\\> \\#d"
        );
    }

    /// Markdown made of pieces that matter to the parser and to the escapes, in every
    /// order: raw HTML, autolinks, code spans and fences (closed or not, indented or in
    /// containers), line breaks of every kind, list markers, table pipes, backslashes.
    fn samples() -> Vec<String> {
        const PIECES: &[&str] = &[
            "a",
            "word",
            " ",
            "  ",
            "    ",
            "\t",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            "<",
            ">",
            "<b>",
            "</b>",
            "<div>",
            "</div>",
            "<!-- c -->",
            "<br>",
            "<https://x.y>",
            "<-",
            "&amp;",
            "&",
            "`",
            "``",
            "```",
            "````",
            "~",
            "~~",
            "~~~",
            "```rust",
            "~~~ py",
            "> ",
            "- ",
            "* ",
            "1. ",
            "2) ",
            "+ ",
            "#",
            "# ",
            "|",
            "\\",
            "\\|",
            "*",
            "_",
            "[",
            "]",
            "(",
            ")",
            "é",
            "€",
            "Deprecated",
            ":",
            ".",
        ];
        let mut out: Vec<String> = PIECES.iter().map(|p| (*p).to_owned()).collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..6000 {
            let len = 1 + next(14);
            out.push((0..len).map(|_| PIECES[next(PIECES.len())]).collect());
        }
        out
    }

    /// The fast paths' premise: markdown without `<` and without a run of three backticks
    /// or tildes has no raw HTML and no fence, so the parsing escapes return it as is.
    #[test]
    fn markdown_without_html_or_fences_is_left_as_is() {
        let mut checked = 0;
        for md in samples() {
            if may_need_rewriting(&md) {
                continue;
            }
            checked += 1;
            assert_eq!(escape_html_parsed(&md), md, "{md:?}");
            assert_eq!(close_fences(&md), md, "{md:?}");
        }
        assert!(
            checked > 1000,
            "only {checked} samples without HTML or fences"
        );
    }

    /// What the emitter did before it had fast paths.
    fn prose_parsed(md: &str) -> String {
        let md = md.replace("\r\n", "\n");
        close_fences(&escape_html_parsed(md.trim_matches('\n')))
            .trim_end()
            .to_owned()
    }

    fn inline_parsed(md: &str) -> String {
        let escaped = escape_html_parsed(&md.replace("\r\n", "\n"));
        let mut joined = String::new();
        join_lines(&mut joined, &escaped);
        escape_html_parsed(&joined)
    }

    fn plain_chars(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in one_line(s.trim()).chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
        out
    }

    fn code_span_formatted(s: &str) -> String {
        let s = one_line(s);
        if s.is_empty() {
            return String::new();
        }
        let run = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(run + 1);
        let pad = s.starts_with('`')
            || s.ends_with('`')
            || (s.starts_with(' ') && s.ends_with(' ') && !s.trim().is_empty());
        let sp = if pad { " " } else { "" };
        format!("{fence}{sp}{s}{sp}{fence}")
    }

    #[test]
    fn fast_paths_write_what_the_parsed_paths_write() {
        for md in samples() {
            assert_eq!(w(|o| push_prose(o, &md)), prose_parsed(&md), "prose {md:?}");
            assert_eq!(
                w(|o| push_inline(o, &md)),
                inline_parsed(&md),
                "inline {md:?}"
            );
            assert_eq!(w(|o| push_plain(o, &md)), plain_chars(&md), "plain {md:?}");
            assert_eq!(
                w(|o| push_code_span(o, &md)),
                code_span_formatted(&md),
                "code span {md:?}"
            );
            let mut c = String::from("x");
            c.push_str(&md);
            make_cell(&mut c, 1);
            assert_eq!(c[1..], cell(&md), "cell {md:?}");
            assert_eq!(
                w(|o| push_code_block_with(o, Some("json x"), |o| o.push_str(&md))),
                w(|o| push_code_block(o, &md, Some("json x"))),
                "code block {md:?}"
            );
        }
    }
}
