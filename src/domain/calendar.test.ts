import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CalendarPeriod,
  DEFAULT_REGIME,
  reportingCalendar,
  validateDeadlineDays,
  validateRegime,
} from "./calendar.ts";
import { holidaySet, loadDefaultHolidays } from "./holidays.ts";
import { FREQUENCIES, type Frequency } from "./periods.ts";
import { isWorkingDay, workingDaysBetween } from "./working-days.ts";

const HOLIDAYS = holidaySet(loadDefaultHolidays());
const find = (periods: CalendarPeriod[], label: string) => periods.find((p) => p.label === label);

describe("reportingCalendar", () => {
  it("gives Q1 2022 the window 15/12/2021–14/03/2022, due 16/03/2022 with 2 working days", () => {
    const cal = reportingCalendar(
      2022,
      { frequencies: ["quarterly"], deadlineDays: { quarterly: 2 } },
      HOLIDAYS,
    );
    expect(cal[0]).toEqual({
      frequency: "quarterly",
      label: "2022-Q1",
      start: "2021-12-15",
      end: "2022-03-14",
      due: "2022-03-16",
    });
  });

  it("pushes a window ending just before Tết past the Tết break", () => {
    // 2026-02 ends Saturday 14/02/2026; Tết Bính Ngọ runs to Sunday 22/02/2026.
    const feb = find(reportingCalendar(2026, DEFAULT_REGIME, HOLIDAYS), "2026-02");
    expect(feb?.end).toBe("2026-02-14");
    expect(feb?.due).toBe("2026-02-24");
    expect((feb?.due ?? "") > "2026-02-22").toBe(true);
    // Without the holiday calendar the same period would fall due in the middle of Tết.
    expect(find(reportingCalendar(2026, DEFAULT_REGIME, new Set()), "2026-02")?.due).toBe("2026-02-17");
  });

  it("lists 20 periods a year under the default regime, sorted by due date then frequency", () => {
    const cal = reportingCalendar(2026, DEFAULT_REGIME, HOLIDAYS);
    expect(cal).toHaveLength(20);
    const rank = (f: Frequency) => FREQUENCIES.indexOf(f);
    for (let i = 1; i < cal.length; i++) {
      const a = cal[i - 1] as CalendarPeriod;
      const b = cal[i] as CalendarPeriod;
      expect(a.due < b.due || (a.due === b.due && rank(a.frequency) <= rank(b.frequency))).toBe(true);
    }
    expect(cal.filter((p) => p.due === "2026-12-16").map((p) => p.label)).toEqual([
      "2026-12",
      "2026-Q4",
      "2026-H2",
      "2026",
    ]);
  });

  it("takes 2 working days for a frequency the regime gives no rule, and ignores repeated frequencies", () => {
    const cal = reportingCalendar(2022, { frequencies: ["yearly", "yearly"], deadlineDays: {} }, HOLIDAYS);
    expect(cal).toEqual([
      { frequency: "yearly", label: "2022", start: "2021-12-15", end: "2022-12-14", due: "2022-12-16" },
    ]);
  });

  it("uses each frequency's own rule", () => {
    const cal = reportingCalendar(
      2022,
      { frequencies: ["monthly", "yearly"], deadlineDays: { monthly: 1, yearly: 10 } },
      HOLIDAYS,
    );
    expect(find(cal, "2022-03")?.due).toBe("2022-03-15");
    expect(find(cal, "2022")?.due).toBe("2022-12-28");
  });

  it("refuses an invalid regime", () => {
    expect(() =>
      reportingCalendar(2026, { frequencies: ["monthly"], deadlineDays: { monthly: 0 } }, HOLIDAYS),
    ).toThrow(RangeError);
    expect(() =>
      reportingCalendar(2026, { frequencies: ["weekly" as Frequency], deadlineDays: {} }, HOLIDAYS),
    ).toThrow(RangeError);
  });

  it("makes every due a working day, exactly the rule's working days after the window (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2021, max: 2030 }),
        fc.subarray([...FREQUENCIES], { minLength: 1 }),
        fc.integer({ min: 1, max: 30 }),
        (year, frequencies, n) => {
          const deadlineDays = Object.fromEntries(frequencies.map((f) => [f, n]));
          for (const p of reportingCalendar(year, { frequencies, deadlineDays }, HOLIDAYS)) {
            expect(isWorkingDay(p.due, HOLIDAYS)).toBe(true);
            expect(p.due > p.end).toBe(true);
            expect(workingDaysBetween(p.end, p.due, HOLIDAYS)).toBe(n);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("validateDeadlineDays (Art. 8.5: at least one working day)", () => {
  it("accepts whole numbers from 1 to 30", () => {
    expect(validateDeadlineDays({ monthly: 1, quarterly: 2, "half-yearly": 30 })).toEqual([]);
    expect(validateDeadlineDays({})).toEqual([]);
    expect(validateDeadlineDays(DEFAULT_REGIME.deadlineDays)).toEqual([]);
  });

  it("names each problem in both languages", () => {
    const problems = validateDeadlineDays({
      monthly: 0,
      quarterly: 31,
      yearly: 2.5,
      "nine-month": "2",
      weekly: 2,
    });
    expect(problems.map((p) => p.field)).toEqual([
      "deadlineDays.monthly",
      "deadlineDays.quarterly",
      "deadlineDays.yearly",
      "deadlineDays.nine-month",
      "deadlineDays.weekly",
    ]);
    expect(problems[0]?.vi).toContain("Nghị định 09/2019");
    expect(problems[0]?.en).toContain("Art. 8.5");
  });

  it("checks a whole regime read from the database", () => {
    expect(validateRegime({ frequencies: ["monthly"], deadlineDays: { monthly: 2 } })).toEqual([]);
    expect(validateRegime({ frequencies: "monthly", deadlineDays: [] }).map((p) => p.field)).toEqual([
      "frequencies",
      "deadlineDays",
    ]);
    expect(
      validateRegime({ frequencies: ["monthly", "daily"], deadlineDays: null }).map((p) => p.field),
    ).toEqual(["frequencies[1]", "deadlineDays"]);
  });
});
