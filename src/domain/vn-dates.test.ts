import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayBefore,
  daysInMonth,
  isLeapYear,
  isValidIsoDate,
  monthEnd,
  quarterEnd,
  quarterStart,
} from "./vn-dates.ts";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("vn-dates", () => {
  it("knows leap years", () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 13)).toBe(0);
  });

  it("gives quarter bounds", () => {
    expect([1, 2, 3, 4].map((q) => quarterEnd(2022, q))).toEqual([
      "2022-03-31",
      "2022-06-30",
      "2022-09-30",
      "2022-12-31",
    ]);
    expect(quarterStart(2022, 3)).toBe("2022-07-01");
  });

  it("steps back one day across months and years", () => {
    expect(dayBefore("2030-01-01")).toBe("2029-12-31");
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(dayBefore("2023-06-30")).toBe("2023-06-29");
    expect(dayBefore("not a date")).toBe("not a date");
  });

  it("validates ISO dates", () => {
    expect(isValidIsoDate("2024-02-29")).toBe(true);
    expect(isValidIsoDate("2023-02-29")).toBe(false);
    expect(isValidIsoDate("2023-2-1")).toBe(false);
  });

  it("agrees with the JS calendar", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-02"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(isValidIsoDate(iso)).toBe(true);
          expect(utc(iso).getTime() - utc(dayBefore(iso)).getTime()).toBe(86_400_000);
          const end = monthEnd(d.getUTCFullYear(), d.getUTCMonth() + 1);
          expect(utc(end).getUTCMonth()).toBe(d.getUTCMonth());
          expect(new Date(utc(end).getTime() + 86_400_000).getUTCDate()).toBe(1);
        },
      ),
    );
  });
});
