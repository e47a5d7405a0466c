/**
 * One line of a periodic report's part I for one measure of a target, in the words provincial
 * reports use: "Quý I năm 2022 đạt 4.210 tỷ đồng, bằng 22,5% kế hoạch năm, bằng 112,3% so với
 * cùng kỳ năm trước; đánh giá: đúng tiến độ." A figure that is not available is said to be
 * missing, never guessed, and the latest figure known is given instead. Pure: no I/O.
 */
import { formatVnNumber, formatVnPercent } from "./vn-number.ts";

export interface MeasureFigures {
  /** "Quý I năm 2022". */
  periodWords: string;
  unit: string;
  /** Additive figures (a value per period that sums to the year) are compared in percent of plan. */
  additive: boolean;
  /** The figure for the period, with its kind ("Sơ bộ"), or null when not available. */
  value: { value: number; kindLabel: string } | null;
  /** The year's plan figure and where it comes from ("kế hoạch năm", "lộ trình của Kế hoạch"). */
  yearPlan: { value: number; from: "plan" | "trajectory" } | null;
  /** The same period a year earlier. */
  lastYear: number | null;
  /** For a count kept in the zone registry: the cumulative count and the goal. */
  cumulative: { value: number; goal: number; upTo: string } | null;
  /** The latest figure known when the period's own is missing: "năm 2021", value. */
  latestKnown: { when: string; value: number; kindLabel: string | null } | null;
  /** "Chậm tiến độ" (evaluation.ts STATUS_LABELS). */
  evaluation: string;
}

/** "27.700", "14,9", "12.827,6": integers whole, other figures to one decimal. */
export function figure(n: number): string {
  return Number.isInteger(n) ? formatVnNumber(n) : formatVnNumber(n, 1);
}

function withUnit(n: number, unit: string): string {
  return unit === "%" ? `${figure(n)}%` : `${figure(n)} ${unit}`;
}

const lower = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

/** The sentence for one measure (without the measure's own text, which the caller puts first). */
export function measureSentence(f: MeasureFigures): string {
  const parts: string[] = [];
  if (f.cumulative) {
    parts.push(
      `lũy kế từ đầu kỳ Kế hoạch đến ngày ${f.cumulative.upTo} đạt ${figure(f.cumulative.value)}/${figure(f.cumulative.goal)} ${f.unit}`,
    );
  } else if (f.value) {
    const kind = f.value.kindLabel ? ` (số liệu ${lower(f.value.kindLabel)})` : "";
    let s = `${f.periodWords} đạt ${withUnit(f.value.value, f.unit)}${kind}`;
    if (f.yearPlan) {
      const from = f.yearPlan.from === "plan" ? "kế hoạch năm" : "mức cần đạt của năm theo lộ trình Kế hoạch";
      s +=
        f.additive && f.yearPlan.value !== 0
          ? `, bằng ${formatVnPercent(round1((f.value.value / f.yearPlan.value) * 100))} ${from}`
          : `; ${from}: ${withUnit(f.yearPlan.value, f.unit)}`;
    } else s += ", chưa có kế hoạch năm để so sánh";
    if (f.lastYear !== null) {
      s +=
        f.additive && f.lastYear !== 0
          ? `, bằng ${formatVnPercent(round1((f.value.value / f.lastYear) * 100))} so với cùng kỳ năm trước`
          : `; cùng kỳ năm trước: ${withUnit(f.lastYear, f.unit)}`;
    } else s += "; chưa có số liệu cùng kỳ năm trước để so sánh";
    parts.push(s);
  } else {
    let s = `chưa có số liệu ${f.periodWords}`;
    if (f.latestKnown)
      s += `; số liệu gần nhất: ${f.latestKnown.when} đạt ${withUnit(f.latestKnown.value, f.unit)}${f.latestKnown.kindLabel ? ` (${lower(f.latestKnown.kindLabel)})` : ""}`;
    parts.push(s);
  }
  // "Chưa có số liệu …; đánh giá: chưa đủ số liệu" says the same thing twice.
  if (f.cumulative || f.value || !/chưa đủ số liệu/iu.test(f.evaluation))
    parts.push(`đánh giá: ${lower(f.evaluation)}`);
  return `${parts.join("; ")}.`;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
