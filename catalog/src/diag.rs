//! Diagnostics: what went wrong, where, and how to fix it, rendered as rustc renders its
//! own (`path:line:col`, the source line, a caret, a help line) by `annotate-snippets`, the
//! renderer rustc itself uses.

use crate::rules::{self, Level};
use crate::source::{Sources, Span};
use annotate_snippets::{AnnotationKind, Group, Renderer, Snippet};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The catalog cannot be used; nothing is generated.
    Error,
    /// Worth a look; generation proceeds.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A span with a message of its own.
#[derive(Debug, Clone)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What about it (may be empty).
    pub message: String,
}

/// One problem found in a catalog.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning (after the catalog's `[lints]` table was applied).
    pub severity: Severity,
    /// The rule's name, as listed in `errcat lint --explain` and the `[lints]` table.
    pub rule: &'static str,
    /// One line saying what is wrong.
    pub message: String,
    /// The span the problem is at, when it is at one.
    pub primary: Option<Label>,
    /// Other places worth showing (the first definition of a duplicate, ...).
    pub secondary: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
    /// Further facts.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic for `rule` with its default severity.
    pub fn new(rule: &'static str, message: impl Into<String>) -> Self {
        let severity = match rules::default_level(rule) {
            Level::Deny => Severity::Error,
            _ => Severity::Warning,
        };
        Diagnostic {
            severity,
            rule,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
            notes: Vec::new(),
        }
    }

    /// Points the diagnostic at `span`, with a label.
    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some(Label {
            span,
            message: label.into(),
        });
        self
    }

    /// Adds a secondary span.
    pub fn also(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: label.into(),
        });
        self
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a note line.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `(path, line, column)` of the primary span, 1-based.
    pub fn location(&self, sources: &Sources) -> Option<(String, usize, usize)> {
        self.primary.as_ref().map(|l| sources.location(l.span))
    }

    /// Renders the diagnostic as rustc would, with ANSI colours when `color` is set.
    pub fn render(&self, sources: &Sources, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let level = match self.severity {
            Severity::Error => annotate_snippets::Level::ERROR,
            Severity::Warning => annotate_snippets::Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str()).id(self.rule);
        let mut group = Group::with_title(title);
        // One snippet per file, primary file first; annotate-snippets folds the lines between.
        let mut files = Vec::new();
        if let Some(p) = &self.primary {
            files.push(p.span.file);
        }
        for s in &self.secondary {
            if !files.contains(&s.span.file) {
                files.push(s.span.file);
            }
        }
        for file in files {
            let src = sources.get(file);
            // annotate-snippets makes source lines and messages terminal-safe, not paths,
            // and an include names its file.
            let path = terminal_text(&src.path.display().to_string()).into_owned();
            let text_len = src.text.len();
            let clamp = |span: Span| {
                let start = (span.start as usize).min(text_len);
                start..(span.end as usize).clamp(start, text_len)
            };
            // Only the lines the annotations cover go to annotate-snippets (which walks all
            // of the text it is given): rendering the whole file for every diagnostic made
            // a catalog with many mistakes quadratic (10,000 typos: 17 s; docs/robustness.md).
            let spans = self
                .primary
                .iter()
                .chain(&self.secondary)
                .filter(|l| l.span.file == file)
                .map(|l| clamp(l.span));
            let (lo, hi) = spans.fold((text_len, 0), |(lo, hi), r| {
                (lo.min(r.start), hi.max(r.end))
            });
            let (window, line_start) = src.line_window(lo.min(hi), hi);
            let clamp = |span: Span| {
                let r = clamp(span);
                r.start - window.start..r.end - window.start
            };
            let mut snippet = Snippet::source(&src.text[window.clone()])
                .line_start(line_start)
                .path(path)
                .fold(true);
            if let Some(p) = self.primary.as_ref().filter(|p| p.span.file == file) {
                snippet = snippet.annotation(
                    AnnotationKind::Primary
                        .span(clamp(p.span))
                        .label(non_empty(&p.message)),
                );
            }
            for s in self.secondary.iter().filter(|s| s.span.file == file) {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(clamp(s.span))
                        .label(non_empty(&s.message)),
                );
            }
            group = group.element(snippet);
        }
        for note in &self.notes {
            group = group.element(annotate_snippets::Level::NOTE.message(note.as_str()));
        }
        if let Some(help) = &self.help {
            group = group.element(annotate_snippets::Level::HELP.message(help.as_str()));
        }
        renderer.render(&[group])
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// Collects diagnostics so that every problem is reported before failing (serde_derive's
/// `Ctxt`), and applies the catalog's `[lints]` levels.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    /// Applies lint levels: drops allowed lints, turns denied ones into errors.
    pub(crate) fn apply_levels(&mut self, level_of: impl Fn(&'static str) -> Option<Level>) {
        self.list.retain_mut(|d| match level_of(d.rule) {
            Some(Level::Allow) => d.is_error(),
            Some(Level::Deny) => {
                d.severity = Severity::Error;
                true
            }
            Some(Level::Warn) | None => true,
        });
    }

    /// Sorts by file, then position, errors first at equal positions: a stable order
    /// for output and snapshots whatever order the checks ran in.
    pub(crate) fn sort(&mut self) {
        self.list.sort_by_key(|d| {
            let pos = d.primary.as_ref().map(|l| (l.span.file, l.span.start));
            (pos.is_none(), pos, d.severity)
        });
    }

    /// The diagnostics in report order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.list.iter()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Counts of errors and warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.list.iter().filter(|d| d.is_error()).count();
        (errors, self.list.len() - errors)
    }

    /// Renders every diagnostic, each followed by a blank line. The caller adds the
    /// closing summary line it wants (rustc's `error: could not compile ... due to 2
    /// previous errors`), using [`Diagnostics::counts`].
    pub fn render(&self, sources: &Sources, color: bool) -> String {
        let mut out = String::new();
        for d in &self.list {
            out.push_str(&d.render(sources, color));
            out.push_str("\n\n");
        }
        out
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

/// Catalog text made safe to print on a terminal, as diagnostics show it: every control
/// character but line feed and tab becomes its visible Unicode "control picture" (ESC is
/// `␛`, BEL `␇`, backspace `␈`, carriage return `␍`, DEL `␡`), C1 controls (U+0080-U+009F,
/// which some terminals read as ESC sequences) are written `\u{9b}`, and bidirectional
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069) become `�`: the same table
/// annotate-snippets (rustc's renderer) applies to the source lines it shows, so no
/// catalog can clear the screen, set the window title or hide text through `explain`,
/// `diff` or a diagnostic.
///
/// ```
/// use errcat_catalog::diag::terminal_text;
///
/// assert_eq!(terminal_text("plain\ttext\n"), "plain\ttext\n");
/// assert_eq!(terminal_text("\u{1b}]0;pwned\u{7}\u{1b}[2J"), "␛]0;pwned␇␛[2J");
/// assert_eq!(terminal_text("a\u{9b}31m\u{202e}b"), "a\\u{9b}31m�b");
/// ```
pub fn terminal_text(text: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            // U+2400 + n is the control picture of C0 control n.
            '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            _ => out.push('\u{fffd}'),
        }
    }
    std::borrow::Cow::Owned(out)
}
