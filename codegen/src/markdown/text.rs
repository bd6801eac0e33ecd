//! Writing what the user wrote into the page without letting it break the page.
//!
//! User markdown is parsed with pulldown-cmark (the parser the tests read the page with)
//! to find raw HTML and unclosed code fences exactly as a CommonMark reader would, rather
//! than guessing with string scans.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The flavour of the page: CommonMark with GFM tables.
fn options() -> Options {
    Options::ENABLE_TABLES
}

/// Line breaks become spaces.
fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// Plain text (a title, a reason, an attribute value) for inline use: markdown
/// punctuation is backslash-escaped and line breaks become spaces.
pub(super) fn plain(s: &str) -> String {
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

/// The value of an HTML attribute.
pub(super) fn attribute_value(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for x in s.chars() {
        if x == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// A code span holding `s` literally (on one line), delimited by more backticks than any
/// run inside it.
pub(super) fn code_span(s: &str) -> String {
    let s = one_line(s);
    if s.is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(&s, '`') + 1);
    let pad = s.starts_with('`')
        || s.ends_with('`')
        || (s.starts_with(' ') && s.ends_with(' ') && !s.trim().is_empty());
    let sp = if pad { " " } else { "" };
    format!("{fence}{sp}{s}{sp}{fence}")
}

/// A fenced code block holding `code` literally: the fence is longer than any backtick run
/// in the code; the info string is the language's first word, without backticks.
pub(super) fn code_block(code: &str, language: Option<&str>) -> String {
    let fence = "`".repeat((longest_run(code, '`') + 1).max(3));
    let lang: String = language
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or("")
        .chars()
        .filter(|c| *c != '`')
        .collect();
    let code = code.trim_end_matches(['\n', '\r']);
    format!("{fence}{lang}\n{code}\n{fence}")
}

/// Escapes the raw HTML of user markdown (`<` becomes `&lt;`), so that it shows
/// literally. Repeated until no raw HTML is left, as escaping can change how the rest
/// parses.
fn escape_html(md: &str) -> String {
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

/// User markdown as blocks of the page.
pub(super) fn prose(md: &str) -> String {
    let md = md.replace("\r\n", "\n");
    close_fences(&escape_html(md.trim_matches('\n')))
        .trim_end()
        .to_owned()
}

/// Whether a line starts a list item.
fn is_list_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    if digits > 0 {
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    ["- ", "* ", "+ "].iter().any(|m| line.starts_with(m))
}

/// User markdown on one line (a list item, a table cell): paragraph breaks become
/// `<br><br>`, list items start after a `<br>`, other line breaks become spaces.
pub(super) fn inline(md: &str) -> String {
    let escaped = escape_html(&md.replace("\r\n", "\n"));
    let mut out = String::new();
    let mut blank = false;
    for line in escaped.split(['\n', '\r']) {
        let line = line.trim();
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            if blank {
                out.push_str("<br><br>");
            } else if is_list_item(line) {
                out.push_str("<br>");
            } else {
                out.push(' ');
            }
        }
        blank = false;
        out.push_str(line);
    }
    // Joining lines can turn what was a code block into inline text: escape again.
    escape_html_keeping_breaks(&out)
}

/// [`escape_html`], leaving the `<br>` tags [`inline`] wrote.
fn escape_html_keeping_breaks(s: &str) -> String {
    s.split("<br>")
        .map(escape_html)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Text for a GFM table cell: unescaped pipes are escaped (a backslash escapes the
/// character after it, as GFM splits rows), line breaks become spaces.
pub(super) fn cell(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_and_blocks_outrun_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x`"), "`` `x` ``");
        assert_eq!(
            code_block("x ``` y", Some("py thon")),
            "````py\nx ``` y\n````"
        );
        assert_eq!(code_block("x\n", None), "```\nx\n```");
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
            inline("a\nb\n\nc:\n- d\n- e"),
            "a b<br><br>c:<br>- d<br>- e"
        );
        assert_eq!(inline("    <i>x</i>"), "&lt;i>x&lt;/i>");
    }

    #[test]
    fn cells_escape_pipes_once() {
        assert_eq!(cell("a|b"), "a\\|b");
        assert_eq!(cell("a\\|b"), "a\\|b");
        assert_eq!(cell("a\\\\|b"), "a\\\\\\|b");
        assert_eq!(cell("a\nb"), "a b");
    }

    #[test]
    fn plain_text_is_literal() {
        assert_eq!(plain("*a* [b] <c> #d"), "\\*a\\* \\[b\\] \\<c\\> \\#d");
    }
}
