/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), kept as strings so that no time zone can shift
 * a day. Deadline phrases name periods (a month, a quarter, a year) and a milestone is due on the
 * period's last day (GLOSSARY.md "Deadline phrases": "trong Quý I/2022" is due 31/03/2022).
 */

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Gregorian leap-year rule. Needed because "tháng 2/2024" is due 29/02/2024 but "tháng 2/2023"
 * on 28/02/2023; 1900 and 2100 are not leap years, 2000 is.
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year; 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year/month/day name a real calendar day (years 1–9999, the ISO string range). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Formats a calendar day as ISO YYYY-MM-DD, the form milestones store (schedule-types.ts).
 * The caller must pass a valid date (see `isValidDate`); this function does not check.
 */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** Splits an ISO date into numbers; null when the string is not a real YYYY-MM-DD day. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** True for a well-formed ISO date naming a real day ("2023-02-29" is false). */
export function isValidIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== null;
}

/** First day of a month: where "từ tháng 1/2022" starts. */
export function monthStart(year: number, month: number): string {
  return isoDate(year, month, 1);
}

/** Last day of a month: a milestone "trong tháng 8/2022" is on time until 31/08/2022. */
export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/** First day of quarter 1–4 (Q1 starts 01/01, Q2 01/04, Q3 01/07, Q4 01/10). */
export function quarterStart(year: number, quarter: number): string {
  return isoDate(year, (quarter - 1) * 3 + 1, 1);
}

/**
 * Last day of quarter 1–4: 31/03, 30/06, 30/09, 31/12 (GLOSSARY.md: "Trình UBND tỉnh trong
 * Quý I/2022" is due 31/03/2022).
 */
export function quarterEnd(year: number, quarter: number): string {
  return monthEnd(year, quarter * 3);
}

/**
 * The day before an ISO date. "trước ngày 01/01/2030" (before 1 January 2030) means the work is
 * on time only until 31/12/2029, so a milestone's due date is the day before the named date.
 * Returns the input unchanged when it is not a valid ISO date.
 */
export function dayBefore(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  if (d.day > 1) return isoDate(d.year, d.month, d.day - 1);
  if (d.month > 1) return monthEnd(d.year, d.month - 1);
  return isoDate(d.year - 1, 12, 31);
}
