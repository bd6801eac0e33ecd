// A float field in the message only (tests/node/fixtures/floats.toml): the values Rust's
// `{:?}` writes, not finite ones included, decode to the number; other spellings of them
// do not. Run by scripts/typescript.sh, which sets ERRCAT_TS_DIR.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const dir = process.env.ERRCAT_TS_DIR;
if (!dir) throw new Error("ERRCAT_TS_DIR is not set: run scripts/typescript.sh");
const mod = require(path.join(dir, "js", "floats.js"));

function body(shown) {
  return JSON.stringify({ code: "out_of_range", message: `Ratio ${shown} is out of range` });
}

test("floats Rust writes, finite or not, decode from the message", () => {
  for (const [shown, value] of [["1.5", 1.5], ["-0.0", -0], ["1e16", 1e16], ["1e-7", 1e-7], ["inf", Infinity], ["-inf", -Infinity], ["NaN", NaN]]) {
    const d = mod.decode(422, body(shown));
    assert.ok(mod.isError(d, "out_of_range"), `${shown}: ${JSON.stringify(d)}`);
    assert.ok(Object.is(d.fields.ratio, value), `${shown}: ${d.fields.ratio}`);
  }
});

test("other spellings of a float are not Rust's and do not decode", () => {
  for (const shown of ["Infinity", "+inf", "nan", "1.50", "1e+16", "0x10", "1.", ""]) {
    const d = mod.decode(422, body(shown));
    assert.equal(d.known, false, shown);
    assert.equal(d.code, "out_of_range");
    assert.equal(typeof d.error, "string");
  }
});
