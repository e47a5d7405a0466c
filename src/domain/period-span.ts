/**
 * A reporting period as the calendar months it reports on, and the period after it. The cut-off
 * window of a period (Decree 09/2019 Art. 12, periods.ts: Q1 = 15/12 to 14/3) decides which
 * figures a report carries; a deadline in a plan is a calendar date ("trong Quý II/2022" is due
 * 30/06/2022, GLOSSARY.md), so "what falls due next period" is read on calendar months. Pure.
 */
import { parsePeriodLabel } from "./periods.ts";
import { isoDate, monthEnd } from "./vn-dates.ts";

export interface CalendarSpan {
  /** The period's label ("2022-Q2"). */
  label: string;
  /** First and last calendar day (ISO). */
  start: string;
  end: string;
}

function months(label: string, year: number, first: number, last: number): CalendarSpan {
  return { label, start: isoDate(year, first, 1), end: monthEnd(year, last) };
}

/** The calendar months a label reports on: "2022-Q1" → 01/01–31/03/2022, "2022-9M" → 01/01–30/09. */
export function calendarSpan(label: string): CalendarSpan {
  const p = parsePeriodLabel(label);
  if (!p) throw new RangeError(`not a period label: ${label}`);
  switch (p.frequency) {
    case "monthly":
      return months(label, p.year, p.index, p.index);
    case "quarterly":
      return months(label, p.year, p.index * 3 - 2, p.index * 3);
    case "half-yearly":
      return months(label, p.year, p.index * 6 - 5, p.index * 6);
    case "nine-month":
      return months(label, p.year, 1, 9);
    case "yearly":
      return months(label, p.year, 1, 12);
  }
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The period that follows, as the next report will cover it: the next month, quarter, half or
 * year; after nine months the fourth quarter ("2022-9M" → "2022-Q4", the rest of the year).
 */
export function nextPeriodLabel(label: string): string {
  const p = parsePeriodLabel(label);
  if (!p) throw new RangeError(`not a period label: ${label}`);
  switch (p.frequency) {
    case "monthly":
      return p.index === 12 ? `${p.year + 1}-01` : `${p.year}-${pad2(p.index + 1)}`;
    case "quarterly":
      return p.index === 4 ? `${p.year + 1}-Q1` : `${p.year}-Q${p.index + 1}`;
    case "half-yearly":
      return p.index === 2 ? `${p.year + 1}-H1` : `${p.year}-H2`;
    case "nine-month":
      return `${p.year}-Q4`;
    case "yearly":
      return String(p.year + 1);
  }
}

/** The same period a year earlier ("2022-Q1" → "2021-Q1"): the "cùng kỳ" of a comparison. */
export function samePeriodLastYear(label: string): string {
  const p = parsePeriodLabel(label);
  if (!p) throw new RangeError(`not a period label: ${label}`);
  return `${p.year - 1}${label.slice(4)}`;
}
