/**
 * Public holidays and civil-service days off, as DATA. Working days exclude them (Decree
 * 09/2019 Art. 8.5 counts report deadlines in working days), and they cannot be computed: lunar
 * Tết moves every year, and each year the Government decides the exact days off, usually
 * bridging to weekends (REGULATIONS.md §1). So the list ships as JSON
 * (data/holidays/vn-2021-2030.json), goes into the `holidays` table, and an administrator
 * corrects it there.
 *
 * What the bundled list holds, per year:
 *  - the statutory days of the Labour Code 2019 Art. 112 — 1 January; 5 days of Tết; Hùng
 *    Kings' day (10th day of the 3rd lunar month); 30 April; 1 May; 2 September plus the day
 *    before or after — `official: true`, even when one falls on a weekend;
 *  - compensatory days for a statutory day on a Saturday or Sunday (Art. 111.3) and days the
 *    Government swapped with a make-up Saturday — `official: false`;
 *  - 2021–2026: the days the Government actually decided (sources per entry; 2026 Tết is
 *    Saturday 14/02 to Sunday 22/02, weekdays 16–20/02 — REGULATIONS.md §1);
 *  - 2027–2030, not decided yet: the statutory days (Tết = last day of the old lunar year and
 *    the first 4 of the new one; the National Day's adjacent day is the one that joins the
 *    weekend, as in 2021–2026) with source "Labour Code 2019 Art. 112 (days off not yet
 *    decided)", plus the compensatory days Art. 111.3 itself grants, which are certain in
 *    number even though the Government may place them differently.
 * Ordinary weekends inside a long break are not listed: they are rest days anyway.
 */
import data from "../../data/holidays/vn-2021-2030.json" with { type: "json" };

/** One day off. `date` is ISO (YYYY-MM-DD); `name` is "Vietnamese / English". */
export interface Holiday {
  date: string;
  name: string;
  /** true: a statutory holiday (Labour Code 2019 Art. 112); false: a compensatory or swapped day off. */
  official: boolean;
  /** The law or decision the day comes from. */
  source: string;
}

/** The years the bundled list covers; outside them only weekends are known to be days off. */
export const DEFAULT_HOLIDAY_YEARS = { from: 2021, to: 2030 } as const;

/** The set of holiday dates that working-day arithmetic (working-days.ts) looks days up in. */
export function holidaySet(list: readonly Pick<Holiday, "date">[]): ReadonlySet<string> {
  return new Set(list.map((h) => h.date));
}

/**
 * The bundled list, sorted by date: a fresh copy each call, so that a caller editing it (an
 * administrator's draft) cannot change what the next caller gets. Read through a static JSON
 * import so the browser build has it too — no file system needed.
 */
export function loadDefaultHolidays(): Holiday[] {
  return (data as readonly Holiday[]).map((h) => ({ ...h }));
}

/** The entries of one calendar year (by the date's year). */
export function holidaysOfYear(list: readonly Holiday[], year: number): Holiday[] {
  const prefix = `${String(year).padStart(4, "0")}-`;
  return list.filter((h) => h.date.startsWith(prefix));
}
