// The target evaluation read by a leader after the plan's end (issue 10 §3): ended periods say so
// and name what the final verdict waits for; a growth-rate target is judged as a rate; counts stay
// whole; no ISO dates, codes or ASCII comparators in Vietnamese prose.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectCount } from "./count-projection.ts";
import { evaluateMeasure, knownAsOf, type Measure, type Observation } from "./evaluation.ts";
import { finalFigureAwaited, goalWords, periodWords, scopeWords } from "./evaluation-text.ts";
import { type IndicatorValue, SCOPE_PRE_MERGER } from "./indicator-values.ts";
import { trajectoryToGoal } from "./trajectory.ts";

const level: Measure = {
  id: "1.1",
  label: { vi: "Giá trị sản xuất công nghiệp", en: "Industrial production value" },
  value: 27700,
  unit: "tỷ đồng",
  comparator: ">",
  year: 2025,
};
const LEVELS: Observation[] = [
  { year: 2021, value: 15156 },
  { year: 2022, value: 17670 },
  { year: 2023, value: 20450 },
  { year: 2024, value: 23730 },
];
// Target 1.2, "tăng bình quân 05 năm (2021 - 2025) trên 14%": the average growth since 2020.
const rate: Measure = { ...level, id: "1.2", value: 14, unit: "%", nature: "growth_rate", baseYear: 2020 };
const AVERAGES: Observation[] = [
  { year: 2021, value: 17.9 },
  { year: 2022, value: 17.24 },
  { year: 2023, value: 16.74 },
  { year: 2024, value: 16.56 },
];
const clusters: Measure = {
  id: "5.1",
  label: { vi: "Cụm công nghiệp thành lập mới", en: "New industrial clusters" },
  value: 5,
  unit: "cụm công nghiệp",
  comparator: ">=",
  year: 2025,
  nature: "count",
};
const DEC_2026 = "2026-12-07";
const ISO = /\d{4}-\d{2}-\d{2}|\d{4}-(Q[1-4]|H[12]|9M)/;

describe("after the target's period ended, without the final figure", () => {
  const e = evaluateMeasure(level, LEVELS, {
    asOf: DEC_2026,
    trajectory: trajectoryToGoal(27700, 2025, 0.14, 2020),
    awaiting: finalFigureAwaited(2025, DEC_2026, "Sở Công Thương", SCOPE_PRE_MERGER),
  });

  it("says the period is over and what the final evaluation waits for; no years left, no 'judged on progress'", () => {
    expect(e.stage).toBe("awaiting_final");
    expect(e.periodEnded).toBe(true);
    expect(e.periodEnd).toBe("2025-12-31");
    expect(e.growthNeeded).toBeNull();
    expect(e.rule.vi).toContain("Kỳ mục tiêu đã kết thúc ngày 31/12/2025");
    expect(e.rule.vi).not.toMatch(/năm còn lại|đánh giá theo tiến độ/);
    expect(e.awaiting?.vi).toContain("Niên giám thống kê khoảng tháng 7/2026");
    expect(e.awaiting?.vi).toContain("Đã quá thời điểm thường công bố");
    expect(e.awaiting?.vi).toContain("địa bàn tỉnh Tuyên Quang trước sáp nhập");
    expect(e.verdict.vi).toBe(
      "Đã hết kỳ mục tiêu, chưa có số liệu năm 2025; năm 2024 đạt 23.730 tỷ đồng, bằng 85,7% mục tiêu trên 27.700 tỷ đồng.",
    );
    expect(e.label.vi).toBe("Có nguy cơ không đạt (chờ số liệu cuối cùng)");
  });

  it("in 2022 the same target is tracked, with the growth still needed", () => {
    const t = evaluateMeasure(level, LEVELS.slice(0, 2), { asOf: "2022-12-31" });
    expect(t.stage).toBe("tracking");
    expect(t.awaiting).toBeNull();
    expect(t.growthNeeded?.growth).toBeCloseTo(0.1617, 4);
  });

  it("gives the final verdict once the target year's figure is in", () => {
    const f = evaluateMeasure(level, [...LEVELS, { year: 2025, value: 27000 }], { asOf: DEC_2026 });
    expect(f.stage).toBe("final");
    expect(f.awaiting).toBeNull();
    expect(f.verdict.vi).toBe(
      "Không đạt: năm 2025 đạt 27.000 tỷ đồng, bằng 97,5% mục tiêu trên 27.700 tỷ đồng.",
    );
  });

  it("with no figure at all after the end: waits, never 'no data as of <ISO date>'", () => {
    const n = evaluateMeasure(level, [], { asOf: DEC_2026 });
    expect(n.stage).toBe("awaiting_final");
    expect(n.rule.vi).not.toMatch(ISO);
    expect(n.verdict.vi).toContain("chưa có số liệu nào");
  });
});

describe("a growth-rate target is evaluated as a rate", () => {
  it("compares the average achieved with the goal rate; never 'may fall by' level maths", () => {
    const e = evaluateMeasure(rate, AVERAGES, { asOf: "2025-02-01" });
    expect(e.status).toBe("on_track");
    expect(e.projection).toBeNull();
    expect(e.required).toBe(14);
    expect(e.gap?.absolute).toBeCloseTo(2.56, 2);
    const text = `${e.rule.vi} ${e.growthNeeded && "text" in e.growthNeeded ? e.growthNeeded.text.vi : ""}`;
    expect(text).not.toMatch(/có thể giảm|14 ÷ 16,56|giá trị = /);
    expect(e.rule.vi).toContain(
      "Tăng bình quân từ năm gốc 2020 đến năm 2024 là 16,56%/năm; mục tiêu trên 14%/năm",
    );
  });

  it("says what 2025 alone needs for the five-year average to reach 14 %", () => {
    const e = evaluateMeasure(rate, AVERAGES, { asOf: "2025-02-01" });
    // (1,14^5 ÷ 1,1656^4) − 1 = 4,30 %: the level may grow far less than 14 % in 2025.
    expect(e.growthNeeded?.growth).toBeCloseTo(1.14 ** 5 / 1.1656 ** 4 - 1, 6);
    expect(e.growthNeeded && "text" in e.growthNeeded ? e.growthNeeded.text.vi : "").toContain(
      "Để tăng bình quân 2021–2025 đạt 14%/năm, năm 2025 cần tăng 4,31%",
    );
  });

  it("a rate below its goal is off track in points, not by a level's growth", () => {
    const e = evaluateMeasure(rate, [{ year: 2024, value: 11 }], { asOf: "2025-02-01" });
    expect(e.status).toBe("off_track");
    expect(e.rule.vi).toContain("Chênh lệch -3 điểm phần trăm");
  });

  it("final: the whole period's average against the goal", () => {
    const e = evaluateMeasure(rate, [...AVERAGES, { year: 2025, value: 15.2 }], { asOf: DEC_2026 });
    expect(e.stage).toBe("final");
    expect(e.status).toBe("exceeded");
    expect(e.verdict.vi).toBe(
      "Vượt mục tiêu: tăng bình quân đến năm 2025 là 15,2%/năm, mục tiêu trên 14%/năm.",
    );
  });
});

describe("count targets are whole numbers", () => {
  it("a count that has not moved is not fitted with a line (no 'giá trị = 0 + 0 × …')", () => {
    const e = evaluateMeasure(
      clusters,
      [2021, 2022].map((year) => ({ year, value: 0 })),
      { asOf: "2022-12-31", projectionMethod: "ols" },
    );
    expect(e.projection?.method).toBe("count");
    expect(e.projection?.projected).toBe(0);
    expect(e.rule.vi).not.toMatch(/giá trị = |bình phương/);
    expect(e.rule.vi).toContain("nếu không có quyết định mới, năm 2025 vẫn là 0");
    expect(e.status).toBe("off_track");
  });

  it("0, 0, 0, 0, 1 never projects '0,6' or a band from '-0,16'", () => {
    const obs = [0, 0, 0, 0, 1].map((value, i) => ({ year: 2021 + i, value }));
    const p = projectCount(
      obs
        .slice(0, 4)
        .concat([{ year: 2024, value: 1 }])
        .slice(-4),
      2025,
    );
    expect(Number.isInteger(p.projected)).toBe(true);
    expect(p.low === null || (Number.isInteger(p.low) && p.low >= 1)).toBe(true);
    const e = evaluateMeasure(clusters, obs.slice(0, 4), { asOf: "2024-12-31" });
    expect(e.projection?.projected).toBe(0);
  });

  it("any count series projects whole numbers, never below the count reached (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }), (steps) => {
        let c = 0;
        const obs = steps.map((s, i) => {
          c += s;
          return { year: 2021 + i, value: c };
        });
        const p = projectCount(obs, 2021 + obs.length + 1);
        if (p.projected === null) return false;
        const ok = (n: number | null) => n === null || (Number.isInteger(n) && n >= c);
        return Number.isInteger(p.projected) && p.projected >= c && ok(p.low) && ok(p.high);
      }),
    );
  });

  it("final: 1 of at least 5 is missed; 'exceeded' means more than 5, never 'quá 5%'; no '>='", () => {
    const e = evaluateMeasure(
      clusters,
      [0, 0, 0, 0, 1].map((value, i) => ({ year: 2021 + i, value })),
      { asOf: DEC_2026 },
    );
    expect(e.status).toBe("missed");
    expect(e.rule.vi).not.toMatch(/5%|>=/);
    expect(e.rule.vi).toContain("Vượt mục tiêu khi nhiều hơn 5 cụm công nghiệp");
    expect(e.verdict.vi).toBe(
      "Không đạt: đến hết năm 2025: 1 cụm công nghiệp, mục tiêu ít nhất 5 cụm công nghiệp (còn thiếu 4).",
    );
    const six = evaluateMeasure(clusters, [{ year: 2025, value: 6 }], { asOf: DEC_2026 });
    expect(six.status).toBe("exceeded");
    expect(evaluateMeasure(clusters, [{ year: 2025, value: 5 }], { asOf: DEC_2026 }).status).toBe("achieved");
  });
});

describe("Vietnamese prose: words, not codes", () => {
  it("comparators, periods and scopes in words", () => {
    expect(goalWords({ comparator: ">=", value: 5, unit: "cụm công nghiệp" }, "count", "vi")).toBe(
      "ít nhất 5 cụm công nghiệp",
    );
    expect(goalWords({ comparator: ">", value: 27700, unit: "tỷ đồng" }, "level", "vi")).toBe(
      "trên 27.700 tỷ đồng",
    );
    expect(periodWords("2025-Q1", "vi")).toBe("Quý I/2025");
    expect(scopeWords(SCOPE_PRE_MERGER, "vi")).toBe("tỉnh Tuyên Quang trước sáp nhập");
  });

  it("a figure published in 2023 but typed in in 2026 is known as of 2023 (knownOn)", () => {
    const v: IndicatorValue = {
      indicator: "x",
      period: "2022",
      scope: SCOPE_PRE_MERGER,
      kind: "preliminary",
      value: 1,
      unit: "",
      source: "s",
      recordedAt: "2026-12-01T00:00:00Z",
      knownOn: "2022-12-31",
    };
    expect(knownAsOf([v], "2022-12-31")).toHaveLength(1);
    expect(knownAsOf([{ ...v, knownOn: undefined }], "2022-12-31")).toHaveLength(0);
  });
});
