//! The code blocks of CommonMark text, found as rustdoc's parser (pulldown-cmark) finds them,
//! so that [`super::docs::sanitize`] can keep rustdoc from running them as doctests.
//!
//! This is CommonMark's block-structure pass (containers, leaf blocks, lazy continuation,
//! tabs), following the reference implementation (cmark's `blocks.c`) line by line, and
//! nothing of the inline pass. It replaces pulldown-cmark in the Rust emitter: pulldown-cmark
//! and its three dependencies were a quarter of what errcat-codegen added to a user's clean
//! build (docs/performance.md, section 4), for a question about block starts.
//!
//! Where a construct could change the answer and is not followed here (an HTML block that
//! only a full tag parse recognises, a setext underline after link reference definitions,
//! an escaped or entity-coded info string, tabs, a lone carriage return), [`code_blocks`]
//! returns `None`, and the caller makes the whole text one
//! `text` block, which no parser reads as Rust. `codegen/tests/blocks.rs` compares the answer
//! with pulldown-cmark's on every catalog's prose and on generated markdown.

use std::ops::Range;

/// A code block: its kind and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeBlock<'a> {
    /// `Some(info string)` for a fenced block (trimmed, as written), `None` for an indented
    /// one.
    pub info: Option<&'a str>,
    /// For an indented block, from its first code byte to the end of its last line (its
    /// line ending included); for a fenced block, empty at its fence (`sanitize` rewrites
    /// only the fence line).
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Bullet(u8),
    Ordered(u8),
}

/// An open block: the containers of CommonMark and the leaves that matter for code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Document,
    Quote,
    List(ListKind),
    Item {
        /// Columns a line needs to continue the item (`marker_offset + padding` in cmark).
        indent: usize,
        has_child: bool,
    },
    /// A paragraph; `true` when it starts with `[`: it may be link reference definitions,
    /// which no setext underline can follow.
    Paragraph(bool),
    Fenced {
        ch: u8,
        len: usize,
        /// The spaces before the opening fence, removed from each content line.
        offset: usize,
    },
    Indented {
        /// Its index in the result.
        index: usize,
    },
    Html(HtmlEnd),
}

/// What ends an HTML block (CommonMark's seven kinds; kind 7 is not followed: `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HtmlEnd {
    /// Kind 1: a line holding one of these closing tags.
    Tags,
    /// Kinds 2-5: a line holding this text.
    Text(&'static str),
    /// Kind 6: a blank line.
    Blank,
}

/// One line being read: its bytes (line ending included) and the position in it. The text
/// has no tabs (see [`code_blocks`]): a column is a byte.
struct Line<'a> {
    bytes: &'a [u8],
    offset: usize,
    first_nonspace: usize,
    indent: usize,
    blank: bool,
}

fn is_space(c: u8) -> bool {
    c == b' '
}

fn is_line_end(c: u8) -> bool {
    c == b'\n' || c == b'\r' || c == 0
}

impl Line<'_> {
    /// The byte at `i`, 0 past the end (as cmark's `peek_at`).
    fn peek(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    fn find_first_nonspace(&mut self) {
        self.first_nonspace = self.offset
            + self.bytes[self.offset..]
                .iter()
                .take_while(|&&c| c == b' ')
                .count();
        self.indent = self.first_nonspace - self.offset;
        self.blank = is_line_end(self.peek(self.first_nonspace));
    }

    fn advance(&mut self, count: usize) {
        self.offset = (self.offset + count).min(self.bytes.len());
    }

    /// The rest of the line from `i`, without its line ending.
    fn rest(&self, i: usize) -> &[u8] {
        let s = self.bytes.get(i..).unwrap_or_default();
        let end = s
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .unwrap_or(s.len());
        &s[..end]
    }
}

/// A run of at least three backticks or tildes opening a fence: its length.
fn open_fence(rest: &[u8]) -> Option<usize> {
    let ch = *rest.first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.iter().take_while(|&&c| c == ch).count();
    if len < 3 || (ch == b'`' && rest[len..].contains(&b'`')) {
        return None;
    }
    Some(len)
}

/// A closing fence of `ch`: its length (trailing spaces and tabs only).
fn close_fence(rest: &[u8], ch: u8) -> Option<usize> {
    let len = rest.iter().take_while(|&&c| c == ch).count();
    (len >= 3 && rest[len..].iter().all(|&c| is_space(c))).then_some(len)
}

fn thematic_break(rest: &[u8]) -> bool {
    let Some(&ch) = rest.first() else {
        return false;
    };
    if !matches!(ch, b'*' | b'-' | b'_') {
        return false;
    }
    let mut n = 0;
    for &c in rest {
        if c == ch {
            n += 1;
        } else if !is_space(c) {
            return false;
        }
    }
    n >= 3
}

fn atx_heading(rest: &[u8]) -> bool {
    let n = rest.iter().take_while(|&&c| c == b'#').count();
    (1..=6).contains(&n) && rest.get(n).is_none_or(|&c| is_space(c))
}

fn setext_underline(rest: &[u8]) -> bool {
    let Some(&ch) = rest.first() else {
        return false;
    };
    if ch != b'=' && ch != b'-' {
        return false;
    }
    let n = rest.iter().take_while(|&&c| c == ch).count();
    rest[n..].iter().all(|&c| is_space(c))
}

/// The tag names of HTML blocks of kind 6 (CommonMark 0.31).
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// The tags whose closing tag ends an HTML block of kind 1.
const RAW_TAGS: &[&str] = &["pre", "script", "style", "textarea"];

/// What an HTML block starting here ends with; `Err(())` where a block of kind 7 (any
/// complete tag alone on its line) may start: not followed here.
fn html_start(rest: &[u8], in_paragraph: bool) -> Result<Option<HtmlEnd>, ()> {
    let Some(after) = rest.strip_prefix(b"<") else {
        return Ok(None);
    };
    for (start, end) in [(&b"!--"[..], "-->"), (b"?", "?>"), (b"![CDATA[", "]]>")] {
        if after.starts_with(start) {
            return Ok(Some(HtmlEnd::Text(end)));
        }
    }
    if after.first() == Some(&b'!') && after.get(1).is_some_and(u8::is_ascii_alphabetic) {
        return Ok(Some(HtmlEnd::Text(">")));
    }
    let closing = after.first() == Some(&b'/');
    let name_start = usize::from(closing);
    let name_len = after[name_start..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = &after[name_start..name_start + name_len];
    let next = after.get(name_start + name_len).copied();
    let ends_name = |slash: bool| match next {
        None | Some(b' ' | b'>') => true,
        Some(b'/') => slash && after.get(name_start + name_len + 1) == Some(&b'>'),
        _ => false,
    };
    let is = |tags: &[&str]| tags.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
    if !closing && is(RAW_TAGS) && ends_name(false) {
        return Ok(Some(HtmlEnd::Tags));
    }
    if is(BLOCK_TAGS) && ends_name(true) {
        return Ok(Some(HtmlEnd::Blank));
    }
    if !in_paragraph && after.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return Err(());
    }
    Ok(None)
}

fn html_ends(end: HtmlEnd, line: &[u8]) -> bool {
    let contains = |needle: &[u8]| {
        line.windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    match end {
        HtmlEnd::Tags => RAW_TAGS
            .iter()
            .any(|t| contains(format!("</{t}>").as_bytes())),
        HtmlEnd::Text(text) => contains(text.as_bytes()),
        HtmlEnd::Blank => false,
    }
}

/// A list marker at the line's first non-space: its kind and length.
fn list_marker(line: &Line<'_>, interrupts_paragraph: bool) -> Option<(ListKind, usize)> {
    let pos = line.first_nonspace;
    let c = line.peek(pos);
    let (kind, end) = if matches!(c, b'*' | b'-' | b'+') {
        if thematic_break(line.rest(pos)) {
            return None;
        }
        (ListKind::Bullet(c), pos + 1)
    } else if c.is_ascii_digit() {
        let digits = line.bytes[pos..]
            .iter()
            .take(9)
            .take_while(|c| c.is_ascii_digit())
            .count();
        let delimiter = line.peek(pos + digits);
        if delimiter != b'.' && delimiter != b')' {
            return None;
        }
        let start = line.bytes[pos..pos + digits]
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        if interrupts_paragraph && start != 1 {
            return None;
        }
        (ListKind::Ordered(delimiter), pos + digits + 1)
    } else {
        return None;
    };
    let next = line.peek(end);
    if !(is_space(next) || is_line_end(next)) {
        return None;
    }
    if interrupts_paragraph && line.rest(end).iter().all(|&c| is_space(c)) {
        return None;
    }
    Some((kind, end - pos))
}

/// The code blocks of `md` in order, or `None` where the text holds a construct this
/// module does not follow (see the module's documentation).
pub(crate) fn code_blocks(md: &str) -> Option<Vec<CodeBlock<'_>>> {
    let text = md.as_bytes();
    // Not followed: a NUL (read as U+FFFD), a carriage return without a line feed
    // (pulldown-cmark ends some lines there, not all), a tab (pulldown-cmark and cmark
    // differ on tabs before container markers; `sanitize` expands tabs first, as rustdoc
    // will see them once `text` has made them spaces), a vertical tab or form feed
    // (pulldown-cmark counts a line of them as blank, CommonMark does not).
    if text.iter().enumerate().any(|(i, &c)| {
        matches!(c, 0 | b'\t' | 0x0b | 0x0c) || (c == b'\r' && text.get(i + 1) != Some(&b'\n'))
    }) {
        return None;
    }
    let mut blocks: Vec<CodeBlock<'_>> = Vec::new();
    let mut stack = vec![Block::Document];
    let mut start = 0;
    while start < text.len() {
        let mut end = start;
        while end < text.len() && text[end] != b'\n' && text[end] != b'\r' {
            end += 1;
        }
        if end < text.len() {
            end += if text[end] == b'\r' && text.get(end + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        let mut line = Line {
            bytes: &text[start..end],
            offset: 0,
            first_nonspace: 0,
            indent: 0,
            blank: false,
        };
        process_line(md, start, &mut line, &mut stack, &mut blocks)?;
        start = end;
    }
    Some(blocks)
}

/// One line, as cmark's `S_process_line`: which open blocks it continues, which blocks it
/// opens, and where its text goes.
fn process_line<'a>(
    md: &'a str,
    line_start: usize,
    line: &mut Line<'_>,
    stack: &mut Vec<Block>,
    blocks: &mut Vec<CodeBlock<'a>>,
) -> Option<()> {
    // Which open blocks the line continues.
    let mut matched = 1; // the document
    let mut all_matched = true;
    while matched < stack.len() {
        line.find_first_nonspace();
        let ok = match stack[matched] {
            Block::Document | Block::List(_) => true,
            Block::Quote => {
                let ok = line.indent <= 3 && line.peek(line.first_nonspace) == b'>';
                if ok {
                    line.advance(line.indent + 1);
                    if is_space(line.peek(line.offset)) {
                        line.advance(1);
                    }
                }
                ok
            }
            Block::Item { indent, has_child } => {
                if line.blank {
                    if has_child {
                        line.advance(line.first_nonspace - line.offset);
                    }
                    has_child
                } else if line.indent >= indent {
                    line.advance(indent);
                    true
                } else {
                    false
                }
            }
            Block::Fenced {
                ch, len, offset, ..
            } => {
                if line.indent <= 3
                    && line.peek(line.first_nonspace) == ch
                    && close_fence(line.rest(line.first_nonspace), ch).is_some_and(|n| n >= len)
                {
                    // The closing fence: the line is done.
                    stack.truncate(matched);
                    return Some(());
                }
                let mut i = offset;
                while i > 0 && is_space(line.peek(line.offset)) {
                    line.advance(1);
                    i -= 1;
                }
                true
            }
            Block::Indented { .. } => {
                if line.indent >= 4 {
                    line.advance(4);
                    true
                } else if line.blank {
                    line.advance(line.first_nonspace - line.offset);
                    true
                } else {
                    false
                }
            }
            Block::Html(end) => end != HtmlEnd::Blank || !line.blank,
            Block::Paragraph(_) => !line.blank,
        };
        if !ok {
            all_matched = false;
            break;
        }
        matched += 1;
    }
    // `stack[..=last_matched]` continues; the rest stays open until a block starts.
    let last_matched = matched - 1;
    let maybe_lazy = matches!(stack.last(), Some(Block::Paragraph(_)));
    let mut container = last_matched;
    let mut opened = false;
    loop {
        let cont = stack[container];
        if matches!(
            cont,
            Block::Fenced { .. } | Block::Indented { .. } | Block::Html(_)
        ) {
            break;
        }
        line.find_first_nonspace();
        let indented = line.indent >= 4;
        let first = line.first_nonspace;
        let rest = line.rest(first);
        let c = line.peek(first);
        if !indented && c == b'>' {
            line.advance(first + 1 - line.offset);
            if is_space(line.peek(line.offset)) {
                line.advance(1);
            }
            open(stack, &mut container, &mut opened, Block::Quote);
            continue;
        }
        if !indented && atx_heading(rest) {
            close_leaf(stack, &mut container, &mut opened);
            line.advance(line.bytes.len() - line.offset);
            break;
        }
        if let (false, Some(len)) = (indented, open_fence(rest)) {
            let info_start = line_start + first + len;
            let info = md
                .get(info_start..line_start + first + rest.len())?
                .trim_ascii();
            // Escapes and entities would be decoded in the info string: not followed.
            if info.contains(['\\', '&']) {
                return None;
            }
            let offset = first - line.offset;
            blocks.push(CodeBlock {
                info: Some(info),
                range: line_start + first..line_start + first,
            });
            let block = Block::Fenced { ch: c, len, offset };
            open(stack, &mut container, &mut opened, block);
            line.advance(line.bytes.len() - line.offset);
            break;
        }
        if !indented {
            if let Some(end) = html_start(rest, matches!(cont, Block::Paragraph(_))).ok()? {
                open(stack, &mut container, &mut opened, Block::Html(end));
                break;
            }
        }
        if !indented && matches!(cont, Block::Paragraph(_)) && setext_underline(rest) {
            // After link reference definitions, an underline is text, unless it is a
            // thematic break (which ends the paragraph as a heading would): not followed.
            if cont == Block::Paragraph(true) && !thematic_break(rest) {
                return None;
            }
            // The paragraph becomes a heading, and ends.
            stack.truncate(container);
            container -= 1;
            opened = true;
            line.advance(line.bytes.len() - line.offset);
            break;
        }
        // As cmark: no thematic break where a paragraph matched but a later block did not.
        let in_unmatched_paragraph = matches!(cont, Block::Paragraph(_)) && !all_matched;
        if !indented && !in_unmatched_paragraph && thematic_break(rest) {
            close_leaf(stack, &mut container, &mut opened);
            line.advance(line.bytes.len() - line.offset);
            break;
        }
        let list_context = !indented || matches!(cont, Block::List(_));
        if let Some((list, marker_len)) = (list_context && line.indent < 4)
            .then(|| list_marker(line, matches!(cont, Block::Paragraph(_))))
            .flatten()
        {
            let marker_offset = line.indent;
            line.advance(first + marker_len - line.offset);
            let save_offset = line.offset;
            while line.offset - save_offset <= 5 && is_space(line.peek(line.offset)) {
                line.advance(1);
            }
            let spaces = line.offset - save_offset;
            let padding = if !(1..5).contains(&spaces) || is_line_end(line.peek(line.offset)) {
                line.offset = save_offset;
                if spaces > 0 {
                    line.advance(1);
                }
                marker_len + 1
            } else {
                marker_len + spaces
            };
            if cont != Block::List(list) {
                open(stack, &mut container, &mut opened, Block::List(list));
            }
            let item = Block::Item {
                indent: marker_offset + padding,
                has_child: false,
            };
            open(stack, &mut container, &mut opened, item);
            continue;
        }
        // Indented code cannot interrupt a paragraph, the open one (a lazy line's) included,
        // unless a container opened on this line (as commonmark.js and pulldown-cmark).
        let interrupts_paragraph = maybe_lazy && !opened;
        if indented && !interrupts_paragraph && !line.blank {
            line.advance(4);
            blocks.push(CodeBlock {
                info: None,
                range: line_start + line.offset..line_start + line.offset,
            });
            let block = Block::Indented {
                index: blocks.len() - 1,
            };
            open(stack, &mut container, &mut opened, block);
        }
        break;
    }

    // Where the rest of the line goes.
    line.find_first_nonspace();
    let lazy = !opened
        && matched < stack.len()
        && !line.blank
        && matches!(stack.last(), Some(Block::Paragraph(_)));
    if lazy {
        return Some(());
    }
    stack.truncate(container + 1);
    match stack[container] {
        Block::Indented { index } => {
            if !line.blank {
                blocks[index].range.end = line_start + line.bytes.len();
            }
        }
        Block::Html(end) => {
            if html_ends(
                end,
                &line.bytes[line.first_nonspace.min(line.bytes.len())..],
            ) {
                stack.pop();
            }
        }
        // A fenced block's content, a paragraph's continuation: nothing to record.
        Block::Fenced { .. } | Block::Paragraph(_) => {}
        _ if line.blank => {}
        _ => {
            let defs = line.peek(line.first_nonspace) == b'[';
            let mut c = container;
            open(stack, &mut c, &mut true, Block::Paragraph(defs));
        }
    }
    Some(())
}

/// Opens `block` under `container`: closes the blocks the line did not continue, and those
/// that cannot hold it (a list holds items only, a leaf nothing).
fn open(stack: &mut Vec<Block>, container: &mut usize, opened: &mut bool, block: Block) {
    stack.truncate(*container + 1);
    *opened = true;
    while stack.len() > 1 && !can_contain(stack[stack.len() - 1], block) {
        stack.pop();
    }
    if let Some(Block::Item { has_child, .. }) = stack.last_mut() {
        *has_child = true;
    }
    stack.push(block);
    *container = stack.len() - 1;
}

/// A heading or a thematic break: a leaf of one line, closed at once, after which no
/// paragraph continues.
fn close_leaf(stack: &mut Vec<Block>, container: &mut usize, opened: &mut bool) {
    open(stack, container, opened, Block::Paragraph(false));
    stack.pop();
    *container = stack.len() - 1;
}

fn can_contain(parent: Block, child: Block) -> bool {
    match parent {
        Block::Document | Block::Quote | Block::Item { .. } => !matches!(child, Block::Item { .. }),
        Block::List(_) => matches!(child, Block::Item { .. }),
        _ => false,
    }
}

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;
