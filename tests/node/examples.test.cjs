// The TypeScript decoder on the bodies of every example: for every example catalog (and
// examples/axum-service), the module errcat generates, compiled to JavaScript, decodes the
// body of every example of every error (from the catalog's registry, rendered by errcat's
// own renderer) back to that error and the example's field values. Also: unknown codes,
// wrong statuses, other shapes and truncated JSON give an UnknownError, never a throw;
// mutations of every body (hostile.cjs: values of other types, huge numbers, members
// removed, odd texts and statuses) give an UnknownError or a well-typed error.
// Run by scripts/typescript.sh, which sets ERRCAT_TS_DIR (see there).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { hammer } = require("./hostile.cjs");

const dir = process.env.ERRCAT_TS_DIR;
if (!dir) throw new Error("ERRCAT_TS_DIR is not set: run scripts/typescript.sh");
const names = fs.readdirSync(dir).filter((f) => f.endsWith(".registry.json")).map((f) => f.slice(0, -".registry.json".length));
assert.ok(names.length >= 6, `registries in ${dir}: ${names}`);

function same(got, want) {
  // NaN never comes from a valid catalog's examples; floats compare as numbers.
  assert.deepEqual(got, want);
}

for (const name of names) {
  const registry = JSON.parse(fs.readFileSync(path.join(dir, `${name}.registry.json`), "utf8"));
  const mod = require(path.join(dir, "js", `${name}.js`));

  test(`${name}: every example body decodes to its error and values`, () => {
    assert.equal(mod.ERRORS.length, registry.errors.length);
    for (const e of registry.errors) {
      for (const x of e.examples) {
        for (const decoded of [mod.decodeJson(e.status, x.body), mod.decode(e.status, JSON.stringify(x.body))]) {
          assert.ok(mod.isKnown(decoded), `${e.code}: ${JSON.stringify(decoded)}`);
          if (decoded.code !== e.code) {
            // Two errors of one status whose bodies cannot be told apart: the other one
            // must show the same values.
            const other = registry.errors.find((o) => o.code === decoded.code);
            assert.ok(other && other.status === e.status, `${e.code} decoded as ${decoded.code}`);
            continue;
          }
          assert.ok(mod.isError(decoded, e.code));
          assert.equal(decoded.status, e.status);
          same({ ...decoded.fields }, x.values);
          assert.equal(decoded.retryable, e.retryable);
          assert.equal(decoded.retryAfter, e.retry_after);
          assert.equal(decoded.docsUrl, e.docs_url);
        }
      }
    }
  });

  test(`${name}: unknown codes, other statuses, other shapes and truncated JSON are unknown`, () => {
    for (const e of registry.errors) {
      const body = e.examples[0].body;
      const text = JSON.stringify(body);
      for (let end = 0; end < text.length; end++) {
        const d = mod.decode(e.status, text.slice(0, end));
        assert.equal(d.known, false, `${e.code}: prefix ${end}`);
        assert.equal(d.status, e.status);
      }
      for (const status of [0, 200, 599, 999]) {
        if (registry.errors.some((o) => o.status === status)) continue;
        assert.equal(mod.decodeJson(status, body).known, false);
      }
      for (const other of [null, [], "x", 42, {}, { error: { code: e.code } }]) {
        const d = mod.decodeJson(e.status, other);
        if (d.known) {
          // A template that only the status identifies (no code, no message) matches
          // any object of its shape: never for these.
          assert.fail(`${e.code}: ${JSON.stringify(other)} decoded as ${d.code}`);
        }
      }
      if (body && typeof body === "object" && !Array.isArray(body)) {
        for (const key of Object.keys(body)) {
          if (body[key] === e.code) {
            const d = mod.decodeJson(e.status, { ...body, [key]: "added_by_a_newer_server" });
            assert.equal(d.known, false);
            assert.equal(d.code, "added_by_a_newer_server");
          }
        }
      }
    }
  });

  test(`${name}: hostile mutations of every example body never throw`, (t) => {
    let n = 0;
    for (const e of registry.errors) for (const x of e.examples) n += hammer(mod, e.status, x.body);
    assert.ok(n > 0 || registry.errors.length === 0);
    t.diagnostic(`${n} hostile inputs`);
  });
}
