import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FREQUENCIES,
  type Frequency,
  type Period,
  parsePeriodLabel,
  periodByLabel,
  periodContaining,
  periodsOfYear,
  periodTitle,
  type TilingFrequency,
} from "./periods.ts";

/** Independent oracle: the next calendar day through the JS Date in UTC. */
const nextDay = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const TILING: TilingFrequency[] = ["monthly", "quarterly", "half-yearly", "yearly"];
const window = (p: Period) => [p.label, p.start, p.end];

describe("periodsOfYear (Decree 09/2019 Art. 12)", () => {
  it("gives the monthly windows from the 15th to the 14th; January starts in December", () => {
    const months = periodsOfYear(2026, "monthly");
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({
      frequency: "monthly",
      label: "2026-01",
      start: "2025-12-15",
      end: "2026-01-14",
    });
    expect(window(months[1] as Period)).toEqual(["2026-02", "2026-01-15", "2026-02-14"]);
    expect(window(months[2] as Period)).toEqual(["2026-03", "2026-02-15", "2026-03-14"]);
    expect(window(months[11] as Period)).toEqual(["2026-12", "2026-11-15", "2026-12-14"]);
  });

  it("gives quarters, halves, nine months and the year", () => {
    expect(periodsOfYear(2026, "quarterly").map(window)).toEqual([
      ["2026-Q1", "2025-12-15", "2026-03-14"],
      ["2026-Q2", "2026-03-15", "2026-06-14"],
      ["2026-Q3", "2026-06-15", "2026-09-14"],
      ["2026-Q4", "2026-09-15", "2026-12-14"],
    ]);
    expect(periodsOfYear(2026, "half-yearly").map(window)).toEqual([
      ["2026-H1", "2025-12-15", "2026-06-14"],
      ["2026-H2", "2026-06-15", "2026-12-14"],
    ]);
    expect(periodsOfYear(2026, "nine-month").map(window)).toEqual([["2026-9M", "2025-12-15", "2026-09-14"]]);
    expect(periodsOfYear(2026, "yearly").map(window)).toEqual([["2026", "2025-12-15", "2026-12-14"]]);
  });

  it("refuses a year it cannot write", () => {
    expect(() => periodsOfYear(1, "monthly")).toThrow(RangeError);
    expect(() => periodsOfYear(2026.5, "yearly")).toThrow(RangeError);
    expect(() => periodsOfYear(10_000, "yearly")).toThrow(RangeError);
  });

  it("tiles the timeline for every year 2000–2100: each start is the previous end + 1 day", () => {
    for (const f of TILING) {
      let previous: Period | null = null;
      for (let year = 2000; year <= 2100; year++) {
        for (const p of periodsOfYear(year, f)) {
          if (previous) expect(p.start, `${f} ${p.label}`).toBe(nextDay(previous.end));
          expect(p.start <= p.end).toBe(true);
          previous = p;
        }
      }
    }
  });

  it("keeps every window within 15/12 of the previous year .. 14/12 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom(...FREQUENCIES), (year, f) => {
        const ps = periodsOfYear(year, f);
        expect(ps[0]?.start).toBe(`${year - 1}-12-15`);
        for (const p of ps) {
          expect(p.start >= `${year - 1}-12-15` && p.end <= `${year}-12-14`).toBe(true);
          expect(p.start.endsWith("-15") && p.end.endsWith("-14")).toBe(true);
          expect(periodByLabel(f, p.label)).toEqual(p);
        }
      }),
    );
  });
});

describe("period labels", () => {
  it("reads every kind of label and nothing else", () => {
    expect(parsePeriodLabel("2026-01")).toEqual({ frequency: "monthly", year: 2026, index: 1 });
    expect(parsePeriodLabel("2026-Q3")).toEqual({ frequency: "quarterly", year: 2026, index: 3 });
    expect(parsePeriodLabel("2026-H2")).toEqual({ frequency: "half-yearly", year: 2026, index: 2 });
    expect(parsePeriodLabel("2026-9M")).toEqual({ frequency: "nine-month", year: 2026, index: 1 });
    expect(parsePeriodLabel("2026")).toEqual({ frequency: "yearly", year: 2026, index: 1 });
    for (const bad of ["2026-13", "2026-00", "2026-Q5", "2026-q1", "2026-H3", "26", "2026-1", "Q1-2026", ""])
      expect(parsePeriodLabel(bad), bad).toBeNull();
  });

  it("finds a period only under its own frequency", () => {
    expect(periodByLabel("quarterly", "2022-Q1")).toEqual({
      frequency: "quarterly",
      label: "2022-Q1",
      start: "2021-12-15",
      end: "2022-03-14",
    });
    expect(periodByLabel("monthly", "2022-Q1")).toBeNull();
    expect(periodByLabel("yearly", "nonsense")).toBeNull();
  });

  it("names periods as Vietnamese documents do", () => {
    expect(periodTitle("2022-Q1")).toEqual({ vi: "Quý I/2022", en: "Q1 2022" });
    expect(periodTitle("2022-Q4")?.vi).toBe("Quý IV/2022");
    expect(periodTitle("2026-02")?.vi).toBe("Tháng 2/2026");
    expect(periodTitle("2026-H1")?.vi).toBe("6 tháng đầu năm 2026");
    expect(periodTitle("2026-H2")?.vi).toBe("6 tháng cuối năm 2026");
    expect(periodTitle("2026-9M")?.vi).toBe("9 tháng năm 2026");
    expect(periodTitle("2026")?.vi).toBe("Năm 2026");
    expect(periodTitle("x")).toBeNull();
  });
});

describe("periodContaining", () => {
  it("puts the 14th in the month's window and the 15th in the next one", () => {
    expect(periodContaining("monthly", "2026-03-14").label).toBe("2026-03");
    expect(periodContaining("monthly", "2026-03-15").label).toBe("2026-04");
    expect(periodContaining("quarterly", "2026-03-14").label).toBe("2026-Q1");
    expect(periodContaining("quarterly", "2026-03-15").label).toBe("2026-Q2");
  });

  it("moves 15–31 December into the next reporting year", () => {
    expect(periodContaining("monthly", "2025-12-15").label).toBe("2026-01");
    expect(periodContaining("yearly", "2025-12-31").label).toBe("2026");
    expect(periodContaining("half-yearly", "2025-12-14").label).toBe("2025-H2");
  });

  it("has no nine-month period from 15/9 to 14/12", () => {
    expect(periodContaining("nine-month", "2026-09-14")?.label).toBe("2026-9M");
    expect(periodContaining("nine-month", "2026-09-15")).toBeNull();
    expect(periodContaining("nine-month", "2026-12-14")).toBeNull();
    expect(periodContaining("nine-month", "2026-12-15")?.label).toBe("2027-9M");
  });

  it("refuses a date that is not one", () => {
    expect(() => periodContaining("monthly", "2026-02-30")).toThrow(RangeError);
  });

  it("returns the one period whose window holds the date (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-12-01"), noInvalidDate: true }),
        fc.constantFrom<Frequency>(...FREQUENCIES),
        (d, f) => {
          const iso = d.toISOString().slice(0, 10);
          const p = periodContaining(f, iso);
          if (p === null) {
            expect(f).toBe("nine-month");
            return;
          }
          expect(p.start <= iso && iso <= p.end).toBe(true);
          const parsed = parsePeriodLabel(p.label);
          const others = periodsOfYear(parsed?.year ?? 0, f).filter((q) => q.start <= iso && iso <= q.end);
          expect(others).toEqual([p]);
        },
      ),
    );
  });
});
