import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ObservedPoint,
  type ProjectionMethod,
  project,
  projectCagr,
  projectLogLinear,
  projectOls,
} from "./projection.ts";

// Industrial production value, 2010 prices, pre-merger Tuyên Quang (tuyen-quang-figures.csv):
// 2021–2023 reported, 2024 the estimate (baokiemtoan.vn). Target (1): over 27.700 in 2025.
const IPV: ObservedPoint[] = [
  { year: 2021, value: 15156 },
  { year: 2022, value: 17670 },
  { year: 2023, value: 20450 },
  { year: 2024, value: 23730 },
];

describe("projections of target (1) to 2025", () => {
  it("CAGR: 16,12 %/year leads to 27.555 — short of 27.700, even at the best year's pace", () => {
    const p = projectCagr(IPV, 2025);
    if (p.projected === null) throw new Error("expected a projection");
    expect(p.annualGrowth).toBeCloseTo(0.1612, 4);
    expect(p.projected).toBeCloseTo(27555.11, 2);
    expect(p.low).toBeCloseTo(27463.41, 2); // 2022→2023 grew 15,73 %
    expect(p.high).toBeCloseTo(27666.21, 2); // 2023→2024 grew 16,04 %, 2021→2022 16,59 %
    expect(p.formulaText.vi).toBe(
      "Tăng trưởng bình quân (CAGR) 2021–2024: g = (23.730 ÷ 15.156)^(1/3) − 1 = 16,12%; dự báo 2025 = 23.730 × (1 + g)^1 = 27.555,11.",
    );
    expect(p.uncertainty.en).toBe(
      "Band from the lowest (15,73%) and highest (16,59%) year-on-year growth observed: 27.463,41 – 27.666,21.",
    );
  });

  it("OLS: a straight line gives 26.377 with an ~80 % interval", () => {
    const p = projectOls(IPV, 2025);
    if (p.projected === null) throw new Error("expected a projection");
    expect(p.projected).toBeCloseTo(26377, 6);
    expect(p.low).toBeCloseTo(25561.9, 1);
    expect(p.high).toBeCloseTo(27192.1, 1);
    expect(p.formulaText.vi).toContain("giá trị = 19.251,5 + 2.850,2 × (năm − 2022,5)");
    expect(p.uncertainty.vi).toContain("t = 1,886, 2 bậc tự do");
    expect(p.annualGrowth).toBeNull();
  });

  it("log-linear: 16,08 %/year fitted to all points gives 27.565", () => {
    const p = projectLogLinear(IPV, 2025);
    if (p.projected === null) throw new Error("expected a projection");
    expect(p.projected).toBeCloseTo(27564.63, 2);
    expect(p.annualGrowth).toBeCloseTo(0.1608, 4);
    expect(p.high).toBeLessThan(27800);
  });
});

describe("what the data allow", () => {
  it("with fewer than two points there is no projection, and the reason says so", () => {
    for (const m of ["cagr", "ols", "log_linear"] as ProjectionMethod[]) {
      const p = project(IPV.slice(0, 1), 2025, m);
      expect(p.projected).toBeNull();
      if (p.projected === null)
        expect(p.reason.en).toBe("At least two years of data are needed to project a trend.");
    }
  });

  it("with two points it projects but says no uncertainty can be estimated", () => {
    for (const m of ["cagr", "ols", "log_linear"] as ProjectionMethod[]) {
      const p = project(IPV.slice(2), 2025, m);
      expect(p.projected).not.toBeNull();
      expect(p.low).toBeNull();
      expect(p.high).toBeNull();
      if (p.projected !== null)
        expect(p.uncertainty.vi).toBe("Chỉ có 2 điểm số liệu: không ước lượng được độ bất định.");
    }
  });

  it("growth methods need positive values; years must be distinct; no projecting into the past", () => {
    const withZero = [{ year: 2023, value: 0 }, ...IPV.slice(3)];
    expect(projectCagr(withZero, 2025).projected).toBeNull();
    expect(projectLogLinear(withZero, 2025).projected).toBeNull();
    expect(projectOls(withZero, 2025).projected).not.toBeNull();
    expect(projectOls([...IPV, { year: 2024, value: 1 }], 2025).projected).toBeNull();
    expect(projectOls(IPV, 2023).projected).toBeNull();
    expect(projectCagr(IPV, 2024).projected).toBe(23730);
  });

  it("handles gaps between years by annualising", () => {
    const p = projectCagr(
      [
        { year: 2020, value: 100 },
        { year: 2022, value: 121 },
        { year: 2023, value: 133.1 },
      ],
      2024,
    );
    if (p.projected === null) throw new Error("expected a projection");
    expect(p.annualGrowth).toBeCloseTo(0.1, 10);
    expect(p.projected).toBeCloseTo(146.41, 8);
    expect(p.low).toBeCloseTo(146.41, 8);
  });
});

describe("properties", () => {
  const start = fc.integer({ min: 1990, max: 2030 });
  const count = fc.integer({ min: 2, max: 12 });
  const ahead = fc.integer({ min: 0, max: 10 });

  it("a perfect geometric series is projected exactly by CAGR and log-linear", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        start,
        count,
        ahead,
        (a, g, y0, n, k) => {
          const pts = Array.from({ length: n }, (_, i) => ({ year: y0 + i, value: a * (1 + g) ** i }));
          const T = y0 + n - 1 + k;
          const truth = a * (1 + g) ** (T - y0);
          return [projectCagr(pts, T), projectLogLinear(pts, T)].every(
            (p) => p.projected !== null && Math.abs(p.projected - truth) <= 1e-7 * truth,
          );
        },
      ),
    );
  });

  it("a perfect line is projected exactly by OLS", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        start,
        count,
        ahead,
        (a, b, y0, n, k) => {
          const pts = Array.from({ length: n }, (_, i) => ({ year: y0 + i, value: a + b * i }));
          const T = y0 + n - 1 + k;
          const p = projectOls(pts, T);
          const truth = a + b * (T - y0);
          return (
            p.projected !== null &&
            Math.abs(p.projected - truth) <= 1e-6 * (1 + Math.abs(a) + Math.abs(b) * (n + k))
          );
        },
      ),
    );
  });

  it("low ≤ projected ≤ high for every method", () => {
    const point = fc.record({ value: fc.double({ min: 0.1, max: 1e6, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 10 }), start, ahead, (vals, y0, k) => {
        const pts = vals.map((v, i) => ({ year: y0 + i, value: v.value }));
        const T = y0 + pts.length - 1 + k;
        return (["cagr", "ols", "log_linear"] as ProjectionMethod[]).every((m) => {
          const p = project(pts, T, m);
          return (
            p.projected !== null &&
            p.low !== null &&
            p.high !== null &&
            p.low <= p.projected &&
            p.projected <= p.high
          );
        });
      }),
    );
  });
});
