// The TypeScript decoder on the real responses of the running examples/axum-service: every
// request of examples/client/cases.json makes the service answer one error of its catalog;
// the module errcat generates from the service's catalog decodes each to that error, with
// the field values of the body's `fields` member. Run by scripts/typescript.sh, which
// starts the service (ERRCAT_SERVICE_URL) and compiles the module (ERRCAT_TS_DIR).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const url = process.env.ERRCAT_SERVICE_URL;
const dir = process.env.ERRCAT_TS_DIR;
if (!url || !dir) throw new Error("ERRCAT_SERVICE_URL and ERRCAT_TS_DIR are not set: run scripts/typescript.sh");
const mod = require(path.join(dir, "js", "axum-service.js"));
const cases = require(path.join(__dirname, "..", "..", "examples", "client", "cases.json")).cases;

async function send(c) {
  const headers = {};
  if (c.key !== null) headers.authorization = `Bearer ${c.key}`;
  if (c.content_type) headers["content-type"] = c.content_type;
  const res = await fetch(url + c.path, { method: c.method, headers, body: c.body });
  return { status: res.status, text: await res.text() };
}

test("every error the service returns decodes to its typed error", async () => {
  const seen = new Set();
  for (const c of cases) {
    for (let i = 0; i < (c.before || 0); i++) await send(c);
    const res = await send(c);
    const d = mod.decode(res.status, res.text);
    assert.ok(mod.isKnown(d), `${c.code}: ${res.status} ${res.text}`);
    assert.equal(d.code, c.code);
    assert.equal(d.status, res.status);
    const body = JSON.parse(res.text);
    assert.deepEqual({ ...d.fields }, body.fields === undefined ? {} : body.fields);
    assert.equal(d.message, body.detail);
    if (mod.isError(d, "rate_limited")) assert.equal(d.fields.limit, 5);
    if (mod.isError(d, "method_not_allowed")) assert.deepEqual([d.fields.method, d.fields.path], ["PUT", "/receivables"]);
    seen.add(c.code);
  }
  // `internal` needs a failing backend (examples/client's Rust test covers it).
  const expected = mod.ERRORS.map((e) => e.code).filter((c) => c !== "internal");
  assert.deepEqual([...seen].sort(), expected.sort());
});
