/**
 * A reporting calendar: every period of a year under a plan's reporting regime, with its cut-off
 * window (Decree 09/2019/NĐ-CP Art. 12, periods.ts) and its deadline in working days after the
 * window's end (Art. 8.5, working-days.ts). The regime is data because the issuing body sets the
 * deadline (Art. 8.5) and each plan names its own frequencies (REGULATIONS.md §1).
 */
import { FREQUENCIES, type Frequency, isFrequency, type Period, periodsOfYear } from "./periods.ts";
import { dueDate } from "./working-days.ts";

/** The part of a reporting regime that fixes the calendar. */
export interface ReportingRegime {
  frequencies: readonly Frequency[];
  /** Working days from the window's end to the deadline, per frequency; missing = 2. */
  deadlineDays: Partial<Record<Frequency, number>>;
}

/** A period with its deadline (ISO date). */
export type CalendarPeriod = Period & { due: string };

/**
 * 2 working days after cut-off: the common provincial practice (Khánh Hòa; REGULATIONS.md §1,
 * a secondary source, hence a default a coordinator can change, not a rule of law).
 */
export const DEFAULT_DEADLINE_DAYS = 2;

/** Art. 8.5: at least one working day between the end of the window and the deadline. */
export const MIN_DEADLINE_DAYS = 1;

/**
 * An upper bound against typing mistakes (200 instead of 2): six weeks of working days is more
 * than any regime we know gives. Our own limit, not the decree's.
 */
export const MAX_DEADLINE_DAYS = 30;

/** All five frequencies, 2 working days each (REGULATIONS.md §1), until a plan sets its own. */
export const DEFAULT_REGIME: Readonly<{
  frequencies: readonly Frequency[];
  deadlineDays: Readonly<Record<Frequency, number>>;
}> = Object.freeze({
  frequencies: Object.freeze([...FREQUENCIES]),
  deadlineDays: Object.freeze({
    monthly: DEFAULT_DEADLINE_DAYS,
    quarterly: DEFAULT_DEADLINE_DAYS,
    "half-yearly": DEFAULT_DEADLINE_DAYS,
    "nine-month": DEFAULT_DEADLINE_DAYS,
    yearly: DEFAULT_DEADLINE_DAYS,
  }),
});

/** One thing wrong with a regime, said in both languages (the UI speaks Vietnamese first). */
export interface RegimeProblem {
  /** "deadlineDays.monthly", "frequencies[2]", … */
  field: string;
  en: string;
  vi: string;
}

/**
 * Checks deadline rules as they arrive from a form or the database's JSON: each key a known
 * frequency, each value a whole number of working days from 1 (Art. 8.5) to 30 (our bound).
 * Returns the problems; an empty list means valid.
 */
export function validateDeadlineDays(deadlineDays: Readonly<Record<string, unknown>>): RegimeProblem[] {
  const problems: RegimeProblem[] = [];
  for (const [key, value] of Object.entries(deadlineDays)) {
    const field = `deadlineDays.${key}`;
    if (!isFrequency(key)) {
      problems.push({
        field,
        en: `Unknown frequency "${key}" (expected one of ${FREQUENCIES.join(", ")}).`,
        vi: `Kỳ báo cáo không hợp lệ "${key}" (chỉ nhận ${FREQUENCIES.join(", ")}).`,
      });
    } else if (
      typeof value !== "number" ||
      !Number.isInteger(value) ||
      value < MIN_DEADLINE_DAYS ||
      value > MAX_DEADLINE_DAYS
    ) {
      problems.push({
        field,
        en: `The deadline for ${key} reports must be a whole number of working days from ${MIN_DEADLINE_DAYS} to ${MAX_DEADLINE_DAYS} after the cut-off (Decree 09/2019 Art. 8.5); got ${JSON.stringify(value)}.`,
        vi: `Thời hạn gửi báo cáo ${key} phải là số nguyên ngày làm việc từ ${MIN_DEADLINE_DAYS} đến ${MAX_DEADLINE_DAYS} sau khi chốt số liệu (khoản 5 Điều 8 Nghị định 09/2019/NĐ-CP); nhận được ${JSON.stringify(value)}.`,
      });
    }
  }
  return problems;
}

/**
 * Checks a whole regime of unknown origin (the `reporting_regimes` row's JSON columns):
 * `frequencies` a list of known frequencies, `deadlineDays` an object passing
 * `validateDeadlineDays`. When it returns no problem, the value is a `ReportingRegime`.
 */
export function validateRegime(raw: { frequencies: unknown; deadlineDays: unknown }): RegimeProblem[] {
  const problems: RegimeProblem[] = [];
  if (!Array.isArray(raw.frequencies)) {
    problems.push({
      field: "frequencies",
      en: "Frequencies must be a list.",
      vi: "Danh sách kỳ báo cáo không hợp lệ.",
    });
  } else {
    raw.frequencies.forEach((f: unknown, i) => {
      if (!isFrequency(f))
        problems.push({
          field: `frequencies[${i}]`,
          en: `Unknown frequency ${JSON.stringify(f)}.`,
          vi: `Kỳ báo cáo không hợp lệ: ${JSON.stringify(f)}.`,
        });
    });
  }
  const days = raw.deadlineDays;
  if (typeof days !== "object" || days === null || Array.isArray(days)) {
    problems.push({
      field: "deadlineDays",
      en: "Deadline rules must be an object {frequency: working days}.",
      vi: "Thời hạn gửi báo cáo phải có dạng {kỳ: số ngày làm việc}.",
    });
  } else {
    problems.push(...validateDeadlineDays(days as Record<string, unknown>));
  }
  return problems;
}

/** Sorting rank of a frequency: shortest period first, as FREQUENCIES lists them. */
const RANK: Readonly<Record<Frequency, number>> = Object.fromEntries(
  FREQUENCIES.map((f, i) => [f, i]),
) as Record<Frequency, number>;

/**
 * Every period of `year` for the regime's frequencies, each with its deadline: the window's end
 * plus the frequency's working days (missing → 2), skipping weekends and `holidays` — so a
 * window that ends just before Tết is due after the Tết break. Sorted by due date, then by
 * frequency (monthly first) — the order in which reports fall due.
 * Throws a RangeError for an invalid regime (see `validateRegime`) or year (see periods.ts).
 */
export function reportingCalendar(
  year: number,
  regime: ReportingRegime,
  holidays: ReadonlySet<string>,
): CalendarPeriod[] {
  const problems = validateRegime(regime);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.en).join(" "));
  const out: CalendarPeriod[] = [];
  for (const frequency of new Set(regime.frequencies)) {
    const n = regime.deadlineDays[frequency] ?? DEFAULT_DEADLINE_DAYS;
    for (const p of periodsOfYear(year, frequency)) out.push({ ...p, due: dueDate(p.end, n, holidays) });
  }
  return out.sort(
    (a, b) =>
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
      RANK[a.frequency] - RANK[b.frequency] ||
      (a.end < b.end ? -1 : a.end > b.end ? 1 : 0),
  );
}
