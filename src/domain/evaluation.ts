/**
 * The leaders' question of each target: will we reach it by the target year, and if not, by how
 * much do we miss? A target (mục tiêu) is one or more measures (value, unit, comparator, year) —
 * "(2)- … chiếm trên 25,8%, tương đương trên 138.700 lao động, trong đó lao động qua đào tạo
 * chiếm trên 65%" is three — and each is judged from data, with the rule and numbers shown:
 *  - before the end of the target year (tracking): on track / at risk / off track, against the
 *    trajectory for the latest year with data, or, when there is none, against a projection;
 *  - at or after the end, once the target year has a figure: achieved / exceeded / missed, with
 *    the gap. The comparator is honoured: "trên 27.700" (">") is met only by passing 27.700.
 * Values are those known on the as-of date (a figure entered later does not change a past
 * judgement) and of one territorial scope (REGULATIONS.md §5).
 */
import { type Bilingual, bestValue, type IndicatorValue, type ValueKind } from "./indicator-values.ts";
import { parsePeriodLabel } from "./periods.ts";
import { type ProjectionMethod, type ProjectionResult, project } from "./projection.ts";
import { type RequiredGrowth, requiredGrowth, requiredIn, type Trajectory } from "./trajectory.ts";
import { formatVnNumber, formatVnPercent } from "./vn-number.ts";

export type Comparator = ">" | ">=" | "=" | "<" | "<=";

export interface Measure {
  id: string;
  label: Bilingual;
  value: number;
  unit: string;
  comparator: Comparator;
  year: number;
}

export interface Observation {
  year: number;
  value: number;
  unit?: string;
  kind?: ValueKind;
  source?: string;
}

export type Status = "on_track" | "at_risk" | "off_track" | "achieved" | "exceeded" | "missed" | "unknown";

export const STATUS_LABELS: Readonly<Record<Status, Bilingual>> = {
  exceeded: { vi: "Vượt mục tiêu", en: "Exceeded" },
  achieved: { vi: "Đạt mục tiêu", en: "Achieved" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  at_risk: { vi: "Có nguy cơ không đạt", en: "At risk" },
  unknown: { vi: "Chưa đủ số liệu", en: "Not enough data" },
  off_track: { vi: "Chậm tiến độ", en: "Off track" },
  missed: { vi: "Không đạt", en: "Missed" },
};

/** Worst first: the overall status of a compound target is its worst measure's (evaluateTarget). */
const WORST_FIRST = "missed off_track unknown at_risk on_track achieved exceeded".split(" ") as Status[];

export interface EvaluationOptions {
  /** ISO date: what was known then, and whether the target year has ended. */
  asOf: string;
  trajectory?: Trajectory | null;
  /** Used when no trajectory value exists for the latest year. Default "cagr". */
  projectionMethod?: ProjectionMethod;
  /** "At risk" when short of the path (or goal) by at most this fraction. Default 0.05. */
  atRiskMargin?: number;
  /** "Exceeded" when past the goal by more than this fraction. Default 0.05. */
  exceedMargin?: number;
}

export interface Evaluation {
  measure: Measure;
  status: Status;
  phase: "tracking" | "final";
  /** The rule applied, with the numbers. */
  rule: Bilingual;
  latest: Observation | null;
  /** The trajectory's value for the latest year, when the trajectory decided. */
  required: number | null;
  projection: ProjectionResult | null;
  /** Growth per year still needed to reach the goal (for ">" and ">=" measures before the end). */
  growthNeeded: RequiredGrowth | null;
  /** Compared value − reference (path, projection or goal); percent of |reference|, null if 0. */
  gap: { absolute: number; percent: number | null } | null;
}

/** The values known on `asOf` (ISO date): entered on or before that day. */
export function knownAsOf(values: readonly IndicatorValue[], asOf: string): IndicatorValue[] {
  return values.filter((v) => v.recordedAt.slice(0, 10) <= asOf);
}

/**
 * One indicator's yearly observations for one scope as known on `asOf`: whole-year periods only
 * (a half-year of a flow is not a year), the best figure per year (bestValue), oldest first.
 */
export function observationsAsOf(
  values: readonly IndicatorValue[],
  scope: string,
  asOf: string,
): Observation[] {
  const known = knownAsOf(values, asOf);
  const yearly = known.filter((v) => v.scope === scope && parsePeriodLabel(v.period)?.frequency === "yearly");
  const years = new Set(yearly.map((v) => v.period));
  const out: Observation[] = [];
  for (const period of years) {
    const c = bestValue(known, period, scope)?.chosen;
    if (c) out.push({ year: Number(period), value: c.value, unit: c.unit, kind: c.kind, source: c.source });
  }
  return out.sort((a, b) => a.year - b.year);
}

const num = (n: number) => formatVnNumber(Number(n.toFixed(2)));
const signedPct = (p: number) => `${p > 0 ? "+" : ""}${formatVnPercent(Number(p.toFixed(2)))}`;
const marginText = (m: number) => formatVnPercent(Number((m * 100).toFixed(2)));
const up = (c: Comparator) => c === ">" || c === ">=";
const down = (c: Comparator) => c === "<" || c === "<=";
const EQUAL = 1e-9;

function gapOf(value: number, reference: number): { absolute: number; percent: number | null } {
  return {
    absolute: value - reference,
    percent: reference === 0 ? null : ((value - reference) / Math.abs(reference)) * 100,
  };
}

/** Meets the goal with the comparator ("=" within floating error). */
function passes(v: number, goal: number, c: Comparator): boolean {
  if (c === ">") return v > goal;
  if (c === ">=") return v >= goal;
  if (c === "<") return v < goal;
  if (c === "<=") return v <= goal;
  return Math.abs(v - goal) <= EQUAL * Math.max(1, Math.abs(goal));
}

/** Short of the reference by at most `m` of it, in the comparator's direction. */
function nearly(v: number, ref: number, c: Comparator, m: number): boolean {
  const slack = m * Math.abs(ref);
  if (up(c)) return v >= ref - slack;
  if (down(c)) return v <= ref + slack;
  return Math.abs(v - ref) <= slack;
}

const goalText = (m: Measure) => `${m.comparator} ${num(m.value)} ${m.unit} (${m.year})`;

/**
 * Evaluates one measure against its yearly observations (see observationsAsOf). Tracking rule:
 * on track if the value meets the reference (the trajectory's value for the latest observed year,
 * or else the goal vs. the projection to the target year), at risk if short of it by at most
 * `atRiskMargin` (5 %), off track otherwise. Final rule: achieved if the target year's value
 * meets the comparator ("trên" = ">" must strictly pass), exceeded if beyond the goal by more
 * than `exceedMargin` (5 %; never for "="), missed otherwise. Margins are configurable: the
 * plan fixes none, so 5 % is a working convention, not a rule.
 */
export function evaluateMeasure(
  measure: Measure,
  observations: readonly Observation[],
  options: EvaluationOptions,
): Evaluation {
  const atRisk = options.atRiskMargin ?? 0.05;
  const exceed = options.exceedMargin ?? 0.05;
  const asOfYear = Number(options.asOf.slice(0, 4));
  const obs = [...observations]
    .filter((o) => o.year <= Math.min(measure.year, asOfYear))
    .sort((a, b) => a.year - b.year);
  const latest = obs.at(-1) ?? null;
  const none = { required: null, projection: null, growthNeeded: null, gap: null };
  const base: Evaluation = {
    measure,
    status: "unknown",
    phase: "tracking",
    rule: { vi: "", en: "" },
    latest,
    ...none,
  };
  const unknown = (vi: string, en: string): Evaluation => ({ ...base, rule: { vi, en } });
  if (!latest) return unknown(`Chưa có số liệu đến ${options.asOf}.`, `No data as of ${options.asOf}.`);
  const wrongUnit = obs.find((o) => o.unit !== undefined && o.unit !== measure.unit);
  if (wrongUnit)
    return unknown(
      `Đơn vị số liệu (${wrongUnit.unit}) khác đơn vị mục tiêu (${measure.unit}).`,
      `The data's unit (${wrongUnit.unit}) differs from the target's (${measure.unit}).`,
    );
  const goal = measure.value;
  const ended = options.asOf >= `${measure.year}-12-31`;
  if (ended && latest.year === measure.year) {
    const v = latest.value;
    const gap = gapOf(v, goal);
    const slack = exceed * Math.abs(goal);
    const status = !passes(v, goal, measure.comparator)
      ? "missed"
      : (up(measure.comparator) && v > goal + slack) || (down(measure.comparator) && v < goal - slack)
        ? "exceeded"
        : "achieved";
    const pctText = gap.percent === null ? "" : ` (${signedPct(gap.percent)})`;
    const strict = measure.comparator === ">" || measure.comparator === "<";
    return {
      ...base,
      status,
      phase: "final",
      gap,
      rule: {
        vi: `Mục tiêu ${goalText(measure)}${strict ? ", phải vượt qua mức này" : ""}; giá trị năm ${measure.year}: ${num(v)}; chênh lệch ${num(gap.absolute)}${pctText}. Vượt mục tiêu khi hơn mục tiêu quá ${marginText(exceed)}.`,
        en: `Goal ${goalText(measure)}${strict ? ", which must be strictly passed" : ""}; ${measure.year} value: ${num(v)}; gap ${num(gap.absolute)}${pctText}. Exceeded when beyond the goal by more than ${marginText(exceed)}.`,
      },
    };
  }
  const growthNeeded =
    up(measure.comparator) && latest.year < measure.year
      ? requiredGrowth(latest.value, latest.year, goal, measure.year)
      : null;
  const pending = ended
    ? {
        vi: ` Chưa có số liệu năm ${measure.year}: đánh giá theo tiến độ.`,
        en: ` No ${measure.year} figure yet: judged on progress.`,
      }
    : { vi: "", en: "" };
  const judge = (v: number, ref: number, passed: boolean) =>
    passed ? "on_track" : nearly(v, ref, measure.comparator, atRisk) ? "at_risk" : "off_track";
  const required = options.trajectory ? requiredIn(options.trajectory, latest.year) : null;
  if (required !== null && options.trajectory) {
    // A path is met by reaching it (≥ or ≤): strictness applies to the goal, not to the path.
    const met = passes(
      latest.value,
      required,
      up(measure.comparator) ? ">=" : down(measure.comparator) ? "<=" : "=",
    );
    const gap = gapOf(latest.value, required);
    const pctText = gap.percent === null ? "" : ` (${signedPct(gap.percent)})`;
    return {
      ...base,
      status: judge(latest.value, required, met),
      required,
      growthNeeded,
      gap,
      rule: {
        vi: `Đúng tiến độ nếu giá trị năm ${latest.year} (${num(latest.value)}) đạt mức lộ trình ${num(required)}; có nguy cơ nếu kém không quá ${marginText(atRisk)}; chậm tiến độ nếu kém hơn. Chênh lệch ${num(gap.absolute)}${pctText}. ${options.trajectory.description.vi}${pending.vi}`,
        en: `On track if the ${latest.year} value (${num(latest.value)}) meets the path's ${num(required)}; at risk if short by at most ${marginText(atRisk)}; off track otherwise. Gap ${num(gap.absolute)}${pctText}. ${options.trajectory.description.en}${pending.en}`,
      },
    };
  }
  const projection = project(obs, measure.year, options.projectionMethod ?? "cagr");
  if (projection.projected === null)
    return {
      ...unknown(
        `Không có lộ trình cho năm ${latest.year} và không dự báo được: ${projection.reason.vi}${pending.vi}`,
        `No path value for ${latest.year} and no projection: ${projection.reason.en}${pending.en}`,
      ),
      projection,
      growthNeeded,
    };
  const p = projection.projected;
  const gap = gapOf(p, goal);
  const { low, high } = projection;
  const range = low !== null && high !== null ? ` ${num(low)} – ${num(high)})` : null;
  const band = { vi: range ? ` (khoảng${range}` : "", en: range ? ` (band${range}` : "" };
  return {
    ...base,
    status: judge(p, goal, passes(p, goal, measure.comparator)),
    projection,
    growthNeeded,
    gap,
    rule: {
      vi: `Đúng tiến độ nếu giá trị dự báo năm ${measure.year} (${num(p)}${band.vi}) đạt mục tiêu ${goalText(measure)}; có nguy cơ nếu kém không quá ${marginText(atRisk)}; chậm tiến độ nếu kém hơn. ${projection.formulaText.vi}${pending.vi}`,
      en: `On track if the ${measure.year} projection (${num(p)}${band.en}) meets the goal ${goalText(measure)}; at risk if short by at most ${marginText(atRisk)}; off track otherwise. ${projection.formulaText.en}${pending.en}`,
    },
  };
}

export interface TargetEvaluation {
  measures: Evaluation[];
  overall: Status;
  rule: Bilingual;
}

/**
 * A compound target: each measure evaluated, and an overall status that is the WORST of them
 * (a target is met only when all its parts are). Order, worst first: missed, off track, not
 * enough data, at risk, on track, achieved, exceeded — missing data ranks below "at risk" so
 * that a part nobody reported on is never hidden behind the others.
 */
export function evaluateTarget(
  items: readonly {
    measure: Measure;
    observations: readonly Observation[];
    trajectory?: Trajectory | null;
  }[],
  options: Omit<EvaluationOptions, "trajectory">,
): TargetEvaluation {
  const measures = items.map((i) =>
    evaluateMeasure(i.measure, i.observations, { ...options, trajectory: i.trajectory ?? null }),
  );
  const worst = Math.min(...measures.map((e) => WORST_FIRST.indexOf(e.status)));
  const overall: Status = WORST_FIRST[worst] ?? "unknown";
  const list = (lang: "vi" | "en") =>
    measures.map((e) => `${e.measure.id}: ${STATUS_LABELS[e.status][lang]}`).join("; ");
  return {
    measures,
    overall,
    rule: {
      vi: `Đánh giá chung theo chỉ tiêu thành phần kém nhất (${list("vi")}).`,
      en: `Overall = the worst of the measures (${list("en")}).`,
    },
  };
}
