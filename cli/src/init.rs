//! `errcat init`: a commented starter catalog.

use crate::args::InitArgs;
use crate::output::{Exit, Fail, Result, Term};
use std::io::Write;

pub(crate) fn init(term: &Term, args: &InitArgs) -> Result<Exit> {
    let path = &args.path;
    // `create_new` refuses an existing file atomically (no check-then-write race).
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Fail(format!(
                "`{}` already exists; errcat init never overwrites a file",
                path.display()
            )));
        }
        Err(e) => return Err(Fail(format!("cannot create `{}`: {e}", path.display()))),
    };
    file.write_all(crate::SCAFFOLD.as_bytes())
        .map_err(|e| Fail(format!("cannot write `{}`: {e}", path.display())))?;
    term.info(&format!(
        "wrote {p}\nnext: errcat lint {p}, then errcat generate {p} --rust src/errors.rs --markdown docs/errors.md",
        p = path.display()
    ));
    Ok(Exit::Ok)
}
