import { describe, expect, it } from "vitest";
import { DEFAULT_HOLIDAY_YEARS, holidaySet, holidaysOfYear, loadDefaultHolidays } from "./holidays.ts";
import { isValidIsoDate } from "./vn-dates.ts";
import { addDays, isWorkingDay, weekday } from "./working-days.ts";

const LIST = loadDefaultHolidays();
const SET = holidaySet(LIST);
const YEARS = Array.from({ length: 10 }, (_, i) => 2021 + i);

/** Lunar New Year's Day (mùng 1 Tết) and Hùng Kings' day (10/3 lunar), solar dates. */
const LUNAR_NEW_YEAR: Record<number, string> = {
  2021: "2021-02-12",
  2022: "2022-02-01",
  2023: "2023-01-22",
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
};
const HUNG_KINGS: Record<number, string> = {
  2021: "2021-04-21",
  2022: "2022-04-10",
  2023: "2023-04-29",
  2024: "2024-04-18",
  2025: "2025-04-07",
  2026: "2026-04-26",
  2027: "2027-04-16",
  2028: "2028-04-04",
  2029: "2029-04-23",
  2030: "2030-04-12",
};

describe("data/holidays/vn-2021-2030.json", () => {
  it("is well formed: real dates, once each, in order, every entry named and sourced", () => {
    expect(LIST.length).toBeGreaterThan(0);
    for (const h of LIST) {
      expect(isValidIsoDate(h.date), h.date).toBe(true);
      expect(h.name.trim()).not.toBe("");
      expect(h.source.trim()).not.toBe("");
      expect(typeof h.official).toBe("boolean");
    }
    const dates = LIST.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]?.startsWith(String(DEFAULT_HOLIDAY_YEARS.from))).toBe(true);
    expect(dates[dates.length - 1]?.startsWith(String(DEFAULT_HOLIDAY_YEARS.to))).toBe(true);
  });

  it("has the 11 statutory days of Labour Code 2019 Art. 112 each year, and at least 11 days off", () => {
    for (const year of YEARS) {
      const days = holidaysOfYear(LIST, year);
      expect(days.length, String(year)).toBeGreaterThanOrEqual(11);
      expect(days.filter((h) => h.official).length, String(year)).toBe(11);
      const has = (iso: string) => days.some((h) => h.date === iso && h.official);
      for (const md of ["01-01", "04-30", "05-01", "09-02"])
        expect(has(`${year}-${md}`), `${year}-${md}`).toBe(true);
      expect(has(HUNG_KINGS[year] as string), `Hùng Kings ${year}`).toBe(true);
      expect(has(LUNAR_NEW_YEAR[year] as string), `Tết ${year}`).toBe(true);
      expect(has(`${year}-09-01`) !== has(`${year}-09-03`), `National Day ${year}: one adjacent day`).toBe(
        true,
      );
    }
  });

  it("makes every Tết week non-working: the old year's last day and the new year's first four", () => {
    for (const year of YEARS) {
      const newYear = LUNAR_NEW_YEAR[year] as string;
      for (let d = -1; d <= 3; d++) {
        const day = addDays(newYear, d);
        expect(isWorkingDay(day, SET), `${year}: ${day}`).toBe(false);
      }
    }
  });

  it("gives five weekdays off for Tết every year, compensating Tết days that fall on a weekend", () => {
    for (const year of YEARS) {
      const newYear = LUNAR_NEW_YEAR[year] as string;
      let weekdaysOff = 0;
      for (let d = -4; d <= 7; d++) {
        const day = addDays(newYear, d);
        if (weekday(day) !== 0 && weekday(day) !== 6 && SET.has(day)) weekdaysOff += 1;
      }
      expect(weekdaysOff, String(year)).toBe(5);
    }
  });

  it("follows the decision for Tết Bính Ngọ 2026: off Saturday 14/02 to Sunday 22/02, weekdays 16–20/02 official", () => {
    for (let d = 0; d <= 8; d++) expect(isWorkingDay(addDays("2026-02-14", d), SET)).toBe(false);
    expect(isWorkingDay("2026-02-13", SET)).toBe(true);
    expect(isWorkingDay("2026-02-23", SET)).toBe(true);
    const official = LIST.filter((h) => h.date >= "2026-02-14" && h.date <= "2026-02-22" && h.official).map(
      (h) => h.date,
    );
    expect(official).toEqual(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]);
  });

  it("keeps swapped and compensatory days apart from statutory ones", () => {
    const day = (iso: string) => LIST.find((h) => h.date === iso);
    expect(day("2024-04-29")?.official).toBe(false); // swapped with Saturday 04/05/2024
    expect(day("2025-05-02")?.official).toBe(false); // swapped with Saturday 26/04/2025
    expect(day("2026-04-27")?.official).toBe(false); // Hùng Kings' day 2026 is a Sunday
    expect(day("2026-08-31")?.official).toBe(false); // swapped with Saturday 22/08/2026
  });

  it("marks the statutory days of years not yet decided as such", () => {
    for (const year of [2027, 2028, 2029, 2030]) {
      for (const h of holidaysOfYear(LIST, year).filter((x) => x.official))
        expect(h.source).toBe("Labour Code 2019 Art. 112 (days off not yet decided)");
    }
  });

  it("hands out a fresh copy each time", () => {
    const mine = loadDefaultHolidays();
    (mine[0] as { name: string }).name = "changed";
    mine.pop();
    expect(loadDefaultHolidays()).toEqual(LIST);
  });
});
