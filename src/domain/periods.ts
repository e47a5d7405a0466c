/**
 * Reporting periods and their data cut-off windows (thời gian chốt số liệu), as Decree
 * 09/2019/NĐ-CP Art. 12 fixes them for periodic reports of state administrative bodies
 * (REGULATIONS.md §1). A window does NOT follow the calendar month: it runs from the 15th of
 * the month before to the 14th of the reporting month, so that a report can be written and sent
 * right after the data are closed. Every window of year Y therefore lies within
 * 15/12/(Y−1) .. 14/12/Y, and January's window starts in the previous year.
 *
 * Labels are the ones stored in `reporting_periods.label` (src/db/schema/reporting.ts):
 * "2026-01", "2026-Q1", "2026-H1", "2026-9M", "2026".
 */
import { isoDate, parseIsoDate } from "./vn-dates.ts";

/** The periodic report frequencies (Art. 12), plus the nine-month report provinces use. */
export const FREQUENCIES = ["monthly", "quarterly", "half-yearly", "nine-month", "yearly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Frequencies whose windows tile the timeline (every day belongs to exactly one period). */
export type TilingFrequency = Exclude<Frequency, "nine-month">;

/** One reporting period: its frequency, label, and cut-off window (ISO dates, both inclusive). */
export interface Period {
  frequency: Frequency;
  label: string;
  start: string;
  end: string;
}

/** What a label says: the frequency, the reporting year and the period's number in that year. */
export interface PeriodLabel {
  frequency: Frequency;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; always 1 for nine-month and yearly. */
  index: number;
}

/** Periods per reporting year. */
export const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = {
  monthly: 12,
  quarterly: 4,
  "half-yearly": 2,
  "nine-month": 1,
  yearly: 1,
};

/**
 * Months each window spans. Art. 12: a month; a quarter (Q1 = 15/12 to 14/3); a half-year
 * (H1 = 15/12 to 14/6, H2 = 15/6 to 14/12); a year (15/12 to 14/12). Nine months (15/12 to
 * 14/9) is the provincial practice (Khánh Hòa QĐ 01/2023/QĐ-UBND; REGULATIONS.md §1).
 */
const SPAN_MONTHS: Readonly<Record<Frequency, number>> = {
  monthly: 1,
  quarterly: 3,
  "half-yearly": 6,
  "nine-month": 9,
  yearly: 12,
};

/** Years whose windows can be written as ISO dates (January's starts in the year before). */
const MIN_YEAR = 2;
const MAX_YEAR = 9999;

/** True for one of the five frequencies (e.g. when reading a regime's stored JSON). */
export function isFrequency(value: unknown): value is Frequency {
  return typeof value === "string" && (FREQUENCIES as readonly string[]).includes(value);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`Reporting year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}: ${year}`);
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const yearText = (year: number) => String(year).padStart(4, "0");

/** The label of period `index` (see `PeriodLabel`) of a year: ("quarterly", 2026, 1) → "2026-Q1". */
export function periodLabel(frequency: Frequency, year: number, index: number): string {
  const y = yearText(year);
  switch (frequency) {
    case "monthly":
      return `${y}-${pad2(index)}`;
    case "quarterly":
      return `${y}-Q${index}`;
    case "half-yearly":
      return `${y}-H${index}`;
    case "nine-month":
      return `${y}-9M`;
    case "yearly":
      return y;
  }
}

/**
 * The period `index` of `year`. Its window ends on the 14th of month index × span and starts
 * on the 15th of the month `span` months earlier — in December of the previous year for the
 * first period of every frequency (Art. 12: "Q1 = 15/12 of the previous year to 14/3").
 */
function periodOf(frequency: Frequency, year: number, index: number): Period {
  const span = SPAN_MONTHS[frequency];
  const endMonth = index * span;
  const startMonth = endMonth - span; // 0 = December of the previous year
  return {
    frequency,
    label: periodLabel(frequency, year, index),
    start: startMonth === 0 ? isoDate(year - 1, 12, 15) : isoDate(year, startMonth, 15),
    end: isoDate(year, endMonth, 14),
  };
}

/**
 * All periods of one frequency in a reporting year, in order: 12 monthly, 4 quarterly,
 * 2 half-yearly, 1 nine-month, 1 yearly. Throws a RangeError for a year outside 2–9999.
 */
export function periodsOfYear(year: number, frequency: Frequency): Period[] {
  checkYear(year);
  const out: Period[] = [];
  for (let i = 1; i <= PERIODS_PER_YEAR[frequency]; i++) out.push(periodOf(frequency, year, i));
  return out;
}

const LABEL = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|(9M)))?$/;

/**
 * Reads a period label: "2026-01" → monthly 1, "2026-Q3" → quarterly 3, "2026-H2",
 * "2026-9M", "2026" → yearly. Null for anything else ("2026-13", "2026-Q5", "2026-q1").
 */
export function parsePeriodLabel(label: string): PeriodLabel | null {
  const m = LABEL.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR) return null;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { frequency: "monthly", year, index: month } : null;
  }
  if (m[3] !== undefined) return { frequency: "quarterly", year, index: Number(m[3]) };
  if (m[4] !== undefined) return { frequency: "half-yearly", year, index: Number(m[4]) };
  if (m[5] !== undefined) return { frequency: "nine-month", year, index: 1 };
  return { frequency: "yearly", year, index: 1 };
}

/**
 * The period a label names, if it is a label of that frequency ("2026-Q1" is not monthly):
 * null otherwise, so a label typed by a user or stored by hand is checked, not trusted.
 */
export function periodByLabel(frequency: Frequency, label: string): Period | null {
  const parsed = parsePeriodLabel(label);
  if (!parsed || parsed.frequency !== frequency) return null;
  return periodOf(frequency, parsed.year, parsed.index);
}

/**
 * The period of `frequency` whose cut-off window contains `isoDate`: where a figure dated that
 * day is reported. From 15/12 on, a day belongs to the NEXT year's first period (Art. 12).
 * Monthly, quarterly, half-yearly and yearly windows cover every day; the nine-month window
 * (15/12 to 14/9) does not cover 15/9–14/12, so for it the answer may be null.
 * Throws a RangeError when `isoDate` is not a valid ISO date or its year is out of range.
 */
export function periodContaining(frequency: TilingFrequency, isoDate: string): Period;
export function periodContaining(frequency: Frequency, isoDate: string): Period | null;
export function periodContaining(frequency: Frequency, iso: string): Period | null {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  // The reporting month: from the 15th on, a day belongs to the next month's window.
  let month = d.day >= 15 ? d.month + 1 : d.month;
  let year = d.year;
  if (month === 13) {
    month = 1;
    year += 1;
  }
  checkYear(year);
  const span = SPAN_MONTHS[frequency];
  const index = Math.ceil(month / span);
  if (index > PERIODS_PER_YEAR[frequency]) return null; // nine-month: 15/9 .. 14/12
  return periodOf(frequency, year, index);
}

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A period's name as Vietnamese documents write it ("Quý I/2026", "6 tháng đầu năm 2026";
 * GLOSSARY.md: quarters in Roman numerals) and in English. Null for an unreadable label.
 */
export function periodTitle(label: string): { vi: string; en: string } | null {
  const p = parsePeriodLabel(label);
  if (!p) return null;
  const y = yearText(p.year);
  switch (p.frequency) {
    case "monthly":
      return { vi: `Tháng ${p.index}/${y}`, en: `${MONTHS_EN[p.index - 1]} ${y}` };
    case "quarterly":
      return { vi: `Quý ${ROMAN[p.index - 1]}/${y}`, en: `Q${p.index} ${y}` };
    case "half-yearly":
      return {
        vi: `6 tháng ${p.index === 1 ? "đầu" : "cuối"} năm ${y}`,
        en: `${p.index === 1 ? "First" : "Second"} half ${y}`,
      };
    case "nine-month":
      return { vi: `9 tháng năm ${y}`, en: `Nine months ${y}` };
    case "yearly":
      return { vi: `Năm ${y}`, en: `Year ${y}` };
  }
}
