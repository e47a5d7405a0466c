import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  bestValue,
  type IndicatorValue,
  SCOPE_MERGED,
  SCOPE_PRE_MERGER,
  VALUE_KINDS,
  type ValueKind,
  validateValue,
} from "./indicator-values.ts";

const IPV = "industrial_production_value_2010_prices";
const v = (
  period: string,
  kind: ValueKind,
  value: number,
  recordedAt: string,
  more: Partial<IndicatorValue> = {},
): IndicatorValue => ({
  indicator: IPV,
  period,
  scope: SCOPE_PRE_MERGER,
  kind,
  value,
  unit: "tỷ đồng",
  source: "test",
  recordedAt,
  ...more,
});

describe("bestValue", () => {
  // 2024: the annual target and the estimate are 23.730 tỷ đồng (tuyen-quang-figures.csv,
  // baotuyenquang.com.vn and baokiemtoan.vn); the earlier estimate and the preliminary and
  // official figures are made up for the test.
  const y2024 = [
    v("2024", "plan", 23730, "2024-01-05", {
      source: "baotuyenquang.com.vn/no-luc-ngay-tu-dau-nam-188128.html",
    }),
    v("2024", "estimate", 23500, "2024-11-20"),
    v("2024", "estimate", 23730, "2024-12-10", { source: "baokiemtoan.vn/print/37837.html" }),
    v("2024", "preliminary", 23810, "2025-03-01"),
  ];

  it("chooses the most final kind, keeping what it supersedes", () => {
    const b = bestValue(y2024, "2024", SCOPE_PRE_MERGER);
    expect(b?.chosen?.value).toBe(23810);
    expect(b?.plan?.value).toBe(23730);
    expect(b?.superseded.map((s) => [s.value.value, s.reason, s.supersededBy.value])).toEqual([
      [23730, "outranked", 23810],
      [23500, "revised", 23730],
    ]);
  });

  it("lets an official figure supersede the preliminary one without deleting it", () => {
    const all = [...y2024, v("2024", "official", 23795, "2025-09-30")];
    const b = bestValue(all, "2024", SCOPE_PRE_MERGER);
    expect(b?.chosen?.kind).toBe("official");
    expect(b?.superseded.map((s) => s.value.kind)).toEqual(["preliminary", "estimate", "estimate"]);
    expect(all).toHaveLength(5); // nothing removed from the input
  });

  it("a later entry of the same kind is a revision; equal times follow input order", () => {
    const b = bestValue(
      [v("2023", "official", 20450, "2024-06-01"), v("2023", "official", 20480, "2024-06-01")],
      "2023",
      SCOPE_PRE_MERGER,
    );
    expect(b?.chosen?.value).toBe(20480);
    expect(b?.superseded[0]).toMatchObject({ reason: "revised" });
  });

  it("never takes a figure of another territorial scope (REGULATIONS §5)", () => {
    // bnews.vn: H1 2025 was 12.827,6 for pre-merger Tuyên Quang and 14.907,1 for the merged province.
    const h1 = [
      v("2025-H1", "estimate", 12827.6, "2025-07-05"),
      v("2025-H1", "estimate", 14907.1, "2025-07-20", { scope: SCOPE_MERGED }),
    ];
    expect(bestValue(h1, "2025-H1", SCOPE_PRE_MERGER)?.chosen?.value).toBe(12827.6);
    expect(bestValue(h1, "2025-H1", SCOPE_MERGED)?.chosen?.value).toBe(14907.1);
    expect(bestValue(h1, "2025-H1", SCOPE_PRE_MERGER)?.superseded).toEqual([]);
  });

  it("has no outcome when only a plan exists, and nothing when nothing matches", () => {
    expect(bestValue([v("2025", "plan", 27700, "2025-01-02")], "2025", SCOPE_PRE_MERGER)).toMatchObject({
      chosen: null,
      plan: { value: 27700 },
    });
    expect(bestValue(y2024, "2023", SCOPE_PRE_MERGER)).toBeNull();
  });

  it("refuses to mix indicators", () => {
    expect(() =>
      bestValue(
        [...y2024, v("2024", "official", 1, "2025-01-01", { indicator: "x" })],
        "2024",
        SCOPE_PRE_MERGER,
      ),
    ).toThrow(RangeError);
  });

  it("keeps every value: chosen + plan + superseded = all matching (property)", () => {
    const entry = fc.record({
      kind: fc.constantFrom(...VALUE_KINDS),
      value: fc.integer({ min: 0, max: 1000 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), (entries) => {
        const values = entries.map((e) =>
          v("2024", e.kind, e.value, `2024-02-${String(e.day).padStart(2, "0")}`),
        );
        const b = bestValue(values, "2024", SCOPE_PRE_MERGER);
        if (!b) return false;
        const kept = (b.chosen ? 1 : 0) + (b.plan ? 1 : 0) + b.superseded.length;
        const best = Math.max(
          ...values.filter((x) => x.kind !== "plan").map((x) => VALUE_KINDS.indexOf(x.kind)),
          -1,
        );
        return (
          kept === values.length && (b.chosen ? VALUE_KINDS.indexOf(b.chosen.kind) === best : best === -1)
        );
      }),
    );
  });
});

describe("validateValue (DHIS2-style rules)", () => {
  const prev = v("2023", "official", 20450, "2024-06-01");

  it("checks the range", () => {
    const p = validateValue(v("2024", "estimate", -5, "2024-12-10"), prev, { min: 0, max: 100000 });
    expect(p.map((x) => x.code)).toEqual(["below_min"]);
    expect(p[0]?.message.vi).toBe("Giá trị -5 nhỏ hơn mức tối thiểu 0 tỷ đồng.");
    expect(validateValue(v("2024", "estimate", 200000, "x"), null, { max: 100000 })[0]?.message.en).toBe(
      "The value 200.000 is above the maximum 100.000 tỷ đồng.",
    );
  });

  it("asks for a comment on a jump above the threshold, in both languages", () => {
    const [p] = validateValue(v("2024", "estimate", 25000, "2024-12-10"), prev, { maxJumpPercent: 20 });
    expect(p?.code).toBe("jump_needs_comment");
    expect(p?.severity).toBe("warning");
    expect(p?.message.vi).toBe(
      "Giá trị thay đổi +22,2% so với kỳ 2023 (20.450), vượt ngưỡng 20%: cần ghi chú giải thích.",
    );
    expect(p?.message.en).toContain("a comment is required");
    const explained = v("2024", "estimate", 25000, "2024-12-10", { comment: "Nhà máy mới đi vào hoạt động" });
    expect(validateValue(explained, prev, { maxJumpPercent: 20 })).toEqual([]);
    expect(validateValue(v("2024", "estimate", 23730, "x"), prev, { maxJumpPercent: 20 })).toEqual([]);
  });

  it("does not compare across territorial scopes, and treats a jump from 0 as a jump", () => {
    const merged = v("2025-H2", "estimate", 30000, "x", { scope: SCOPE_MERGED });
    expect(validateValue(merged, v("2025-H1", "estimate", 12827.6, "x"), { maxJumpPercent: 20 })).toEqual([]);
    const [p] = validateValue(v("2024", "estimate", 3, "x"), v("2023", "official", 0, "x"), {
      maxJumpPercent: 50,
    });
    expect(p?.message.vi).toContain("từ 0 lên 3");
  });

  it("rejects a value that is not a number", () => {
    expect(
      validateValue(v("2024", "estimate", Number.NaN, "x"), prev, { min: 0 }).map((p) => p.code),
    ).toEqual(["not_finite"]);
  });
});

describe("aggregate", () => {
  const quarters = [
    v("2025-Q1", "estimate", 5447, "2025-03-20"),
    v("2025-Q1", "preliminary", 5450, "2025-04-20"),
    v("2025-Q2", "estimate", 7377.6, "2025-06-20"),
  ];

  it("sums the best figure of each period, never a revision twice", () => {
    const a = aggregate(quarters, "sum");
    expect(a.value).toBeCloseTo(12827.6, 6);
    if (a.value !== null) expect(a.superseded.map((s) => s.value.value)).toEqual([5447]);
  });

  it("means, and takes the latest period by its cut-off window", () => {
    expect(aggregate(quarters, "mean").value).toBeCloseTo(6413.8, 6);
    expect(aggregate(quarters, "latest").value).toBe(7377.6);
    const mixed = [v("2024", "official", 23795, "x"), v("2025-H1", "estimate", 12827.6, "x")];
    expect(aggregate(mixed, "latest").value).toBe(12827.6);
  });

  it("divides sums for a ratio, and refuses a zero denominator", () => {
    const share = [
      v("2024", "estimate", 130000, "x", { indicator: "industry_workers", unit: "người" }),
      v("2024", "estimate", 520000, "x", { indicator: "workers", unit: "người" }),
    ];
    const ratio = { ratio: { numerator: "industry_workers", denominator: "workers", factor: 100 } };
    expect(aggregate(share, ratio).value).toBe(25);
    const zero = share.map((s) => (s.indicator === "workers" ? { ...s, value: 0 } : s));
    const r = aggregate(zero, ratio);
    expect(r.value).toBeNull();
    if (r.value === null) expect(r.reason.en).toContain("zero");
  });

  it("refuses mixed scopes, plans mixed with outcomes, mixed units and overlapping periods", () => {
    const refused = (vs: IndicatorValue[]) => aggregate(vs, "sum").value === null;
    expect(refused([...quarters, v("2025-Q3", "estimate", 1, "x", { scope: SCOPE_MERGED })])).toBe(true);
    expect(refused([...quarters, v("2025-Q3", "plan", 1, "x")])).toBe(true);
    expect(refused([...quarters, v("2025-Q3", "estimate", 1, "x", { unit: "triệu đồng" })])).toBe(true);
    expect(refused([...quarters, v("2025-H1", "estimate", 1, "x")])).toBe(true);
    expect(refused([])).toBe(true);
  });

  it("mean lies between min and max; sum is the sum of the periods (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 12 }), (xs) => {
        const vs = xs.map((x, i) => v(`2024-${String(i + 1).padStart(2, "0")}`, "official", x, "x"));
        const mean = aggregate(vs, "mean").value;
        const sum = aggregate(vs, "sum").value;
        return (
          mean !== null &&
          mean >= Math.min(...xs) - 1e-6 &&
          mean <= Math.max(...xs) + 1e-6 &&
          sum === xs.reduce((s, x) => s + x, 0)
        );
      }),
    );
  });
});
