//! The line-breaking algorithm of prettyplease 0.2 (Oppen's pretty printer, as adapted
//! from rustc's `pp.rs`), for the generated code whose layout depends on its width.
//!
//! The emitter writes all its code directly, as prettyplease would print it; where
//! prettyplease would break a line depending on its width (a match arm with an or-pattern,
//! an argument array, the expressions of `expr.rs`, a header a long type name makes too
//! wide), it replays here the calls prettyplease makes for that syntax. A copy, not a
//! call: prettyplease keeps its printer private. The copy is the algorithm of
//! `prettyplease/src/algorithm.rs` and `ring.rs` (MIT OR Apache-2.0, like this crate), with
//! its constants (`MARGIN` 89, `INDENT` 4, `MIN_SPACE` 60); tests compare every output with
//! `prettyplease::unparse`.

use std::borrow::Cow;
use std::collections::VecDeque;

const MARGIN: isize = 89;
/// prettyplease's indentation step.
pub(crate) const INDENT: isize = 4;
const MIN_SPACE: isize = 60;
const SIZE_INFINITY: isize = 0xffff;

#[derive(Clone, Copy, PartialEq)]
enum Breaks {
    Consistent,
    Inconsistent,
}

#[derive(Clone, Copy, Default)]
pub(crate) struct BreakToken {
    pub offset: isize,
    pub blank_space: usize,
    pub pre_break: Option<char>,
    pub post_break: &'static str,
    pub no_break: Option<char>,
    pub if_nonempty: bool,
    pub never_break: bool,
}

#[derive(Clone, Copy)]
struct BeginToken {
    offset: isize,
    breaks: Breaks,
}

enum Token {
    String(Cow<'static, str>),
    Break(BreakToken),
    Begin(BeginToken),
    End,
}

#[derive(Clone, Copy)]
enum PrintFrame {
    Fits,
    Broken(usize, Breaks),
}

struct BufEntry {
    token: Token,
    size: isize,
}

/// A ring buffer addressed by an ever-growing index.
#[derive(Default)]
struct Ring {
    data: VecDeque<BufEntry>,
    offset: usize,
}

impl Ring {
    fn push(&mut self, value: BufEntry) -> usize {
        let index = self.offset + self.data.len();
        self.data.push_back(value);
        index
    }
    fn start(&self) -> usize {
        self.offset
    }
    fn get(&mut self, index: usize) -> Option<&mut BufEntry> {
        self.data.get_mut(index.checked_sub(self.offset)?)
    }
}

/// The printer, writing lines that start at a given indentation, inside a block whose
/// every line break is taken (as the arms of a `match` are).
pub(crate) struct Printer {
    out: String,
    space: isize,
    buf: Ring,
    left_total: isize,
    right_total: isize,
    scan_stack: VecDeque<usize>,
    print_stack: Vec<PrintFrame>,
    indent: usize,
    pending_indentation: usize,
}

impl Printer {
    /// A printer whose first line starts at column `indent`, in a broken consistent block
    /// of that indentation.
    pub fn new(indent: usize) -> Self {
        Printer {
            out: String::new(),
            space: MARGIN - indent as isize,
            buf: Ring::default(),
            left_total: 0,
            right_total: 0,
            scan_stack: VecDeque::new(),
            print_stack: vec![PrintFrame::Broken(0, Breaks::Consistent)],
            indent,
            pending_indentation: indent,
        }
    }

    /// The text printed (the last line's indentation is left out).
    pub fn finish(mut self) -> String {
        if !self.scan_stack.is_empty() {
            self.check_stack(0);
            self.advance_left();
        }
        self.out
    }

    fn scan_begin(&mut self, token: BeginToken) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.buf.data.clear();
        }
        let right = self.buf.push(BufEntry {
            token: Token::Begin(token),
            size: -self.right_total,
        });
        self.scan_stack.push_back(right);
    }

    pub fn end(&mut self) {
        if self.scan_stack.is_empty() {
            self.print_end();
            return;
        }
        let len = self.buf.data.len();
        if let Some(BufEntry {
            token: Token::Break(break_token),
            ..
        }) = self.buf.data.back()
        {
            let break_token = *break_token;
            if len >= 2 && matches!(self.buf.data[len - 2].token, Token::Begin(_)) {
                self.buf.data.pop_back();
                self.buf.data.pop_back();
                self.scan_stack.pop_back();
                self.scan_stack.pop_back();
                self.right_total -= break_token.blank_space as isize;
                return;
            }
            if break_token.if_nonempty {
                self.buf.data.pop_back();
                self.scan_stack.pop_back();
                self.right_total -= break_token.blank_space as isize;
            }
        }
        let right = self.buf.push(BufEntry {
            token: Token::End,
            size: -1,
        });
        self.scan_stack.push_back(right);
    }

    /// Ends a box, first making it break when it is wider than `max` (prettyplease's
    /// `end_with_max_width`, for struct literals).
    pub fn end_with_max_width(&mut self, max: isize) {
        let mut depth = 1;
        let right_total = self.right_total;
        let mut too_wide = false;
        for &index in self.scan_stack.iter().rev() {
            let Some(entry) = self.buf.data.get(index.wrapping_sub(self.buf.offset)) else {
                break;
            };
            match entry.token {
                Token::Begin(_) => {
                    depth -= 1;
                    if depth == 0 {
                        too_wide = entry.size < 0 && entry.size + right_total > max;
                        break;
                    }
                }
                Token::End => depth += 1,
                Token::Break(_) | Token::String(_) => {}
            }
        }
        if too_wide {
            self.buf.push(BufEntry {
                token: Token::String(Cow::Borrowed("")),
                size: SIZE_INFINITY,
            });
            self.right_total += SIZE_INFINITY;
        }
        self.end();
    }

    pub fn scan_break(&mut self, token: BreakToken) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.buf.data.clear();
        } else {
            self.check_stack(0);
        }
        let right = self.buf.push(BufEntry {
            token: Token::Break(token),
            size: -self.right_total,
        });
        self.scan_stack.push_back(right);
        self.right_total += token.blank_space as isize;
    }

    pub fn word(&mut self, string: impl Into<Cow<'static, str>>) {
        let string = string.into();
        if self.scan_stack.is_empty() {
            self.print_string(&string);
        } else {
            let len = string.len() as isize;
            self.buf.push(BufEntry {
                token: Token::String(string),
                size: len,
            });
            self.right_total += len;
            self.check_stream();
        }
    }

    pub fn offset(&mut self, offset: isize) {
        if let Some(BufEntry {
            token: Token::Break(token),
            ..
        }) = self.buf.data.back_mut()
        {
            token.offset += offset;
        }
    }

    fn check_stream(&mut self) {
        while self.right_total - self.left_total > self.space {
            if self.scan_stack.front() == Some(&self.buf.start()) {
                self.scan_stack.pop_front();
                if let Some(first) = self.buf.data.front_mut() {
                    first.size = SIZE_INFINITY;
                }
            }
            self.advance_left();
            if self.buf.data.is_empty() {
                break;
            }
        }
    }

    fn advance_left(&mut self) {
        while self.buf.data.front().is_some_and(|e| e.size >= 0) {
            let Some(left) = self.buf.data.pop_front() else {
                break;
            };
            self.buf.offset += 1;
            match left.token {
                Token::String(string) => {
                    self.left_total += left.size;
                    self.print_string(&string);
                }
                Token::Break(token) => {
                    self.left_total += token.blank_space as isize;
                    self.print_break(token, left.size);
                }
                Token::Begin(token) => self.print_begin(token, left.size),
                Token::End => self.print_end(),
            }
        }
    }

    fn check_stack(&mut self, mut depth: usize) {
        while let Some(&index) = self.scan_stack.back() {
            let right_total = self.right_total;
            let Some(entry) = self.buf.get(index) else {
                break;
            };
            match entry.token {
                Token::Begin(_) => {
                    if depth == 0 {
                        break;
                    }
                    self.scan_stack.pop_back();
                    entry.size += right_total;
                    depth -= 1;
                }
                Token::End => {
                    self.scan_stack.pop_back();
                    entry.size = 1;
                    depth += 1;
                }
                Token::Break(_) => {
                    self.scan_stack.pop_back();
                    entry.size += right_total;
                    if depth == 0 {
                        break;
                    }
                }
                Token::String(_) => break,
            }
        }
    }

    fn print_begin(&mut self, token: BeginToken, size: isize) {
        if size > self.space {
            self.print_stack
                .push(PrintFrame::Broken(self.indent, token.breaks));
            self.indent = usize::try_from(self.indent as isize + token.offset).unwrap_or(0);
        } else {
            self.print_stack.push(PrintFrame::Fits);
        }
    }

    fn print_end(&mut self) {
        if let Some(PrintFrame::Broken(indent, _)) = self.print_stack.pop() {
            self.indent = indent;
        }
    }

    fn print_break(&mut self, token: BreakToken, size: isize) {
        let top = self
            .print_stack
            .last()
            .copied()
            .unwrap_or(PrintFrame::Broken(0, Breaks::Inconsistent));
        let fits = token.never_break
            || match top {
                PrintFrame::Fits => true,
                PrintFrame::Broken(.., Breaks::Consistent) => false,
                PrintFrame::Broken(.., Breaks::Inconsistent) => size <= self.space,
            };
        if fits {
            self.pending_indentation += token.blank_space;
            self.space -= token.blank_space as isize;
            if let Some(no_break) = token.no_break {
                self.out.push(no_break);
                self.space -= no_break.len_utf8() as isize;
            }
        } else {
            if let Some(pre_break) = token.pre_break {
                self.print_indent();
                self.out.push(pre_break);
            }
            self.out.push('\n');
            let indent = self.indent as isize + token.offset;
            self.pending_indentation = usize::try_from(indent).unwrap_or(0);
            self.space = (MARGIN - indent).max(MIN_SPACE);
            if !token.post_break.is_empty() {
                self.print_indent();
                self.out.push_str(token.post_break);
                self.space -= token.post_break.len() as isize;
            }
        }
    }

    fn print_string(&mut self, string: &str) {
        self.print_indent();
        self.out.push_str(string);
        self.space -= string.len() as isize;
    }

    fn print_indent(&mut self) {
        let n = self.pending_indentation;
        self.out.extend(std::iter::repeat_n(' ', n));
        self.pending_indentation = 0;
    }

    // prettyplease's `convenience.rs`.

    pub fn ibox(&mut self, indent: isize) {
        self.scan_begin(BeginToken {
            offset: indent,
            breaks: Breaks::Inconsistent,
        });
    }

    pub fn cbox(&mut self, indent: isize) {
        self.scan_begin(BeginToken {
            offset: indent,
            breaks: Breaks::Consistent,
        });
    }

    fn spaces(&mut self, n: usize) {
        self.scan_break(BreakToken {
            blank_space: n,
            ..BreakToken::default()
        });
    }

    pub fn zerobreak(&mut self) {
        self.spaces(0);
    }

    pub fn space(&mut self) {
        self.spaces(1);
    }

    pub fn hardbreak(&mut self) {
        self.spaces(SIZE_INFINITY as usize);
    }

    pub fn hardbreak_if_nonempty(&mut self) {
        self.scan_break(BreakToken {
            blank_space: SIZE_INFINITY as usize,
            if_nonempty: true,
            ..BreakToken::default()
        });
    }

    pub fn space_if_nonempty(&mut self) {
        self.scan_break(BreakToken {
            blank_space: 1,
            if_nonempty: true,
            ..BreakToken::default()
        });
    }

    pub fn trailing_comma(&mut self, is_last: bool) {
        if is_last {
            self.scan_break(BreakToken {
                pre_break: Some(','),
                ..BreakToken::default()
            });
        } else {
            self.word(",");
            self.space();
        }
    }

    pub fn trailing_comma_or_space(&mut self, is_last: bool) {
        if is_last {
            self.scan_break(BreakToken {
                blank_space: 1,
                pre_break: Some(','),
                ..BreakToken::default()
            });
        } else {
            self.word(",");
            self.space();
        }
    }

    pub fn neverbreak(&mut self) {
        self.scan_break(BreakToken {
            never_break: true,
            ..BreakToken::default()
        });
    }
}
