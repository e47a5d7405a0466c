/**
 * Task codes ("Số TT") of a plan's assignment table: "2", "2.3", "4.10", "2a", "II.1", "1.".
 * GLOSSARY.md ("The plan and its parts"): `task.code` is "ordered as numbers, not strings", and
 * groups (2, 3, …) hold tasks (2.1, 2.2, …). Order and parenthood are derived here once, so the
 * importer, the API and the database (through `taskCodeSortKey`) agree.
 */
import { romanToInt } from "./roman.ts";

/** Roman numerals accepted as numbers in codes: I–XX, enough for sections and groups. */
const MAX_ROMAN = 20;

/** Token kinds, ranked: a segment break sorts before a number, a number before a letter. */
type Token = { kind: "sep" } | { kind: "num"; value: bigint } | { kind: "letter"; value: string };

/**
 * Letters as they compare: lowercase ASCII; "đ" becomes "d~" so that it sorts after "d" and
 * before "e", as in the Vietnamese alphabet lists use (a, b, c, d, đ, e); other diacritics dropped.
 */
function letterKey(run: string): string {
  return run
    .toLowerCase()
    .replaceAll("đ", "d~")
    .normalize("NFD")
    .replace(/[^a-z~]/g, "");
}

/** Trims a code as written in a table cell: spaces, and trailing "." or ")" ("1." → "1", "a)" → "a"). */
function clean(code: string): string {
  return String(code ?? "")
    .normalize("NFC")
    .trim()
    .replace(/[\s.)]+$/u, "");
}

function segmentTokens(segment: string): Token[] {
  const roman = /^[IVX]+$/.test(segment) ? romanToInt(segment) : null;
  if (roman !== null && roman <= MAX_ROMAN) return [{ kind: "num", value: BigInt(roman) }];
  const tokens: Token[] = [];
  for (const run of segment.match(/\p{L}+|\p{N}+/gu) ?? []) {
    if (/^[0-9]+$/.test(run)) tokens.push({ kind: "num", value: BigInt(run) });
    else {
      const key = letterKey(run);
      if (key !== "") tokens.push({ kind: "letter", value: key });
    }
  }
  return tokens;
}

function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of clean(code).split(/[^\p{L}\p{N}]+/u)) {
    const inner = segmentTokens(segment);
    if (inner.length === 0) continue;
    if (tokens.length > 0) tokens.push({ kind: "sep" });
    tokens.push(...inner);
  }
  return tokens;
}

const RANK = { sep: 0, num: 1, letter: 2 } as const;

/**
 * Orders two task codes the way a reader of the plan does (GLOSSARY.md: codes are "ordered as
 * numbers, not strings"): "4.9" < "4.10", "9" < "10", "2" < "2a" < "2b", "II.1" < "II.2" < "III",
 * and a parent before its children ("2" < "2.1"). Roman numerals I–XX count as numbers (so "II"
 * and "2" are equal), lowercase letters are list letters ("i" after "h"), "1." equals "1".
 * Children by number come before children by letter ("2.1" < "2a"). Consistent with
 * `taskCodeSortKey`: `compareTaskCodes(a, b)` has the sign of comparing their keys.
 */
export function compareTaskCodes(a: string, b: string): number {
  const ta = tokenize(a);
  const tb = tokenize(b);
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i] as Token;
    const y = tb[i] as Token;
    if (x.kind !== y.kind) return RANK[x.kind] - RANK[y.kind];
    if (x.kind === "num" && y.kind === "num" && x.value !== y.value) return x.value < y.value ? -1 : 1;
    if (x.kind === "letter" && y.kind === "letter" && x.value !== y.value) return x.value < y.value ? -1 : 1;
  }
  return ta.length - tb.length;
}

/** A number in a key: 4 digits up to 9999; larger ones ":" + length (2 digits) + digits, after all. */
function numberKey(value: bigint): string {
  const digits = value.toString();
  return digits.length <= 4 ? digits.padStart(4, "0") : `:${String(digits.length).padStart(2, "0")}${digits}`;
}

/**
 * A plain string whose byte-wise order equals `compareTaskCodes` order, for databases that sort
 * with `COLLATE "C"` (an ORDER BY on the raw code would put "4.10" before "4.9"). Each number is
 * zero-padded to 4 digits, Roman numerals I–XX become numbers, letters are kept in lowercase,
 * segments are joined with ".": "4.10" → "0004.0010", "2a" → "0002a", "II.1" → "0002.0001".
 */
export function taskCodeSortKey(code: string): string {
  let key = "";
  for (const t of tokenize(code)) {
    if (t.kind === "sep") key += ".";
    else if (t.kind === "num") key += numberKey(t.value);
    else key += t.value;
  }
  return key;
}

/**
 * The code of the row a task sits under, as written: "2.3" → "2", "2a" → "2", "II.1" → "II",
 * "2.3a" → "2.3", "1" → null (a top-level row). A lettered code is a sub-item of its number
 * (GLOSSARY.md: groups hold tasks), so "2a" belongs to "2".
 */
export function parentCode(code: string): string | null {
  const text = clean(code);
  const m = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(text);
  if (!m) return null;
  const segment = m[1] ?? "";
  const isRoman = /^[IVX]+$/.test(segment) && (romanToInt(segment) ?? MAX_ROMAN + 1) <= MAX_ROMAN;
  const runs = isRoman ? [segment] : (segment.match(/\p{L}+|\p{N}+/gu) ?? [segment]);
  const cut = runs.length > 1 ? m.index + segment.length - (runs.at(-1) ?? "").length : m.index;
  const parent = text.slice(0, cut).replace(/[^\p{L}\p{N}]+$/u, "");
  return parent === "" ? null : parent;
}
