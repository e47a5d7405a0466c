import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageGrowth,
  requiredGrowth,
  requiredIn,
  trajectoryFromAnnex,
  trajectoryFromBase,
  trajectoryToGoal,
} from "./trajectory.ts";

// Target (1): "đạt trên 27.700 tỷ đồng, tăng bình quân 05 năm (2021 - 2025) trên 14%".
// 2021 was 15.156 tỷ đồng, up 17,9 % (tuyen-quang-figures.csv, vietnam.vn/tuyenquang), so the
// 2020 base is about 15.156 ÷ 1,179 ≈ 12.855 — a figure derived here, not a published one.
const BASE_2020 = 15156 / 1.179;

describe("trajectoryFromAnnex", () => {
  it("keeps the coordinator's table, sorted, with its source", () => {
    const t = trajectoryFromAnnex(
      { 2025: 27700, 2023: 20000, 2024: 23730 },
      "Phụ lục I, KH phát triển công nghiệp",
    );
    expect(t.kind).toBe("annex");
    expect(t.points.map((p) => p.year)).toEqual([2023, 2024, 2025]);
    expect(requiredIn(t, 2024)).toBe(23730);
    expect(requiredIn(t, 2022)).toBeNull();
    expect(t.description.vi).toBe("Lộ trình theo phụ lục: Phụ lục I, KH phát triển công nghiệp");
  });

  it("checks the table instead of trusting it", () => {
    const twice = [
      { year: 2024, required: 1 },
      { year: 2024, required: 2 },
    ];
    expect(() => trajectoryFromAnnex(twice, "x")).toThrow(RangeError);
    expect(() => trajectoryFromAnnex([{ year: 2024.5, required: 1 }], "x")).toThrow(RangeError);
    expect(() => trajectoryFromAnnex({ 2024: Number.NaN }, "x")).toThrow(RangeError);
  });
});

describe("growth-rate trajectories for target (1)", () => {
  it("the base-consistent path: 14 %/year from 2020 ends below 27.700", () => {
    const t = trajectoryFromBase(BASE_2020, 2020, 0.14, 2025);
    expect(t.points.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(requiredIn(t, 2020)).toBeCloseTo(12854.96, 2);
    expect(requiredIn(t, 2025)).toBeCloseTo(24751.13, 2); // < 27.700: the two halves of the target disagree
    expect(t.description.vi).toBe(
      "Lộ trình từ năm gốc 2020 (12.854,96), tăng 14%/năm: yêu cầu(năm) = 12.854,96 × (1 + 14%)^(năm − 2020).",
    );
  });

  it("the goal path: what each year must reach to end exactly at 27.700 at 14 %/year", () => {
    const t = trajectoryToGoal(27700, 2025, 0.14, 2020);
    expect(requiredIn(t, 2025)).toBe(27700);
    expect(requiredIn(t, 2024)).toBeCloseTo(24298.25, 2);
    expect(requiredIn(t, 2020)).toBeCloseTo(14386.51, 2);
    expect(t.description.en).toBe(
      "Path to the goal: 27.700 in 2025 at 14%/year: required(year) = 27.700 ÷ (1 + 14%)^(2025 − year).",
    );
  });

  it("rejects impossible inputs", () => {
    expect(() => trajectoryFromBase(0, 2020, 0.14, 2025)).toThrow(RangeError);
    expect(() => trajectoryFromBase(100, 2020, -1, 2025)).toThrow(RangeError);
    expect(() => trajectoryToGoal(100, 2020, 0.1, 2025)).toThrow(RangeError);
    expect(() => trajectoryToGoal(100, 2025, 0.1, 2020.5)).toThrow(RangeError);
  });
});

describe("requiredGrowth", () => {
  it("from the 2024 estimate (23.730), 2025 must grow 16,73 % to reach 27.700", () => {
    const r = requiredGrowth(23730, 2024, 27700, 2025);
    expect(r.growth).toBeCloseTo(0.1673, 4);
    expect(r).toMatchObject({ yearsLeft: 1, alreadyReached: false });
    if (r.growth !== null)
      expect(r.text.vi).toBe(
        "Cần tăng bình quân 16,73%/năm trong 1 năm còn lại ((27.700 ÷ 23.730)^(1/1) − 1 = 16,73%).",
      );
  });

  it("from 2021 (15.156) the remaining four years need 16,27 %/year", () => {
    expect(requiredGrowth(15156, 2021, 27700, 2025).growth).toBeCloseTo(0.1627, 4);
  });

  it("is 0 or negative once the goal is reached", () => {
    expect(requiredGrowth(27700, 2024, 27700, 2025).growth).toBe(0);
    const r = requiredGrowth(30000, 2023, 27700, 2025);
    expect(r.alreadyReached).toBe(true);
    expect(r.growth).toBeLessThan(0);
    if (r.growth !== null) expect(r.text.en).toContain("Goal already reached");
  });

  it("has no answer without years left or with non-positive values, and says why", () => {
    const none = requiredGrowth(23730, 2025, 27700, 2025);
    expect(none.growth).toBeNull();
    if (none.growth === null)
      expect(none.reason.en).toBe("No years are left until 2025: the 2025 value decides.");
    expect(requiredGrowth(0, 2023, 100, 2025).growth).toBeNull();
    expect(requiredGrowth(10, 2023, -5, 2025).growth).toBeNull();
    expect(requiredGrowth(Number.NaN, 2023, 5, 2025).growth).toBeNull();
  });
});

describe("averageGrowth", () => {
  it("measures 'tăng bình quân' between two years", () => {
    expect(averageGrowth(BASE_2020, 2020, 23730, 2024)).toBeCloseTo(0.1656, 4);
    expect(averageGrowth(100, 2020, 100, 2020)).toBeNull();
    expect(averageGrowth(0, 2020, 100, 2024)).toBeNull();
  });
});

describe("properties", () => {
  const base = fc.double({ min: 0.01, max: 1e7, noNaN: true });
  const rate = fc.double({ min: 0.001, max: 1, noNaN: true });
  const year = fc.integer({ min: 1990, max: 2040 });
  const span = fc.integer({ min: 1, max: 30 });

  it("a trajectory with r > 0 rises every year", () => {
    fc.assert(
      fc.property(base, rate, year, span, (b, r, y, n) => {
        for (const t of [trajectoryFromBase(b, y, r, y + n), trajectoryToGoal(b, y + n, r, y)])
          for (let i = 1; i < t.points.length; i++)
            if (!((t.points[i]?.required ?? 0) > (t.points[i - 1]?.required ?? 0))) return false;
        return true;
      }),
    );
  });

  it("the goal path ends at the goal; the base path starts at the base", () => {
    fc.assert(
      fc.property(base, rate, year, span, (b, r, y, n) => {
        return (
          requiredIn(trajectoryToGoal(b, y + n, r, y), y + n) === b &&
          requiredIn(trajectoryFromBase(b, y, r, y + n), y) === b
        );
      }),
    );
  });

  it("growing at the required rate for the remaining years reaches the goal", () => {
    fc.assert(
      // goal ÷ current within 1/100 … 100: far beyond any plan, and (1 + r) keeps its precision.
      fc.property(
        base,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        year,
        span,
        (current, ratio, y, n) => {
          const goal = current * ratio;
          const r = requiredGrowth(current, y, goal, y + n);
          if (r.growth === null) return false;
          const reached = current * (1 + r.growth) ** n;
          const sign = current >= goal ? r.growth <= 0 : r.growth >= 0; // 0 when they differ by a rounding step
          return Math.abs(reached - goal) <= 1e-9 * goal && r.alreadyReached === current >= goal && sign;
        },
      ),
    );
  });
});
