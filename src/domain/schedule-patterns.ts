/**
 * The vocabulary of deadline phrases ("Thời gian thực hiện"), as regular expressions that find
 * the date and frequency expressions in a phrase. GLOSSARY.md "Deadline phrases" lists the forms
 * of the Tuyên Quang plan; the other forms come from the plans in /plans/other (see FACTS.md).
 * Each expression gives a period (first and last day), a recurrence, "continuous", or a warning
 * for a date that must not be guessed (no year, vague, impossible).
 */

import { romanToInt } from "./roman.ts";
import type { Recurrence } from "./schedule-types.ts";
import { isoDate, isValidDate, monthEnd, monthStart, quarterEnd, quarterStart } from "./vn-dates.ts";

/** What one expression of a deadline phrase means. */
export type ExprMeaning =
  | { type: "continuous" }
  | { type: "recurrence"; recurrence: Recurrence }
  /** A period [from, to]; `span` when the phrase names a range of years ("2024 - 2025"). */
  | { type: "period"; from: string; to: string; span: boolean }
  | { type: "warning"; message: string };

/** An expression found in a phrase: its meaning and where it is (`text.slice(start, end)`). */
export type Expr = ExprMeaning & { start: number; end: number; text: string };

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
/** Not glued to a preceding number or code ("06/2022/NĐ-CP" is not a month). */
const FREE_BEFORE = "(?<![\\p{L}\\p{N}/.,])";
/** A year we accept: 1900–2199. Other four-digit numbers are not taken for years. */
const YEAR = "((?:19|20|21)\\d{2})(?![\\p{N}])";
const QUARTER = "(?:quý|quí)";
const ROMAN_Q = "(IV|III|II|I|[1-4])";
const SEP = "\\s*(?:\\/|-|,|năm)?\\s*(?:năm\\s*)?";

const noYear = (what: string) => ({
  type: "warning" as const,
  message: `date without a year not kept: "${what}"`,
});
const invalid = (what: string) => ({
  type: "warning" as const,
  message: `impossible date not kept: "${what}"`,
});

function quarterNumber(s: string): number {
  return /^\d$/.test(s) ? Number(s) : (romanToInt(s.toUpperCase()) ?? 0);
}

function dayPeriod(text: string, d: string, m: string, y: string): ExprMeaning {
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  if (!isValidDate(year, month, day)) return invalid(text);
  const iso = isoDate(year, month, day);
  return { type: "period", from: iso, to: iso, span: false };
}

function monthPeriod(text: string, m: string, y: string): ExprMeaning {
  const [month, year] = [Number(m), Number(y)];
  if (month < 1 || month > 12) return invalid(text);
  return { type: "period", from: monthStart(year, month), to: monthEnd(year, month), span: false };
}

function yearPeriod(y: string): ExprMeaning {
  return { type: "period", from: `${y}-01-01`, to: `${y}-12-31`, span: false };
}

/** First day of the year to the end of its month `lastMonth` (6 → first half, 9 → nine months). */
function partOfYear(y: string, firstMonth: number, lastMonth: number): ExprMeaning {
  const year = Number(y);
  return { type: "period", from: monthStart(year, firstMonth), to: monthEnd(year, lastMonth), span: false };
}

type Build = (m: RegExpExecArray) => ExprMeaning;
const g = (m: RegExpExecArray, i: number): string => m[i] ?? "";
const isLast = (word: string): boolean => /cuối/iu.test(word);

/** The patterns; when two match at the same place the longer wins, then the earlier listed. */
const MATCHERS: Array<[string, Build]> = [
  // Continuous work: "Thường xuyên", "Liên tục"; daily work is continuous too.
  [
    `${NOT_WORD_BEFORE}(?:thường xuyên|liên tục|(?:hàng|hằng) ngày)${NOT_WORD_AFTER}`,
    () => ({ type: "continuous" }),
  ],
  // Recurrences.
  [
    `${NOT_WORD_BEFORE}(?:(?:định kỳ|hàng|hằng|mỗi)\\s+(?:6|sáu)\\s+tháng(?:\\s*(?:một|1)\\s+lần|\\s*\\/\\s*lần)?|(?:6|sáu)\\s+tháng\\s*(?:(?:một|1)\\s+lần|\\/\\s*lần)|(?:định kỳ\\s+|hàng\\s+|hằng\\s+)?nửa năm(?!\\s+(?:đầu|cuối))(?:\\s*(?:một|1)\\s+lần)?)${NOT_WORD_AFTER}`,
    () => ({ type: "recurrence", recurrence: "half-yearly" }),
  ],
  [
    `${NOT_WORD_BEFORE}(?:hàng|hằng|mỗi)\\s+năm${NOT_WORD_AFTER}`,
    () => ({ type: "recurrence", recurrence: "yearly" }),
  ],
  [
    `${NOT_WORD_BEFORE}(?:hàng|hằng|mỗi)\\s+${QUARTER}${NOT_WORD_AFTER}`,
    () => ({ type: "recurrence", recurrence: "quarterly" }),
  ],
  [
    `${NOT_WORD_BEFORE}(?:hàng|hằng|mỗi)\\s+tháng${NOT_WORD_AFTER}`,
    () => ({ type: "recurrence", recurrence: "monthly" }),
  ],
  [
    `${NOT_WORD_BEFORE}(?:hàng|hằng|mỗi)\\s+tuần${NOT_WORD_AFTER}`,
    (m) => ({ type: "warning", message: `weekly recurrence not supported: "${m[0]}"` }),
  ],
  // A day: "ngày 15/3/2022", "01/01/2030", "15-03-2022", "ngày 15 tháng 3 năm 2022".
  [
    `(?:${NOT_WORD_BEFORE}ngày\\s+)?${FREE_BEFORE}(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*${YEAR}`,
    (m) => dayPeriod(m[0], g(m, 1), g(m, 3), g(m, 4)),
  ],
  [
    `(?:${NOT_WORD_BEFORE}ngày\\s+)?${FREE_BEFORE}(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s*(?:,\\s*)?(?:năm|\\/)\\s*${YEAR}`,
    (m) => dayPeriod(m[0], g(m, 1), g(m, 2), g(m, 3)),
  ],
  [
    `(?:${NOT_WORD_BEFORE}ngày\\s+)?${FREE_BEFORE}\\d{1,2}\\s*\\/\\s*\\d{1,2}(?![\\p{N}]|\\s*\\/\\s*\\p{N})`,
    (m) => noYear(m[0]),
  ],
  [`${NOT_WORD_BEFORE}ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}${NOT_WORD_AFTER}`, (m) => noYear(m[0])],
  // A quarter: "Quý I/2022", "quý II năm 2022", "Quý 3/2022", "Q4/2021".
  [`${NOT_WORD_BEFORE}${QUARTER}\\s+${ROMAN_Q}${SEP}${YEAR}`, (m) => quarter(g(m, 1), g(m, 2))],
  [`${NOT_WORD_BEFORE}q\\s*([1-4])\\s*(?:\\/|-)?\\s*${YEAR}`, (m) => quarter(g(m, 1), g(m, 2))],
  [`${NOT_WORD_BEFORE}${QUARTER}\\s+${ROMAN_Q}${NOT_WORD_AFTER}`, (m) => noYear(m[0])],
  // Parts of a year: "6 tháng đầu năm 2023", "nửa cuối năm 2023", "9 tháng (đầu) năm 2023".
  [
    `${NOT_WORD_BEFORE}(?:6|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm\\s*\\/?\\s*${YEAR}`,
    (m) => (isLast(g(m, 1)) ? partOfYear(g(m, 2), 7, 12) : partOfYear(g(m, 2), 1, 6)),
  ],
  [
    `${NOT_WORD_BEFORE}nửa\\s+(?:(đầu|cuối)\\s+năm|năm\\s+(đầu|cuối)(?:\\s+năm)?)\\s*\\/?\\s*${YEAR}`,
    (m) => (isLast(g(m, 1) + g(m, 2)) ? partOfYear(g(m, 3), 7, 12) : partOfYear(g(m, 3), 1, 6)),
  ],
  [`${NOT_WORD_BEFORE}(?:6|sáu)\\s+tháng\\s+năm\\s*\\/?\\s*${YEAR}`, (m) => partOfYear(g(m, 1), 1, 6)],
  [
    `${NOT_WORD_BEFORE}(?:9|chín)\\s+tháng(?:\\s+đầu)?\\s+năm\\s*\\/?\\s*${YEAR}`,
    (m) => partOfYear(g(m, 1), 1, 9),
  ],
  [
    `${NOT_WORD_BEFORE}(?:(?:6|sáu|9|chín)\\s+tháng\\s+(?:đầu|cuối)\\s+năm|nửa\\s+(?:đầu|cuối)\\s+năm|nửa\\s+năm\\s+(?:đầu|cuối))${NOT_WORD_AFTER}`,
    (m) => noYear(m[0]),
  ],
  // A month: "tháng 8/2022", "tháng 5 năm 2026", "8/2024".
  [`${NOT_WORD_BEFORE}tháng\\s+(\\d{1,2})${SEP}${YEAR}`, (m) => monthPeriod(m[0], g(m, 1), g(m, 2))],
  [`${FREE_BEFORE}(\\d{1,2})\\s*\\/\\s*${YEAR}(?!\\s*\\/)`, (m) => monthPeriod(m[0], g(m, 1), g(m, 2))],
  [`${NOT_WORD_BEFORE}tháng\\s+\\d{1,2}${NOT_WORD_AFTER}`, (m) => noYear(m[0])],
  // A span of years: "2024 - 2025", "giai đoạn 2021-2025", "từ năm 2024 đến năm 2030".
  [
    `(?:${NOT_WORD_BEFORE}năm\\s+)?${FREE_BEFORE}${YEAR}\\s*(?:-|đến|tới)\\s*(?:hết\\s+)?(?:năm\\s+)?${YEAR}`,
    (m) => span(m[0], g(m, 1), g(m, 2)),
  ],
  // A year: "Năm 2022", "trong năm 2026", "2025".
  [`${NOT_WORD_BEFORE}năm\\s*${YEAR}`, (m) => yearPeriod(g(m, 1))],
  [`${FREE_BEFORE}${YEAR}(?![\\p{L}/]|[.,]\\p{N})`, (m) => yearPeriod(g(m, 1))],
];

function quarter(q: string, y: string): ExprMeaning {
  const n = quarterNumber(q);
  const year = Number(y);
  return { type: "period", from: quarterStart(year, n), to: quarterEnd(year, n), span: false };
}

function span(text: string, first: string, last: string): ExprMeaning {
  if (Number(first) > Number(last))
    return { type: "warning", message: `span ends before it starts: "${text}"` };
  return { type: "period", from: `${first}-01-01`, to: `${last}-12-31`, span: true };
}

const COMPILED = MATCHERS.map(([source, build]) => ({ re: new RegExp(source, "giu"), build }));

/**
 * Finds the expressions of a (normalised) deadline phrase, left to right, without overlaps:
 * where two candidates overlap the one that starts first wins, then the longer, then the one
 * listed first ("Năm 2021 - 2022" is one span, not the year 2021 and a stray "2022").
 */
export function findExpressions(text: string): Expr[] {
  const candidates: Array<Expr & { rank: number }> = [];
  COMPILED.forEach(({ re, build }, rank) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0] === "") {
        re.lastIndex++;
        continue;
      }
      candidates.push({ ...build(m), start: m.index, end: m.index + m[0].length, text: m[0], rank });
    }
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const chosen: Expr[] = [];
  let end = 0;
  for (const { rank: _rank, ...c } of candidates) {
    if (c.start < end) continue;
    chosen.push(c);
    end = c.end;
  }
  return chosen;
}
