//! pulldown-cmark's answers (the parser rustdoc uses), the oracle of `blocks.rs`: for its
//! unit tests, and for the fuzz target `doc_blocks`, which includes this file by its path.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

/// A block as both sides report it: the info string of a fenced block (`None`: indented),
/// the line of its start, and for an indented block the end of its range (which
/// `sanitize` uses).
pub type Seen = (Option<String>, usize, Option<usize>);

/// The line of byte `pos` (line endings: `\n`, `\r\n`, a lone `\r`).
pub fn line_of(md: &str, pos: usize) -> usize {
    let b = md.as_bytes();
    (0..pos.min(b.len()))
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// pulldown-cmark's code blocks of `md`.
pub fn pulldown_blocks(md: &str) -> Vec<Seen> {
    Parser::new(md)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                Some((Some(info.to_string()), line_of(md, range.start), None))
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                Some((None, line_of(md, range.start), Some(range.end)))
            }
            _ => None,
        })
        .collect()
}

/// `errcat_codegen::rust::__code_blocks`' answer, with lines for starts.
pub fn as_seen(md: &str, blocks: Vec<(Option<String>, usize, Option<usize>)>) -> Vec<Seen> {
    blocks
        .into_iter()
        .map(|(info, start, end)| (info, line_of(md, start), end))
        .collect()
}

/// Whether pulldown-cmark finds a block in `md` that rustdoc would read as Rust
/// (`is_rust_info`: `errcat_codegen::rust::__is_rust_info`).
pub fn has_rust_block(md: &str, is_rust_info: impl Fn(&str) -> bool) -> bool {
    Parser::new(md).any(|e| match e {
        Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => true,
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => is_rust_info(&info),
        _ => false,
    })
}
