/**
 * Where a count goes by the target year: the number of industrial parks founded, of clusters
 * expanded (targets 4 and 5). A count is a whole number of decisions and, counted since the
 * plan's start, never falls: a straight line through it may say "0,6 cụm" or a band down to
 * "-0,16", which no leader can read. So the projection is rounded to whole units and never
 * below the count already reached; a count that has not moved is not "fitted" at all (a line
 * through 0, 0, 0 is 0 + 0 × năm): it stays where it is unless new decisions are made.
 */
import type { Bilingual } from "./indicator-values.ts";
import { leastSquares, type ObservedPoint, type ProjectionResult } from "./projection.ts";
import { formatVnNumber } from "./vn-number.ts";

const whole = (n: number) => formatVnNumber(n);

/** Projects a cumulative count to `targetYear`: whole numbers, never below the last count. */
export function projectCount(points: readonly ObservedPoint[], targetYear: number): ProjectionResult {
  const p = [...points].sort((a, b) => a.year - b.year);
  const refuse = (vi: string, en: string): ProjectionResult => ({
    method: "count",
    targetYear,
    projected: null,
    low: null,
    high: null,
    reason: { vi, en },
  });
  if (p.length === 0) return refuse("Chưa có năm nào được đếm.", "No year has been counted yet.");
  if (p.some((q) => !Number.isInteger(q.year) || !Number.isInteger(q.value) || q.value < 0))
    return refuse("Số đếm phải là số nguyên không âm.", "A count must be a whole number, zero or more.");
  const first = p[0] as ObservedPoint;
  const last = p.at(-1) as ObservedPoint;
  if (targetYear < last.year)
    return refuse(
      `Năm dự báo ${targetYear} phải từ năm ${last.year} trở đi.`,
      `The target year ${targetYear} must not precede ${last.year}.`,
    );
  const current = last.value;
  const base = {
    method: "count" as const,
    targetYear,
    fromYear: first.year,
    toYear: last.year,
    pointCount: p.length,
    annualGrowth: null,
  };
  const flat = p.every((q) => q.value === current);
  if (flat || targetYear === last.year) {
    const text: Bilingual =
      targetYear === last.year
        ? {
            vi: `Đến hết năm ${last.year}: ${whole(current)}.`,
            en: `By the end of ${last.year}: ${whole(current)}.`,
          }
        : {
            vi: `Từ năm ${first.year} đến năm ${last.year} số lượng không đổi (${whole(current)}): không có xu thế để dự báo; nếu không có quyết định mới, năm ${targetYear} vẫn là ${whole(current)}.`,
            en: `From ${first.year} to ${last.year} the count did not change (${whole(current)}): there is no trend to project; without new decisions, ${targetYear} stays at ${whole(current)}.`,
          };
    return {
      ...base,
      projected: current,
      low: null,
      high: null,
      formulaText: text,
      uncertainty: {
        vi: "Không có khoảng dự báo: số lượng chưa thay đổi.",
        en: "No band: the count has not changed.",
      },
    };
  }
  const fit = leastSquares(
    p.map((q) => q.year),
    p.map((q) => q.value),
  );
  const raw = fit.at(targetYear);
  const projected = Math.max(current, Math.round(raw));
  const hw = fit.halfWidth(targetYear);
  const low = hw === null ? null : Math.min(projected, Math.max(current, Math.floor(raw - hw)));
  const high = hw === null ? null : Math.max(projected, Math.ceil(raw + hw));
  const added = current - first.value;
  return {
    ...base,
    projected,
    low,
    high,
    formulaText: {
      vi: `Từ năm ${first.year} đến năm ${last.year} thêm ${whole(added)} (từ ${whole(first.value)} lên ${whole(current)}); theo nhịp đó (đường thẳng bình phương nhỏ nhất, làm tròn, không thấp hơn số đã đạt), năm ${targetYear} khoảng ${whole(projected)}.`,
      en: `From ${first.year} to ${last.year}, ${whole(added)} more (from ${whole(first.value)} to ${whole(current)}); at that pace (least-squares line, rounded, never below the count reached), about ${whole(projected)} in ${targetYear}.`,
    },
    uncertainty:
      low === null || high === null
        ? {
            vi: "Chỉ có 2 năm: không ước lượng được khoảng dự báo.",
            en: "Only two years: no band can be estimated.",
          }
        : {
            vi: `Khoảng dự báo khoảng 80%, làm tròn ra số nguyên: ${whole(low)} – ${whole(high)}.`,
            en: `Approx. 80 % band, rounded out to whole numbers: ${whole(low)} – ${whole(high)}.`,
          },
  };
}
