/**
 * A measure read from reported figures or a ratio of two: its yearly observations (the compound
 * average growth since the base year where the target says "bình quân"), its base-year level, the
 * trajectory derived from the plan's growth rate, and the related indicators shown beside it.
 */
import { observationsAsOf } from "../../domain/evaluation.ts";
import type { ProjectionMethod } from "../../domain/projection.ts";
import { averageGrowth, trajectoryFromBase, trajectoryToGoal } from "../../domain/trajectory.ts";
import { formatVnPercent } from "../../domain/vn-number.ts";
import type { IndicatorFormula } from "./catalogue.ts";
import type { MeasureContext, MeasureOut, ObservationOut, TrajectoryOut } from "./evaluate-types.ts";
import { baselineOf, num, ratioObservations, valuesWithRoles } from "./evaluate-values.ts";

/**
 * The observations, baseline, trajectory and projection method of a reported or ratio measure;
 * `trajectoryIn` is the measure's default (its explanation is replaced when no base is known),
 * `related` receives the indicators shown beside it.
 */
export function reportedMeasure(
  c: MeasureContext,
  f: Extract<IndicatorFormula, { type: "reported" | "ratio" }>,
  trajectoryIn: TrajectoryOut,
  related: MeasureOut["related"],
): {
  observations: ObservationOut[];
  baseline: MeasureOut["baseline"];
  trajectory: TrajectoryOut;
  method: ProjectionMethod;
  /** "growth_rate" with its base year when the measure is an average growth rate. */
  nature: { nature: "level" | "growth_rate"; baseYear?: number };
} {
  const { m, ind, link, scope, asOf, year, startYear, ivOf, rowsOf, indByCode, allIndicators } = c;
  let observations: ObservationOut[];
  let baseline: MeasureOut["baseline"] = null;
  let trajectory = trajectoryIn;
  let method: ProjectionMethod = "ols";
  let nature: { nature: "level" | "growth_rate"; baseYear?: number } = { nature: "level" };
  const direct = observationsAsOf(ivOf(ind.code), scope, asOf);
  observations = f.type === "ratio" ? ratioObservations(direct, f, ivOf, scope) : direct;
  const growthInd = allIndicators.find(
    (i) =>
      (i.formula as IndicatorFormula | null)?.type === "reported" &&
      (i.formula as { levelIndicator?: string }).levelIndicator === ind.code,
  );
  const baseYear = link?.baselineYear ?? startYear - 1;
  if (f.type === "reported" && f.levelIndicator && /bình quân/i.test(m.text)) {
    // "tăng bình quân 05 năm … trên 14%": the compound average growth of the level since the base year.
    const levelObs = observationsAsOf(ivOf(f.levelIndicator), scope, asOf);
    baseline = baselineOf(link, baseYear, levelObs, direct);
    nature = { nature: "growth_rate", ...(baseline ? { baseYear: baseline.year } : {}) };
    if (baseline) {
      const b = baseline;
      observations = levelObs
        .filter((o) => o.year > b.year)
        .map((o) => ({
          year: o.year,
          value: (averageGrowth(b.value, b.year, o.value, o.year) ?? Number.NaN) * 100,
          unit: "%",
          ...(o.kind ? { kind: o.kind } : {}),
          source: o.source ?? "",
          how: {
            vi: `Tăng bình quân ${b.year}–${o.year} = (${num(o.value)} ÷ ${num(b.value)})^(1/${o.year - b.year}) − 1.`,
            en: `Average growth ${b.year}–${o.year} = (${num(o.value)} ÷ ${num(b.value)})^(1/${o.year - b.year}) − 1.`,
          },
        }))
        .filter((o) => Number.isFinite(o.value));
      const pts = [];
      for (let y = b.year + 1; y <= year; y++) pts.push({ year: y, required: m.value });
      trajectory = {
        source: "derived",
        trajectory: {
          kind: "from_base",
          points: pts,
          description: {
            vi: `Tăng bình quân từ năm gốc ${b.year} phải đạt ${formatVnPercent(m.value)}/năm ở mọi năm (tương đương giá trị năm y ≥ ${num(b.value)} × (1 + ${formatVnPercent(m.value)})^(y − ${b.year})).`,
            en: `The average growth since base year ${b.year} must be ${formatVnPercent(m.value)}/year in every year (equivalently the value in year y ≥ ${num(b.value)} × (1 + ${formatVnPercent(m.value)})^(y − ${b.year})).`,
          },
        },
        alternatives: [],
        explanation: {
          vi: "Lộ trình suy ra từ tốc độ tăng bình quân kế hoạch nêu.",
          en: "Path derived from the average growth rate the plan states.",
        },
      };
    } else {
      observations = [];
      trajectory.explanation = {
        vi: `Không có giá trị năm gốc ${baseYear} (cũng không suy ra được): chưa tính được tốc độ tăng bình quân.`,
        en: `No ${baseYear} base value (nor one to derive): the average growth cannot be computed.`,
      };
    }
    method = "ols";
  } else if (link?.growthPct != null) {
    const growthObs = growthInd ? observationsAsOf(ivOf(growthInd.code), scope, asOf) : [];
    baseline = baselineOf(link, baseYear, direct, growthObs);
    const g = link.growthPct / 100;
    const toGoal = trajectoryToGoal(m.value, year, g, baseline?.year ?? baseYear);
    const fromBase = baseline ? trajectoryFromBase(baseline.value, baseline.year, g, year) : null;
    trajectory = {
      source: "derived",
      trajectory: toGoal,
      alternatives: fromBase ? [fromBase] : [],
      explanation: {
        vi: `Lộ trình suy ra từ mục tiêu ${num(m.value)} ${m.unit} năm ${year} và tốc độ tăng ${formatVnPercent(link.growthPct)}/năm (phụ lục I của kế hoạch chưa được nhập).${fromBase ? ` Lộ trình từ năm gốc (tăng ${formatVnPercent(link.growthPct)}/năm từ ${num(fromBase.points[0]?.required ?? 0)}) kết thúc ở ${num(fromBase.points.at(-1)?.required ?? 0)}: hai yêu cầu của mục tiêu không trùng nhau, đánh giá theo lộ trình về đích (cao hơn).` : ""}`,
        en: `Path derived from the goal ${num(m.value)} ${m.unit} in ${year} and the stated ${formatVnPercent(link.growthPct)}/year (the plan's annex I has not been entered).${fromBase ? ` The base-consistent path (${formatVnPercent(link.growthPct)}/year from ${num(fromBase.points[0]?.required ?? 0)}) ends at ${num(fromBase.points.at(-1)?.required ?? 0)}: the target's two demands differ; judged on the path to the goal (the higher).` : ""}`,
      },
    };
    method = "cagr";
  }
  for (const r of f.type === "reported" ? (f.related ?? []) : []) {
    const rel = indByCode.get(r.indicator);
    if (rel)
      related.push({
        indicator: rel.code,
        nameVi: rel.nameVi,
        nameEn: rel.nameEn,
        unit: rel.unit,
        note: r.note,
        values: valuesWithRoles(rowsOf(rel.code), rel, null),
      });
  }
  if (f.type === "ratio")
    for (const c of [f.numerator, f.denominator]) {
      const rel = indByCode.get(c);
      if (rel)
        related.push({
          indicator: rel.code,
          nameVi: rel.nameVi,
          nameEn: rel.nameEn,
          unit: rel.unit,
          note: { vi: "Thành phần của tỷ lệ.", en: "A component of the ratio." },
          values: valuesWithRoles(rowsOf(rel.code), rel, scope),
        });
    }
  return { observations, baseline, trajectory, method, nature };
}
