#!/usr/bin/env python3
"""Checks every example catalog's OpenAPI document (3.1 and 3.0.3) with the tools users run,
with their default options (.ci/run calls this; run it from anywhere in the repository):

1. openapi-spec-validator accepts it;
2. `redocly lint` with the recommended rules reports no error;
3. datamodel-code-generator (`--input-file-type openapi`) writes Python models, and every
   example value of every response validates against the model of the response's schema;
4. openapi-typescript writes a `.d.ts` that compiles with `tsc --strict`, together with a
   test written from the examples: for every status whose body schema is a union, the
   union's `code` is exactly the codes of the status's examples and each code selects one
   type, the error's own schema (one type per error code).

Tools come from tools/package.json (npm ci --prefix tools) and tools/requirements.txt; both
are installed when missing. Prints one line per document and check, then the totals; exits 1
when any check fails.
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
BIN = TOOLS / "node_modules" / ".bin"

# (name, catalog, document to merge into or None)
CATALOGS = [
    ("showcase", "examples/catalogs/showcase/errors.toml", None),
    ("envelope", "examples/catalogs/envelope.toml", None),
    ("kapwork", "examples/catalogs/kapwork.toml", None),
    ("classic-http", "examples/catalogs/classic-http.toml", None),
    ("committed", "examples/committed/errors.toml", None),
    ("validation", "examples/catalogs/validation.toml", None),
    (
        "axum-service",
        "examples/axum-service/errors.toml",
        "examples/axum-service/openapi.paths.json",
    ),
]
VERSIONS = ["3.1", "3.0"]


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=kw.pop("cwd", ROOT), capture_output=True, text=True, **kw)


def install_tools():
    if not (BIN / "redocly").exists() or not (BIN / "openapi-typescript").exists():
        print("== installing npm tools (npm ci --prefix tools)", flush=True)
        subprocess.run(["npm", "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"], check=True)
    missing = [m for m in ("openapi_spec_validator", "datamodel_code_generator", "pydantic")
               if importlib.util.find_spec(m) is None]
    if missing:
        print(f"== installing python tools ({', '.join(missing)} missing)", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-r",
                        str(TOOLS / "requirements.txt")], check=True)


def errcat_binary():
    subprocess.run(["cargo", "build", "-q", "-p", "errcat-cli"], cwd=ROOT, check=True)
    meta = json.loads(run(["cargo", "metadata", "--format-version", "1", "--no-deps"]).stdout)
    return str(Path(meta["target_directory"]) / "debug" / "errcat")


def generate(errcat, catalog, merge_into, version, out):
    cmd = [errcat, "generate", catalog, "--openapi", str(out), "--openapi-version", version]
    if merge_into:
        cmd += ["--merge-into", merge_into]
    r = run(cmd)
    if r.returncode != 0:
        raise SystemExit(f"errcat generate failed: {' '.join(cmd)}\n{r.stdout}{r.stderr}")


def check_validator(path):
    r = run([sys.executable, "-m", "openapi_spec_validator", str(path)])
    return r.returncode == 0, (r.stdout + r.stderr).strip().splitlines()[-1:] or ["ok"]


def check_redocly(path, work):
    config = work / "redocly.yaml"
    config.write_text("extends:\n  - recommended\n")
    r = run([str(BIN / "redocly"), "lint", "--config", str(config), "--format", "json", str(path)])
    try:
        report = json.loads(r.stdout)
    except json.JSONDecodeError:
        return False, [f"redocly did not report JSON (exit {r.returncode}): {r.stderr.strip()[-500:]}"]
    totals = report.get("totals", {})
    errors = [p for p in report.get("problems", []) if p.get("severity") == "error"]
    warnings = [p for p in report.get("problems", []) if p.get("severity") == "warn"]
    lines = [f"{totals.get('errors', len(errors))} errors, {totals.get('warnings', len(warnings))} warnings"]
    for p in errors[:10]:
        where = p.get("location", [{}])[0].get("pointer", "")
        lines.append(f"  error {p.get('ruleId')}: {p.get('message')} at {where}")
    for p in warnings[:5]:
        where = p.get("location", [{}])[0].get("pointer", "")
        lines.append(f"  warning {p.get('ruleId')}: {p.get('message')} at {where}")
    return totals.get("errors", len(errors)) == 0 and r.returncode == 0, lines


def class_name(schema):
    """The class datamodel-code-generator writes for a component (its name, separators
    removed, first letter upper-case)."""
    parts = [p for p in re.split(r"[^0-9A-Za-z]+", schema) if p]
    return "".join(p[0].upper() + p[1:] for p in parts)


def check_datamodel(path, doc, work, stem):
    out = work / f"{stem}_models.py"
    r = run(["datamodel-codegen", "--input", str(path), "--input-file-type", "openapi",
             "--output", str(out)])
    if r.returncode != 0:
        return False, [f"datamodel-codegen exit {r.returncode}: {r.stderr.strip()[-800:]}"]
    spec = importlib.util.spec_from_file_location(f"{stem}_models", out)
    module = importlib.util.module_from_spec(spec)
    # pydantic resolves the module's postponed annotations through sys.modules.
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as e:  # noqa: BLE001 (any import failure is the finding)
        return False, [f"the generated module does not import: {e!r}"]
    checked, failures = 0, []
    for rname, response in doc["components"]["responses"].items():
        for media in response.get("content", {}).values():
            ref = media.get("schema", {}).get("$ref", "")
            examples = media.get("examples", {})
            if not ref or not examples:
                continue
            model = getattr(module, class_name(ref.rsplit("/", 1)[-1]), None)
            if model is None:
                failures.append(f"{rname}: no class {class_name(ref.rsplit('/', 1)[-1])} for {ref}")
                continue
            for ename, example in examples.items():
                checked += 1
                try:
                    model.model_validate(example["value"])
                except Exception as e:  # noqa: BLE001
                    failures.append(f"{rname} {ename}: {str(e).splitlines()[0:3]}")
    expected = sum(len(m.get("examples", {})) for r in doc["components"]["responses"].values()
                   for m in r.get("content", {}).values())
    if checked != expected:
        failures.append(f"{checked} of {expected} examples were checked")
    return not failures, [f"the models import; {checked} examples validate"] + failures[:10]


def type_test(doc, module):
    """TypeScript that compiles only when each status's body type is a union with one type
    per error code, the codes being those of the status's examples (from the catalog)."""
    schemas = doc["components"]["schemas"]
    lines = [
        f'import type {{ components }} from "./{module}";',
        'type S = components["schemas"];',
        "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;",
    ]
    asserted = 0
    for rname, response in doc["components"]["responses"].items():
        for media in response.get("content", {}).values():
            ref = media.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
            schema = schemas.get(ref, {})
            disc = schema.get("discriminator")
            if not disc:
                continue
            member = disc["propertyName"]
            codes = sorted({e["x-errcat-code"] for e in media.get("examples", {}).values()})
            t = f'S["{ref}"]'
            union = " | ".join(json.dumps(c) for c in codes)
            lines.append(f"const codes_{asserted}: Equal<{t}[{json.dumps(member)}], {union}> = true;")
            for code, target in disc["mapping"].items():
                own = target.rsplit("/", 1)[-1]
                lines.append(
                    f"const one_{asserted}_{len(lines)}: Equal<Extract<{t}, {{ {json.dumps(member)}: {json.dumps(code)} }}>, S[\"{own}\"]> = true;"
                )
            asserted += 1
    lines.append("export {};")
    return "\n".join(lines) + "\n", asserted


def check_typescript(path, doc, work, stem):
    dts = work / f"{stem}.d.ts"
    r = run([str(BIN / "openapi-typescript"), str(path), "--output", str(dts)])
    if r.returncode != 0:
        return False, [f"openapi-typescript exit {r.returncode}: {r.stderr.strip()[-800:]}"]
    test, unions = type_test(doc, stem)
    test_file = work / f"{stem}.types-test.ts"
    test_file.write_text(test)
    r = run([str(BIN / "tsc"), "--strict", "--noEmit", "--skipLibCheck", "false",
             "--target", "es2020", "--module", "es2020", "--moduleResolution", "bundler",
             str(dts), str(test_file)])
    if r.returncode != 0:
        return False, [f"tsc --strict: {r.stdout.strip()[-1500:]}"]
    text = dts.read_text()
    return True, [f"{len(text.splitlines())} lines compile; {unions} unions by code checked: one type per code"]


def main():
    os.chdir(ROOT)
    install_tools()
    errcat = errcat_binary()
    failed = 0
    total = 0
    with tempfile.TemporaryDirectory(prefix="errcat-openapi-") as tmp:
        work = Path(tmp)
        for name, catalog, merge_into in CATALOGS:
            for version in VERSIONS:
                stem = f"{name.replace('-', '_')}_{version.replace('.', '_')}"
                path = work / f"{stem}.json"
                generate(errcat, catalog, merge_into, version, path)
                doc = json.loads(path.read_text())
                for check, fn in [
                    ("openapi-spec-validator", lambda: check_validator(path)),
                    ("redocly lint", lambda: check_redocly(path, work)),
                    ("datamodel-codegen", lambda: check_datamodel(path, doc, work, stem)),
                    ("openapi-typescript + tsc", lambda: check_typescript(path, doc, work, stem)),
                ]:
                    ok, lines = fn()
                    total += 1
                    failed += not ok
                    print(f"{'ok  ' if ok else 'FAIL'} {name} {version} {check}: {lines[0][:400]}")
                    for line in lines[1:]:
                        print(f"       {line[:400]}")
                    sys.stdout.flush()
    print(f"{total - failed} of {total} checks passed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
