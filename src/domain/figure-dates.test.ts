import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figureKnownOn, figurePeriodBounds } from "./figure-dates.ts";

describe("figurePeriodBounds", () => {
  it("gives calendar bounds for every label form", () => {
    expect(figurePeriodBounds("2025")).toEqual({ start: "2025-01-01", end: "2025-12-31" });
    expect(figurePeriodBounds("2025-Q1")).toEqual({ start: "2025-01-01", end: "2025-03-31" });
    expect(figurePeriodBounds("2025-H1")).toEqual({ start: "2025-01-01", end: "2025-06-30" });
    expect(figurePeriodBounds("2024-9M")).toEqual({ start: "2024-01-01", end: "2024-09-30" });
    expect(figurePeriodBounds("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(figurePeriodBounds("2025-02")).toEqual({ start: "2025-02-01", end: "2025-02-28" });
    expect(figurePeriodBounds("2025-Q4")).toEqual({ start: "2025-10-01", end: "2025-12-31" });
    expect(figurePeriodBounds("2025-13")).toBeNull();
    expect(figurePeriodBounds("Q1/2025")).toBeNull();
  });

  it("always yields real dates with start ≤ end inside the year", () => {
    const label = fc.oneof(
      fc.integer({ min: 2000, max: 2100 }).map(String),
      fc
        .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
      fc
        .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 }))
        .map(([y, q]) => `${y}-Q${q}`),
      fc
        .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 2 }))
        .map(([y, h]) => `${y}-H${h}`),
    );
    fc.assert(
      fc.property(label, (l) => {
        const b = figurePeriodBounds(l);
        expect(b).not.toBeNull();
        if (!b) return;
        expect(b.start <= b.end).toBe(true);
        for (const d of [b.start, b.end])
          expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
        expect(b.start.slice(0, 4)).toBe(l.slice(0, 4));
      }),
    );
  });
});

describe("figureKnownOn", () => {
  const base = {
    period: "2023",
    kind: "official",
    publishedOn: null,
    origin: "seed",
    enteredOn: "2026-11-28",
  };
  it("prefers the publication date", () => {
    expect(figureKnownOn({ ...base, publishedOn: "2024-01-05" })).toEqual({
      day: "2024-01-05",
      basis: "published",
    });
  });
  it("uses the entry day for figures entered in the system", () => {
    expect(figureKnownOn({ ...base, origin: "entry" })).toEqual({ day: "2026-11-28", basis: "entered" });
    expect(figureKnownOn({ ...base, origin: "report" })).toEqual({ day: "2026-11-28", basis: "entered" });
  });
  it("bounds a historical figure by its period, plan figures from the start", () => {
    expect(figureKnownOn(base)).toEqual({ day: "2023-12-31", basis: "period_end_assumed" });
    expect(figureKnownOn({ ...base, period: "2025-H1" })).toEqual({
      day: "2025-06-30",
      basis: "period_end_assumed",
    });
    expect(figureKnownOn({ ...base, kind: "plan", period: "2025" })).toEqual({
      day: "2025-01-01",
      basis: "period_start_assumed",
    });
  });
  it("never puts an outcome before its period ends", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2015, max: 2035 }),
        fc.constantFrom("estimate", "preliminary", "official"),
        fc.constantFrom("", "-Q1", "-Q2", "-H1", "-9M", "-07"),
        (y, kind, suffix) => {
          const period = `${y}${suffix}`;
          const k = figureKnownOn({ ...base, period, kind });
          expect(k.day >= (figurePeriodBounds(period)?.end ?? "")).toBe(true);
        },
      ),
    );
  });
});
