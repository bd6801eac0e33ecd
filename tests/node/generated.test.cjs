// The TypeScript decoder on the property test's generated catalogs (and the hostile
// fixtures): tests/tests/properties.rs writes, for a batch of catalogs, the TypeScript
// module errcat generates for each (compiled to js/ by tsc) and cases.json: for every
// example of every error, the body errcat's renderer gives and what errcat's model says
// it stands for (code, status, field values, message, retry data, docs URL). Each body
// must decode to exactly that; mutations of it must give an UnknownError or a well-typed
// error, never a throw (hostile.cjs).
// Run by `cargo test -p errcat-tests --test properties`, which sets ERRCAT_TS_DIR.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { hammer, decodeChecked } = require("./hostile.cjs");

const dir = process.env.ERRCAT_TS_DIR;
if (!dir) throw new Error("ERRCAT_TS_DIR is not set: run cargo test -p errcat-tests --test properties");
const batch = JSON.parse(fs.readFileSync(path.join(dir, "cases.json"), "utf8"));
assert.ok(batch.length > 0, "no module in the batch");

/** The value JavaScript holds for a field the model gives, or undefined when no number holds it exactly. */
function expected(f) {
  if (f.exact === null) return f.value;
  const n = Number(f.exact);
  return Number.isSafeInteger(n) ? n : undefined;
}

let total = 0;
for (const { module, cases } of batch) {
  const mod = require(path.join(dir, "js", `${module}.js`));

  test(`${module}: every example body decodes to errcat's error and values`, () => {
    for (const c of cases) {
      const where = `${c.code} from ${c.body}`;
      for (const d of [decodeChecked(mod, c.status, c.body, true), decodeChecked(mod, c.status, JSON.parse(c.body), false)]) {
        if (d.known && d.code !== c.code) {
          // Only a template without `{code}` can leave two errors of a status apart from
          // their bodies: the one decoded is declared first, with the same template, and
          // shows the same message.
          assert.ok(!c.byCode, `${where}: decoded as ${d.code}`);
          const other = mod.lookup(d.code);
          const mine = mod.lookup(c.code);
          assert.ok(mod.ERRORS.indexOf(other) < mod.ERRORS.indexOf(mine), `${where}: decoded as ${d.code}`);
          assert.equal(other.body, mine.body, where);
          assert.equal(d.message, c.message, where);
          continue;
        }
        const values = c.fields.map(expected);
        if (!c.onWire || values.includes(undefined)) {
          // Values the body does not carry, or an integer beyond 2^53 (a JavaScript number
          // would round it): never decoded to a wrong value.
          assert.ok(!d.known, `${where}: decoded ${JSON.stringify(d.fields)}`);
          if (c.byCode) {
            assert.equal(d.code, c.code, where);
            assert.equal(typeof d.error, "string", where);
          }
          continue;
        }
        assert.ok(d.known, `${where}: ${JSON.stringify(d)}`);
        assert.ok(mod.isError(d, c.code));
        assert.equal(d.status, c.status);
        const want = {};
        c.fields.forEach((f, i) => (want[f.name] = values[i]));
        assert.deepEqual({ ...d.fields }, want, where);
        if (d.message !== null) assert.equal(d.message, c.message, where);
        assert.equal(d.retryable, c.retryable, where);
        assert.equal(d.retryAfter, c.retryAfter, where);
        assert.equal(d.docsUrl, c.docsUrl, where);
      }
      total++;
    }
  });

  test(`${module}: hostile mutations of every body never throw`, (t) => {
    let n = 0;
    for (const c of cases) n += hammer(mod, c.status, JSON.parse(c.body));
    t.diagnostic(`${n} hostile inputs`);
  });
}

test("the batch had cases", () => {
  assert.ok(total > 0, "no example body was decoded");
});
