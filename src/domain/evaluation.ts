/**
 * The leaders' question of each target: will we reach it by the target year, and if not, by how
 * much do we miss? A target (mục tiêu) is one or more measures (value, unit, comparator, year) —
 * "(2)- … chiếm trên 25,8%, tương đương trên 138.700 lao động, trong đó lao động qua đào tạo
 * chiếm trên 65%" is three — and each is judged from data, with the rule and numbers shown:
 *  - before the end of the target year (tracking): on track / at risk / off track, against the
 *    trajectory for the latest year with data, or, when there is none, against a projection;
 *  - at or after the end, once the target year has a figure: achieved / exceeded / missed, with
 *    the gap. The comparator is honoured: "trên 27.700" (">") is met only by passing 27.700;
 *  - after the end without that figure (awaiting the final figure): no "years left", no
 *    "judged on progress": the period is over, the final verdict waits for the figure (named),
 *    and the latest year gives an indicative status only.
 * What is measured decides the maths (Nature): a level (a value, a share) grows by % a year; a
 * growth rate ("tăng bình quân … trên 14%/năm") is itself compared with its goal, never grown;
 * a count of decisions (parks, clusters) is a whole number that never falls (count-projection.ts).
 * Each evaluation carries a one-sentence verdict for a leader, and the rule with its numbers.
 * Values are those known on the as-of date (a figure entered later does not change a past
 * judgement) and of one territorial scope (REGULATIONS.md §5).
 */

import { type Comparator, goalWords, type Nature, num, quantity, vnDate } from "./evaluation-text.ts";
import { stageLabel, verdictOf } from "./evaluation-verdict.ts";
import { type Bilingual, bestValue, type IndicatorValue, type ValueKind } from "./indicator-values.ts";
import { parsePeriodLabel } from "./periods.ts";
import { type ProjectionMethod, type ProjectionResult, project } from "./projection.ts";
import {
  type RequiredGrowth,
  requiredGrowth,
  requiredGrowthForAverage,
  requiredIn,
  type Trajectory,
} from "./trajectory.ts";
import { formatVnPercent } from "./vn-number.ts";

export type { Comparator, Nature } from "./evaluation-text.ts";

/** tracking: before the end; awaiting_final: ended, the target year's figure not in; final: judged. */
export type Stage = "tracking" | "awaiting_final" | "final";

export interface Measure {
  id: string;
  label: Bilingual;
  value: number;
  unit: string;
  comparator: Comparator;
  year: number;
  /** What is measured (default "level"): decides the maths, see the module comment. */
  nature?: Nature;
  /** For a growth rate: the base year the average is taken from (2020 for "05 năm 2021–2025"). */
  baseYear?: number;
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
  /** What the final evaluation waits for once the period is over, as sentences (finalFigureAwaited). */
  awaiting?: Bilingual | null;
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
  nature: Nature;
  /** `phase` kept for readers of the first shape; `stage` also tells an ended period apart. */
  stage: Stage;
  /** The target period's last day (ISO) and whether asOf is on or after it. */
  periodEnd: string;
  periodEnded: boolean;
  /** After the end without the final figure: what the final verdict waits for; else null. */
  awaiting: Bilingual | null;
  /** The status as a reader should take it at this stage ("Có nguy cơ không đạt (chờ số liệu cuối)"). */
  label: Bilingual;
  /** One sentence a leader reads first: the verdict with the figure behind it. */
  verdict: Bilingual;
}

/**
 * The values known on `asOf` (ISO date): known (knownOn, else entered) on or before that day. A
 * figure published in 2023 and typed in in 2026 counts as of 2023: as of 31/12/2022 the page
 * must show what a leader could know then, not what the database held.
 */
export function knownAsOf(values: readonly IndicatorValue[], asOf: string): IndicatorValue[] {
  return values.filter((v) => (v.knownOn ?? v.recordedAt.slice(0, 10)) <= asOf);
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

const signedPct = (p: number) => `${p > 0 ? "+" : ""}${formatVnPercent(Number(p.toFixed(2)))}`;
const marginText = (m: number) => formatVnPercent(Number((m * 100).toFixed(2)));
const up = (c: Comparator) => c === ">" || c === ">=";
const down = (c: Comparator) => c === "<" || c === "<=";
const EQUAL = 1e-9;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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

/** Final status: a count is exceeded by one more than asked; a level or rate by `exceed` of the goal. */
function finalStatus(v: number, measure: Measure, nature: Nature, exceed: number): Status {
  const goal = measure.value;
  const c = measure.comparator;
  if (!passes(v, goal, c)) return "missed";
  if (nature === "count") return c === ">=" && v > goal ? "exceeded" : "achieved";
  const slack = exceed * Math.abs(goal);
  return (up(c) && v > goal + slack) || (down(c) && v < goal - slack) ? "exceeded" : "achieved";
}

/**
 * Evaluates one measure against its yearly observations (see observationsAsOf). Tracking rule:
 * on track if the value meets the reference (the trajectory's value for the latest observed year,
 * or else the goal vs. the projection to the target year), at risk if short of it by at most
 * `atRiskMargin` (5 %), off track otherwise. A growth rate is compared with its goal as it
 * stands (the average achieved so far); a count is projected in whole numbers and has no "at
 * risk" band (one decision short is short). Final rule: achieved if the target year's value
 * meets the comparator ("trên" = ">" must strictly pass), exceeded if beyond the goal by more
 * than `exceedMargin` (5 %; for a count, by one more; never for "="), missed otherwise. After
 * the end without that value: the period is over, the final verdict waits (options.awaiting),
 * the latest year gives an indicative status. Margins are configurable: the plan fixes none,
 * so 5 % is a working convention, not a rule.
 */
export function evaluateMeasure(
  measure: Measure,
  observations: readonly Observation[],
  options: EvaluationOptions,
): Evaluation {
  const atRisk = options.atRiskMargin ?? 0.05;
  const exceed = options.exceedMargin ?? 0.05;
  const nature: Nature = measure.nature ?? "level";
  const asOfYear = Number(options.asOf.slice(0, 4));
  const obs = [...observations]
    .filter((o) => o.year <= Math.min(measure.year, asOfYear))
    .sort((a, b) => a.year - b.year);
  const latest = obs.at(-1) ?? null;
  const periodEnd = `${measure.year}-12-31`;
  const ended = options.asOf >= periodEnd;
  const awaitingText = options.awaiting ?? {
    vi: `Đánh giá cuối cùng chờ số liệu năm ${measure.year}.`,
    en: `The final evaluation awaits the ${measure.year} figure.`,
  };
  const goalVi = goalWords(measure, nature, "vi");
  const goalEn = goalWords(measure, nature, "en");
  const q = (v: number, lang: "vi" | "en") => quantity(v, measure.unit, nature, lang);
  const finish = (
    e: Omit<Evaluation, "label" | "verdict" | "stage" | "periodEnd" | "periodEnded" | "awaiting" | "nature">,
    stage: Stage,
  ): Evaluation => {
    const out = {
      ...e,
      rule: { vi: capital(e.rule.vi), en: capital(e.rule.en) },
      nature,
      stage,
      periodEnd,
      periodEnded: ended,
      awaiting: stage === "awaiting_final" ? awaitingText : null,
      label: stageLabel(e.status, stage),
    };
    return { ...out, verdict: verdictOf(out) };
  };
  const none = { required: null, projection: null, growthNeeded: null, gap: null };
  const base = { measure, status: "unknown" as Status, phase: "tracking" as const, latest, ...none };
  const endedVi = `Kỳ mục tiêu đã kết thúc ngày ${vnDate(periodEnd)}; chưa có số liệu năm ${measure.year} nên chưa có kết quả cuối cùng. ${awaitingText.vi}`;
  const endedEn = `The target period ended on ${vnDate(periodEnd)}; there is no ${measure.year} figure yet, so no final result. ${awaitingText.en}`;
  const stageNow: Stage = ended ? "awaiting_final" : "tracking";
  if (!latest)
    return finish(
      {
        ...base,
        rule: ended
          ? { vi: endedVi, en: endedEn }
          : {
              vi: `Chưa có số liệu đến ngày ${vnDate(options.asOf)}.`,
              en: `No data as of ${vnDate(options.asOf)}.`,
            },
      },
      stageNow,
    );
  const wrongUnit = obs.find((o) => o.unit !== undefined && o.unit !== measure.unit);
  if (wrongUnit)
    return finish(
      {
        ...base,
        rule: {
          vi: `Đơn vị số liệu (${wrongUnit.unit}) khác đơn vị mục tiêu (${measure.unit}).`,
          en: `The data's unit (${wrongUnit.unit}) differs from the target's (${measure.unit}).`,
        },
      },
      stageNow,
    );
  const goal = measure.value;
  if (ended && latest.year === measure.year) {
    const v = latest.value;
    const gap = gapOf(v, goal);
    const pctText = gap.percent === null || nature !== "level" ? "" : ` (${signedPct(gap.percent)})`;
    const strict = measure.comparator === ">" || measure.comparator === "<";
    const exceedVi =
      nature === "count"
        ? measure.comparator === ">="
          ? ` Vượt mục tiêu khi nhiều hơn ${q(goal, "vi")}.`
          : ""
        : measure.comparator === "="
          ? ""
          : ` Vượt mục tiêu khi hơn mục tiêu quá ${marginText(exceed)}.`;
    const exceedEn =
      nature === "count"
        ? measure.comparator === ">="
          ? ` Exceeded when more than ${q(goal, "en")}.`
          : ""
        : measure.comparator === "="
          ? ""
          : ` Exceeded when beyond the goal by more than ${marginText(exceed)}.`;
    const unitGap = nature === "growth_rate" ? " điểm phần trăm" : "";
    return finish(
      {
        ...base,
        status: finalStatus(v, measure, nature, exceed),
        phase: "final",
        gap,
        rule: {
          vi: `Mục tiêu ${goalVi} (năm ${measure.year})${strict ? ", phải vượt qua mức này" : ""}; giá trị năm ${measure.year}: ${q(v, "vi")}; chênh lệch ${num(gap.absolute)}${unitGap}${pctText}.${exceedVi}`,
          en: `Goal ${goalEn} (${measure.year})${strict ? ", which must be strictly passed" : ""}; ${measure.year} value: ${q(v, "en")}; gap ${num(gap.absolute)}${nature === "growth_rate" ? " percentage points" : ""}${pctText}.${exceedEn}`,
        },
      },
      "final",
    );
  }
  // After the end no year is left to grow in: "còn cần … trong 1 năm còn lại" would be false.
  const growthNeeded = ended
    ? null
    : nature === "growth_rate"
      ? measure.baseYear !== undefined && latest.year < measure.year
        ? requiredGrowthForAverage(latest.value, latest.year, goal, measure.year, measure.baseYear)
        : null
      : nature === "level" && up(measure.comparator) && latest.year < measure.year
        ? requiredGrowth(latest.value, latest.year, goal, measure.year)
        : null;
  // The awaited figure is its own field (awaiting), shown once beside the verdict, not in every rule.
  const lead = ended
    ? {
        vi: `Kỳ mục tiêu đã kết thúc ngày ${vnDate(periodEnd)}, chưa có số liệu năm ${measure.year}. Tạm đánh giá theo số liệu năm ${latest.year}: `,
        en: `The target period ended on ${vnDate(periodEnd)}, no ${measure.year} figure yet. Indicative, from the ${latest.year} figure: `,
      }
    : { vi: "", en: "" };
  const judge = (v: number, ref: number, passed: boolean) =>
    passed
      ? "on_track"
      : nature !== "count" && nearly(v, ref, measure.comparator, atRisk)
        ? "at_risk"
        : "off_track";
  if (nature === "growth_rate") {
    // A rate is not grown: the average achieved so far is compared with the goal rate itself.
    const gap = gapOf(latest.value, goal);
    return finish(
      {
        ...base,
        status: judge(latest.value, goal, passes(latest.value, goal, measure.comparator)),
        required: goal,
        growthNeeded,
        gap,
        rule: {
          vi: `${lead.vi}tăng bình quân ${measure.baseYear !== undefined ? `từ năm gốc ${measure.baseYear} ` : ""}đến năm ${latest.year} là ${q(latest.value, "vi")}; mục tiêu ${goalVi}. Đúng tiến độ nếu đạt mục tiêu; có nguy cơ nếu kém không quá ${marginText(atRisk)} của mục tiêu; chậm tiến độ nếu kém hơn. Chênh lệch ${num(gap.absolute)} điểm phần trăm.`,
          en: `${lead.en}average growth ${measure.baseYear !== undefined ? `from base year ${measure.baseYear} ` : ""}to ${latest.year}: ${q(latest.value, "en")}; goal ${goalEn}. On track if it meets the goal; at risk if short by at most ${marginText(atRisk)} of the goal; off track otherwise. Gap ${num(gap.absolute)} percentage points.`,
        },
      },
      stageNow,
    );
  }
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
    return finish(
      {
        ...base,
        status: judge(latest.value, required, met),
        required,
        growthNeeded,
        gap,
        rule: {
          vi: `${lead.vi}đúng tiến độ nếu giá trị năm ${latest.year} (${q(latest.value, "vi")}) đạt mức lộ trình ${q(required, "vi")}; có nguy cơ nếu kém không quá ${marginText(atRisk)}; chậm tiến độ nếu kém hơn. Chênh lệch ${num(gap.absolute)}${pctText}. ${options.trajectory.description.vi}`,
          en: `${lead.en}on track if the ${latest.year} value (${q(latest.value, "en")}) meets the path's ${q(required, "en")}; at risk if short by at most ${marginText(atRisk)}; off track otherwise. Gap ${num(gap.absolute)}${pctText}. ${options.trajectory.description.en}`,
        },
      },
      stageNow,
    );
  }
  const method: ProjectionMethod = nature === "count" ? "count" : (options.projectionMethod ?? "cagr");
  const projection = project(obs, measure.year, method);
  if (projection.projected === null)
    return finish(
      {
        ...base,
        projection,
        growthNeeded,
        rule: {
          vi: `${lead.vi}không có lộ trình cho năm ${latest.year} và không dự báo được: ${projection.reason.vi}`,
          en: `${lead.en}no path value for ${latest.year} and no projection: ${projection.reason.en}`,
        },
      },
      stageNow,
    );
  const p = projection.projected;
  const gap = gapOf(p, goal);
  const { low, high } = projection;
  const range = low !== null && high !== null ? ` ${num(low)} – ${num(high)})` : null;
  const band = { vi: range ? ` (khoảng${range}` : "", en: range ? ` (band${range}` : "" };
  const riskVi =
    nature === "count"
      ? "chậm tiến độ nếu không đạt"
      : `có nguy cơ nếu kém không quá ${marginText(atRisk)}; chậm tiến độ nếu kém hơn`;
  const riskEn =
    nature === "count"
      ? "off track otherwise"
      : `at risk if short by at most ${marginText(atRisk)}; off track otherwise`;
  return finish(
    {
      ...base,
      status: judge(p, goal, passes(p, goal, measure.comparator)),
      projection,
      growthNeeded,
      gap,
      rule: {
        vi: `${lead.vi}đúng tiến độ nếu giá trị dự báo năm ${measure.year} (${num(p)}${band.vi}) đạt mục tiêu ${goalVi}; ${riskVi}. ${projection.formulaText.vi}`,
        en: `${lead.en}on track if the ${measure.year} projection (${num(p)}${band.en}) meets the goal ${goalEn}; ${riskEn}. ${projection.formulaText.en}`,
      },
    },
    stageNow,
  );
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
