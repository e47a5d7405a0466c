import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holidaySet, loadDefaultHolidays } from "./holidays.ts";
import {
  addDays,
  addWorkingDays,
  daysBetween,
  dueDate,
  isWorkingDay,
  vnDay,
  weekday,
  workingDaysBetween,
} from "./working-days.ts";

const NONE: ReadonlySet<string> = new Set();
const DEFAULT = holidaySet(loadDefaultHolidays());
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const anyDay = fc
  .date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true })
  .map(isoOf);

describe("calendar arithmetic", () => {
  it("agrees with the JS calendar on weekdays and day steps (property)", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -1000, max: 1000 }), (iso, n) => {
        expect(weekday(iso)).toBe(utc(iso).getUTCDay());
        const moved = addDays(iso, n);
        expect(utc(moved).getTime() - utc(iso).getTime()).toBe(n * 86_400_000);
        expect(daysBetween(iso, moved)).toBe(n);
      }),
    );
  });

  it("crosses leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(() => addDays("2025-02-29", 1)).toThrow(RangeError);
  });

  it("reads an instant as a Vietnamese calendar day (UTC+7)", () => {
    expect(vnDay("2023-12-31")).toBe("2023-12-31");
    expect(vnDay("2023-12-31T17:30:00Z")).toBe("2024-01-01");
    expect(vnDay("2023-12-31T16:59:59.999Z")).toBe("2023-12-31");
    expect(vnDay("2023-12-31T23:30:00+07:00")).toBe("2023-12-31");
    expect(vnDay("2023-12-31T23:30:00")).toBe("2023-12-31");
    expect(vnDay(new Date("2023-12-31T17:00:00Z"))).toBe("2024-01-01");
    expect(() => vnDay("31/12/2023")).toThrow(RangeError);
    expect(() => vnDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("working days (Decree 09/2019 Art. 8.5)", () => {
  it("rests on Saturday, Sunday and holidays", () => {
    expect(isWorkingDay("2026-03-13", NONE)).toBe(true); // Friday
    expect(isWorkingDay("2026-03-14", NONE)).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-15", NONE)).toBe(false); // Sunday
    expect(isWorkingDay("2026-02-17", DEFAULT)).toBe(false); // mùng 1 Tết Bính Ngọ
    expect(isWorkingDay("2026-02-23", DEFAULT)).toBe(true); // back to work
  });

  it("counts from the day after", () => {
    expect(addWorkingDays("2026-03-13", 1, NONE)).toBe("2026-03-16");
    expect(addWorkingDays("2026-03-16", 1, NONE)).toBe("2026-03-17");
    expect(addWorkingDays("2026-03-14", 2, NONE)).toBe("2026-03-17");
    expect(addWorkingDays("2026-02-14", 2, DEFAULT)).toBe("2026-02-24");
    expect(() => addWorkingDays("2026-03-13", 0, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-03-13", 1.5, NONE)).toThrow(RangeError);
  });

  it("counts working days between two dates, a excluded and b included", () => {
    expect(workingDaysBetween("2026-03-13", "2026-03-16", NONE)).toBe(1);
    expect(workingDaysBetween("2026-03-16", "2026-03-13", NONE)).toBe(-1);
    expect(workingDaysBetween("2026-03-13", "2026-03-13", NONE)).toBe(0);
    expect(workingDaysBetween("2026-02-13", "2026-02-24", DEFAULT)).toBe(2);
  });

  it("keeps at least one working day before the deadline", () => {
    expect(dueDate("2026-03-13", 0, NONE)).toBe("2026-03-16");
    expect(dueDate("2026-03-13", -3, NONE)).toBe("2026-03-16");
    expect(dueDate("2026-03-13", 2, NONE)).toBe("2026-03-17");
    expect(() => dueDate("2026-03-13", Number.NaN, NONE)).toThrow(RangeError);
  });

  const holidayList = fc.uniqueArray(
    fc.date({ min: new Date("2020-01-01"), max: new Date("2031-12-31"), noInvalidDate: true }).map(isoOf),
    { maxLength: 60 },
  );
  const windowEnd = fc
    .date({ min: new Date("2021-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
    .map(isoOf);

  it("lands on a working day strictly after the window, exactly n working days later (property)", () => {
    fc.assert(
      fc.property(windowEnd, fc.integer({ min: 1, max: 30 }), holidayList, (end, n, list) => {
        const holidays = new Set(list);
        const due = dueDate(end, n, holidays);
        expect(due > end).toBe(true);
        expect(isWorkingDay(due, holidays)).toBe(true);
        expect(workingDaysBetween(end, due, holidays)).toBe(n);
        expect(workingDaysBetween(due, end, holidays)).toBe(-n);
      }),
    );
  });

  it("is monotone in n (property)", () => {
    fc.assert(
      fc.property(windowEnd, fc.integer({ min: 1, max: 29 }), holidayList, (end, n, list) => {
        const holidays = new Set(list);
        expect(dueDate(end, n + 1, holidays) > dueDate(end, n, holidays)).toBe(true);
      }),
    );
  });

  /** Each year's Tết break: from its first to its last listed Tết day, weekends in between included. */
  const tetBreaks = (() => {
    const byYear = new Map<string, string[]>();
    for (const h of loadDefaultHolidays().filter((x) => x.name.includes("Tết Nguyên đán"))) {
      const y = h.date.slice(0, 4);
      byYear.set(y, [...(byYear.get(y) ?? []), h.date]);
    }
    return [...byYear.values()].map((days) => [days[0] as string, days[days.length - 1] as string] as const);
  })();

  it("never falls due in Tết with the bundled calendar (property)", () => {
    expect(tetBreaks).toHaveLength(10);
    fc.assert(
      fc.property(windowEnd, fc.integer({ min: 1, max: 30 }), (end, n) => {
        const due = dueDate(end, n, DEFAULT);
        for (const [from, to] of tetBreaks)
          expect(due >= from && due <= to, `${end} + ${n} → ${due}`).toBe(false);
      }),
    );
  });
});
