/**
 * The one check every text of a request passes before it can reach the database: PostgreSQL
 * cannot store U+0000 in text (and `jsonb` refuses it), and a lone UTF-16 surrogate (U+D800–
 * U+DFFF without its pair) is not Unicode text at all — both used to fail deep in a query with a
 * 500 (issue 8 §5). `inputGuard` (mounted on /api/* by app.ts, before every route's zod
 * validator) refuses them with a 400 VALIDATION naming the field, in Vietnamese and English:
 *
 * - every query key and value, and every path segment (decoded as the router decodes it);
 * - every string of a JSON body, object keys too, walked to a nesting depth of at most
 *   MAX_JSON_DEPTH (deeper is a 400 as well). The body text is read through Hono's cache
 *   (`c.req.text()`), so the validator's own `c.req.json()` reads it again from memory;
 * - multipart text fields and file names, lazily: `c.req.formData()` is wrapped so the check
 *   runs when the route reads the form (after its authorization), never reading an upload early.
 *   File contents are bytes and are not checked here (their parsers own them).
 *
 * Headers are not checked: HTTP header values are Latin-1 bytes, so they cannot hold a lone
 * surrogate, and Node's parser (and the Fetch `Headers` class) refuse a NUL in them.
 */
import type { MiddlewareHandler } from "hono";
import { AppError, type FieldProblem } from "../domain/errors.ts";
import type { AppEnv } from "./env.ts";

/** The deepest nesting a JSON body may have (GeoJSON multipolygons need 8). */
export const MAX_JSON_DEPTH = 32;

// With the u flag a surrogate pair is one code point, so this class matches only lone halves.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Why a text cannot be stored, or null when it can. */
export function textProblem(s: string): Omit<FieldProblem, "field"> | null {
  if (s.includes("\u0000"))
    return {
      reason: "contains a NUL character (U+0000), which text cannot hold",
      reasonVi: "chứa ký tự NUL (U+0000), không được phép trong văn bản",
    };
  if (LONE_SURROGATE.test(s))
    return {
      reason: "contains a lone surrogate (U+D800–U+DFFF): not valid Unicode text",
      reasonVi: "chứa nửa cặp ký tự thay thế (U+D800–U+DFFF) đơn lẻ: không phải văn bản Unicode hợp lệ",
    };
  return null;
}

/** A key as it can be shown in a field path (escaped when it is itself bad). */
const keyName = (k: string) => (textProblem(k) ? JSON.stringify(k) : k);

/** The problems of a parsed JSON value: bad strings (keys too) and too deep nesting. */
export function jsonProblems(value: unknown, root = "body"): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const walk = (v: unknown, path: string[], depth: number) => {
    if (problems.length >= 20) return;
    const field = path.length ? path.join(".") : root;
    if (typeof v === "string") {
      const p = textProblem(v);
      if (p) problems.push({ field, ...p });
      return;
    }
    if (v === null || typeof v !== "object") return;
    if (depth >= MAX_JSON_DEPTH) {
      problems.push({
        field,
        reason: `nested deeper than ${MAX_JSON_DEPTH} levels`,
        reasonVi: `lồng sâu quá ${MAX_JSON_DEPTH} cấp`,
      });
      return;
    }
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, [...path, String(i)], depth + 1);
      return;
    }
    for (const [k, item] of Object.entries(v)) {
      const p = textProblem(k);
      if (p)
        problems.push({
          field: [...path, keyName(k)].join("."),
          reason: `the name ${p.reason}`,
          reasonVi: `tên trường ${p.reasonVi}`,
        });
      walk(item, [...path, keyName(k)], depth + 1);
    }
  };
  walk(value, [], 0);
  return problems;
}

/** The problems of a form's text fields, its field names and its file names. */
export function formProblems(form: FormData): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [name, value] of form.entries()) {
    const p = textProblem(name);
    if (p)
      problems.push({
        field: keyName(name),
        reason: `the name ${p.reason}`,
        reasonVi: `tên trường ${p.reasonVi}`,
      });
    const text = typeof value === "string" ? value : value.name;
    const q = textProblem(text);
    if (q)
      problems.push({
        field: typeof value === "string" ? keyName(name) : `${keyName(name)}.filename`,
        ...q,
      });
  }
  return problems;
}

/** The 400 for the problems found. */
export function refused(fields: FieldProblem[]): AppError {
  const names = [...new Set(fields.map((f) => f.field))].join(", ");
  return new AppError(
    "VALIDATION",
    { en: `Invalid request: ${names}.`, vi: `Yêu cầu không hợp lệ: ${names}.` },
    { fields },
  );
}

/** Decodes a path segment as the router does: malformed escapes are kept as written. */
function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function urlProblems(url: string, queries: Record<string, string[]>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pathname = new URL(url).pathname;
  for (const segment of pathname.split("/")) {
    const p = textProblem(decodeSegment(segment));
    if (p) problems.push({ field: "path", ...p });
  }
  for (const [key, values] of Object.entries(queries)) {
    const p = textProblem(key);
    if (p)
      problems.push({
        field: keyName(key),
        reason: `the name ${p.reason}`,
        reasonVi: `tên tham số ${p.reasonVi}`,
      });
    for (const v of values) {
      const q = textProblem(v);
      if (q) problems.push({ field: keyName(key), ...q });
    }
  }
  return problems;
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json/i;

// What a bad string of a JSON text must contain: a NUL (raw or escaped) or an escaped surrogate
// (a decoded body holds no raw lone surrogate: bad UTF-8 becomes U+FFFD).
const ESCAPED_BAD = /\\u0000|\\u[dD][89a-fA-F]/;

/**
 * True when a JSON text surely passes jsonProblems: no string can be bad (no NUL, no escaped NUL or surrogate) and its
 * brackets outside strings nest at most MAX_JSON_DEPTH deep. One pass over the text, no parse:
 * a 5 MB map layer was parsed and walked on the request loop for most of a second (its worker
 * parses it anyway). Anything else (or malformed text) takes the full check, as before.
 */
export function surelyClean(text: string): boolean {
  if (text.includes("\u0000") || ESCAPED_BAD.test(text)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > MAX_JSON_DEPTH) return false;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return true;
}

export const inputGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = urlProblems(c.req.url, c.req.queries());
  if (url.length) throw refused(url);
  const type = c.req.header("content-type") ?? "";
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && JSON_TYPE.test(type)) {
    const text = await c.req.text();
    let parsed: unknown;
    let ok = !surelyClean(text);
    if (ok)
      try {
        parsed = JSON.parse(text);
      } catch {
        ok = false; // malformed or empty: the route's validator answers it, as before
      }
    if (ok) {
      const problems = jsonProblems(parsed);
      if (problems.length) throw refused(problems);
    }
  }
  if (/^multipart\/form-data/i.test(type)) {
    const read = c.req.formData.bind(c.req);
    c.req.formData = async () => {
      const form = await read();
      const problems = formProblems(form);
      if (problems.length) throw refused(problems);
      return form;
    };
  }
  await next();
};
