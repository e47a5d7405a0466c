/**
 * Where the trend leads by the target year, with the method stated, so that "will we reach it
 * by 2025?" is answered with working a reader can check: the formula, the numbers used, and an
 * uncertainty band when the data allow one. Three methods, each common in plan reviews:
 *  - CAGR: the average yearly growth over the observed years, continued (growth targets such as
 *    "tăng bình quân … trên 14%" are stated this way);
 *  - OLS: an ordinary least-squares straight line (for shares and counts that grow by steps);
 *  - log-linear: a least-squares line through ln(value), i.e. a constant growth rate fitted to
 *    all points rather than to the first and last only.
 * Points are yearly values of ONE territorial scope (REGULATIONS.md §5): see observationsAsOf (evaluation.ts).
 */

import { projectCount } from "./count-projection.ts";
import type { Bilingual } from "./indicator-values.ts";
import { formatVnNumber, formatVnPercent } from "./vn-number.ts";

/** "count": a whole-number count that never falls (count-projection.ts). */
export type ProjectionMethod = "cagr" | "ols" | "log_linear" | "count";

export interface ObservedPoint {
  year: number;
  value: number;
}

export interface Projection {
  method: ProjectionMethod;
  targetYear: number;
  projected: number;
  /** Uncertainty band; null when it cannot be estimated (two points only). low ≤ projected ≤ high. */
  low: number | null;
  high: number | null;
  formulaText: Bilingual;
  /** How the band was made, or why there is none. */
  uncertainty: Bilingual;
  /** Observed years used. */
  fromYear: number;
  toYear: number;
  pointCount: number;
  /** The yearly growth the method implies (CAGR, log-linear); null for OLS. */
  annualGrowth: number | null;
}

export interface NoProjection {
  method: ProjectionMethod;
  targetYear: number;
  projected: null;
  low: null;
  high: null;
  reason: Bilingual;
}

export type ProjectionResult = Projection | NoProjection;

const num = (n: number) => formatVnNumber(Number(n.toFixed(2)));
const pct = (r: number) => formatVnPercent(Number((r * 100).toFixed(2)));

/**
 * Student's t, 90th percentile (two-sided 80 % interval), by degrees of freedom 1–30; beyond 30
 * the normal value 1,282 is used. An 80 % band is what planners call "likely", not "certain".
 */
const T80 = [
  3.078, 1.886, 1.638, 1.533, 1.476, 1.44, 1.415, 1.397, 1.383, 1.372, 1.363, 1.356, 1.35, 1.345, 1.341,
  1.337, 1.333, 1.33, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.31,
];
const t80 = (df: number): number => T80[df - 1] ?? 1.282;

const NO_BAND: Bilingual = {
  vi: "Chỉ có 2 điểm số liệu: không ước lượng được độ bất định.",
  en: "Only two data points: no uncertainty can be estimated.",
};

function refuse(method: ProjectionMethod, targetYear: number, vi: string, en: string): NoProjection {
  return { method, targetYear, projected: null, low: null, high: null, reason: { vi, en } };
}

/** Checks the points shared by all methods; returns them sorted, or the reason they cannot be used. */
function prepare(
  method: ProjectionMethod,
  points: readonly ObservedPoint[],
  targetYear: number,
  positive: boolean,
): ObservedPoint[] | NoProjection {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  if (sorted.length < 2)
    return refuse(
      method,
      targetYear,
      "Cần ít nhất 2 năm có số liệu để dự báo xu thế.",
      "At least two years of data are needed to project a trend.",
    );
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i] as ObservedPoint;
    if (!Number.isInteger(p.year) || !Number.isFinite(p.value))
      return refuse(
        method,
        targetYear,
        `Số liệu năm ${p.year} không hợp lệ.`,
        `The value for ${p.year} is invalid.`,
      );
    if (i > 0 && sorted[i - 1]?.year === p.year)
      return refuse(
        method,
        targetYear,
        `Năm ${p.year} có hai giá trị: chọn một số liệu trước.`,
        `${p.year} has two values: choose one first.`,
      );
    if (positive && p.value <= 0)
      return refuse(
        method,
        targetYear,
        `Phương pháp tăng trưởng cần giá trị dương (năm ${p.year}: ${num(p.value)}).`,
        `A growth method needs positive values (${p.year}: ${num(p.value)}).`,
      );
  }
  const last = (sorted.at(-1) as ObservedPoint).year;
  if (!Number.isInteger(targetYear) || targetYear < last)
    return refuse(
      method,
      targetYear,
      `Năm dự báo ${targetYear} phải từ năm ${last} trở đi.`,
      `The target year ${targetYear} must not precede ${last}.`,
    );
  return sorted;
}

/**
 * (a) CAGR: g = (last ÷ first)^(1/(years between)) − 1, projected = last × (1 + g)^(T − last
 * year). The band continues the lowest and the highest year-on-year growth observed (each
 * annualised over gaps), so it shows how far the spread of past years could carry the value.
 */
export function projectCagr(points: readonly ObservedPoint[], targetYear: number): ProjectionResult {
  const p = prepare("cagr", points, targetYear, true);
  if (!Array.isArray(p)) return p;
  const first = p[0] as ObservedPoint;
  const last = p.at(-1) as ObservedPoint;
  const span = last.year - first.year;
  const ahead = targetYear - last.year;
  const g = (last.value / first.value) ** (1 / span) - 1;
  const projected = last.value * (1 + g) ** ahead;
  const steps = p.slice(1).map((q, i) => {
    const prev = p[i] as ObservedPoint;
    return (q.value / prev.value) ** (1 / (q.year - prev.year)) - 1;
  });
  const gMin = Math.min(...steps);
  const gMax = Math.max(...steps);
  const band = p.length >= 3;
  // The overall CAGR lies between the smallest and largest step; min/max guard rounding only.
  const low = band ? Math.min(projected, last.value * (1 + gMin) ** ahead) : null;
  const high = band ? Math.max(projected, last.value * (1 + gMax) ** ahead) : null;
  return {
    method: "cagr",
    targetYear,
    projected,
    low,
    high,
    formulaText: {
      vi: `Tăng trưởng bình quân (CAGR) ${first.year}–${last.year}: g = (${num(last.value)} ÷ ${num(first.value)})^(1/${span}) − 1 = ${pct(g)}; dự báo ${targetYear} = ${num(last.value)} × (1 + g)^${ahead} = ${num(projected)}.`,
      en: `Compound annual growth ${first.year}–${last.year}: g = (${num(last.value)} ÷ ${num(first.value)})^(1/${span}) − 1 = ${pct(g)}; ${targetYear} projection = ${num(last.value)} × (1 + g)^${ahead} = ${num(projected)}.`,
    },
    uncertainty:
      band && low !== null && high !== null
        ? {
            vi: `Khoảng theo mức tăng hằng năm thấp nhất (${pct(gMin)}) và cao nhất (${pct(gMax)}) đã quan sát: ${num(low)} – ${num(high)}.`,
            en: `Band from the lowest (${pct(gMin)}) and highest (${pct(gMax)}) year-on-year growth observed: ${num(low)} – ${num(high)}.`,
          }
        : NO_BAND,
    fromYear: first.year,
    toYear: last.year,
    pointCount: p.length,
    annualGrowth: g,
  };
}

export interface Fit {
  intercept: number;
  slope: number;
  xMean: number;
  at: (year: number) => number;
  /** Half-width of the ~80 % prediction interval at a year; null with n = 2 (no residual degree of freedom). */
  halfWidth: (year: number) => number | null;
  s: number | null;
}

/** Least squares y = a + b (x − x̄), with the prediction interval for a new year's value. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): Fit {
  const n = xs.length;
  const xMean = xs.reduce((s, x) => s + x, 0) / n;
  const yMean = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, i) => {
    sxx += (x - xMean) ** 2;
    sxy += (x - xMean) * ((ys[i] as number) - yMean);
  });
  const slope = sxy / sxx;
  const at = (x: number) => yMean + slope * (x - xMean);
  const sse = xs.reduce((s, x, i) => s + ((ys[i] as number) - at(x)) ** 2, 0);
  const s = n > 2 ? Math.sqrt(sse / (n - 2)) : null;
  const halfWidth = (x: number) =>
    s === null ? null : t80(n - 2) * s * Math.sqrt(1 + 1 / n + (x - xMean) ** 2 / sxx);
  return { intercept: yMean, slope, xMean, at, halfWidth, s };
}

function bandText(fit: Fit, n: number, low: number, high: number): Bilingual {
  const s = formatVnNumber(Number((fit.s ?? 0).toPrecision(3)));
  const t = formatVnNumber(t80(n - 2));
  return {
    vi: `Khoảng dự báo khoảng 80% từ sai số chuẩn của hồi quy (s = ${s}, t = ${t}, ${n - 2} bậc tự do): ${num(low)} – ${num(high)}.`,
    en: `Approx. 80 % prediction interval from the regression's residual standard error (s = ${s}, t = ${t}, ${n - 2} degrees of freedom): ${num(low)} – ${num(high)}.`,
  };
}

/** (b) Ordinary least squares straight line through all points, extended to the target year. */
export function projectOls(points: readonly ObservedPoint[], targetYear: number): ProjectionResult {
  const p = prepare("ols", points, targetYear, false);
  if (!Array.isArray(p)) return p;
  const fit = leastSquares(
    p.map((q) => q.year),
    p.map((q) => q.value),
  );
  const projected = fit.at(targetYear);
  const hw = fit.halfWidth(targetYear);
  const low = hw === null ? null : projected - hw;
  const high = hw === null ? null : projected + hw;
  const first = p[0] as ObservedPoint;
  const last = p.at(-1) as ObservedPoint;
  const xMean = String(fit.xMean).replace(".", ","); // a year is never grouped: "2022,5"
  const line = (year: string) => `${num(fit.intercept)} + ${num(fit.slope)} × (${year} − ${xMean})`;
  return {
    method: "ols",
    targetYear,
    projected,
    low,
    high,
    formulaText: {
      vi: `Xu thế tuyến tính (bình phương nhỏ nhất) ${first.year}–${last.year}: giá trị = ${line("năm")}; dự báo ${targetYear} = ${num(projected)}.`,
      en: `Linear trend (least squares) ${first.year}–${last.year}: value = ${line("year")}; ${targetYear} projection = ${num(projected)}.`,
    },
    uncertainty: low === null || high === null ? NO_BAND : bandText(fit, p.length, low, high),
    fromYear: first.year,
    toYear: last.year,
    pointCount: p.length,
    annualGrowth: null,
  };
}

/** (c) Log-linear trend: least squares on ln(value), projected = e^(fit), growth = e^b − 1. */
export function projectLogLinear(points: readonly ObservedPoint[], targetYear: number): ProjectionResult {
  const p = prepare("log_linear", points, targetYear, true);
  if (!Array.isArray(p)) return p;
  const fit = leastSquares(
    p.map((q) => q.year),
    p.map((q) => Math.log(q.value)),
  );
  const projected = Math.exp(fit.at(targetYear));
  const hw = fit.halfWidth(targetYear);
  const low = hw === null ? null : Math.min(projected, Math.exp(fit.at(targetYear) - hw));
  const high = hw === null ? null : Math.max(projected, Math.exp(fit.at(targetYear) + hw));
  const growth = Math.expm1(fit.slope);
  const first = p[0] as ObservedPoint;
  const last = p.at(-1) as ObservedPoint;
  return {
    method: "log_linear",
    targetYear,
    projected,
    low,
    high,
    formulaText: {
      vi: `Xu thế log-tuyến tính ${first.year}–${last.year}: ln(giá trị) = a + b × năm, b = ${formatVnNumber(Number(fit.slope.toFixed(4)))} (tăng ${pct(growth)}/năm); dự báo ${targetYear} = e^(a + b × ${targetYear}) = ${num(projected)}.`,
      en: `Log-linear trend ${first.year}–${last.year}: ln(value) = a + b × year, b = ${formatVnNumber(Number(fit.slope.toFixed(4)))} (${pct(growth)}/year); ${targetYear} projection = e^(a + b × ${targetYear}) = ${num(projected)}.`,
    },
    uncertainty: low === null || high === null ? NO_BAND : bandText(fit, p.length, low, high),
    fromYear: first.year,
    toYear: last.year,
    pointCount: p.length,
    annualGrowth: growth,
  };
}

/** Projects with the named method. */
export function project(
  points: readonly ObservedPoint[],
  targetYear: number,
  method: ProjectionMethod,
): ProjectionResult {
  if (method === "ols") return projectOls(points, targetYear);
  if (method === "log_linear") return projectLogLinear(points, targetYear);
  if (method === "count") return projectCount(points, targetYear);
  return projectCagr(points, targetYear);
}
