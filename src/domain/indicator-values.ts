/**
 * Indicator values as statistics offices publish them: a figure for a period is first a plan
 * (kế hoạch), then an estimate (ước thực hiện, made before the period closes), then a
 * preliminary figure (sơ bộ), then the official one (chính thức) — and each may be revised.
 * MODEL.md: "A revised figure supersedes, it does not overwrite", so nothing here deletes a
 * value: choosing the best figure returns the superseded ones beside it.
 *
 * Every value carries its territorial scope. From 01/07/2025 Hà Giang was merged into Tuyên
 * Quang (REGULATIONS.md §5): figures from H2 2025 cover the merged province and are not
 * comparable with the plan's baseline, so values of different scopes are never combined here.
 */
import { parsePeriodLabel, periodByLabel } from "./periods.ts";
import { formatVnNumber, formatVnPercent } from "./vn-number.ts";

/** A text in Vietnamese (documents, UI) and English (second language; GLOSSARY.md). */
export interface Bilingual {
  vi: string;
  en: string;
}

export const VALUE_KINDS = ["plan", "estimate", "preliminary", "official"] as const;
/**
 * plan = kế hoạch (a target, not an outcome); estimate = ước; preliminary = sơ bộ; official =
 * chính thức. Listed from the least to the most final: a later kind supersedes an earlier one.
 */
export type ValueKind = (typeof VALUE_KINDS)[number];

export const VALUE_KIND_LABELS: Readonly<Record<ValueKind, Bilingual>> = {
  plan: { vi: "Kế hoạch", en: "Plan" },
  estimate: { vi: "Ước thực hiện", en: "Estimate" },
  preliminary: { vi: "Sơ bộ", en: "Preliminary" },
  official: { vi: "Chính thức", en: "Official" },
};

/** The two scopes the plan's figures come in (REGULATIONS.md §5); other strings are allowed. */
export const SCOPE_PRE_MERGER = "Tuyên Quang (pre-merger)";
export const SCOPE_MERGED = "Tuyên Quang (merged)";

export interface IndicatorValue {
  /** The indicator's code, e.g. "industrial_production_value_2010_prices". */
  indicator: string;
  /** A period label as periods.ts reads it: "2024", "2025-H1", "2025-01". */
  period: string;
  /** Territorial scope, e.g. SCOPE_PRE_MERGER. Never mixed in one series. */
  scope: string;
  kind: ValueKind;
  value: number;
  unit: string;
  /** Where the figure comes from (document, report, web page): figures are shown with it. */
  source: string;
  /** When the figure was entered (ISO date or date-time): a later entry revises an earlier one. */
  recordedAt: string;
  /**
   * The first day the figure counts "as of" a date (ISO), when it differs from its entry: its
   * publication date, or for history loaded later the end of its period (figure-dates.ts).
   * Without it the entry day is used (knownAsOf, evaluation.ts).
   */
  knownOn?: string;
  /** The reporter's explanation (required for large jumps, see validateValue). */
  comment?: string;
}

export interface Superseded {
  value: IndicatorValue;
  /** "revised": a later entry of the same kind; "outranked": a figure of a more final kind. */
  reason: "revised" | "outranked";
  supersededBy: IndicatorValue;
}

export interface BestValue {
  /** The figure to use: the latest entry of the most final kind; null when only plans exist. */
  chosen: IndicatorValue | null;
  /** Everything else for the period and scope, newest first: kept, never deleted. */
  superseded: Superseded[];
  /** The latest plan (target) figure for the period, if any: a target, never an outcome. */
  plan: IndicatorValue | null;
}

/** Entry order: by recordedAt, then by position in the input (a later line is a later entry). */
function byEntry(a: [IndicatorValue, number], b: [IndicatorValue, number]): number {
  if (a[0].recordedAt !== b[0].recordedAt) return a[0].recordedAt < b[0].recordedAt ? -1 : 1;
  return a[1] - b[1];
}

/**
 * The figure to use for one period and territorial scope, with the history it supersedes.
 * Values of other periods or scopes are ignored (a scope is never substituted for another,
 * REGULATIONS.md §5). Among the actual figures the most final kind wins (official > preliminary
 * > estimate), and within a kind the latest entry (a revision). Plans are targets, not outcomes:
 * they are returned apart and never chosen. Null when nothing matches. Throws a RangeError when
 * the matching values belong to different indicators (a caller error, not a data problem).
 */
export function bestValue(
  values: readonly IndicatorValue[],
  period: string,
  scope: string,
): BestValue | null {
  const matching = values
    .map((v, i): [IndicatorValue, number] => [v, i])
    .filter(([v]) => v.period === period && v.scope === scope)
    .sort(byEntry);
  if (matching.length === 0) return null;
  const indicators = new Set(matching.map(([v]) => v.indicator));
  if (indicators.size > 1)
    throw new RangeError(`bestValue over several indicators: ${[...indicators].join(", ")}`);
  const latestOfKind = new Map<ValueKind, IndicatorValue>();
  for (const [v] of matching) latestOfKind.set(v.kind, v);
  let chosen: IndicatorValue | null = null;
  for (const kind of VALUE_KINDS) if (kind !== "plan") chosen = latestOfKind.get(kind) ?? chosen;
  const plan = latestOfKind.get("plan") ?? null;
  const superseded: Superseded[] = [];
  for (let i = matching.length - 1; i >= 0; i--) {
    const v = (matching[i] as [IndicatorValue, number])[0];
    if (v === chosen || v === plan) continue;
    const revision = matching.slice(i + 1).find(([w]) => w.kind === v.kind);
    if (revision) superseded.push({ value: v, reason: "revised", supersededBy: revision[0] });
    else if (chosen) superseded.push({ value: v, reason: "outranked", supersededBy: chosen });
  }
  return { chosen, superseded, plan };
}

/** DHIS2-style validation rule: an allowed range, and a jump that needs explaining. */
export interface ValidationRule {
  min?: number;
  max?: number;
  /** A change of more than this many percent from the previous period needs a comment. */
  maxJumpPercent?: number;
}

export interface ValidationProblem {
  code: "not_finite" | "below_min" | "above_max" | "jump_needs_comment";
  /** An error blocks the value; a warning asks for a comment, as DHIS2 does for outliers. */
  severity: "error" | "warning";
  message: Bilingual;
}

const num = (n: number) => formatVnNumber(Number(n.toFixed(2)));

/**
 * Checks a value as DHIS2 validation rules do: within [min, max], and a jump of more than
 * `maxJumpPercent` from the previous period must be explained by a comment. The jump is only
 * checked against a previous value of the same indicator, scope and unit: a figure for the
 * merged province is not comparable with a pre-merger one (REGULATIONS.md §5), so such a
 * "jump" is not a problem of the value. A previous value of 0 makes any change a jump.
 */
export function validateValue(
  value: IndicatorValue,
  previous: IndicatorValue | null | undefined,
  rule: ValidationRule,
): ValidationProblem[] {
  const v = value.value;
  const problem = (code: ValidationProblem["code"], vi: string, en: string): ValidationProblem => ({
    code,
    severity: code === "jump_needs_comment" ? "warning" : "error",
    message: { vi, en },
  });
  if (!Number.isFinite(v))
    return [
      problem("not_finite", "Giá trị không phải là một số hợp lệ.", "The value is not a valid number."),
    ];
  const problems: ValidationProblem[] = [];
  const u = value.unit;
  if (rule.min !== undefined && v < rule.min)
    problems.push(
      problem(
        "below_min",
        `Giá trị ${num(v)} nhỏ hơn mức tối thiểu ${num(rule.min)} ${u}.`,
        `The value ${num(v)} is below the minimum ${num(rule.min)} ${u}.`,
      ),
    );
  if (rule.max !== undefined && v > rule.max)
    problems.push(
      problem(
        "above_max",
        `Giá trị ${num(v)} lớn hơn mức tối đa ${num(rule.max)} ${u}.`,
        `The value ${num(v)} is above the maximum ${num(rule.max)} ${u}.`,
      ),
    );
  const comparable =
    previous &&
    Number.isFinite(previous.value) &&
    previous.indicator === value.indicator &&
    previous.scope === value.scope &&
    previous.unit === value.unit;
  if (rule.maxJumpPercent !== undefined && comparable && !value.comment?.trim()) {
    const p = previous.value;
    const jump = p === 0 ? (v === 0 ? 0 : Number.POSITIVE_INFINITY) : (Math.abs(v - p) / Math.abs(p)) * 100;
    if (jump > rule.maxJumpPercent) {
      const change = ((v - p) / Math.abs(p)) * 100;
      const by = p === 0 ? null : `${change > 0 ? "+" : ""}${formatVnPercent(Number(change.toFixed(1)))}`;
      const limit = formatVnPercent(rule.maxJumpPercent);
      problems.push(
        problem(
          "jump_needs_comment",
          `Giá trị thay đổi ${by ?? `từ 0 lên ${num(v)}`} so với kỳ ${previous.period} (${num(p)}), vượt ngưỡng ${limit}: cần ghi chú giải thích.`,
          `The value changed ${by ?? `from 0 to ${num(v)}`} from ${previous.period} (${num(p)}), more than ${limit}: a comment is required.`,
        ),
      );
    }
  }
  return problems;
}

/** Ratio: Σ numerator ÷ Σ denominator (× factor, e.g. 100 for a percentage), as DHIS2 indicators. */
export interface RatioMethod {
  ratio: { numerator: string; denominator: string; factor?: number };
}
export type AggregationMethod = "sum" | "mean" | "latest" | RatioMethod;

export type Aggregate =
  | { value: number; used: IndicatorValue[]; superseded: Superseded[] }
  | { value: null; reason: Bilingual };

const refuse = (vi: string, en: string): Aggregate => ({ value: null, reason: { vi, en } });

/** The end of a period's cut-off window (Decree 09/2019 Art. 12), to find the latest period. */
const periodEnd = (label: string): string => {
  const p = parsePeriodLabel(label);
  return (p && periodByLabel(p.frequency, label)?.end) ?? label;
};

/**
 * Aggregates figures of ONE territorial scope: "sum" and "mean" over periods of one indicator
 * and one frequency (a year and its half would be counted twice), "latest" (the period whose
 * window ends last), or a ratio of sums over the same periods. Each indicator × period is first
 * reduced to its best figure (bestValue), so revisions are never counted twice; the superseded
 * figures are returned. Refuses, with a reason, mixed scopes (REGULATIONS.md §5), mixed units,
 * plans mixed with outcomes, and a zero denominator (never Infinity or NaN).
 */
export function aggregate(values: readonly IndicatorValue[], method: AggregationMethod): Aggregate {
  if (values.length === 0) return refuse("Không có số liệu.", "No values.");
  const scopes = new Set(values.map((v) => v.scope));
  if (scopes.size > 1)
    return refuse(
      `Không cộng gộp số liệu của các phạm vi khác nhau: ${[...scopes].join("; ")}.`,
      `Values of different territorial scopes are not combined: ${[...scopes].join("; ")}.`,
    );
  const plans = values.filter((v) => v.kind === "plan").length;
  if (plans > 0 && plans < values.length)
    return refuse("Không gộp số kế hoạch với số thực hiện.", "Plan figures are not combined with outcomes.");
  const units = new Map<string, Set<string>>();
  for (const v of values) units.set(v.indicator, (units.get(v.indicator) ?? new Set()).add(v.unit));
  if ([...units.values()].some((u) => u.size > 1))
    return refuse("Số liệu có đơn vị tính khác nhau.", "The values have different units.");
  const scope = values[0]?.scope ?? "";
  const used: IndicatorValue[] = [];
  const superseded: Superseded[] = [];
  for (const key of new Set(values.map((v) => `${v.indicator}\u0000${v.period}`))) {
    const [indicator = "", period = ""] = key.split("\u0000");
    const best = bestValue(
      values.filter((v) => v.indicator === indicator),
      period,
      scope,
    );
    const pick = best?.chosen ?? best?.plan;
    if (!best || !pick) continue;
    used.push(pick);
    superseded.push(...best.superseded);
  }
  const done = (value: number): Aggregate => ({ value, used, superseded });
  if (typeof method === "object") {
    const { numerator, denominator, factor = 1 } = method.ratio;
    const top = used.filter((v) => v.indicator === numerator);
    const den = used.filter((v) => v.indicator === denominator);
    const periods = (vs: IndicatorValue[]) => JSON.stringify(vs.map((v) => v.period).sort());
    if (top.length === 0 || den.length === 0 || periods(top) !== periods(den))
      return refuse(
        "Tử số và mẫu số phải có số liệu cho cùng các kỳ.",
        "Numerator and denominator need values for the same periods.",
      );
    const d = den.reduce((s, v) => s + v.value, 0);
    if (d === 0) return refuse("Mẫu số bằng 0: không tính được tỷ lệ.", "The denominator is zero: no ratio.");
    return done((top.reduce((s, v) => s + v.value, 0) / d) * factor);
  }
  if (units.size > 1)
    return refuse("Chỉ gộp số liệu của một chỉ tiêu.", "Only values of one indicator are aggregated.");
  if (method === "latest") {
    const latest = used.reduce((a, b) => (periodEnd(b.period) > periodEnd(a.period) ? b : a));
    return done(latest.value);
  }
  const frequencies = new Set(used.map((v) => parsePeriodLabel(v.period)?.frequency ?? v.period));
  if (frequencies.size > 1)
    return refuse(
      "Các kỳ có độ dài khác nhau (ví dụ năm và 6 tháng): không cộng gộp.",
      "Periods of different lengths (e.g. a year and a half-year) are not combined.",
    );
  const total = used.reduce((s, v) => s + v.value, 0);
  return done(method === "sum" ? total : total / used.length);
}
