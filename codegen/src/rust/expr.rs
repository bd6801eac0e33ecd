//! The expressions of the fixed-size items whose layout depends on the catalog (the status
//! table, the body templates, the groups' tables, `ALL`), printed as prettyplease prints
//! them: the calls prettyplease makes for each kind of expression (`expr.rs` of
//! prettyplease 0.2), replayed on the printer of `pretty.rs`.
//!
//! Only the kinds the emitter writes exist here: paths and literals (words), calls, arrays,
//! references, tuples, struct literals and negations.

use super::pretty::{INDENT, Printer};

/// An expression of generated code.
pub(crate) enum Expr {
    /// A path or a literal, printed as it is.
    Word(String),
    /// An integer or boolean literal: an array of only these is printed on as few lines as
    /// fit (prettyplease's `simple_array`).
    Simple(String),
    /// `func(args)`.
    Call(String, Vec<Expr>),
    /// `[elems]`.
    Array(Vec<Expr>),
    /// `&expr`.
    Ref(Box<Expr>),
    /// `(elems)`.
    Tuple(Vec<Expr>),
    /// `path { member: value, .. }`.
    Struct(String, Vec<(String, Expr)>),
    /// `receiver.method(arg)?`.
    MethodTry(&'static str, &'static str, String),
    /// `-expr`.
    Neg(Box<Expr>),
    /// `|params| body`.
    Closure(&'static [&'static str], Box<Expr>),
}

impl Expr {
    /// A path or literal.
    pub fn word(text: impl Into<String>) -> Self {
        Expr::Word(text.into())
    }

    /// `func(args)`.
    pub fn call(func: &str, args: Vec<Expr>) -> Self {
        Expr::Call(func.to_owned(), args)
    }

    /// A string literal.
    pub fn str(s: &str) -> Self {
        Expr::Word(str_lit(s))
    }

    /// `&expr`.
    pub fn re(e: Expr) -> Self {
        Expr::Ref(Box::new(e))
    }

    /// prettyplease's `is_blocklike`: a lone argument of this kind is printed without a
    /// box of its own.
    fn is_blocklike(&self) -> bool {
        matches!(self, Expr::Array(_) | Expr::Tuple(_) | Expr::Struct(..))
    }

    /// Prints the expression.
    pub fn print(&self, p: &mut Printer) {
        match self {
            Expr::Word(w) | Expr::Simple(w) => p.word(w.clone()),
            Expr::Call(func, args) => {
                p.word(func.clone());
                p.word("(");
                match args.as_slice() {
                    [arg] if arg.is_blocklike() => arg.print(p),
                    _ => {
                        p.cbox(INDENT);
                        p.zerobreak();
                        for (i, arg) in args.iter().enumerate() {
                            arg.print(p);
                            p.trailing_comma(i + 1 == args.len());
                        }
                        p.offset(-INDENT);
                        p.end();
                    }
                }
                p.word(")");
            }
            Expr::Array(elems) if elems.is_empty() => p.word("[]"),
            Expr::Array(elems) if elems.iter().all(|e| matches!(e, Expr::Simple(_))) => {
                p.cbox(INDENT);
                p.word("[");
                p.zerobreak();
                p.ibox(0);
                for (i, elem) in elems.iter().enumerate() {
                    elem.print(p);
                    if i + 1 < elems.len() {
                        p.word(",");
                        p.space();
                    }
                }
                p.end();
                p.trailing_comma(true);
                p.offset(-INDENT);
                p.word("]");
                p.end();
            }
            Expr::Array(elems) => {
                p.word("[");
                p.cbox(INDENT);
                p.zerobreak();
                for (i, elem) in elems.iter().enumerate() {
                    elem.print(p);
                    p.trailing_comma(i + 1 == elems.len());
                }
                p.offset(-INDENT);
                p.end();
                p.word("]");
            }
            Expr::Ref(e) => {
                p.word("&");
                e.print(p);
            }
            Expr::Neg(e) => {
                p.word("-");
                e.print(p);
            }
            Expr::Closure(params, body) => {
                // prettyplease's `expr_closure`, for a body that is not block-like.
                p.ibox(0);
                p.cbox(INDENT);
                p.word("|");
                for (i, param) in params.iter().enumerate() {
                    if i == 0 {
                        p.zerobreak();
                    }
                    p.word(*param);
                    if i + 1 < params.len() {
                        p.word(",");
                        p.space();
                    }
                }
                p.word("|");
                p.space();
                p.offset(-INDENT);
                p.end();
                p.neverbreak();
                body.print(p);
                p.end();
            }
            Expr::Tuple(elems) => {
                p.word("(");
                p.cbox(INDENT);
                p.zerobreak();
                for (i, elem) in elems.iter().enumerate() {
                    elem.print(p);
                    if elems.len() == 1 {
                        p.word(",");
                        p.zerobreak();
                    } else {
                        p.trailing_comma(i + 1 == elems.len());
                    }
                }
                p.offset(-INDENT);
                p.end();
                p.word(")");
            }
            Expr::MethodTry(receiver, method, arg) => {
                // prettyplease's `expr_method_call` (not at the beginning of a line), then
                // `?`.
                p.cbox(INDENT);
                p.word(*receiver);
                p.zerobreak();
                p.word(".");
                p.word(*method);
                p.cbox(0);
                p.word("(");
                p.cbox(INDENT);
                p.zerobreak();
                p.word(arg.clone());
                p.trailing_comma(true);
                p.offset(-INDENT);
                p.end();
                p.word(")");
                p.end();
                p.end();
                p.word("?");
            }
            Expr::Struct(path, fields) => {
                p.cbox(INDENT);
                p.ibox(-INDENT);
                p.word(path.clone());
                p.end();
                p.word(" {");
                p.space_if_nonempty();
                for (i, (member, value)) in fields.iter().enumerate() {
                    p.word(member.clone());
                    // `name: name` is written `name` (shorthand).
                    if !matches!(value, Expr::Word(w) if w == member) {
                        p.word(": ");
                        p.ibox(0);
                        value.print(p);
                        p.end();
                    }
                    p.trailing_comma_or_space(i + 1 == fields.len());
                }
                p.offset(-INDENT);
                p.end_with_max_width(34);
                p.word("}");
            }
        }
    }
}

/// A string literal as proc-macro2 writes it (`Literal::string`): `char::escape_debug`,
/// except that `'` stays as it is and NUL is `\0` (`\x00` before an octal digit).
pub(crate) fn str_lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\0' if chars
                .as_str()
                .starts_with(|n: char| ('0'..='7').contains(&n)) =>
            {
                out.push_str("\\x00");
            }
            '\0' => out.push_str("\\0"),
            '\'' => out.push('\''),
            c => out.extend(c.escape_debug()),
        }
    }
    out.push('"');
    out
}

/// An item or statement `{head}{expr};` (a `const` or a `static`) on lines starting at
/// column `indent`, as prettyplease prints it (`item_const`, `item_static`).
pub(crate) fn push_item(out: &mut String, indent: usize, head: &str, expr: &Expr) {
    let mut p = Printer::new(indent);
    p.cbox(0);
    p.word(head.to_owned());
    p.neverbreak();
    expr.print(&mut p);
    p.word(";");
    p.end();
    p.hardbreak();
    out.push_str(&p.finish());
}

/// The tail expression of a block (its value), on lines starting at column `indent`.
pub(crate) fn push_tail(out: &mut String, indent: usize, expr: &Expr) {
    let mut p = Printer::new(indent);
    p.ibox(0);
    expr.print(&mut p);
    p.end();
    p.hardbreak();
    out.push_str(&p.finish());
}

/// A match arm `{pat} => {body},` at column `indent` (prettyplease's `arm`, for a body that
/// is not a block).
pub(crate) fn push_arm(out: &mut String, indent: usize, pat: &str, body: &Expr) {
    let mut p = Printer::new(indent);
    p.ibox(0);
    p.word(pat.to_owned());
    p.word(" => ");
    super::text::arm_body(&mut p, |p| body.print(p));
    p.end();
    p.hardbreak();
    out.push_str(&p.finish());
}

/// The widest line prettyplease leaves alone (its margin).
const MARGIN: usize = 89;

/// Appends lines of fixed-size code as they are, except the few kinds of line that name a
/// type and can outgrow the margin with a long type name (an `impl` header, a signature,
/// ...): those are laid out as prettyplease lays them out ([`relayout`]). A line that fits
/// the margin is what prettyplease prints for it: every box in it fits.
pub(crate) fn push_fixed(out: &mut String, text: &str) {
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        match (content.len() > MARGIN)
            .then(|| relayout(content))
            .flatten()
        {
            Some(laid_out) => out.push_str(&laid_out),
            None => out.push_str(line),
        }
    }
}

/// Marks where the layout of a header ends (its body starts).
const MARKER: &str = "\u{0}";

/// What prettyplease prints for one line of the fixed-size code that is wider than the
/// margin, for the kinds of line that can be; `None` for another line.
fn relayout(line: &str) -> Option<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let body = &line[indent..];
    let mut p = Printer::new(indent);
    let header = |p: &mut Printer| {
        p.word(" ");
        p.word("{");
        p.hardbreak_if_nonempty();
        p.word(MARKER);
    };
    if let Some(inner) = body
        .strip_prefix("impl ")
        .and_then(|r| r.strip_suffix(" {"))
    {
        // prettyplease's `item_impl`.
        p.cbox(INDENT);
        p.ibox(-INDENT);
        p.cbox(INDENT);
        p.word("impl");
        p.end();
        p.word(" ");
        let ty = match inner.split_once(" for ") {
            Some((tr, ty)) => {
                print_ty(&mut p, tr);
                p.space();
                p.word("for ");
                ty
            }
            None => inner,
        };
        print_ty(&mut p, ty);
        p.end();
        header(&mut p);
        p.end();
    } else if let Some(sig) = body
        .strip_suffix(" {")
        .filter(|b| b.starts_with("fn ") || b.starts_with("pub fn "))
    {
        // prettyplease's `impl_item_fn` and `signature`.
        let (vis, sig) = match sig.strip_prefix("pub ") {
            Some(rest) => (true, rest),
            None => (false, sig),
        };
        let sig = sig.strip_prefix("fn ")?;
        let (name, rest) = sig.split_once('(')?;
        let (args, ret) = rest.rsplit_once(')')?;
        p.cbox(INDENT);
        if vis {
            p.word("pub ");
        }
        p.word("fn ");
        p.word(name.to_owned());
        p.word("(");
        p.neverbreak();
        p.cbox(0);
        p.zerobreak();
        let args = split_top(args);
        for (i, arg) in args.iter().enumerate() {
            match arg.split_once(": ") {
                Some((pat, ty)) => {
                    p.word(pat.to_owned());
                    p.word(": ");
                    print_ty(&mut p, ty);
                }
                None => p.word(arg.to_string()),
            }
            p.trailing_comma(i + 1 == args.len());
        }
        p.offset(-INDENT);
        p.end();
        p.word(")");
        p.cbox(-INDENT);
        if let Some(ty) = ret.strip_prefix(" -> ") {
            p.word(" -> ");
            print_ty(&mut p, ty);
        }
        p.end();
        header(&mut p);
        p.end();
    } else if let Some(cond) = body
        .strip_prefix("match ")
        .and_then(|r| r.strip_suffix(" {"))
    {
        // prettyplease's `expr_match` of a call.
        let (func, arg) = cond.strip_suffix(')')?.split_once('(')?;
        p.ibox(0);
        p.word("match ");
        p.cbox(0);
        Expr::Call(func.to_owned(), vec![Expr::word(arg)]).print(&mut p);
        p.word(" ");
        p.end();
        p.word("{");
        p.neverbreak();
        p.cbox(INDENT);
        p.hardbreak_if_nonempty();
        p.word(MARKER);
        p.end();
        p.end();
    } else if let Some((pat, value)) = body.split_once(" => ") {
        let value = value.strip_suffix(',')?;
        let mut out = String::new();
        push_arm(&mut out, indent, pat, &Expr::word(value));
        return Some(out);
    } else if let Some(rest) = body.strip_prefix("pub struct ") {
        // prettyplease's `item_struct` of one unnamed public field.
        let (name, field) = rest.strip_suffix(");")?.split_once("(pub ")?;
        p.cbox(INDENT);
        p.word("pub ");
        p.word("struct ");
        p.word(name.to_owned());
        p.word("(");
        p.zerobreak();
        p.word("pub ");
        print_ty(&mut p, field);
        p.trailing_comma(true);
        p.offset(-INDENT);
        p.word(")");
        p.word(";");
        p.end();
        p.hardbreak();
    } else if let Some(rest) = body.strip_prefix("type ") {
        // prettyplease's `impl_item_type`.
        let (name, ty) = rest.strip_suffix(';')?.split_once(" = ")?;
        p.cbox(INDENT);
        p.word("type ");
        p.word(name.to_owned());
        p.word(" = ");
        p.neverbreak();
        p.ibox(-INDENT);
        print_ty(&mut p, ty);
        p.end();
        p.word(";");
        p.end();
        p.hardbreak();
    } else if let Some((base, index)) = body.strip_suffix(']').and_then(|b| b.split_once('[')) {
        // A tail expression `Path[a.b().c()]`: the index is a method chain.
        p.ibox(0);
        p.word(base.to_owned());
        p.word("[");
        let mut calls = index.split('.');
        p.cbox(INDENT);
        p.word(calls.next()?.to_owned());
        for call in calls {
            p.zerobreak();
            p.word(format!(".{call}"));
        }
        p.end();
        p.word("]");
        p.end();
        p.hardbreak();
    } else if let Some((func, arg)) = body.strip_suffix(')').and_then(|b| b.split_once('(')) {
        // A tail expression `path(arg)`.
        let mut out = String::new();
        push_tail(
            &mut out,
            indent,
            &Expr::Call(func.to_owned(), vec![Expr::word(arg)]),
        );
        return Some(out);
    } else {
        return None;
    }
    let text = p.finish();
    Some(match text.find(MARKER) {
        // A header: up to its last line break (the body's lines are the caller's).
        Some(at) => text[..at]
            .rfind('\n')
            .map_or(text[..at].to_owned(), |nl| text[..=nl].to_owned()),
        None => text,
    })
}

/// The comma-separated parts of `s` outside brackets.
fn split_top(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'<' | b'(' | b'[' => depth += 1,
            b'>' | b')' | b']' => depth -= 1,
            b',' if depth == 0 => {
                parts.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if !s[start..].trim().is_empty() {
        parts.push(s[start..].trim());
    }
    parts
}

/// A type of the fixed-size code (`&T`, `Path`, `Path<T>`), as prettyplease prints it.
fn print_ty(p: &mut Printer, ty: &str) {
    if let Some(rest) = ty.strip_prefix('&') {
        p.word("&");
        print_ty(p, rest);
    } else if let Some((base, arg)) = ty.strip_suffix('>').and_then(|t| t.split_once('<')) {
        p.word(base.to_owned());
        p.word("<");
        p.cbox(INDENT);
        p.zerobreak();
        print_ty(p, arg);
        p.trailing_comma(true);
        p.offset(-INDENT);
        p.end();
        p.word(">");
    } else {
        p.word(ty.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// String literals are written as proc-macro2 (and so the former `quote!`) wrote them.
    #[test]
    fn string_literals_are_proc_macro2s() {
        for s in [
            "",
            "plain",
            "quote \" backslash \\ apostrophe '",
            "\0",
            "\x001",
            "\x008",
            "\n\r\t\u{1}\u{7f}",
            "é 日本 🦀 \u{200b}\u{feff}\u{ad}\u{2028}e\u{301}\u{202e}",
        ] {
            assert_eq!(
                str_lit(s),
                proc_macro2::Literal::string(s).to_string(),
                "{s:?}"
            );
        }
    }
}
