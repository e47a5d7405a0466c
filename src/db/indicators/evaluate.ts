/**
 * "Will we reach it?" for each of a plan's targets, as plain JSON a reader can check: for every
 * measure its indicator, every value (all kinds, with source, kind, scope; superseded ones marked
 * — bestValue), the yearly trajectory (saved from the annex, else derived from the plan's growth
 * rate and goal — which one is said), the evaluation with its rule (evaluation.ts), a projection
 * with its method and, where the data allow, its uncertainty (projection.ts), and for the
 * measures derived from the zone registry the count (which named zones are done, which are not)
 * or the occupancy (simple mean AND area-weighted, zones without data listed).
 *
 * Only what was known on `asOf` is used: values entered later, zone decisions dated later and
 * land snapshots taken later are left out. Values of another territorial scope than the measure's
 * (the merged province from 01/07/2025) are shown but never used for the measure.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { type Comparator, evaluateMeasure, type Measure, type Observation } from "../../domain/evaluation.ts";
import { finalFigureAwaited } from "../../domain/evaluation-text.ts";
import { type Bilingual, SCOPE_PRE_MERGER } from "../../domain/indicator-values.ts";
import { type ProjectionMethod, project } from "../../domain/projection.ts";
import { trajectoryFromAnnex } from "../../domain/trajectory.ts";
import type { ZoneEvent } from "../../domain/zone-counts.ts";
import type { Db } from "../connection.ts";
import {
  agencies,
  indicators,
  measureIndicators,
  measures,
  plans,
  targets,
  trajectoryPoints,
} from "../schema.ts";
import { zoneEventsForCounting } from "../zones/events.ts";
import type { IndicatorFormula } from "./catalogue.ts";
import { findContradictions } from "./contradictions.ts";
import { reportedMeasure } from "./evaluate-reported.ts";
import type {
  EvaluationOut,
  MeasureContext,
  MeasureOut,
  PlanTargetsEvaluation,
  TargetOut,
  TrajectoryOut,
} from "./evaluate-types.ts";
import {
  COMPARATORS,
  latestFigures,
  presentEvaluation,
  presentIndicator,
  relevantIndicators,
  SCOPE_NOTE,
  targetOverall,
  toIV,
  valuesWithRoles,
  worse,
} from "./evaluate-values.ts";
import { zoneCountMeasure, zoneOccupancyMeasure } from "./evaluate-zones.ts";
import { type IndicatorRow, knownOnOf, valuesOf } from "./values.ts";

// The output shapes, re-exported so importers of evaluate.ts keep working.
export type {
  EvaluationOut,
  MeasureOut,
  PlanTargetsEvaluation,
  TargetOut,
  TrajectoryOut,
  ValueWithRole,
} from "./evaluate-types.ts";

export async function evaluatePlanTargets(
  db: Db,
  planId: number,
  asOf: string,
): Promise<PlanTargetsEvaluation> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan)
    throw new AppError("NOT_FOUND", {
      en: `Plan ${planId} does not exist.`,
      vi: `Không tìm thấy kế hoạch ${planId}.`,
    });
  const province = plan.province || "Tuyên Quang";
  const ts = await db.select().from(targets).where(eq(targets.planId, planId)).orderBy(asc(targets.sortKey));
  const ms = ts.length
    ? await db
        .select()
        .from(measures)
        .where(
          inArray(
            measures.targetId,
            ts.map((t) => t.id),
          ),
        )
        .orderBy(asc(measures.targetId), asc(measures.seq))
    : [];
  const links = ms.length
    ? await db
        .select()
        .from(measureIndicators)
        .where(
          inArray(
            measureIndicators.measureId,
            ms.map((m) => m.id),
          ),
        )
    : [];
  const allIndicators = await db.select().from(indicators);
  const indById = new Map(allIndicators.map((i) => [i.id, i]));
  const indByCode = new Map(allIndicators.map((i) => [i.code, i]));
  const supplierIds = [
    ...new Set(allIndicators.map((i) => i.supplierAgencyId).filter((x): x is number => x !== null)),
  ];
  const supplierName = new Map(
    (supplierIds.length
      ? await db
          .select({ id: agencies.id, name: agencies.name })
          .from(agencies)
          .where(inArray(agencies.id, supplierIds))
      : []
    ).map((a) => [a.id, a.name]),
  );
  const allRows = await valuesOf(
    db,
    allIndicators.map((i) => i.id),
  );
  // Only what could be known on asOf: publication date, entry day, or for history loaded
  // without a date the end of its period (figure-dates.ts) — never the day it was loaded.
  const known = allRows.filter((r) => knownOnOf(r).day <= asOf);
  const rowsOf = (code: string) => {
    const ind = indByCode.get(code);
    return ind ? known.filter((r) => r.indicatorId === ind.id) : [];
  };
  const ivOf = (code: string) => {
    const ind = indByCode.get(code);
    return ind ? rowsOf(code).map((r) => toIV(r, ind)) : [];
  };
  const points = ms.length
    ? await db
        .select()
        .from(trajectoryPoints)
        .where(
          inArray(
            trajectoryPoints.measureId,
            ms.map((m) => m.id),
          ),
        )
        .orderBy(asc(trajectoryPoints.year))
    : [];
  const needsZones = links.some((l) => {
    const t = (indById.get(l.indicatorId)?.formula as { type?: string } | null)?.type;
    return t === "zone_count" || t === "zone_occupancy";
  });
  const events: ZoneEvent[] = needsZones ? await zoneEventsForCounting(db, province, asOf) : [];
  const asOfYear = Number(asOf.slice(0, 4));
  const startYear = plan.periodStart ?? 2021;

  const targetsOut: TargetOut[] = [];
  for (const t of ts) {
    const year = t.year ?? plan.periodEnd ?? asOfYear;
    const measureOuts: MeasureOut[] = [];
    for (const m of ms.filter((x) => x.targetId === t.id)) {
      const code = `${t.code}.${m.seq + 1}`;
      const comparator = (COMPARATORS.has(m.comparator) ? m.comparator : ">=") as Comparator;
      const measure: Measure = {
        id: code,
        label: { vi: m.text, en: m.text },
        value: m.value,
        unit: m.unit,
        comparator,
        year,
      };
      const link = links.find((l) => l.measureId === m.id) ?? null;
      const ind = link ? (indById.get(link.indicatorId) ?? null) : null;
      const f = (ind?.formula ?? null) as IndicatorFormula | null;
      const scope = link?.scope ?? SCOPE_PRE_MERGER;
      // A pre-merger target counts only its own territory's zones; the others are listed as ignored.
      const territory = { territory: scope };
      const mine = ind ? known.filter((r) => r.indicatorId === ind.id) : [];
      const later = ind
        ? allRows.filter((r) => r.indicatorId === ind.id && knownOnOf(r).day > asOf).length
        : 0;
      const saved = points.filter((p) => p.measureId === m.id);
      const savedTrajectory =
        saved.length > 0
          ? trajectoryFromAnnex(
              saved.map((p) => ({ year: p.year, required: p.value })),
              [...new Set(saved.map((p) => p.source))].join("; "),
            )
          : null;
      const ctxOf = (ind: IndicatorRow): MeasureContext => ({
        db,
        province,
        asOf,
        asOfYear,
        startYear,
        year,
        measure,
        m,
        link,
        ind,
        scope,
        territory,
        savedTrajectory,
        events,
        allIndicators,
        indByCode,
        rowsOf,
        ivOf,
      });
      let observations: (Observation & { how?: Bilingual })[] = [];
      let baseline: MeasureOut["baseline"] = null;
      let trajectory: TrajectoryOut = {
        source: "none",
        trajectory: null,
        alternatives: [],
        explanation: {
          vi: "Kế hoạch không nêu lộ trình từng năm cho chỉ tiêu này; điều phối viên có thể nhập (PUT /api/measures/{id}/trajectory). Khi chưa có, đánh giá theo dự báo xu thế.",
          en: "The plan gives no yearly path for this measure; the coordinator may enter one (PUT /api/measures/{id}/trajectory). Until then it is judged on the projected trend.",
        },
      };
      let method: ProjectionMethod = "ols";
      let derived: MeasureOut["derived"] = null;
      let evaluations: EvaluationOut[] = [];
      let projection: MeasureOut["projection"] = null;
      const related: MeasureOut["related"] = [];

      if (!ind || !f) {
        // No indicator linked: nothing to judge with.
      } else if (f.type === "reported" || f.type === "ratio") {
        let nature: ReturnType<typeof reportedMeasure>["nature"];
        ({ observations, baseline, trajectory, method, nature } = reportedMeasure(
          ctxOf(ind),
          f,
          trajectory,
          related,
        ));
        measure.nature = nature.nature;
        if (nature.baseYear !== undefined) measure.baseYear = nature.baseYear;
      } else if (f.type === "zone_count") {
        ({ observations, derived } = zoneCountMeasure(ctxOf(ind), f));
        // A count of decisions: whole numbers that never fall (count-projection.ts).
        measure.nature = "count";
        method = "count";
      } else if (f.type === "zone_occupancy") {
        ({ observations, derived, evaluations, projection } = await zoneOccupancyMeasure(
          ctxOf(ind),
          f,
          related,
        ));
      }

      if (savedTrajectory) {
        const replaced = trajectory.trajectory ? [trajectory.trajectory, ...trajectory.alternatives] : [];
        trajectory = {
          source: "saved",
          trajectory: savedTrajectory,
          alternatives: replaced,
          explanation: {
            vi: "Lộ trình do điều phối viên nhập (theo phụ lục của kế hoạch); lộ trình suy ra được giữ để đối chiếu.",
            en: "Path entered by the coordinator (from the plan's annex); any derived path is kept for comparison.",
          },
        };
      }

      if (f?.type !== "zone_occupancy") {
        const used = trajectory.trajectory;
        const e = evaluateMeasure(measure, observations, {
          asOf,
          trajectory: used,
          projectionMethod: method,
          awaiting: finalFigureAwaited(
            year,
            asOf,
            ind?.supplierAgencyId ? (supplierName.get(ind.supplierAgencyId) ?? null) : null,
            link?.scope ?? null,
          ),
        });
        evaluations = [presentEvaluation("value", { vi: "Giá trị", en: "Value" }, e)];
        const obs = observations.filter((o) => o.year <= year);
        // A growth rate is judged as it stands, never extrapolated like a level (evaluation.ts).
        projection =
          obs.length && measure.nature !== "growth_rate"
            ? { ...project(obs, year, method), series: "value" }
            : null;
      }
      const evaluation = evaluations.reduce(worse);

      measureOuts.push({
        measureId: m.id,
        code,
        text: m.text,
        goal: { value: m.value, unit: m.unit, comparator: m.comparator, year },
        indicator: ind ? presentIndicator(ind, f, supplierName) : null,
        scope: link?.scope ?? null,
        values: ind ? valuesWithRoles(mine, ind, scope) : [],
        ...latestFigures(ind ? valuesWithRoles(mine, ind, scope) : []),
        nature: measure.nature ?? "level",
        laterValues: later,
        baseline,
        observations,
        trajectory,
        evaluation,
        evaluations,
        projection,
        derived,
        related,
      });
    }
    targetsOut.push({
      id: t.id,
      code: t.code,
      text: t.text,
      year: t.year,
      overall: targetOverall(measureOuts),
      measures: measureOuts,
    });
  }
  const usedIds = new Set(links.map((l) => l.indicatorId));
  const relevant = relevantIndicators(allIndicators, usedIds);
  const relevantIds = new Set(relevant.map((i) => i.id));
  const notes = findContradictions(
    known
      .filter((r) => relevantIds.has(r.indicatorId))
      .map((r) => ({ ...r, indicator: indById.get(r.indicatorId)?.code ?? "" })),
    relevant,
  );
  return { planId, asOf, province, scopeNote: SCOPE_NOTE, targets: targetsOut, notes };
}
