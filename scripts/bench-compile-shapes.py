#!/usr/bin/env python3
"""What each shape of generated code costs rustc (docs/performance.md, section 2).

    scripts/bench-compile-shapes.py [N] [SHAPE...]      (default N = 5000)

Writes one stand-alone crate per SHAPE under target/bench-compile-shapes/ (N synthetic
errors: a third without fields, a third with one String, a third with four numeric and
boolean fields, an 11-line doc comment each) and prints the CPU seconds (user+sys, best of
2) of `cargo clean -p` + `cargo build` of each. A SHAPE joins parts with `+`:

  docs      11-line `///` docs per variant (else one line)   debug    derive(Debug)
  clone     derive(Clone, PartialEq)    cl      derive(Clone)
  index     one `Self::A => 0` arm per variant
  visit     one arm per variant calling a `&mut dyn FnMut(u32, &[Arg])`
  args      `fn args(&self) -> [Arg; 4]`, one arm per variant with fields
  argsor    the same, variants of one field shape joined in one or-pattern arm
  cols      per-error strings as six `[&str; N]` arrays
  blob      per-error strings as one string literal + one byte-string literal
  disp      Display through `visit` and the message column (with visit+cols)

These were the experiments behind the packed-table design of the generated code; the
crates depend on nothing (the tiny run time they need is inline), so only the shape is
measured. Add --release as the first argument for release builds.
"""
import os, subprocess, sys, time

def write_crate(n, variant, out):
    parts = set(variant.split('+'))
    os.makedirs(out + "/src", exist_ok=True)
    open(out + "/Cargo.toml", "w").write(f'[package]\nname = "shape-{os.path.basename(out)}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n[dependencies]\n[workspace]\n')
    nouns = ["invoice","account","payment","webhook","session","project","api_key","report"]
    errs = []
    for i in range(n):
        noun = nouns[i % 8]; kind = ["not_found","invalid","conflict"][ (i//8) % 3]
        code = f"{noun}_{kind}_{i}"
        name = "".join(w.capitalize() for w in code.split("_"))
        k = i % 3
        if k == 0: fields = []; msg = f"The {code.replace('_',' ')} request failed (case {i})"
        elif k == 1: fields = [("id","String","Str")]; msg = f"Resource '{{id}}' is not usable for {code.replace('_',' ')}"
        else: fields = [("limit","u64","U64"),("used","i64","I64"),("ratio","f64","F64"),("strict","bool","Bool")]; msg = "Limit of {limit} reached after {used} calls ({ratio} used, strict: {strict})"
        errs.append((code, name, fields, msg, i))
    o = []
    w = o.append
    w("#![allow(dead_code)]\n")
    w("#[derive(Clone, Copy, Debug)] pub enum Arg<'a> { Str(&'a str), U64(u64), I64(i64), F64(f64), Bool(bool) }\n")
    w("impl core::fmt::Display for Arg<'_> { fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { match self { Arg::Str(s) => f.write_str(s), Arg::U64(x) => core::fmt::Display::fmt(x, f), Arg::I64(x) => core::fmt::Display::fmt(x, f), Arg::F64(x) => core::fmt::Display::fmt(x, f), Arg::Bool(x) => core::fmt::Display::fmt(x, f) } } }\n")
    derives = []
    if 'debug' in parts: derives.append("Debug")
    if 'clone' in parts: derives += ["Clone", "PartialEq"]
    if 'cl' in parts: derives += ["Clone"]
    if 'docblock' in parts:
        pass
    w("/// The errors.\n")
    if derives: w(f"#[derive({', '.join(derives)})]\n")
    w("pub enum E {\n")
    for code, name, fields, msg, i in errs:
        doc = [f"Title of {code} (`{code}`)", "", f"- Status: `404 Not Found`", f"- Message: `{msg}`", f"- Docs: <https://docs.example.com/errors#{code}>", "", f"What went wrong with {code}, explained in a sentence or two of prose.", "", "# Remediation", "", f"Fix the {code} input and retry."]
        if 'docs' in parts:
            for l in doc: w(f"    ///{' ' + l if l else ''}\n")
        elif 'docblock' in parts:
            w("    /** " + "\n    ".join(doc) + " */\n")
        elif 'docstr' in parts:
            s = "\\n".join(doc).replace('"','\\"')
            w(f'    #[doc = "{s}"]\n')
        else:
            w(f"    /// `{code}`.\n")
        if fields:
            w(f"    {name} {{\n")
            for f, t, _ in fields:
                w(f"        /// {f}\n        {f}: {t},\n")
            w("    },\n")
        else:
            w(f"    {name},\n")
    w("}\n")
    if 'index' in parts:
        w("impl E { #[inline] pub fn index(&self) -> usize { match self {\n")
        for code, name, fields, msg, i in errs:
            w(f"    Self::{name}{' { .. }' if fields else ''} => {i},\n")
        w("} } }\n")
    if 'visit' in parts:
        w("impl E { pub fn visit(&self, f: &mut dyn FnMut(u32, &[Arg<'_>])) { match self {\n")
        for code, name, fields, msg, i in errs:
            if fields:
                pat = ", ".join(f for f,_,_ in fields)
                args = ", ".join(f"Arg::{v}({'' if v=='Str' else '*'}{f})" for f,_,v in fields)
                w(f"    Self::{name} {{ {pat} }} => f({i}, &[{args}]),\n")
            else:
                w(f"    Self::{name} => f({i}, &[]),\n")
        w("} } }\n")
    if 'args' in parts:
        w("impl E { pub fn args(&self) -> [Arg<'_>; 4] { const N: Arg<'static> = Arg::Bool(false); match self {\n")
        for code, name, fields, msg, i in errs:
            if fields:
                pat = ", ".join(f for f,_,_ in fields)
                args = [f"Arg::{v}({'' if v=='Str' else '*'}{f})" for f,_,v in fields] + ["N"]*(4-len(fields))
                w(f"    Self::{name} {{ {pat} }} => [{', '.join(args)}],\n")
        w("    _ => [N; 4], } } }\n")
    if 'argsor' in parts:
        w("impl E { pub fn args(&self) -> [Arg<'_>; 4] { const N: Arg<'static> = Arg::Bool(false); match self {\n")
        shapes = {}
        for code, name, fields, msg, i in errs:
            if fields: shapes.setdefault(tuple(fields), []).append(name)
        for fields, names in shapes.items():
            pat = ", ".join(f for f,_,_ in fields)
            args = [f"Arg::{v}({'' if v=='Str' else '*'}{f})" for f,_,v in fields] + ["N"]*(4-len(fields))
            w("    " + "\n    | ".join(f"Self::{nm} {{ {pat} }}" for nm in names) + f" => [{', '.join(args)}],\n")
        w("    _ => [N; 4], } } }\n")
    if 'cols' in parts:
        def col(name, ty, vals): w(f"pub static {name}: [{ty}; {len(vals)}] = [\n" + "".join(f"    {v},\n" for v in vals) + "];\n")
        q = lambda s: '"' + s.replace('\\','\\\\').replace('"','\\"') + '"'
        col("CODES", "&str", [q(e[0]) for e in errs])
        col("TITLES", "&str", [q("Title of " + e[0]) for e in errs])
        col("MESSAGES", "&str", [q(e[3]) for e in errs])
        col("DESCS", "&str", [q(f"What went wrong with {e[0]}, explained in a sentence or two of prose.") for e in errs])
        col("REMS", "&str", [q(f"Fix the {e[0]} input and retry.") for e in errs])
        col("URLS", "&str", [q(f"https://docs.example.com/errors#{e[0]}") for e in errs])
        col("STATUS", "u16", ["404" for e in errs])
        col("FLAGS", "u8", ["0" for e in errs])
    if 'blob' in parts:
        strs = []; recs = []
        for e in errs:
            for s in [e[0], "Title of " + e[0], e[3], f"What went wrong with {e[0]}, explained in a sentence or two of prose.", f"Fix the {e[0]} input and retry.", f"https://docs.example.com/errors#{e[0]}"]:
                recs.append(len(s)); strs.append(s)
        s = "".join(strs).replace('\\','\\\\').replace('"','\\"')
        w(f'pub static STRS: &str = "{s}";\n')
        b = "".join(f"\\x{x & 255:02x}\\x{x >> 8:02x}" for x in recs)
        w(f'pub static RECS: &[u8] = b"{b}";\n')
    if 'disp' in parts:
        w("impl core::fmt::Display for E { fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { let mut r = Ok(()); self.visit(&mut |i, a| { r = f.write_str(MESSAGES[i as usize]); for x in a { let _ = core::fmt::Display::fmt(x, f); } }); r } }\n")
    open(out + "/src/lib.rs", "w").write("".join(o))


def cpu_seconds(manifest, flags):
    env = dict(os.environ, CARGO_TARGET_DIR=TARGET)
    name = "shape-" + os.path.basename(os.path.dirname(manifest))
    subprocess.run(["cargo", "build", "-q", *flags, "--manifest-path", manifest], env=env, check=True)
    best = None
    for _ in range(2):
        subprocess.run(["cargo", "clean", "-q", *flags, "-p", name, "--manifest-path", manifest], env=env, check=True)
        before = os.times()
        subprocess.run(["cargo", "build", "-q", *flags, "--manifest-path", manifest], env=env, check=True)
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        best = cpu if best is None else min(best, cpu)
    return best

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "bench-compile-shapes")
TARGET = os.path.join(ROOT, "target")

if __name__ == "__main__":
    args = sys.argv[1:]
    flags = []
    if args and args[0] == "--release":
        flags, args = ["--release"], args[1:]
    n = int(args[0]) if args else 5000
    shapes = args[1:] or ["none", "docs", "debug+docs", "docs+index", "docs+visit", "docs+args",
                          "docs+argsor", "docs+cl", "docs+cols", "docs+blob",
                          "docs+index+argsor+blob+cl"]
    for shape in shapes:
        out = os.path.join(ROOT, f"{n}-" + shape.replace("+", "_"))
        write_crate(n, shape, out)
        print(f"{n:>6} {'release' if flags else 'debug':8} {shape:32} {cpu_seconds(os.path.join(out, 'Cargo.toml'), flags):6.2f} s CPU", flush=True)
