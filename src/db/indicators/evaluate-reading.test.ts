/**
 * The demo plan's targets as a provincial leader reads them in December 2026 (after the plan's
 * end) and as of 31/12/2022, on a real database (PGlite, or PostgreSQL with DATABASE_URL): ended
 * periods wait for named figures, the growth-rate target is judged as a rate, counts are whole,
 * annual figures are compared with annual goals, and no Vietnamese text carries an ISO date, a
 * period code, an indicator code or English.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../seed.ts";
import { createTestDb, type TestDatabase } from "../test-db.ts";
import { evaluatePlanTargets, type MeasureOut, type PlanTargetsEvaluation } from "./evaluate.ts";

let database: TestDatabase;
let planId = 0;
let dec2026: PlanTargetsEvaluation;
let dec2022: PlanTargetsEvaluation;
const measureOf = (e: PlanTargetsEvaluation, code: string): MeasureOut => {
  const m = e.targets.flatMap((t) => t.measures).find((x) => x.code === code);
  if (!m) throw new Error(`no measure ${code}`);
  return m;
};

/** Every Vietnamese text of the answer, with where it sits. */
function viTexts(o: unknown, at = "", out: [string, string][] = []): [string, string][] {
  if (Array.isArray(o))
    o.forEach((x, i) => {
      viTexts(x, `${at}[${i}]`, out);
    });
  else if (o && typeof o === "object")
    for (const [k, v] of Object.entries(o)) {
      if (k === "vi" && typeof v === "string") out.push([at, v]);
      else viTexts(v, `${at}.${k}`, out);
    }
  return out;
}

beforeAll(async () => {
  database = await createTestDb();
  ({ planId } = await seedDemo(database));
  dec2026 = await evaluatePlanTargets(database.db, planId, "2026-12-07");
  dec2022 = await evaluatePlanTargets(database.db, planId, "2022-12-31");
});
afterAll(async () => {
  await database?.close();
});

describe("December 2026: the plan has ended", () => {
  it("target 1.1 waits for the 2025 figure, named with its supplier and the merger; the annual 2024 figure is the latest, the half-year shown as such", () => {
    const m = measureOf(dec2026, "1.1");
    expect(m.evaluation.stage).toBe("awaiting_final");
    expect(m.evaluation.growthNeeded).toBeNull();
    expect(m.evaluation.awaiting?.vi).toContain("số liệu năm 2025 do Sở Công Thương cung cấp");
    expect(m.evaluation.awaiting?.vi).toContain("trước sáp nhập");
    expect(m.evaluation.rule.vi).not.toMatch(/năm còn lại|đánh giá theo tiến độ/);
    expect(m.latestYearly).toMatchObject({ period: "2024", value: 23730 });
    expect(m.latestPartYear?.periodText.vi).toBe("6 tháng đầu năm 2025");
    expect(m.latestPartYear?.value).toBe(12827.6);
    const t1 = dec2026.targets.find((t) => t.code === "1");
    expect(t1?.overall.stage).toBe("awaiting_final");
    expect(t1?.overall.statusLabel.vi).toBe("Có nguy cơ không đạt (chờ số liệu cuối cùng)");
    expect(t1?.overall.verdict.vi).toMatch(/^1\.1: Đã hết kỳ mục tiêu, chưa có số liệu năm 2025/);
  });

  it("target 1.2 is a growth rate: judged on the average achieved, no projection, no 'may fall by'", () => {
    const m = measureOf(dec2026, "1.2");
    expect(m.nature).toBe("growth_rate");
    expect(m.evaluation.nature).toBe("growth_rate");
    expect(m.projection).toBeNull();
    expect(m.evaluation.growthNeeded).toBeNull();
    expect(m.evaluation.latest?.value).toBeCloseTo(16.56, 2);
    expect(m.evaluation.verdict.vi).toContain(
      "tăng bình quân đến năm 2024 là 16,56%/năm, mục tiêu trên 14%/năm",
    );
    expect(JSON.stringify(m.evaluation)).not.toContain("có thể giảm");
  });

  it("counts (targets 4 and 5) are final and whole: 1 cluster of at least 5", () => {
    for (const code of ["4.1", "4.2", "5.1"]) {
      const m = measureOf(dec2026, code);
      expect(m.nature).toBe("count");
      expect(m.evaluation.stage).toBe("final");
      expect(Number.isInteger(m.projection?.projected)).toBe(true);
      for (const o of m.observations) expect(o.source).toBe("Sổ khu, cụm công nghiệp của tỉnh");
    }
    expect(measureOf(dec2026, "5.1").evaluation.verdict.vi).toBe(
      "Không đạt: đến hết năm 2025: 1 cụm công nghiệp, mục tiêu ít nhất 5 cụm công nghiệp (còn thiếu 4).",
    );
  });
});

describe("31/12/2022: what was known then", () => {
  it("target 1.1 has its 2021 and 2022 figures (loaded later, known from their period's end) and is tracked", () => {
    const m = measureOf(dec2022, "1.1");
    expect(m.observations.map((o) => o.year)).toEqual([2021, 2022]);
    expect(m.evaluation.stage).toBe("tracking");
    expect(m.evaluation.growthNeeded?.growth).toBeCloseTo(0.1617, 4);
    // The rate target: 2023–2025 need (1,14^5 ÷ 1,1724^2)^(1/3) − 1 ≈ 11,89 %/year for the average to stay at 14 %.
    expect(measureOf(dec2022, "1.2").evaluation.growthNeeded?.growth).toBeCloseTo(0.1189, 3);
  });

  it("a count that has not moved is not projected with a line", () => {
    const m = measureOf(dec2022, "5.1");
    expect(m.projection?.method).toBe("count");
    expect(m.evaluation.rule.vi).toContain("nếu không có quyết định mới, năm 2025 vẫn là 0");
  });
});

describe("Vietnamese texts carry no codes", () => {
  it("no ISO date, period code, indicator code, scope code, English word or ASCII comparator, on either date", () => {
    for (const e of [dec2026, dec2022]) {
      const bad = viTexts({
        targets: e.targets.map((t) => ({
          ...t,
          measures: t.measures.map((m) => ({ ...m, values: [], related: [], indicator: null })),
        })),
        notes: e.notes,
      }).filter(([, v]) =>
        /\d{4}-\d{2}-\d{2}|\b\d{4}-(Q[1-4]|H[12]|9M|\d{2})\b|[a-z]+_[a-z_]+|pre-merger|zone registry|>=|<=/.test(
          v,
        ),
      );
      expect(bad).toEqual([]);
    }
  });
});
