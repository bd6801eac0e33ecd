//! Every key of the format given a value of every TOML type: the diagnostics (rule,
//! message, span, label, help, notes) of each case, one line each, in a snapshot. The
//! snapshot was recorded while serde read the raw types; the loader's own readers must
//! say exactly the same.
//!
//! `values_of_every_type` covers each key with one value of each TOML type. The ignored
//! `values_of_every_type_and_shape` adds edge values (integers beyond 64 and 128 bits,
//! floats that overflow, infinities, dates, times) and nests each in an array and an
//! inline table; it writes its report to the path in `ERRCAT_VALUES_OUT`, to compare two
//! versions of the loader by hand.

use errcat_catalog::{load_str, raw};
use std::fmt::Write as _;

/// A table of the format as a case writes it: the table's name in `raw::tables()`, the
/// text that opens it (tables it lives in included) and its required keys, each written
/// with a valid value.
struct Table {
    name: &'static str,
    open: &'static str,
    required: &'static [(&'static str, &'static str)],
}

const ERROR: &str = "[statuses.400]\n[errors.e]\nstatus = 400\nmessage = \"m\"\n";

const TABLES: &[Table] = &[
    Table {
        name: "top level",
        open: "",
        required: &[],
    },
    Table {
        name: "[catalog]",
        open: "[catalog]\n",
        required: &[("name", "\"T\""), ("extends", "\"http\"")],
    },
    Table {
        name: "[rust]",
        open: "[rust]\n",
        required: &[],
    },
    Table {
        name: "[attributes.NAME]",
        open: "[attributes.a]\n",
        required: &[("type", "\"string\"")],
    },
    Table {
        name: "[statuses.CODE]",
        open: "[statuses.404]\n",
        required: &[],
    },
    Table {
        name: "[errors.CODE]",
        open: "[statuses.400]\n[errors.e]\n",
        required: &[("status", "400"), ("message", "\"m\"")],
    },
    Table {
        name: "[errors.CODE.fields.NAME]",
        open: "[errors.e.fields.f]\n",
        required: &[("type", "\"string\"")],
    },
    Table {
        name: "[errors.CODE.deprecated]",
        open: "[errors.e.deprecated]\n",
        required: &[],
    },
    Table {
        name: "[[errors.CODE.examples]]",
        open: "[[errors.e.examples]]\n",
        required: &[],
    },
    Table {
        name: "[body]",
        open: "[body]\n",
        required: &[],
    },
    Table {
        name: "[success]",
        open: "[success]\n",
        required: &[("template", "{ data = \"{content}\" }")],
    },
    Table {
        name: "[docs]",
        open: "[docs]\n",
        required: &[],
    },
    Table {
        name: "[docs.headings]",
        open: "[docs.headings]\n",
        required: &[],
    },
    Table {
        name: "[docs.columns]",
        open: "[docs.columns]\n",
        required: &[],
    },
    Table {
        name: "[docs.labels]",
        open: "[docs.labels]\n",
        required: &[],
    },
    Table {
        name: "[context.NAME]",
        open: "[context.c]\n",
        required: &[],
    },
    Table {
        name: "[groups.NAME]",
        open: "[groups.g]\n",
        required: &[
            ("status", "400"),
            ("errors", "[\"e\"]"),
            ("template", "{ errors = \"{items}\" }"),
            ("item", "{ code = \"{code}\" }"),
        ],
    },
    Table {
        name: "[[docs.snippets]]",
        open: "[[docs.snippets]]\n",
        required: &[("title", "\"t\""), ("code", "\"c\"")],
    },
    Table {
        name: "[[docs.sections]]",
        open: "[[docs.sections]]\n",
        required: &[("title", "\"t\""), ("body", "\"b\"")],
    },
    Table {
        name: "[operations.ID]",
        open: "[operations.op]\n",
        required: &[],
    },
    Table {
        name: "[openapi]",
        open: "[openapi]\n",
        required: &[],
    },
    Table {
        name: "[[openapi.servers]]",
        open: "[[openapi.servers]]\n",
        required: &[("url", "\"https://x.example\"")],
    },
    Table {
        name: "[openapi.license]",
        open: "[openapi.license]\n",
        required: &[("name", "\"MIT\"")],
    },
    Table {
        name: "[openapi.contact]",
        open: "[openapi.contact]\n",
        required: &[],
    },
];

/// One value of each TOML type.
const VALUES: &[&str] = &[
    "\"s\"",
    "5",
    "1.5",
    "true",
    "1979-05-27T07:32:00Z",
    "[1]",
    "{ a = 1 }",
];

/// Values at the edges of the types, and the shapes the format uses.
const EDGE_VALUES: &[&str] = &[
    "\"q\\\"\\u00e9\\n\"",
    "''",
    "-5",
    "0x1F",
    "0",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "-170141183460469231731687303715884105729",
    "-0.0",
    "1e400",
    "inf",
    "-inf",
    "nan",
    "false",
    "1979-05-27",
    "07:32:00",
    "1979-05-27T07:32:00",
    "[]",
    "[\"a\"]",
    "[1, \"a\"]",
    "[[1]]",
    "[{}]",
    "[{ a = 1 }]",
    "{}",
    "{ a = \"s\" }",
    "{ type = \"string\" }",
    "{ a = [1] }",
];

/// The text of the case that sets `key` of `table` to `value`: the catalog's required
/// keys, the table's own (but `key`), then `key = value`.
fn case(table: &Table, key: &str, value: &str) -> String {
    let mut text = String::new();
    if table.name == "top level" {
        writeln!(text, "{key} = {value}").unwrap();
        if key != "catalog" {
            text.push_str("[catalog]\nname = \"T\"\nextends = \"http\"\n");
        }
        return text;
    }
    if table.name != "[catalog]" {
        text.push_str("[catalog]\nname = \"T\"\nextends = \"http\"\n");
    }
    let nested =
        table.name.starts_with("[errors.CODE.") || table.name.starts_with("[[errors.CODE.");
    if nested || table.name == "[groups.NAME]" {
        text.push_str(ERROR);
    }
    text.push_str(table.open);
    for (k, v) in table.required {
        if *k != key {
            writeln!(text, "{k} = {v}").unwrap();
        }
    }
    writeln!(text, "{key} = {value}").unwrap();
    text
}

/// The cases with a required key left out, alone or with a key the table does not have.
fn missing_cases(out: &mut Vec<String>) {
    for table in TABLES {
        for (missing, _) in table.required {
            for extra in ["", "zzz = 1\n", "x = 1\n"] {
                let mut text = case(table, missing, "0");
                let end = text.rfind(&format!("{missing} = 0\n")).unwrap();
                text.truncate(end);
                text.push_str(extra);
                // A misspelling of the missing key.
                if extra == "x = 1\n" {
                    text = text.replace("x = 1\n", &format!("{missing}x = 1\n"));
                }
                out.push(text);
            }
        }
    }
}

/// Cases with several mistakes in one table, or a value where a table belongs.
const MORE_CASES: &[&str] = &[
    "[errors.e]\nstatus = \"x\"\nmessage = 5\n",
    "[errors.e]\nmessage = 5\nstatus = \"x\"\n",
    "[errors.e]\nstatus = \"x\"\n",
    "[errors.e]\nmesage = \"m\"\nstatus = \"x\"\n",
    "[errors.e]\nretryable = 1\nstatus = 400\nmessage = \"m\"\nfields.f = { type = 5 }\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nfields.f = { description = 5 }\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nfields.f = {}\nfields.g = { type = 1 }\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nexamples = [{ values = { a = [1] } }, { omit = 5 }]\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nexamples = [5, { summary = 1 }]\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nbody = { a = [1, { b = 1979-05-27 }] }\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nbody = { a = 1e400 }\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nitem = [340282366920938463463374607431768211456]\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nzzz = 340282366920938463463374607431768211456\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nzzz = 1e400\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nzzz = { a = 1e400 }\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\ndeprecated = 1979-05-27\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nfields.f = 1979-05-27\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nattributes = 1979-05-27\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nattributes = { a = 1, b = [1] }\n",
    "[errors.e]\nstatus = 400\nmessage = \"m\"\nheaders = { \"X-A\" = 1 }\n",
    "[errors]\ne = 5\nf = { status = 400 }\ng = { message = 5 }\n",
    "errors = 5\n",
    "errors = [{ status = 400 }]\n",
    "[operations]\ncommon = [5]\nunrouted = \"x\"\nop = 5\nop2 = { errors = 5 }\nop3 = { method = 1, path = 2 }\n",
    "operations = 1979-05-27\n",
    "[docs]\nsnippets = [{ title = 1 }, { code = \"c\" }]\nsections = [{}]\n",
    "[docs]\nheadings = 1979-05-27\ncolumns = { type = 5 }\n",
    "[openapi]\nservers = [{ url = 1 }]\nlicense = { url = 1 }\ncontact = 1979-05-27\n",
    "[catalog]\nname = \"T\"\nretired_replaced_by = { a = 1 }\ninclude = \"x\"\n",
    "[lints]\na = 1\nb = [\"x\"]\n",
    "[lints.a]\nb = 1\n",
    "[statuses.404]\naliases = [1, 2]\nattributes = { a = {} }\n",
    "[groups.g]\nstatus = 400\nerrors = []\n",
    "[groups.g]\nstatus = 400\ntemplate = 1\n",
    "[body]\ntemplate = { a = { b = [{ c = 340282366920938463463374607431768211456 }] } }\n",
    "[success]\n",
    "[success]\ntemplate = 1979-05-27\n",
    "[attributes.a]\nvalues = [1, [2]]\n",
];

/// `case text => diagnostics`, one diagnostic a line (and the catalog, with `model`).
fn report(texts: &[String], model: bool) -> String {
    let mut out = String::new();
    for text in texts {
        let loaded = load_str("errors.toml", text);
        writeln!(out, "{text:?}").unwrap();
        for d in loaded.diagnostics.iter() {
            write!(out, "  {}[{}] {}", d.severity.as_str(), d.rule, d.message).unwrap();
            for (what, label) in d
                .primary
                .iter()
                .map(|l| ("at", l))
                .chain(d.secondary.iter().map(|l| ("also", l)))
            {
                let (_, line, col) = loaded.sources.location(label.span);
                let written = loaded.sources.text(label.span);
                write!(out, " | {what} {line}:{col} {written:?}: {}", label.message).unwrap();
            }
            if let Some(help) = &d.help {
                write!(out, " | help: {help}").unwrap();
            }
            for note in &d.notes {
                write!(out, " | note: {note}").unwrap();
            }
            out.push('\n');
        }
        if let Some(catalog) = &loaded.catalog {
            out.push_str("  (a catalog)\n");
            if model {
                writeln!(out, "  {catalog:?}").unwrap();
            }
        }
    }
    out
}

fn cases(values: &[&str], shapes: bool) -> Vec<String> {
    let mut texts = Vec::new();
    for (name, keys) in raw::tables() {
        let table = TABLES
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("no case opens {name}"));
        for key in keys {
            for value in values {
                texts.push(case(table, key, value));
                if shapes {
                    texts.push(case(table, key, &format!("[{value}]")));
                    texts.push(case(table, key, &format!("{{ k = {value} }}")));
                }
            }
        }
    }
    missing_cases(&mut texts);
    texts.extend(MORE_CASES.iter().map(|t| (*t).to_owned()));
    texts
}

#[test]
fn values_of_every_type() {
    let texts = cases(VALUES, false);
    assert!(texts.len() > 900, "{} cases", texts.len());
    insta::assert_snapshot!(report(&texts, false));
}

#[test]
#[ignore = "a comparison by hand: writes its report to $ERRCAT_VALUES_OUT"]
fn values_of_every_type_and_shape() {
    let values: Vec<&str> = VALUES.iter().chain(EDGE_VALUES).copied().collect();
    let texts = cases(&values, true);
    let out = std::env::var("ERRCAT_VALUES_OUT").expect("ERRCAT_VALUES_OUT");
    std::fs::write(out, report(&texts, true)).unwrap();
}
