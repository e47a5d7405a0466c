/**
 * Numbers written the Vietnamese way: a dot groups thousands and a comma marks decimals
 * ("27.700" tỷ đồng is 27 700; "25,8%" is 25.8 %). Plans are read in this form (GLOSSARY.md,
 * "Tỷ đồng") and exported documents must be written in it (REGULATIONS.md §3, Decree 30/2020:
 * "Numbers in Vietnamese style: "27.700" (thousands with a dot), "14,9%" (decimal comma)").
 */

const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const PLAIN = /^\d+$/;

/** Integer part: plain digits ("05", "27700") or dot-grouped ("27.700", "1.234.567"). */
function integerPart(s: string): string | null {
  if (PLAIN.test(s)) return s;
  if (GROUPED.test(s)) return s.replaceAll(".", "");
  return null;
}

/**
 * Reads a Vietnamese-style number; null when the text is not one number.
 *
 * - a comma is the decimal mark: "25,8" → 25.8, "0,5" → 0.5, "1.234,5" → 1234.5;
 * - a dot followed by groups of exactly three digits separates thousands: "27.700" → 27700,
 *   "138.700" → 138700 (the plan's figures, GLOSSARY.md);
 * - any other single dot is a decimal point, as foreign sources write it: "1.5" → 1.5, and so is
 *   a dot after a lone "0" ("0.500" → 0.5), since no one groups the thousands of zero;
 * - leading zeros are allowed ("05" → 5, Lào Cai's "từ 05 mỏ"); a leading "-" or "+" sign and
 *   surrounding spaces are accepted; units or "%" are not (strip them first).
 */
export function parseVnNumber(s: string): number | null {
  if (typeof s !== "string") return null;
  const text = s
    .normalize("NFKC")
    .trim()
    .replace(/^([+-])\s+/, "$1");
  const m = /^([+-]?)([\d.]+)(?:,(\d+))?$/.exec(text);
  if (!m) return null;
  const sign = m[1] === "-" ? -1 : 1;
  const body = m[2] ?? "";
  const fraction = m[3];
  let digits: string | null;
  if (fraction !== undefined) {
    const int = integerPart(body);
    digits = int === null ? null : `${int}.${fraction}`;
  } else if (GROUPED.test(body) && !body.startsWith("0.")) {
    digits = body.replaceAll(".", "");
  } else if (/^\d+(?:\.\d+)?$/.test(body)) {
    digits = body;
  } else {
    digits = null;
  }
  if (digits === null) return null;
  const value = sign * Number(digits);
  return Number.isFinite(value) ? value + 0 : null; // `+ 0` turns -0 into 0
}

/** Plain decimal digits of a non-negative finite number, never in exponent form. */
function plainDigits(abs: number): string {
  const s = String(abs);
  const e = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!e) return s;
  const mantissa = `${e[1]}${e[2] ?? ""}`;
  const point = 1 + Number(e[3]); // position of the decimal point within `mantissa`
  if (point <= 0) return `0.${"0".repeat(-point)}${mantissa}`;
  if (point >= mantissa.length) return mantissa + "0".repeat(point - mantissa.length);
  return `${mantissa.slice(0, point)}.${mantissa.slice(point)}`;
}

/** Inserts a dot every three digits from the right: "1234567" → "1.234.567". */
function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * Writes a number the Vietnamese way, as official documents require (REGULATIONS.md §3):
 * 27700 → "27.700", 14.9 → "14,9", 1234567.25 → "1.234.567,25".
 *
 * Without `fractionDigits` the shortest exact form is used (so `parseVnNumber` reads back the
 * same number); with it the value is rounded to that many decimals (0–100) and zeros kept
 * (`formatVnNumber(14, 1)` → "14,0"). NaN and ±Infinity are returned as `String(n)`.
 */
export function formatVnNumber(n: number, fractionDigits?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  let abs = Math.abs(n);
  let digits: string;
  if (fractionDigits === undefined) {
    digits = plainDigits(abs);
  } else {
    const fd = Math.min(100, Math.max(0, Math.trunc(fractionDigits)));
    if (abs >= 1e21) abs = Math.round(abs); // toFixed falls back to exponent form here
    digits = abs >= 1e21 ? `${plainDigits(abs)}${fd > 0 ? `.${"0".repeat(fd)}` : ""}` : abs.toFixed(fd);
  }
  const [int = "0", frac] = digits.split(".");
  const body = groupThousands(int) + (frac !== undefined ? `,${frac}` : "");
  const isZero = /^[0.,]*$/.test(body);
  return negative && !isZero ? `-${body}` : body;
}

/**
 * A percentage in Vietnamese style: 14.9 → "14,9%" (REGULATIONS.md §3 example "14,9%"; the
 * plan's targets are written "25,8%"). `n` is already in percent (14.9, not 0.149).
 */
export function formatVnPercent(n: number, fractionDigits?: number): string {
  return `${formatVnNumber(n, fractionDigits)}%`;
}
