import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { defaultPeriod, periodFromText, readPeriod } from "./period-label.ts";
import { FREQUENCIES, PERIODS_PER_YEAR, periodLabel, periodTitle } from "./periods.ts";

/** Any period code: a frequency, a year 1000–9999 and an index valid for that frequency. */
const anyCode = fc.constantFrom(...FREQUENCIES).chain((frequency) =>
  fc
    .record({
      year: fc.integer({ min: 1000, max: 9999 }),
      index: fc.integer({ min: 1, max: PERIODS_PER_YEAR[frequency] }),
    })
    .map(({ year, index }) => ({ frequency, year, index, code: periodLabel(frequency, year, index) })),
);

function refusal(text: string, frequency?: (typeof FREQUENCIES)[number]): AppError {
  try {
    readPeriod(text, frequency);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`accepted ${text}`);
}

describe("readPeriod", () => {
  it("every code → Vietnamese title → the same code (and the English title, the code itself)", () => {
    fc.assert(
      fc.property(anyCode, ({ frequency, year, index, code }) => {
        const title = periodTitle(code);
        expect(title).not.toBeNull();
        for (const text of [code, title?.vi ?? "", title?.en ?? "", code.toLowerCase()]) {
          expect(readPeriod(text, frequency)).toEqual({ frequency, year, index, code });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("spacing and case do not matter; the title names its frequency", () => {
    fc.assert(
      fc.property(anyCode, fc.constantFrom(" ", "  ", "\t"), ({ code, frequency }, gap) => {
        const vi = periodTitle(code)?.vi ?? "";
        const messy = `${gap}${vi.replaceAll(" ", gap).replace("/", ` / `).toUpperCase()}${gap}`;
        expect(readPeriod(messy).code).toBe(code);
        expect(readPeriod(messy).frequency).toBe(frequency);
      }),
    );
  });

  it("reads the titles the app shows, and a few ways people write them", () => {
    expect(readPeriod("Quý IV/2026").code).toBe("2026-Q4");
    expect(readPeriod("Quý 4/2026").code).toBe("2026-Q4");
    expect(readPeriod("quý iv năm 2026").code).toBe("2026-Q4");
    expect(readPeriod("Tháng 3/2022").code).toBe("2022-03");
    expect(readPeriod("Tháng 03/2022").code).toBe("2022-03");
    expect(readPeriod("Tháng 12 năm 2025").code).toBe("2025-12");
    expect(readPeriod("6 tháng đầu năm 2026").code).toBe("2026-H1");
    expect(readPeriod("6 tháng cuối năm 2026").code).toBe("2026-H2");
    expect(readPeriod("9 tháng năm 2026").code).toBe("2026-9M");
    expect(readPeriod("9 tháng đầu năm 2026").code).toBe("2026-9M");
    expect(readPeriod("Năm 2025").code).toBe("2025");
    expect(readPeriod("2022-Q1").code).toBe("2022-Q1");
    // Decomposed Vietnamese (as some keyboards type it) reads like the composed form.
    expect(readPeriod("Quý IV/2026".normalize("NFD")).code).toBe("2026-Q4");
  });

  it("refuses what names no period, with a message saying how to write one", () => {
    for (const bad of [
      "",
      "Quý V/2026",
      "Quý 5/2026",
      "Tháng 13/2022",
      "Tháng 0/2022",
      "2022-Q5",
      "2022-13",
      "2022-H3",
      "2022-6M",
      "26",
      "Quý IV",
      "7 tháng năm 2026",
      "6 tháng giữa năm 2026",
      "Quý IV/2026; drop table",
    ]) {
      const e = refusal(bad);
      expect(e.code, bad).toBe("VALIDATION");
      expect(e.fields?.[0]?.field).toBe("label");
      expect(e.message).toContain("Quý IV/2026");
    }
    expect(refusal("Quý V/2026").messageVi).toContain("không phải là kỳ báo cáo");
  });

  it("refuses a period of another frequency, naming both", () => {
    const e = refusal("Quý IV/2026", "monthly");
    expect(e.messageVi).toContain("là kỳ báo cáo quý, không phải báo cáo tháng");
    expect(e.message).toContain("quarterly period, not a monthly one");
    expect(refusal("2026", "quarterly").code).toBe("VALIDATION");
  });

  it("gives the window of the period named (Decree 09/2019 Art. 12)", () => {
    expect(periodFromText("quarterly", "Quý IV/2026")).toEqual({
      frequency: "quarterly",
      label: "2026-Q4",
      start: "2026-09-15",
      end: "2026-12-14",
    });
    expect(periodFromText("monthly", "Tháng 1/2026").start).toBe("2025-12-15");
  });
});

describe("defaultPeriod", () => {
  it("is the period running today, or for the nine-month report the one just ended", () => {
    expect(defaultPeriod("quarterly", "2026-12-07").label).toBe("2026-Q4");
    expect(defaultPeriod("monthly", "2026-12-07").label).toBe("2026-12");
    expect(defaultPeriod("half-yearly", "2026-12-07").label).toBe("2026-H2");
    expect(defaultPeriod("yearly", "2026-12-07").label).toBe("2026");
    expect(defaultPeriod("nine-month", "2026-12-07").label).toBe("2026-9M");
    expect(defaultPeriod("nine-month", "2026-08-01").label).toBe("2026-9M");
    // From 15/12 a day belongs to the next year's first period.
    expect(defaultPeriod("quarterly", "2026-12-20").label).toBe("2027-Q1");
  });
});
