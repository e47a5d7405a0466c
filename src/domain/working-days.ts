/**
 * Working-day arithmetic for report deadlines. Decree 09/2019/NĐ-CP Art. 8.5 counts a periodic
 * report's deadline in working days after its cut-off window ends, and provinces give 2 working
 * days (REGULATIONS.md §1). A working day is Monday–Friday and not a public holiday or
 * civil-service day off: civil servants rest on Saturday and Sunday (the 40-hour week), and the
 * holidays — lunar Tết above all — move every year, so they come in as data (holidays.ts).
 *
 * Dates are ISO strings (YYYY-MM-DD), like vn-dates.ts, and the arithmetic is done on whole day
 * numbers, never through a local-time `Date`, so that no time zone can shift a deadline.
 *
 * Known limit: a Government "swap" sometimes makes one Saturday a working day (làm bù, e.g.
 * Saturday 22/08/2026 for Monday 31/08/2026). Saturdays are never working days here; the effect
 * is at most one day later on a deadline that crosses such a Saturday.
 */
import { isoDate, parseIsoDate } from "./vn-dates.ts";

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days-from-civil algorithm). */
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `toDayNumber`. */
function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(era * 400 + yoe + (month <= 2 ? 1 : 0), month, day);
}

/** The day number of a valid ISO date; a RangeError otherwise (a caller bug, not user input). */
function dayNumberOf(iso: string): number {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return toDayNumber(d.year, d.month, d.day);
}

/** `iso` moved by `n` calendar days (n may be negative): 2024-02-28 + 1 → 2024-02-29. */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return fromDayNumber(dayNumberOf(iso) + n);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

/** Day of the week as JavaScript numbers it: 0 Sunday, 1 Monday, …, 6 Saturday. */
export function weekday(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumberOf(iso) + 4) % 7) + 7) % 7;
}

/** Vietnam's offset from UTC: +07:00 all year (no daylight saving). */
const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * The calendar day in Vietnam of a date or an instant. A report submitted at 23:30 on
 * 31/12/2023 in Tuyên Quang was submitted on 31/12, even though it is 16:30 UTC, and a deadline
 * is a Vietnamese calendar day (Decree 09/2019 Art. 8.5). Accepts "YYYY-MM-DD" (returned as is),
 * an ISO date-time with "Z" or an offset (converted to UTC+7), an ISO date-time without an
 * offset (read as Vietnamese local time), or a `Date` (an instant, as the database returns
 * timestamps). Throws a RangeError for anything else.
 */
export function vnDay(value: string | Date): string {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) throw new RangeError("Invalid Date");
    return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
  }
  if (parseIsoDate(value)) return value;
  const m = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value);
  if (!m || !parseIsoDate(m[1] ?? ""))
    throw new RangeError(`Not an ISO date or date-time: ${JSON.stringify(value)}`);
  if (!m[2]) return m[1] as string;
  const t = Date.parse(value.replace(" ", "T"));
  if (Number.isNaN(t)) throw new RangeError(`Not an ISO date-time: ${JSON.stringify(value)}`);
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * True on a working day: Monday to Friday and not in `holidays`. Saturday and Sunday are the
 * civil service's weekly rest days, so they never count, holiday list or not.
 */
export function isWorkingDay(iso: string, holidays: ReadonlySet<string>): boolean {
  const w = weekday(iso);
  return w >= 1 && w <= 5 && !holidays.has(iso);
}

/**
 * The n-th working day AFTER `iso` (n ≥ 1, a whole number): `iso` itself never counts, because
 * Art. 8.5 requires time between the end of the cut-off window and the deadline. From Friday
 * 13/03/2026, 1 working day is Monday 16/03/2026.
 */
export function addWorkingDays(iso: string, n: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Working days must be a whole number ≥ 1: ${n}`);
  let day = dayNumberOf(iso);
  let left = n;
  // Terminates: `holidays` is finite, so weekdays outside it keep coming.
  while (left > 0) {
    day += 1;
    const d = fromDayNumber(day);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days d with a < d ≤ b — the inverse of `addWorkingDays`:
 * `workingDaysBetween(x, addWorkingDays(x, n, h), h) === n`. Negative when b is before a
 * (`workingDaysBetween(a, b) === -workingDaysBetween(b, a)`), 0 when they are the same day.
 * Used to say how many working days late a report was.
 */
export function workingDaysBetween(a: string, b: string, holidays: ReadonlySet<string>): number {
  const from = dayNumberOf(a);
  const to = dayNumberOf(b);
  if (to < from) return -workingDaysBetween(b, a, holidays);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkingDay(fromDayNumber(day), holidays)) count += 1;
  return count;
}

/**
 * A periodic report's deadline: `n` working days after the end of its cut-off window. The body
 * that issues the regime sets n, but Decree 09/2019 Art. 8.5 requires at least one working day
 * between the window's end and the deadline, so n < 1 is raised to 1 rather than refused.
 * A non-integer n is a RangeError (see calendar.ts `validateDeadlineDays`).
 */
export function dueDate(windowEnd: string, n: number, holidays: ReadonlySet<string>): string {
  return addWorkingDays(windowEnd, Math.max(1, n), holidays);
}
