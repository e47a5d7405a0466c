/**
 * Measures derived from the zone registry: a count of founding or expansion decisions (which
 * named zones are done, which are not) and the occupancy of leased land (simple mean AND
 * area-weighted, each evaluated; the measure's evaluation is the worse).
 */
import { evaluateMeasure, type Observation } from "../../domain/evaluation.ts";
import { vnDate } from "../../domain/evaluation-text.ts";
import { project } from "../../domain/projection.ts";
import { countEstablished, countExpanded, namedZoneProgress } from "../../domain/zone-counts.ts";
import { occupancyReport, zoneLand } from "../zones/land.ts";
import type { IndicatorFormula } from "./catalogue.ts";
import type { EvaluationOut, MeasureContext, MeasureOut, ObservationOut } from "./evaluate-types.ts";
import { presentEvaluation, valuesWithRoles } from "./evaluate-values.ts";

/** The source named beside every figure computed from the zone registry (a name, not translated). */
const REGISTRY = "Sổ khu, cụm công nghiệp của tỉnh";

/** What an occupancy target waits for after its year: that year's land snapshots. */
const occupancyAwaited = (year: number) => ({
  vi: `Đánh giá cuối cùng chờ số liệu diện tích đất đã cho thuê của các khu, cụm công nghiệp năm ${year}, nhập vào sổ khu, cụm công nghiệp.`,
  en: `The final evaluation awaits the ${year} leased-land figures of the parks and clusters, entered in the zone registry.`,
});

/** A zone_count measure: the count as of each year's end (capped at asOf and the rule's end), and the count's detail. */
export function zoneCountMeasure(
  c: MeasureContext,
  f: Extract<IndicatorFormula, { type: "zone_count" }>,
): { observations: ObservationOut[]; derived: MeasureOut["derived"] } {
  const { ind, year, asOf, asOfYear, events, territory } = c;
  const observations: ObservationOut[] = [];
  const last = Math.min(year, asOfYear);
  const cap = (y: number) => [`${y}-12-31`, asOf, f.to].sort()[0] as string;
  const countTo = (to: string) =>
    f.countNamedOnly
      ? namedZoneProgress(events, f.named, f.from, to).done.length
      : (f.event === "established" ? countEstablished : countExpanded)(
          events,
          f.zoneKind,
          f.from,
          to,
          territory,
        ).count;
  for (let y = Number(f.from.slice(0, 4)); y <= last; y++)
    observations.push({
      year: y,
      value: countTo(cap(y)),
      unit: ind.unit,
      source: REGISTRY,
      how: {
        vi: `Đếm quyết định ${f.event === "established" ? "thành lập" : "mở rộng"} từ ${vnDate(f.from)} đến ${vnDate(cap(y))}.`,
        en: `${f.event === "established" ? "Founding" : "Expansion"} decisions counted from ${vnDate(f.from)} to ${vnDate(cap(y))}.`,
      },
    });
  const to = cap(last);
  const all = (f.event === "established" ? countEstablished : countExpanded)(
    events,
    f.zoneKind,
    f.from,
    to,
    territory,
  );
  const named = namedZoneProgress(events, f.named, f.from, to);
  const derived: MeasureOut["derived"] = {
    type: "zone_count",
    from: f.from,
    to,
    count: f.countNamedOnly ? named.done.length : all.count,
    counted: all.counted,
    ignored: all.ignored,
    named: { ...named, from: f.namedFrom },
    rule: {
      vi: `${f.countNamedOnly ? "Chỉ tính các khu kế hoạch nêu tên" : "Tính mọi cụm"} có quyết định (số, ngày) từ ${vnDate(f.from)} đến ${vnDate(to)}; chỉ tính quyết định đã ghi trong sổ khu, cụm công nghiệp. ${named.rule.vi}`,
      en: `${f.countNamedOnly ? "Only the zones the plan names count" : "Every cluster counts"} with a decision (number, date) from ${vnDate(f.from)} to ${vnDate(to)}; only decisions recorded in the zone registry are counted. ${named.rule.en}`,
    },
  };
  return { observations, derived };
}

/**
 * A zone_occupancy measure: each year's simple-mean and area-weighted occupancy from that year's
 * snapshots, both evaluated and projected (the weighted series preferred); `related` receives the
 * indicators shown beside it.
 */
export async function zoneOccupancyMeasure(
  c: MeasureContext,
  f: Extract<IndicatorFormula, { type: "zone_occupancy" }>,
  related: MeasureOut["related"],
): Promise<{
  observations: ObservationOut[];
  derived: MeasureOut["derived"];
  evaluations: EvaluationOut[];
  projection: MeasureOut["projection"];
}> {
  const {
    db,
    province,
    measure,
    year,
    asOf,
    asOfYear,
    startYear,
    scope,
    savedTrajectory,
    indByCode,
    rowsOf,
  } = c;
  const simple: Observation[] = [];
  const weighted: Observation[] = [];
  for (let y = startYear - 1; y <= Math.min(year, asOfYear); y++) {
    const day = [`${y}-12-31`, asOf].sort()[0] as string;
    const rep = occupancyReport(
      province,
      day,
      await zoneLand(db, province, day, { kinds: f.zoneKinds, from: `${y}-01-01`, territory: scope }),
    );
    const src = REGISTRY;
    if (rep.simpleMean.percent !== null)
      simple.push({ year: y, value: rep.simpleMean.percent, unit: "%", source: src });
    if (rep.weighted.percent !== null)
      weighted.push({ year: y, value: rep.weighted.percent, unit: "%", source: src });
  }
  const occupancy = occupancyReport(
    province,
    asOf,
    await zoneLand(db, province, asOf, { kinds: f.zoneKinds, territory: scope }),
  );
  const derived: MeasureOut["derived"] = {
    type: "zone_occupancy",
    asOf,
    occupancy,
    rule: {
      vi: "Kế hoạch không nói 'tỷ lệ trung bình' tính theo cách nào: tính cả bình quân giản đơn và bình quân theo diện tích; mỗi năm dùng số liệu cho thuê đất ghi trong năm đó; khu, cụm chưa có số liệu được liệt kê, không tính là 0%.",
      en: "The plan does not say how its 'average' is taken: both the simple mean and the area-weighted rate are computed; each year uses the land snapshots taken in that year; zones without data are listed, never counted as 0 %.",
    },
  };
  for (const r of f.related ?? []) {
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
  const trajectoryUsed = savedTrajectory;
  const simpleEval = evaluateMeasure(measure, simple, {
    asOf,
    trajectory: trajectoryUsed,
    projectionMethod: "ols",
    awaiting: occupancyAwaited(year),
  });
  const weightedEval = evaluateMeasure(measure, weighted, {
    asOf,
    trajectory: trajectoryUsed,
    projectionMethod: "ols",
    awaiting: occupancyAwaited(year),
  });
  const evaluations: EvaluationOut[] = [
    presentEvaluation("simple_mean", { vi: "Bình quân giản đơn", en: "Simple mean" }, simpleEval),
    presentEvaluation("weighted", { vi: "Bình quân theo diện tích", en: "Area-weighted" }, weightedEval),
  ];
  const observations = weighted;
  const pSimple = project(
    simple.filter((o) => o.year <= year),
    year,
    "ols",
  );
  const pWeighted = project(
    weighted.filter((o) => o.year <= year),
    year,
    "ols",
  );
  const projection: MeasureOut["projection"] = weighted.length
    ? { ...pWeighted, series: "weighted" }
    : simple.length
      ? { ...pSimple, series: "simple_mean" }
      : null;
  return { observations, derived, evaluations, projection };
}
