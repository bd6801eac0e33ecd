// Hostile input for the generated TypeScript decoder, shared by examples.test.cjs and
// generated.test.cjs: mutations of a real body (every value replaced by one of another
// type or a huge number, every member removed, unknown codes, truncated text, other
// shapes) and the check that a decoded result is an UnknownError or a well-typed error of
// the catalog, never an exception.
"use strict";
const assert = require("node:assert/strict");

/** Values of every JSON type, and numbers no field type holds. */
const ODD_VALUES = [
  null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53, 2 ** 64, -(2 ** 63) - 4096, 1e-320,
  "", "x", "0", "true", "1e999", [], [1, "a"], {}, { a: { b: [] } },
];

/** Texts that are not a JSON body of the catalog. */
const ODD_TEXTS = [
  "", " ", "{", "[", "}", "null", "true", "0", "-0", "1e999", "-1e999", "\"x\"", "[]", "{}",
  "{\"__proto__\": {\"code\": 1}}", "{\"constructor\": {}, \"toString\": 1}", "\u0000", "\ufeff{}",
  "[".repeat(10000) + "]".repeat(10000), "{\"a\":".repeat(5000) + "1" + "}".repeat(5000),
];

const STATUSES = [0, -1, 1.5, NaN, Infinity, 2 ** 53, 200, 599, 999];

function clone(v) {
  return JSON.parse(JSON.stringify(v));
}

/** Every path to a value inside `v` (arrays by index, objects by key). */
function paths(v, at = [], out = []) {
  if (v !== null && typeof v === "object") {
    for (const k of Object.keys(v)) {
      out.push([...at, k]);
      paths(v[k], [...at, k], out);
    }
  }
  return out;
}

function setAt(v, path, value) {
  const copy = clone(v);
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k];
  parent[path[path.length - 1]] = value;
  return copy;
}

function deleteAt(v, path) {
  const copy = clone(v);
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

/** Mutations of a body (parsed JSON), each a JSON value. */
function* mutations(body) {
  for (const p of paths(body)) {
    for (const odd of ODD_VALUES) yield setAt(body, p, odd);
    yield deleteAt(body, p);
    yield setAt(body, p, "added_by_a_newer_server");
  }
  for (const odd of ODD_VALUES) yield odd;
  yield [body];
  yield { wrapped: body };
}

function isSafeInt(v) {
  return typeof v === "number" && Number.isSafeInteger(v);
}

/**
 * Decodes with both entry points and checks the result: an UnknownError, or an error of
 * the catalog with that status whose fields are exactly its declared fields, each of its
 * JavaScript type (integers exact). Returns the result.
 */
function decodeChecked(mod, status, input, asText) {
  let d;
  try {
    d = asText ? mod.decode(status, input) : mod.decodeJson(status, input);
  } catch (e) {
    assert.fail(`decode${asText ? "" : "Json"}(${status}, ${String(asText ? input : JSON.stringify(input)).slice(0, 200)}) threw ${e && e.stack}`);
  }
  assert.equal(typeof d, "object");
  assert.equal(typeof d.known, "boolean");
  assert.ok(Object.is(d.status, status), `status ${d.status} for ${status}`);
  if (!d.known) {
    assert.ok(d.code === null || typeof d.code === "string");
    assert.ok(d.message === null || typeof d.message === "string");
    assert.ok(d.error === null || typeof d.error === "string");
    return d;
  }
  const info = mod.lookup(d.code);
  assert.ok(info, `decoded as ${d.code}, not in the catalog`);
  assert.equal(info.status, status);
  assert.equal(d.info, info);
  assert.deepEqual(Object.keys(d.fields).sort(), info.fields.map((f) => f.name).sort());
  for (const f of info.fields) {
    const v = d.fields[f.name];
    switch (f.type) {
      case "string":
        assert.equal(typeof v, "string", f.name);
        break;
      case "boolean":
        assert.equal(typeof v, "boolean", f.name);
        break;
      case "integer":
        assert.ok(isSafeInt(v), `${f.name}: ${v}`);
        break;
      case "unsigned":
        assert.ok(isSafeInt(v) && v >= 0, `${f.name}: ${v}`);
        break;
      case "float":
        // NaN: the server's JSON `null` for a float that is not finite; ±Infinity: 1e999
        // (Rust's decoder reads it so too).
        assert.equal(typeof v, "number", f.name);
        break;
    }
  }
  assert.ok(d.message === null || typeof d.message === "string");
  return d;
}

/** Numbers JSON can write and a JavaScript number cannot hold (JSON.parse: ±Infinity). */
const HUGE_TEXTS = ["1e999", "-1e999", "123456789012345678901234567890"];

/** Every hostile input derived from one body of status `status`. Returns how many. */
function hammer(mod, status, body) {
  let n = 0;
  for (const m of mutations(body)) {
    decodeChecked(mod, status, m, false);
    decodeChecked(mod, status, JSON.stringify(m), true);
    n += 2;
  }
  for (const p of paths(body)) {
    const text = JSON.stringify(setAt(body, p, "\u0000huge"));
    for (const huge of HUGE_TEXTS) {
      decodeChecked(mod, status, text.replace(JSON.stringify("\u0000huge"), huge), true);
      n++;
    }
  }
  const text = JSON.stringify(body);
  for (let end = 0; end < text.length; end++) {
    const d = decodeChecked(mod, status, text.slice(0, end), true);
    assert.equal(d.known, false, `prefix ${end} of ${text}`);
    n++;
  }
  for (const t of ODD_TEXTS) {
    decodeChecked(mod, status, t, true);
    n++;
  }
  for (const s of STATUSES) {
    decodeChecked(mod, s, body, false);
    n++;
  }
  // Not a string at all (a caller without types).
  for (const odd of [undefined, null, 42, {}, Symbol("s")]) {
    decodeChecked(mod, status, odd, true);
    n++;
  }
  return n;
}

module.exports = { hammer, decodeChecked };
