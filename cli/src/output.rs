//! Terminal output (colours, `--quiet`), exit statuses and catalog loading shared by the
//! commands.

use crate::args::ColorChoice;
use anstyle::{AnsiColor, Style};
use errcat_catalog::diag::terminal_text;
use errcat_catalog::{Catalog, Loaded};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success (0).
    Ok,
    /// Findings: errors in the catalog, stale files, breaking changes (1).
    Findings,
    /// A usage error or unreadable input (2).
    Usage,
}

impl Exit {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::Usage => 2,
        }
    }
}

/// A failure that ends the command with exit status 2, with the message to print.
#[derive(Debug)]
pub(crate) struct Fail(pub String);

pub(crate) type Result<T> = std::result::Result<T, Fail>;

/// Where output goes, with colours decided once per stream.
pub(crate) struct Term {
    /// Colours on stdout.
    pub color_out: bool,
    /// Colours on stderr.
    pub color_err: bool,
    /// `--quiet`.
    pub quiet: bool,
}

pub(crate) const BOLD: Style = Style::new().bold();
pub(crate) const RED: Style = AnsiColor::Red.on_default().bold();
pub(crate) const GREEN: Style = AnsiColor::Green.on_default();
pub(crate) const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
pub(crate) const CYAN: Style = AnsiColor::Cyan.on_default();

impl Term {
    pub fn new(choice: ColorChoice, quiet: bool) -> Term {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let decide = |tty: bool| match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        Term {
            color_out: decide(std::io::stdout().is_terminal()),
            color_err: decide(std::io::stderr().is_terminal()),
            quiet,
        }
    }

    /// Writes to stdout (a closed pipe is not an error worth a panic).
    pub fn out(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }

    /// Writes to stderr.
    pub fn err(&self, text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }

    /// `style` applied to `text` on stdout, when colours are on.
    pub fn paint_out(&self, style: Style, text: &str) -> String {
        paint(self.color_out, style, text)
    }

    /// `style` applied to `text` on stderr, when colours are on.
    pub fn paint_err(&self, style: Style, text: &str) -> String {
        paint(self.color_err, style, text)
    }

    /// `error: message` on stderr (control characters in the message made visible: it
    /// may quote the catalog).
    pub fn error(&self, message: &str) {
        self.err(&format!(
            "{}: {}\n",
            self.paint_err(RED, "error"),
            terminal_text(message)
        ));
    }

    /// A progress or summary line on stderr, unless `--quiet` (control characters made
    /// visible).
    pub fn info(&self, message: &str) {
        if !self.quiet {
            self.err(&format!("{}\n", terminal_text(message)));
        }
    }
}

/// `text` in `style` when `on`. The text's own control characters are made visible
/// first ([`terminal_text`]): what is painted is often catalog text, and the only escape
/// sequences errcat prints are its own styles.
pub(crate) fn paint(on: bool, style: Style, text: &str) -> String {
    let text = terminal_text(text);
    if on {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.into_owned()
    }
}

/// Prints a loaded catalog's diagnostics on stderr (warnings only without `--quiet`).
pub(crate) fn print_diagnostics(term: &Term, loaded: &Loaded) {
    for d in loaded.diagnostics.iter() {
        if d.is_error() || !term.quiet {
            term.err(&d.render(&loaded.sources, term.color_err));
            term.err("\n\n");
        }
    }
}

/// Whether the catalog could not be read at all (a missing file, an unreadable include):
/// unreadable input, exit 2, rather than a catalog with errors, exit 1.
pub(crate) fn unreadable(loaded: &Loaded) -> bool {
    loaded.diagnostics.iter().any(|d| d.rule == "io")
}

/// The exit status for a catalog that has errors.
pub(crate) fn failed_load(term: &Term, loaded: &Loaded, path: &Path) -> Exit {
    let (errors, _) = loaded.diagnostics.counts();
    let what = if errors == 1 { "error" } else { "errors" };
    term.error(&format!(
        "could not load `{}` due to {errors} {what}",
        path.display()
    ));
    if unreadable(loaded) {
        Exit::Usage
    } else {
        Exit::Findings
    }
}

/// Loads a catalog from disk, printing its diagnostics; `Err` is the exit status when it
/// has errors.
pub(crate) fn load(term: &Term, path: &Path) -> std::result::Result<Catalog, Exit> {
    load_with_sources(term, path).map(|(catalog, _)| catalog)
}

/// [`load`], with the files on disk the catalog is made of (which no output may be).
pub(crate) fn load_with_sources(
    term: &Term,
    path: &Path,
) -> std::result::Result<(Catalog, Vec<PathBuf>), Exit> {
    let loaded = errcat_catalog::load(path);
    print_diagnostics(term, &loaded);
    let sources = loaded.sources.disk_paths().map(Path::to_path_buf).collect();
    match loaded.catalog {
        Some(catalog) => Ok((catalog, sources)),
        None => Err(failed_load(term, &loaded, path)),
    }
}
