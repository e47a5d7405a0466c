import { describe, expect, it } from "vitest";
import { holidaySet, loadDefaultHolidays } from "../domain/holidays.ts";
import { isWorkingDay } from "../domain/working-days.ts";
import { type RegimeLoader, runCalendar } from "./calendar.ts";

const HOLIDAYS = holidaySet(loadDefaultHolidays());

interface Row {
  frequency: string;
  label: string;
  start: string;
  end: string;
  due: string;
}

async function run(args: string[], loadRegime?: RegimeLoader) {
  let out = "";
  let err = "";
  const code = await runCalendar(
    args,
    (s) => {
      out += s;
    },
    loadRegime,
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}

describe("kehoach calendar", () => {
  it("prints the 2026 calendar as JSON: 12 monthly + 4 quarterly + 2 half-year + 1 nine-month + 1 yearly", async () => {
    const { code, out, err } = await run(["--year", "2026", "--json"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    const rows = JSON.parse(out) as Row[];
    expect(rows).toHaveLength(20);
    const count = (f: string) => rows.filter((r) => r.frequency === f).length;
    expect([
      count("monthly"),
      count("quarterly"),
      count("half-yearly"),
      count("nine-month"),
      count("yearly"),
    ]).toEqual([12, 4, 2, 1, 1]);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(["due", "end", "frequency", "label", "start"]);
      expect(r.due > r.end, r.label).toBe(true);
      expect(isWorkingDay(r.due, HOLIDAYS), r.label).toBe(true);
    }
    expect(rows.find((r) => r.label === "2026-02")).toEqual({
      frequency: "monthly",
      label: "2026-02",
      start: "2026-01-15",
      end: "2026-02-14",
      due: "2026-02-24",
    });
  });

  it("prints a readable table with Vietnamese dates by default", async () => {
    const { code, out } = await run(["--year", "2022"]);
    expect(code).toBe(0);
    expect(out).toContain("Lịch báo cáo định kỳ năm 2022 / Periodic reporting calendar 2022");
    expect(out).toMatch(/Quý I\/2022\s+quý \/ quarterly\s+15\/12\/2021\s+14\/03\/2022\s+16\/03\/2022/);
    expect(out).toContain("20 kỳ / periods");
  });

  it("notes when the year is outside the bundled holiday list", async () => {
    expect((await run(["--year", "2040"])).out).toContain("2021–2030");
    expect((await run(["--year", "2026"])).out).not.toContain("Lưu ý");
  });

  it.each([
    [["--year", "20x6"], "--year"],
    [["--year", "1999"], "--year"],
    [["--year", "2101"], "--year"],
    [["--year"], "--year"],
    [[], "--year"],
    [["--year", "2026", "--plan", "abc"], "--plan"],
    [["--year", "2026", "--plan", "0"], "--plan"],
    [["--year", "2026", "--frob"], "--frob"],
  ])("refuses %j with a message in Vietnamese and English", async (args, names) => {
    const { code, out, err } = await run(args);
    expect(code).not.toBe(0);
    expect(out).toBe("");
    expect(err).toMatch(/^Lỗi: .*\nError: /);
    expect(err).toContain(names);
    expect(err).toContain("Cách dùng / usage");
  });

  it("uses the plan's regime when it has one", async () => {
    const asked: number[] = [];
    const loader: RegimeLoader = async (planId) => {
      asked.push(planId);
      return { frequencies: ["quarterly"], deadlineDays: { quarterly: 5 } };
    };
    const { code, out } = await run(["--year", "2022", "--plan", "7", "--json"], loader);
    expect(code).toBe(0);
    expect(asked).toEqual([7]);
    const rows = JSON.parse(out) as Row[];
    expect(rows.map((r) => [r.label, r.due])).toEqual([
      ["2022-Q1", "2022-03-21"],
      ["2022-Q2", "2022-06-21"],
      ["2022-Q3", "2022-09-21"],
      ["2022-Q4", "2022-12-21"],
    ]);
  });

  it("falls back to the default regime when the plan has none", async () => {
    const { code, out } = await run(["--year", "2026", "--plan", "3"], async () => null);
    expect(code).toBe(0);
    expect(out).toContain("kế hoạch 3 chưa có chế độ báo cáo / default — plan 3 has no saved regime");
    expect(out).toContain("20 kỳ / periods");
  });

  it("refuses a stored regime that breaks Art. 8.5, and --plan without a database", async () => {
    const bad = await run(["--year", "2026", "--plan", "3"], async () => ({
      frequencies: ["monthly"],
      deadlineDays: { monthly: 0 },
    }));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("deadlineDays.monthly");
    expect(bad.err).toMatch(/Lỗi: [\s\S]*Error: /);
    const noDb = await run(["--year", "2026", "--plan", "3"]);
    expect(noDb.code).not.toBe(0);
    expect(noDb.err).toContain("--plan");
  });

  it("writes errors to the output when no error stream is given", async () => {
    let out = "";
    const code = await runCalendar(["--year", "nope"], (s) => {
      out += s;
    });
    expect(code).toBe(2);
    expect(out).toContain("Lỗi: --year");
  });
});
