// ---------------------------------------------------------------------------------------
// The decoder: the same templates and tables the server renders bodies from. An error is
// recognised when the body matches its template: with `{code}` in the template, by its
// code; without, by every value known before run time and by its message. Field values
// come from the `{fields}` member, else from the message. Integers are JavaScript numbers:
// an integer field beyond 2^53 - 1 (which a number may hold rounded) is not decoded.

/** The JSON value of a JSON text, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (_) {
    return undefined;
  }
}

function isObject(v: unknown): v is { readonly [key: string]: unknown } {
  return typeof v === "object" && v !== null && !(v instanceof Array);
}

function member(v: unknown, key: string): unknown {
  return isObject(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
}

/** A float as Rust's `{:?}` writes it (the server's message text). */
function rustFloat(x: number): string {
  if (x !== x) return "NaN";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e16) {
    const parts = x.toExponential().split("e");
    const exp = parts[1].charAt(0) === "+" ? parts[1].substring(1) : parts[1];
    return parts[0] + "e" + exp;
  }
  const s = String(x);
  return s.indexOf(".") >= 0 ? s : s + ".0";
}

/** The value of a placeholder for an error (undefined: absent or known at run time). */
function resolve(ref: TemplateVar, e: ErrorInfo): FieldValue | undefined {
  if (ref[0] === "a") {
    // Own members only: an attribute named `constructor` is not Object's.
    return Object.prototype.hasOwnProperty.call(e.attributes, ref[1]) ? e.attributes[ref[1]] : undefined;
  }
  switch (ref[1]) {
    case "status":
      return e.status;
    case "reason":
      return e.reason;
    case "code":
      return e.code;
    case "title":
      return e.title;
    case "field":
      return e.field === null ? undefined : e.field;
    case "docs_url":
      return e.docsUrl === null ? undefined : e.docsUrl;
    case "retry_after":
      return e.retryAfter === null ? undefined : e.retryAfter;
    case "type":
      return e.docsUrl === null ? "about:blank" : e.docsUrl;
    default:
      return undefined;
  }
}

function isRuntime(ref: TemplateVar): boolean {
  return ref[0] === "v" && (ref[1] === "message" || ref[1] === "trace_id" || ref[1] === "instance" || ref[1] === "fields");
}

function hasCode(node: TemplateNode): boolean {
  switch (node[0]) {
    case "v":
      return node[1] === "code";
    case "arr":
      for (const n of node[1]) if (hasCode(n)) return true;
      return false;
    case "obj":
      for (const m of node[1]) if (hasCode(m[1])) return true;
      return false;
    default:
      return false;
  }
}

/** Whether the template gives the node a value for the error (the body must have it). */
function required(node: TemplateNode, e: ErrorInfo): boolean {
  if (node[0] === "v" || node[0] === "a") {
    if (node[0] === "v") {
      if (node[1] === "trace_id" || node[1] === "instance") return false;
      if (node[1] === "message") return true;
      if (node[1] === "fields") return e.fields.length > 0;
    }
    return resolve(node, e) !== undefined;
  }
  return true;
}

interface Found {
  message: string | undefined;
  fields: { readonly [key: string]: unknown } | undefined;
}

function matches(node: TemplateNode, json: unknown, e: ErrorInfo, found: Found): boolean {
  switch (node[0]) {
    case "v":
    case "a": {
      if (node[0] === "v" && node[1] === "message") {
        if (typeof json !== "string") return false;
        found.message = json;
        return true;
      }
      if (node[0] === "v" && node[1] === "fields") {
        if (!isObject(json)) return false;
        found.fields = json;
        return true;
      }
      if (node[0] === "v" && (node[1] === "trace_id" || node[1] === "instance")) return typeof json === "string";
      const v = resolve(node, e);
      return v === undefined || v === json;
    }
    case "t": {
      if (typeof json !== "string") return false;
      let text = "";
      for (const p of node[1]) {
        if (typeof p === "string") {
          text += p;
        } else {
          if (isRuntime(p)) return true;
          const v = resolve(p, e);
          if (v !== undefined) text += String(v);
        }
      }
      return text === json;
    }
    case "n":
    case "b":
      return json === node[1];
    case "arr": {
      if (!(json instanceof Array)) return false;
      let req = 0;
      for (const n of node[1]) if (required(n, e)) req++;
      let extra = json.length - req;
      if (extra < 0) return false;
      const present: TemplateNode[] = [];
      for (const n of node[1]) {
        if (required(n, e)) present.push(n);
        else if (n[0] === "v" && (n[1] === "trace_id" || n[1] === "instance") && extra > 0) {
          extra--;
          present.push(n);
        }
      }
      if (present.length !== json.length) return false;
      for (let i = 0; i < present.length; i++) if (!matches(present[i], json[i], e, found)) return false;
      return true;
    }
    case "obj": {
      if (!isObject(json)) return false;
      for (const m of node[1]) {
        const v = member(json, m[0]);
        if (v === undefined) {
          if (required(m[1], e)) return false;
        } else if (!matches(m[1], v, e, found)) {
          return false;
        }
      }
      return true;
    }
  }
}

/** `matches` for a template with `{code}`, which identifies the error. */
function byCode(node: TemplateNode, json: unknown, e: ErrorInfo, found: Found): boolean {
  if (node[0] === "v" && node[1] === "code") return json === e.code;
  if (node[0] === "obj" && isObject(json)) {
    for (const m of node[1]) {
      const v = member(json, m[0]);
      if (v === undefined) {
        if (hasCode(m[1])) return false;
      } else if (!byCode(m[1], v, e, found)) {
        return false;
      }
    }
    return true;
  }
  if (hasCode(node)) return matches(node, json, e, found);
  matches(node, json, e, found);
  return true;
}

/** An integer a number holds exactly (beyond 2^53 - 1, JSON.parse may have rounded it). */
function isInt(x: number): boolean {
  return isFinite(x) && Math.floor(x) === x && Math.abs(x) <= 9007199254740991;
}

function fromJson(type: FieldType, v: unknown): FieldValue | undefined {
  switch (type) {
    case "string":
      return typeof v === "string" ? v : undefined;
    case "integer":
      return typeof v === "number" && isInt(v) ? v : undefined;
    case "unsigned":
      return typeof v === "number" && isInt(v) && v >= 0 ? v : undefined;
    case "float":
      return typeof v === "number" ? v : v === null ? NaN : undefined;
    case "boolean":
      return typeof v === "boolean" ? v : undefined;
  }
}

function show(type: FieldType, v: FieldValue): string {
  return type === "float" && typeof v === "number" ? rustFloat(v) : String(v);
}

function fromText(type: FieldType, s: string): FieldValue | undefined {
  let v: FieldValue;
  switch (type) {
    case "string":
      return s;
    case "boolean":
      if (s !== "true" && s !== "false") return undefined;
      v = s === "true";
      break;
    default:
      // A float that is not finite shows as Rust's `{:?}` writes it.
      if (type === "float" && (s === "inf" || s === "-inf" || s === "NaN")) {
        v = s === "NaN" ? NaN : s === "inf" ? Infinity : -Infinity;
        break;
      }
      if (!/^-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?$/.test(s)) return undefined;
      v = Number(s);
      if (type !== "float" && !isInt(v)) return undefined;
      if (type === "unsigned" && v < 0) return undefined;
  }
  return show(type, v) === s ? v : undefined;
}

function render(e: ErrorInfo, values: readonly FieldValue[]): string {
  let out = "";
  for (const p of e.pieces) out += typeof p === "string" ? p : show(e.fields[p].type, values[p]);
  return out;
}

/** The field values a message shows, when it matches the error's message template. */
function messageFields(e: ErrorInfo, text: string): FieldValue[] | undefined {
  const caps: (string | undefined)[] = [];
  for (let i = 0; i < e.fields.length; i++) caps.push(undefined);
  let budget = 4096;
  function split(at: number, rest: string): boolean {
    if (budget <= 0) return false;
    budget--;
    if (at === e.pieces.length) return rest === "";
    const p = e.pieces[at];
    if (typeof p === "string") return rest.substring(0, p.length) === p && split(at + 1, rest.substring(p.length));
    const tryAt = (cut: number): boolean => {
      const value = rest.substring(0, cut);
      const before = caps[p];
      if ((before !== undefined && before !== value) || fromText(e.fields[p].type, value) === undefined) return false;
      caps[p] = value;
      if (split(at + 1, rest.substring(cut))) return true;
      caps[p] = before;
      return false;
    };
    const next = e.pieces[at + 1];
    if (next === undefined) return tryAt(rest.length);
    if (typeof next === "string" && next !== "") {
      let from = 0;
      for (;;) {
        const i = rest.indexOf(next, from);
        if (i < 0) return false;
        if (tryAt(i)) return true;
        from = i + 1;
      }
    }
    for (let cut = 0; cut <= rest.length && budget > 0; cut++) if (tryAt(cut)) return true;
    return false;
  }
  if (!split(0, text)) return undefined;
  const values: FieldValue[] = [];
  for (let i = 0; i < e.fields.length; i++) {
    const c = caps[i];
    const v = c === undefined ? undefined : fromText(e.fields[i].type, c);
    if (v === undefined) return undefined;
    values.push(v);
  }
  return render(e, values) === text ? values : undefined;
}

function findString(node: TemplateNode, json: unknown, name: string): string | null {
  if (node[0] === "v" && node[1] === name) return typeof json === "string" ? json : null;
  if (node[0] === "obj") {
    for (const m of node[1]) {
      const v = member(json, m[0]);
      if (v !== undefined) {
        const s = findString(m[1], v, name);
        if (s !== null) return s;
      }
    }
  }
  return null;
}

/**
 * Decodes an error response from its status and its body's parsed JSON (`undefined` when
 * the body is not JSON). Never throws.
 */
export function decodeJson(status: number, body: unknown): Decoded {
  for (const e of ERRORS) {
    if (e.status !== status) continue;
    const node = BODIES[e.body];
    const found: Found = { message: undefined, fields: undefined };
    const strict = !hasCode(node);
    if (!(strict ? matches(node, body, e, found) : byCode(node, body, e, found))) continue;
    let values: FieldValue[] | undefined;
    if (strict && found.message !== undefined) {
      values = messageFields(e, found.message);
      if (values === undefined) continue;
    }
    const fields: { [name: string]: FieldValue } = {};
    let error: string | null = null;
    if (e.fields.length > 0) {
      if (found.fields !== undefined) {
        for (const f of e.fields) {
          const v = fromJson(f.type, member(found.fields, f.name));
          if (v === undefined) {
            error = "field `" + f.name + "` is missing from the body, of another type, or an integer beyond 2^53 - 1";
            break;
          }
          fields[f.name] = v;
        }
      } else {
        if (values === undefined && found.message !== undefined) values = messageFields(e, found.message);
        if (values === undefined) {
          error = "the body carries no field values and its message does not match the catalog's";
        } else {
          for (let i = 0; i < e.fields.length; i++) fields[e.fields[i].name] = values[i];
        }
      }
    }
    if (error !== null) {
      return { known: false, status, code: e.code, message: found.message === undefined ? null : found.message, body, error };
    }
    const known = {
      known: true,
      code: e.code,
      status: e.status,
      fields,
      message: found.message === undefined ? null : found.message,
      retryable: e.retryable,
      retryAfter: e.retryAfter,
      docsUrl: e.docsUrl,
      info: e,
    };
    return known as unknown as KnownError;
  }
  let code: string | null = null;
  let message: string | null = null;
  for (const node of BODIES) {
    if (code === null) code = findString(node, body, "code");
    if (message === null) message = findString(node, body, "message");
  }
  return { known: false, status, code, message, body, error: null };
}

/**
 * Decodes an error response from its status and its body text (what `fetch`'s
 * `response.text()` gives). Never throws: a body that is not JSON, a code the catalog
 * does not know or a body of another shape is an `UnknownError`.
 */
export function decode(status: number, body: string): Decoded {
  return decodeJson(status, parseJson(body));
}

/** Whether a decoded response is an error of the catalog. */
export function isKnown(e: Decoded): e is KnownError {
  return e.known;
}

/** Whether a decoded response is the catalog's error `code` (narrowing its `fields`). */
export function isError<C extends ErrorCode>(e: Decoded, code: C): e is Extract<KnownError, { readonly code: C }> {
  return e.known && e.code === code;
}

/** The catalog's entry for an error code. */
export function lookup(code: string): ErrorInfo | undefined {
  for (const e of ERRORS) if (e.code === code) return e;
  return undefined;
}

/** The catalog's entry for a status code. */
export function statusInfo(status: number): StatusInfo | undefined {
  for (const s of STATUSES) if (s.status === status) return s;
  return undefined;
}
