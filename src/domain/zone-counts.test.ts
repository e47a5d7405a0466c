import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateMeasure } from "./evaluation.ts";
import { SCOPE_PRE_MERGER } from "./indicator-values.ts";
import {
  countEstablished,
  countExpanded,
  type NamedZone,
  namedZoneProgress,
  type ZoneEvent,
  zoneKey,
} from "./zone-counts.ts";

const FROM = "2021-01-01";
const TO = "2025-12-31";
const ev = (zone: string, more: Partial<ZoneEvent> = {}): ZoneEvent => ({
  zone,
  zoneKind: "industrial_cluster",
  event: "established",
  ...more,
});

// From tuyen-quang-zones.csv where a decision is known; the rest is ILLUSTRATIVE ("TEST-…"),
// and so is the day of QĐ 08/QĐ-UBND (the source gives only the year 2025).
const EVENTS: ZoneEvent[] = [
  ev("An Hòa - Long Bình An", { date: "2025-01-03", decision: "08/QĐ-UBND", source: "tracuuquyhoach.com" }),
  ev("Ninh Lai - Thiện Kế", { source: "baokiemtoan.vn/print/37837.html" }), // no decision on record
  ev("Sơn Nam", {
    zoneKind: "industrial_park",
    date: "2014-11-18",
    decision: "3219/UBND-CN",
    source: "hdndtuyenquang.gov.vn",
  }),
  ev("CCN Thử A", { date: "2022-05-10", decision: "TEST-01/QĐ-UBND" }),
  ev("Cụm công nghiệp Thử A", { date: "2023-02-01", decision: "TEST-02/QĐ-UBND" }), // same zone again
  ev("Thử B", { date: "2020-12-31", decision: "TEST-03/QĐ-UBND" }), // before the period
  ev("Thử C", { date: "2025-09-01", decision: "TEST-04/QĐ-UBND", territory: "Hà Giang (pre-merger)" }),
  ev("Thắng Quân", { event: "expanded", date: "2024-06-01", decision: "TEST-05/QĐ-UBND" }),
  ev("Long Bình An", {
    zoneKind: "industrial_park",
    event: "planned",
    date: "2021-06-01",
    decision: "TEST-06",
  }),
];

describe("zoneKey", () => {
  it("matches the ways one zone is written", () => {
    expect(zoneKey("Khu công nghiệp Tam Đa")).toBe("tam đa");
    expect(zoneKey("KCN  Tam Đa ")).toBe("tam đa");
    expect(zoneKey("Nhữ Khê – Đội Cấn")).toBe(zoneKey("Nhữ Khê-Đội Cấn"));
    expect(zoneKey("Tam Đa".normalize("NFD"))).toBe("tam đa");
    expect(zoneKey("Nam Sơn Dương")).not.toBe(zoneKey("Sơn Dương"));
  });
});

describe("countEstablished: target (5) 'thành lập mới ít nhất 5 cụm công nghiệp'", () => {
  it("counts founding decisions with number and date in 2021–2025, once per zone", () => {
    const r = countEstablished(EVENTS, "industrial_cluster", FROM, TO, { territory: SCOPE_PRE_MERGER });
    expect(r.count).toBe(2);
    expect(r.counted.map((e) => e.zone)).toEqual(["CCN Thử A", "An Hòa - Long Bình An"]);
    expect(r.ignored.map((i) => [i.event.zone, i.reason.en])).toEqual([
      ["Ninh Lai - Thiện Kế", "No decision number or date: not counted."],
      ["Thử B", "Decision of 31/12/2020 is outside 01/01/2021 – 31/12/2025."],
      ["Cụm công nghiệp Thử A", "This zone is already counted."],
      ["Thử C", "Outside Tuyên Quang before the merger."],
    ]);
  });

  it("counts zones of another territory only when no territory is asked for", () => {
    expect(countEstablished(EVENTS, "industrial_cluster", FROM, TO).count).toBe(3);
  });

  it("feeds the evaluation: 2 of at least 5 is a miss of 3", () => {
    const count = countEstablished(EVENTS, "industrial_cluster", FROM, TO, {
      territory: SCOPE_PRE_MERGER,
    }).count;
    const e = evaluateMeasure(
      {
        id: "5",
        label: { vi: "Cụm công nghiệp thành lập mới", en: "New industrial clusters" },
        value: 5,
        unit: "cụm",
        comparator: ">=",
        year: 2025,
      },
      [{ year: 2025, value: count, unit: "cụm" }],
      { asOf: "2026-01-15" },
    );
    expect(e.status).toBe("missed");
    expect(e.gap).toEqual({ absolute: -3, percent: -60 });
  });

  it("counts expansions apart from foundings", () => {
    expect(countExpanded(EVENTS, "industrial_cluster", FROM, TO).counted.map((e) => e.zone)).toEqual([
      "Thắng Quân",
    ]);
    expect(countEstablished(EVENTS, "industrial_park", FROM, TO).count).toBe(0);
  });
});

describe("namedZoneProgress: target (4)", () => {
  // "thành lập mới: KCN Nam Sơn Dương, KCN Tam Đa … và KCN Nhữ Khê; điều chỉnh mở rộng KCN Long Bình An".
  const named: NamedZone[] = [
    { zone: "Khu công nghiệp Nam Sơn Dương", zoneKind: "industrial_park", event: "established" },
    { zone: "Khu công nghiệp Tam Đa", zoneKind: "industrial_park", event: "established" },
    {
      zone: "Khu công nghiệp Nhữ Khê",
      aliases: ["Nhữ Khê - Đội Cấn"],
      zoneKind: "industrial_park",
      event: "established",
    },
    { zone: "Khu công nghiệp Long Bình An", zoneKind: "industrial_park", event: "expanded" },
  ];
  const parks: ZoneEvent[] = [
    ...EVENTS,
    ev("Sơn Dương", { zoneKind: "industrial_park", date: "2023-01-01", decision: "TEST-07" }), // not "Nam Sơn Dương"
    ev("KCN Nhữ Khê – Đội Cấn", {
      zoneKind: "industrial_park",
      date: "2024-03-15",
      decision: "TEST-08/QĐ-TTg",
    }),
    ev("Tam Đa", { zoneKind: "industrial_park", event: "planned", date: "2022-08-01", decision: "TEST-09" }),
  ];

  it("reports which named zones are done, with the evidence, and which are not, with their status", () => {
    const p = namedZoneProgress(parks, named, FROM, TO);
    expect(p.done.map((d) => [d.named.zone, d.evidence.decision])).toEqual([
      ["Khu công nghiệp Nhữ Khê", "TEST-08/QĐ-TTg"],
    ]);
    expect(p.notDone.map((d) => [d.named.zone, d.lastEvent?.event ?? null])).toEqual([
      ["Khu công nghiệp Nam Sơn Dương", null],
      ["Khu công nghiệp Tam Đa", "planned"],
      ["Khu công nghiệp Long Bình An", "planned"],
    ]);
    expect(p.rule.vi).toBe(
      "Tính là hoàn thành khi có quyết định (số, ngày) trong kỳ 01/01/2021 – 31/12/2025. Đã hoàn thành 1/4: Khu công nghiệp Nhữ Khê. Chưa hoàn thành: Khu công nghiệp Nam Sơn Dương, Khu công nghiệp Tam Đa, Khu công nghiệp Long Bình An.",
    );
  });
});

describe("properties", () => {
  const eventArb = fc.record({
    zone: fc.constantFrom("A", "B", "C", "KCN A", "D"),
    event: fc.constantFrom<ZoneEvent["event"]>("planned", "established", "expanded", "operating"),
    year: fc.integer({ min: 2018, max: 2028 }),
    decided: fc.boolean(),
  });
  const toEvents = (
    xs: { zone: string; event: ZoneEvent["event"]; year: number; decided: boolean }[],
  ): ZoneEvent[] =>
    xs.map((x) =>
      ev(x.zone, {
        zoneKind: "industrial_park",
        event: x.event,
        date: `${x.year}-06-01`,
        decision: x.decided ? "N" : null,
      }),
    );

  it("counts the distinct zones with a decided founding in the period, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 20 }), (xs) => {
        const events = toEvents(xs);
        const r = countEstablished(events, "industrial_park", FROM, TO);
        const r2 = countEstablished([...events].reverse(), "industrial_park", FROM, TO);
        const expected = new Set(
          xs
            .filter((x) => x.event === "established" && x.decided && x.year >= 2021 && x.year <= 2025)
            .map((x) => zoneKey(x.zone)),
        ).size;
        const established = events.filter((e) => e.event === "established").length;
        return r.count === expected && r2.count === expected && r.count + r.ignored.length === established;
      }),
    );
  });

  it("expansions never change the count of foundings", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 20 }), (xs) => {
        const events = toEvents(xs);
        const withoutExpansions = events.filter((e) => e.event !== "expanded");
        return (
          countEstablished(events, "industrial_park", FROM, TO).count ===
          countEstablished(withoutExpansions, "industrial_park", FROM, TO).count
        );
      }),
    );
  });
});

describe("a decision known only by its year", () => {
  const ev = (year: number | null, date: string | null = null) => ({
    zone: "An Hòa - Long Bình An",
    zoneKind: "industrial_cluster" as const,
    event: "established" as const,
    decision: "QĐ 08/QĐ-UBND (2025)",
    date,
    year,
  });
  it("counts once the whole year lies inside the span, never before", () => {
    expect(countEstablished([ev(2025)], "industrial_cluster", "2021-01-01", "2025-12-31").count).toBe(1);
    const mid = countEstablished([ev(2025)], "industrial_cluster", "2021-01-01", "2025-06-30");
    expect(mid.count).toBe(0);
    expect(mid.ignored[0]?.reason.en).toContain("day unknown");
    expect(countEstablished([ev(2020)], "industrial_cluster", "2021-01-01", "2025-12-31").count).toBe(0);
    expect(countEstablished([ev(null)], "industrial_cluster", "2021-01-01", "2025-12-31").count).toBe(0);
  });
  it("a whole date wins over the year", () => {
    expect(
      countEstablished([ev(2019, "2025-02-10")], "industrial_cluster", "2025-01-01", "2025-03-01").count,
    ).toBe(1);
  });
  it("never counts more as the span shrinks (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2018, max: 2028 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 365 * 5 }),
        (years, cut) => {
          const events = years.map((y, i) => ({ ...ev(y), zone: `Cụm ${i}` }));
          const end = new Date(Date.UTC(2025, 11, 31) - cut * 86400_000).toISOString().slice(0, 10);
          const full = countEstablished(events, "industrial_cluster", "2021-01-01", "2025-12-31").count;
          const part = countEstablished(events, "industrial_cluster", "2021-01-01", end).count;
          expect(part).toBeLessThanOrEqual(full);
          expect(full).toBe(years.filter((y) => y >= 2021 && y <= 2025).length);
        },
      ),
    );
  });
});
