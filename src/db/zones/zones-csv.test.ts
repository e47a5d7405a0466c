import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZONES_CSV } from "../indicators/seed.ts";
import { sameZoneName } from "./store.ts";
import { firstDateIn, parseZonesCsv, yearIn } from "./zones-csv.ts";

describe("the zone list file", () => {
  const { rows, problems } = parseZonesCsv(readFileSync(ZONES_CSV, "utf8"));
  const row = (name: string) => rows.find((r) => r.name === name);

  it("reads every zone", () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.kind === "industrial_park")).toHaveLength(5);
  });

  it("turns the status into events; a whole date is taken from the decision text, a year alone never becomes a date", () => {
    expect(row("Long Bình An")?.events.map((e) => e.kind)).toEqual(["operating"]);
    expect(row("Long Bình An")?.remarks).toEqual(["expansion in the plan"]);
    expect(row("Sơn Nam")?.events).toEqual([
      expect.objectContaining({
        kind: "established",
        date: "2014-11-18",
        decision: expect.stringContaining("3219/UBND-CN"),
      }),
    ]);
    expect(row("Sơn Nam")?.remarks).toEqual(["infrastructure stalled"]);
    expect(row("An Hòa - Long Bình An")?.events).toEqual([
      expect.objectContaining({
        kind: "established",
        date: null,
        year: 2025,
        decision: "QĐ 08/QĐ-UBND (2025)",
      }),
    ]);
    expect(row("Ninh Lai - Thiện Kế")?.events).toEqual([
      expect.objectContaining({ kind: "established", decision: null }),
    ]);
    expect(row("Thắng Quân")?.events.map((e) => e.kind)).toEqual(["planned"]);
    expect(row("Nam Sơn Dương")?.events.map((e) => e.kind)).toEqual(["planned"]);
    expect(row("Nam Sơn Dương")?.totalAreaHa).toBeNull();
    expect(row("Sơn Nam")?.events[0]?.source).toContain("hdndtuyenquang.gov.vn");
  });

  it("takes a year alone only when no whole date is given, never from a decision number", () => {
    expect(yearIn("QĐ 08/QĐ-UBND (2025)")).toBe(2025);
    expect(yearIn("established 2025")).toBe(2025);
    expect(yearIn("QĐ 1026/QĐ-UBND 24/8/2015")).toBeNull();
    expect(yearIn("QĐ 2024/QĐ-UBND")).toBeNull();
    expect(yearIn("established")).toBeNull();
    expect(yearIn(null, "established 2023")).toBe(2023);
  });

  it("finds whole dates only", () => {
    expect(firstDateIn("QĐ 1026/QĐ-UBND 24/8/2015")).toBe("2015-08-24");
    expect(firstDateIn("QĐ 08/QĐ-UBND (2025)")).toBeNull();
    expect(firstDateIn("31/02/2025")).toBeNull();
    expect(firstDateIn(null)).toBeNull();
  });

  it("compares names by zoneKey, in either order of an 'A - B' name, never by prefix", () => {
    expect(sameZoneName("Nhữ Khê - Đội Cấn", "Đội Cấn – Nhữ Khê")).toBe(true);
    expect(sameZoneName("Khu công nghiệp Tam Đa", "KCN Tam Đa")).toBe(true);
    expect(sameZoneName("Nam Sơn Dương", "Sơn Dương")).toBe(false);
    expect(sameZoneName("Phúc Ứng", "Phúc Ứng 2")).toBe(false);
  });
});
