/**
 * The pieces evaluatePlanTargets (evaluate.ts) is built from: the scope note, values with their
 * role, evaluations as shown, the observations of a ratio, a measure's base-year level, a target's
 * overall status, a measure's indicator as shown, and the indicators whose contradictions count.
 */
import { type Evaluation, type Observation, STATUS_LABELS, type Status } from "../../domain/evaluation.ts";
import { periodWords } from "../../domain/evaluation-text.ts";
import { figurePeriodBounds } from "../../domain/figure-dates.ts";
import { aggregate, type Bilingual, type IndicatorValue } from "../../domain/indicator-values.ts";
import { formatVnNumber, formatVnPercent } from "../../domain/vn-number.ts";
import type { IndicatorFormula } from "./catalogue.ts";
import type { EvaluationOut, MeasureOut, TargetOut, ValueWithRole } from "./evaluate-types.ts";
import {
  bestOf,
  type IndicatorRow,
  knownOnOf,
  presentValue,
  toIndicatorValue,
  type ValueRow,
} from "./values.ts";

export const SCOPE_NOTE: Bilingual = {
  vi: "Mục tiêu của kế hoạch tính cho tỉnh Tuyên Quang trước sáp nhập. Từ 01/7/2025 tỉnh Hà Giang nhập vào tỉnh Tuyên Quang: số liệu của tỉnh mới được hiển thị nhưng không dùng để đánh giá và không cộng gộp với số liệu trước sáp nhập.",
  en: "The plan's targets are for Tuyên Quang before the merger. From 01/07/2025 Hà Giang was merged into Tuyên Quang: figures for the merged province are shown but not used to judge, and never combined with pre-merger ones.",
};

export const num = (n: number) => formatVnNumber(Number(n.toFixed(2)));
export const COMPARATORS = new Set([">", ">=", "=", "<", "<="]);
const WORST_FIRST: Status[] = [
  "missed",
  "off_track",
  "unknown",
  "at_risk",
  "on_track",
  "achieved",
  "exceeded",
];

/** The domain's view of a stored figure (one definition: values.ts). */
export const toIV = (row: ValueRow, ind: IndicatorRow): IndicatorValue => ({
  ...toIndicatorValue(row, ind),
  knownOn: knownOnOf(row).day,
});

/** Every value of an indicator with its role (bestValue per period and scope). */
export function valuesWithRoles(rows: ValueRow[], ind: IndicatorRow, scope: string | null): ValueWithRole[] {
  const keys = new Set(rows.map((r) => `${r.period}\u0000${r.scope}`));
  const roles = new Map<number, Pick<ValueWithRole, "role" | "supersededBy" | "supersededReason">>();
  for (const k of keys) {
    const [period = "", sc = ""] = k.split("\u0000");
    const best = bestOf(rows, ind, period, sc);
    if (best.chosenId !== null)
      roles.set(best.chosenId, { role: "used", supersededBy: null, supersededReason: null });
    if (best.planId !== null)
      roles.set(best.planId, { role: "plan", supersededBy: null, supersededReason: null });
    for (const s of best.superseded)
      roles.set(s.id, {
        role: "superseded",
        supersededBy: s.supersededById,
        supersededReason: s.explanation,
      });
  }
  return [...rows]
    .sort((a, b) =>
      a.period === b.period
        ? a.scope === b.scope
          ? a.id - b.id
          : a.scope < b.scope
            ? -1
            : 1
        : a.period < b.period
          ? -1
          : 1,
    )
    .map((r) => ({
      ...presentValue(r, ind),
      ...(roles.get(r.id) ?? { role: "superseded" as const, supersededBy: null, supersededReason: null }),
      sameScope: scope === null || r.scope === scope,
    }));
}

export function presentEvaluation(series: string, label: Bilingual, e: Evaluation): EvaluationOut {
  return {
    series,
    label,
    status: e.status,
    // The label for the stage: after the end, "(chờ số liệu cuối cùng)" when the final figure is not in.
    statusLabel: e.label,
    phase: e.phase,
    rule: e.rule,
    latest: e.latest,
    required: e.required,
    gap: e.gap,
    growthNeeded: e.growthNeeded,
    nature: e.nature,
    stage: e.stage,
    periodEnd: e.periodEnd,
    periodEnded: e.periodEnded,
    awaiting: e.awaiting,
    verdict: e.verdict,
  };
}

/**
 * The latest whole-year outcome figure (compared with a yearly goal) and, apart from it, a later
 * figure for part of a year ("Quý I/2025", shown as such, never as the year's): like with like.
 */
export function latestFigures(values: ValueWithRole[]): Pick<MeasureOut, "latestYearly" | "latestPartYear"> {
  const used = values.filter((v) => v.role === "used" && v.sameScope && v.kind !== "plan");
  const shown = (v: ValueWithRole) => ({
    period: v.period,
    periodText: { vi: periodWords(v.period, "vi"), en: periodWords(v.period, "en") },
    value: v.value,
    unit: v.unit,
    kind: v.kind,
    source: v.source,
  });
  const yearly = used
    .filter((v) => /^\d{4}$/.test(v.period))
    .sort((a, b) => a.period.localeCompare(b.period));
  const lastYear = yearly.at(-1);
  const end = (p: string) => figurePeriodBounds(p)?.end ?? "";
  const part = used
    .filter(
      (v) =>
        !/^\d{4}$/.test(v.period) && (!lastYear || Number(v.period.slice(0, 4)) > Number(lastYear.period)),
    )
    .sort((a, b) => end(a.period).localeCompare(end(b.period)) || a.period.localeCompare(b.period));
  const lastPart = part.at(-1);
  return {
    latestYearly: lastYear ? shown(lastYear) : null,
    latestPartYear: lastPart ? shown(lastPart) : null,
  };
}

export const worse = (a: EvaluationOut, b: EvaluationOut) =>
  WORST_FIRST.indexOf(b.status) < WORST_FIRST.indexOf(a.status) ? b : a;

/** Yearly observations of a ratio indicator: reported values, else numerator ÷ denominator of the year. */
export function ratioObservations(
  direct: Observation[],
  f: Extract<IndicatorFormula, { type: "ratio" }>,
  ivOf: (code: string) => IndicatorValue[],
  scope: string,
): (Observation & { how?: Bilingual })[] {
  const out: (Observation & { how?: Bilingual })[] = [...direct];
  const years = new Set(
    [...ivOf(f.numerator), ...ivOf(f.denominator)]
      .filter((v) => /^\d{4}$/.test(v.period) && v.scope === scope && v.kind !== "plan")
      .map((v) => Number(v.period)),
  );
  for (const y of years) {
    if (out.some((o) => o.year === y)) continue;
    const vs = [...ivOf(f.numerator), ...ivOf(f.denominator)].filter(
      (v) => v.period === String(y) && v.scope === scope && v.kind !== "plan",
    );
    const a = aggregate(vs, {
      ratio: { numerator: f.numerator, denominator: f.denominator, factor: f.factor },
    });
    if (a.value === null) continue;
    out.push({
      year: y,
      value: a.value,
      unit: "%",
      source: a.used.map((v) => v.source).join("; "),
      how: {
        vi: `Tính: ${f.numerator} ÷ ${f.denominator} × ${f.factor}.`,
        en: `Computed: ${f.numerator} ÷ ${f.denominator} × ${f.factor}.`,
      },
    });
  }
  return out.sort((a, b) => a.year - b.year);
}

/**
 * The base year's level: entered on the measure link; else the base year's own figure; else
 * derived from the first year's level and its reported growth (value ÷ (1 + growth)).
 */
export function baselineOf(
  link: { baselineYear: number | null; baselineValue: number | null } | null,
  baseYear: number,
  levelObs: Observation[],
  growthObs: Observation[],
): { year: number; value: number; how: Bilingual } | null {
  if (link?.baselineValue != null)
    return {
      year: link.baselineYear ?? baseYear,
      value: link.baselineValue,
      how: { vi: "Giá trị năm gốc nhập cho chỉ tiêu.", en: "Base value entered on the measure." },
    };
  const own = levelObs.find((o) => o.year === baseYear);
  if (own)
    return {
      year: baseYear,
      value: own.value,
      how: {
        vi: `Số liệu năm ${baseYear} (${own.source ?? ""}).`,
        en: `The ${baseYear} figure (${own.source ?? ""}).`,
      },
    };
  const next = levelObs.find((o) => o.year === baseYear + 1);
  const g = growthObs.find((o) => o.year === baseYear + 1);
  if (next && g && g.value > -100) {
    const value = next.value / (1 + g.value / 100);
    const sources = [...new Set([next.source ?? "", g.source ?? ""])].join("; ");
    return {
      year: baseYear,
      value,
      how: {
        vi: `Suy ra: giá trị năm ${baseYear + 1} ÷ (1 + tốc độ tăng năm ${baseYear + 1}) = ${num(next.value)} ÷ (1 + ${formatVnPercent(g.value)}) = ${num(value)} (nguồn: ${sources}). Kế hoạch không ghi giá trị năm gốc.`,
        en: `Derived: the ${baseYear + 1} value ÷ (1 + the ${baseYear + 1} growth) = ${num(next.value)} ÷ (1 + ${formatVnPercent(g.value)}) = ${num(value)} (sources: ${sources}). The plan states no base value.`,
      },
    };
  }
  return null;
}

/** A target's overall status: the worst of its measures' evaluations, with the rule that says so. */
export function targetOverall(measureOuts: MeasureOut[]): TargetOut["overall"] {
  // The worst of the measures, as evaluateTarget rules; computed from the evaluations shown above
  // because each measure is projected with its own method (evaluateTarget takes one for all).
  const judged = measureOuts.flatMap((mo) =>
    mo.evaluations.map((e) => ({
      id: mo.evaluations.length > 1 ? `${mo.code} (${e.label.vi})` : mo.code,
      e,
    })),
  );
  const worst = judged.reduce<Status>(
    (w, j) => (WORST_FIRST.indexOf(j.e.status) < WORST_FIRST.indexOf(w) ? j.e.status : w),
    judged.length ? "exceeded" : "unknown",
  );
  const list = (lang: "vi" | "en") =>
    judged.map((j) => `${j.id}: ${STATUS_LABELS[j.e.status][lang]}`).join("; ");
  const overall = {
    overall: worst,
    rule: judged.length
      ? {
          vi: `Đánh giá chung theo chỉ tiêu thành phần kém nhất (${list("vi")}).`,
          en: `Overall = the worst of the measures (${list("en")}).`,
        }
      : { vi: "Mục tiêu không có chỉ tiêu số.", en: "The target has no measures." },
  };
  // The label of the worst evaluation: after the end it says "chờ số liệu cuối cùng" when that one waits.
  const worstEval = judged.find((j) => j.e.status === worst)?.e;
  const stages = judged.map((j) => j.e.stage);
  const stage = !judged.length
    ? "tracking"
    : stages.every((x) => x === "final")
      ? "final"
      : stages.some((x) => x === "awaiting_final")
        ? "awaiting_final"
        : "tracking";
  const one = (lang: "vi" | "en") =>
    measureOuts
      .map((mo) =>
        measureOuts.length > 1 ? `${mo.code}: ${mo.evaluation.verdict[lang]}` : mo.evaluation.verdict[lang],
      )
      .join(" ");
  return {
    status: overall.overall,
    statusLabel: worstEval?.statusLabel ?? STATUS_LABELS[overall.overall],
    rule: overall.rule,
    stage,
    verdict: judged.length
      ? { vi: one("vi"), en: one("en") }
      : { vi: "Mục tiêu không có chỉ tiêu số.", en: "The target has no measures." },
  };
}

/** A measure's indicator as shown: its names, unit, supplier, definition, formula and validation. */
export function presentIndicator(
  ind: IndicatorRow,
  f: IndicatorFormula | null,
  supplierName: Map<number, string>,
): MeasureOut["indicator"] {
  return {
    code: ind.code,
    nameVi: ind.nameVi,
    nameEn: ind.nameEn,
    unit: ind.unit,
    aggregation: ind.aggregation,
    supplier:
      ind.supplierAgencyId !== null
        ? { id: ind.supplierAgencyId, name: supplierName.get(ind.supplierAgencyId) ?? "" }
        : null,
    definition: f?.definition ?? null,
    formula: ind.formula,
    validation: ind.validation,
  };
}

/**
 * The indicators whose contradictions are reported: those the plan's measures use (`usedIds`),
 * and those these read — related indicators, a ratio's parts, the level behind a growth rate.
 */
export function relevantIndicators(allIndicators: IndicatorRow[], usedIds: Set<number>): IndicatorRow[] {
  return allIndicators.filter((i) => {
    if (usedIds.has(i.id)) return true;
    return allIndicators.some((j) => {
      if (!usedIds.has(j.id)) return false;
      const f = j.formula as IndicatorFormula | null;
      return (
        ((f?.type === "reported" || f?.type === "zone_occupancy") &&
          f.related?.some((r) => r.indicator === i.code)) ||
        (f?.type === "ratio" && (f.numerator === i.code || f.denominator === i.code)) ||
        (f?.type === "reported" && f.levelIndicator === i.code)
      );
    });
  });
}
