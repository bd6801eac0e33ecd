/** The catalog type of a field. */
export type FieldType = "string" | "integer" | "unsigned" | "float" | "boolean";

/** A field value (integers are numbers: an integer field beyond 2^53 - 1 is not decoded). */
export type FieldValue = string | number | boolean;

/** A typed field of an error (a placeholder of its message). */
export interface FieldInfo {
  readonly name: string;
  readonly type: FieldType;
  readonly description: string | null;
}

/** The deprecation of an error. */
export interface Deprecation {
  readonly since: string | null;
  readonly replacedBy: string | null;
  readonly note: string | null;
}

/** A placeholder of a body template: built-in (`"v"`) or user attribute (`"a"`). */
export type TemplateVar = readonly ["v", string] | readonly ["a", string];

/** A body template, as the server renders it. */
export type TemplateNode =
  | TemplateVar
  | readonly ["t", readonly (string | TemplateVar)[]]
  | readonly ["n", number]
  | readonly ["b", boolean]
  | readonly ["arr", readonly TemplateNode[]]
  | readonly ["obj", readonly (readonly [string, TemplateNode])[]];

/** The catalog's entry for an error. */
export interface ErrorInfo {
  readonly code: string;
  readonly status: number;
  readonly reason: string;
  /** The error's title, else its code. */
  readonly title: string;
  /** The message template (`{field}` placeholders). */
  readonly message: string;
  /** The message template's literal text and field indices. */
  readonly pieces: readonly (string | number)[];
  readonly fields: readonly FieldInfo[];
  /** The request field the error concerns. */
  readonly field: string | null;
  readonly retryable: boolean;
  /** Seconds to wait before retrying. */
  readonly retryAfter: number | null;
  readonly docsUrl: string | null;
  readonly deprecated: Deprecation | null;
  /** User attributes (the error's, else its status's). */
  readonly attributes: { readonly [name: string]: FieldValue };
  /** The index of its body template in `BODIES`. */
  readonly body: number;
}

/** A status the catalog declares. */
export interface StatusInfo {
  readonly status: number;
  readonly reason: string;
  readonly class: "1xx" | "2xx" | "3xx" | "4xx" | "5xx";
  readonly description: string | null;
  readonly attributes: { readonly [name: string]: FieldValue };
}

/**
 * A response the catalog does not describe (a code a newer server added, a status or a
 * body of another shape, a body that is not JSON), or an error of the catalog whose field
 * values cannot be read (`error` says why).
 */
export interface UnknownError {
  readonly known: false;
  readonly status: number;
  /** The error code, when the body has one where the catalog's templates put it. */
  readonly code: string | null;
  /** The message, when the body has one where the catalog's templates put it. */
  readonly message: string | null;
  /** The body's JSON (`undefined` when it is not JSON). */
  readonly body: unknown;
  /** Why a known code was not decoded (its fields are missing or of another type). */
  readonly error: string | null;
}

/** A decoded error response. */
export type Decoded = KnownError | UnknownError;
