import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Comparator,
  type Evaluation,
  evaluateMeasure,
  evaluateTarget,
  type Measure,
  type Observation,
  observationsAsOf,
  STATUS_LABELS,
  type Status,
} from "./evaluation.ts";
import { type IndicatorValue, SCOPE_MERGED, SCOPE_PRE_MERGER } from "./indicator-values.ts";
import { trajectoryFromAnnex, trajectoryFromBase, trajectoryToGoal } from "./trajectory.ts";

const UNIT = "tỷ đồng";
const ORDER: Status[] = ["missed", "off_track", "unknown", "at_risk", "on_track", "achieved", "exceeded"];
const target1: Measure = {
  id: "1a",
  label: {
    vi: "Giá trị sản xuất công nghiệp (giá so sánh 2010)",
    en: "Industrial production value (2010 prices)",
  },
  value: 27700,
  unit: UNIT,
  comparator: ">",
  year: 2025,
};

// tuyen-quang-figures.csv; kinds are our reading of the sources ("reported" → official/estimate).
const val = (
  period: string,
  value: number,
  recordedAt: string,
  more: Partial<IndicatorValue> = {},
): IndicatorValue => ({
  indicator: "industrial_production_value_2010_prices",
  period,
  scope: SCOPE_PRE_MERGER,
  kind: "official",
  value,
  unit: UNIT,
  source: "vietnam.vn/tuyenquang",
  recordedAt,
  ...more,
});
const VALUES = [
  val("2021", 15156, "2022-03-01"),
  val("2022", 17670, "2023-03-01"),
  val("2023", 20450, "2024-03-01"),
  val("2024", 23730, "2024-12-10", { kind: "estimate", source: "baokiemtoan.vn/print/37837.html" }),
  val("2025", 27700, "2025-01-02", { kind: "plan" }),
  val("2025-H1", 12827.6, "2025-07-05", { kind: "estimate" }),
  val("2025-H1", 14907.1, "2025-07-20", { kind: "estimate", scope: SCOPE_MERGED }),
];
const OBS = observationsAsOf(VALUES, SCOPE_PRE_MERGER, "2025-01-31");

describe("observationsAsOf", () => {
  it("uses whole years of one scope known on the date, best figure each, no plans", () => {
    expect(OBS.map((o) => [o.year, o.value, o.kind])).toEqual([
      [2021, 15156, "official"],
      [2022, 17670, "official"],
      [2023, 20450, "official"],
      [2024, 23730, "estimate"],
    ]);
    expect(observationsAsOf(VALUES, SCOPE_PRE_MERGER, "2024-11-30").at(-1)?.year).toBe(2023);
    expect(observationsAsOf(VALUES, SCOPE_MERGED, "2025-12-31")).toEqual([]);
  });
});

describe("target (1) in January 2025: will 2025 pass 27.700?", () => {
  const asOf = "2025-01-31";

  it("against the goal path at 14 %/year: 2024 is 2,34 % below 24.298 — at risk", () => {
    const e = evaluateMeasure(target1, OBS, { asOf, trajectory: trajectoryToGoal(27700, 2025, 0.14, 2020) });
    expect(e.status).toBe("at_risk");
    expect(e.required).toBeCloseTo(24298.25, 2);
    expect(e.gap?.percent).toBeCloseTo(-2.3386, 4);
    expect(e.growthNeeded?.growth).toBeCloseTo(0.1673, 4);
    expect(e.rule.vi).toMatch(
      /^Đúng tiến độ nếu giá trị năm 2024 \(23\.730 tỷ đồng\) đạt mức lộ trình 24\.298,25 tỷ đồng; có nguy cơ nếu kém không quá 5%; chậm tiến độ nếu kém hơn\. Chênh lệch -568,25 \(-2,34%\)\. Lộ trình về đích/,
    );
  });

  it("against the base-consistent path from 2020: on track — the two paths disagree, so both are shown", () => {
    const base = trajectoryFromBase(15156 / 1.179, 2020, 0.14, 2025);
    expect(evaluateMeasure(target1, OBS, { asOf, trajectory: base }).status).toBe("on_track");
  });

  it("without a trajectory, by the projection: CAGR gives 27.555 < 27.700 — at risk", () => {
    const e = evaluateMeasure(target1, OBS, { asOf });
    expect(e.status).toBe("at_risk");
    expect(e.projection?.projected).toBeCloseTo(27555.11, 2);
    expect(e.gap?.absolute).toBeCloseTo(-144.89, 2);
    expect(e.rule.en).toContain("On track if the 2025 projection (27.555,11 (band 27.463,41 – 27.666,21))");
    expect(evaluateMeasure(target1, OBS, { asOf, atRiskMargin: 0.001 }).status).toBe("off_track");
    expect(evaluateMeasure(target1, OBS, { asOf, projectionMethod: "ols" }).status).toBe("at_risk"); // 26.377: 4,8 % short
  });
});

describe("at the end of the period", () => {
  const final = (value: number, comparator: Comparator = ">", more: Partial<Measure> = {}) =>
    evaluateMeasure({ ...target1, comparator, ...more }, [...OBS, { year: 2025, value, unit: UNIT }], {
      asOf: "2026-03-01",
    });

  it("'trên 27.700' must be strictly passed", () => {
    expect(final(27700).status).toBe("missed");
    expect(final(27700).gap).toEqual({ absolute: 0, percent: 0 });
    expect(final(27700, ">=").status).toBe("achieved");
    expect(final(28000).status).toBe("achieved");
    expect(final(29500).status).toBe("exceeded"); // more than 5 % above
    expect(final(29500, ">", {}).phase).toBe("final");
  });

  it("a miss shows the gap, absolute and in percent", () => {
    const e = final(27000);
    expect(e.status).toBe("missed");
    expect(e.rule.vi).toBe(
      "Mục tiêu trên 27.700 tỷ đồng (năm 2025), phải vượt qua mức này; giá trị năm 2025: 27.000 tỷ đồng; chênh lệch -700 (-2,53%). Vượt mục tiêu khi hơn mục tiêu quá 5%.",
    );
  });

  it("honours '<', '<=' and '='", () => {
    const cap = { value: 100, unit: UNIT };
    expect(final(90, "<", cap).status).toBe("exceeded");
    expect(final(96, "<", cap).status).toBe("achieved");
    expect(final(100, "<", cap).status).toBe("missed");
    expect(final(100, "<=", cap).status).toBe("achieved");
    expect(final(100, "=", cap).status).toBe("achieved");
    expect(final(101, "=", cap).status).toBe("missed");
  });

  it("without a figure for the target year: the period is over, the final verdict waits, the status is indicative", () => {
    const e = evaluateMeasure(target1, OBS, { asOf: "2026-01-15" });
    expect(e.phase).toBe("tracking");
    expect(e.stage).toBe("awaiting_final");
    expect(e.rule.vi).toMatch(
      /^Kỳ mục tiêu đã kết thúc ngày 31\/12\/2025, chưa có số liệu năm 2025\. Tạm đánh giá/,
    );
    expect(e.rule.vi).not.toContain("đánh giá theo tiến độ");
  });
});

describe("when the data do not allow a judgement", () => {
  it("no data, wrong unit, or one point and no path: not enough data, with the reason", () => {
    expect(evaluateMeasure(target1, [], { asOf: "2025-01-31" }).rule.en).toBe("No data as of 31/01/2025.");
    const wrong = evaluateMeasure(target1, [{ year: 2024, value: 2.3, unit: "nghìn tỷ đồng" }], {
      asOf: "2025-01-31",
    });
    expect(wrong.status).toBe("unknown");
    const occupancy: Measure = { ...target1, id: "6", value: 60, unit: "%" };
    const one = evaluateMeasure(occupancy, [{ year: 2025, value: 47, unit: "%" }], { asOf: "2025-02-01" });
    expect(one.status).toBe("unknown");
    // With the coordinator's annex the same point can be judged: 47 % is far below 60 %.
    const annex = trajectoryFromAnnex({ 2025: 60 }, "nhập tay");
    expect(
      evaluateMeasure(occupancy, [{ year: 2025, value: 47, unit: "%" }], {
        asOf: "2025-02-01",
        trajectory: annex,
      }).status,
    ).toBe("off_track");
  });
});

describe("evaluateTarget: a compound target", () => {
  // Target (2): "chiếm trên 25,8%, tương đương trên 138.700 lao động, trong đó lao động qua đào
  // tạo chiếm trên 65%". The observations are ILLUSTRATIVE (no published series in our data).
  const m = (id: string, value: number, unit: string): Measure => ({
    id,
    label: { vi: id, en: id },
    value,
    unit,
    comparator: ">",
    year: 2025,
  });
  const obs = (unit: string, ...values: number[]): Observation[] =>
    values.map((value, i) => ({ year: 2022 + i, value, unit }));

  it("evaluates each measure and takes the worst as overall", () => {
    const t = evaluateTarget(
      [
        { measure: m("2a", 25.8, "%"), observations: obs("%", 24, 25, 26) },
        { measure: m("2b", 138700, "lao động"), observations: obs("lao động", 110000, 115000, 120000) },
        { measure: m("2c", 65, "%"), observations: obs("%", 60, 63, 67) },
      ],
      { asOf: "2025-01-31" },
    );
    expect(t.measures.map((e) => e.status)).toEqual(["on_track", "off_track", "on_track"]);
    expect(t.overall).toBe("off_track");
    expect(t.rule.vi).toBe(
      "Đánh giá chung theo chỉ tiêu thành phần kém nhất (2a: Đúng tiến độ; 2b: Chậm tiến độ; 2c: Đúng tiến độ).",
    );
    expect(evaluateTarget([], { asOf: "2025-01-31" }).overall).toBe("unknown");
  });

  it("the overall is never better than any measure (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 })), {
          maxLength: 6,
        }),
        (pairs) => {
          const items = pairs.map(([goal, last], i) => ({
            measure: m(`m${i}`, goal, "x"),
            observations: obs("x", 50, last),
          }));
          const t = evaluateTarget(items, { asOf: "2025-01-31" });
          return t.measures.every((e: Evaluation) => ORDER.indexOf(t.overall) <= ORDER.indexOf(e.status));
        },
      ),
    );
  });
});

describe("properties of a single measure", () => {
  it("a final '>' or '>=' verdict is 'missed' exactly when the comparator fails", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        (v, goal, strict) => {
          const comparator = strict ? ">" : ">=";
          const e = evaluateMeasure({ ...target1, value: goal, comparator }, [{ year: 2025, value: v }], {
            asOf: "2026-01-01",
          });
          const met = strict ? v > goal : v >= goal;
          return (
            e.phase === "final" &&
            (e.status === "missed") === !met &&
            (e.status === "exceeded") === v > goal * 1.05
          );
        },
      ),
    );
  });

  it("a higher latest value never makes a '>' measure worse against a path", () => {
    const path = trajectoryToGoal(27700, 2025, 0.14, 2020);
    const rank = (s: Status) => ["off_track", "at_risk", "on_track"].indexOf(s);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40000 }), fc.integer({ min: 1, max: 40000 }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const s = (v: number) =>
          evaluateMeasure(target1, [{ year: 2024, value: v }], { asOf: "2025-01-31", trajectory: path })
            .status;
        return rank(s(lo)) <= rank(s(hi));
      }),
    );
  });

  it("labels every status in both languages", () => {
    for (const s of ORDER) expect(STATUS_LABELS[s].vi && STATUS_LABELS[s].en).toBeTruthy();
  });
});
