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
import {
  type Comparator,
  type Evaluation,
  evaluateMeasure,
  type Measure,
  type Observation,
  observationsAsOf,
  STATUS_LABELS,
  type Status,
} from "../../domain/evaluation.ts";
import {
  aggregate,
  type Bilingual,
  type IndicatorValue,
  SCOPE_PRE_MERGER,
  type ValueKind,
} from "../../domain/indicator-values.ts";
import { type ProjectionMethod, type ProjectionResult, project } from "../../domain/projection.ts";
import {
  averageGrowth,
  type Trajectory,
  trajectoryFromAnnex,
  trajectoryFromBase,
  trajectoryToGoal,
} from "../../domain/trajectory.ts";
import { formatVnNumber, formatVnPercent } from "../../domain/vn-number.ts";
import {
  type CountResult,
  countEstablished,
  countExpanded,
  type NamedProgress,
  namedZoneProgress,
  type ZoneEvent,
} from "../../domain/zone-counts.ts";
import { AppError } from "../../server/errors.ts";
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
import { type OccupancyReport, occupancyReport, zoneEventsForCounting, zoneLand } from "../zones/store.ts";
import type { IndicatorFormula } from "./catalogue.ts";
import { findContradictions, type Note } from "./contradictions.ts";
import {
  bestOf,
  type IndicatorRow,
  knownOnOf,
  type PresentedValue,
  presentValue,
  type ValueRow,
  valuesOf,
} from "./values.ts";

const num = (n: number) => formatVnNumber(Number(n.toFixed(2)));
const COMPARATORS = new Set([">", ">=", "=", "<", "<="]);
const WORST_FIRST: Status[] = [
  "missed",
  "off_track",
  "unknown",
  "at_risk",
  "on_track",
  "achieved",
  "exceeded",
];

export interface ValueWithRole extends PresentedValue {
  /** used = the figure the measure uses for its period and scope; plan = the plan figure (a target, not an outcome). */
  role: "used" | "plan" | "superseded";
  supersededBy: number | null;
  supersededReason: Bilingual | null;
  /** false when the value's scope is not the measure's: shown, never used. */
  sameScope: boolean;
}

export interface TrajectoryOut {
  source: "saved" | "derived" | "none";
  trajectory: Trajectory | null;
  /** Other paths the same data allow (e.g. the base-consistent path beside the goal path). */
  alternatives: Trajectory[];
  explanation: Bilingual;
}

export interface EvaluationOut {
  /** Which series was judged ("simple_mean", "weighted" for occupancy; "value" otherwise). */
  series: string;
  label: Bilingual;
  status: Status;
  statusLabel: Bilingual;
  phase: Evaluation["phase"];
  rule: Bilingual;
  latest: Observation | null;
  required: number | null;
  gap: Evaluation["gap"];
  growthNeeded: Evaluation["growthNeeded"];
}

export interface MeasureOut {
  measureId: number;
  code: string;
  text: string;
  goal: { value: number; unit: string; comparator: string; year: number };
  indicator: {
    code: string;
    nameVi: string;
    nameEn: string;
    unit: string;
    aggregation: string;
    supplier: { id: number; name: string } | null;
    definition: Bilingual | null;
    formula: unknown;
    validation: unknown;
  } | null;
  scope: string | null;
  values: ValueWithRole[];
  /** Values not yet known on asOf (published, entered, or their period ended later): not used, counted. */
  laterValues: number;
  baseline: { year: number; value: number; how: Bilingual } | null;
  observations: (Observation & { how?: Bilingual })[];
  trajectory: TrajectoryOut;
  evaluation: EvaluationOut;
  /** Occupancy: the evaluation of each average; the measure's `evaluation` is the worse. */
  evaluations: EvaluationOut[];
  projection: (ProjectionResult & { method: ProjectionMethod; series: string }) | null;
  derived:
    | {
        type: "zone_count";
        from: string;
        to: string;
        count: number;
        counted: CountResult["counted"];
        ignored: CountResult["ignored"];
        named: NamedProgress & { from: string };
        rule: Bilingual;
      }
    | { type: "zone_occupancy"; asOf: string; occupancy: OccupancyReport; rule: Bilingual }
    | null;
  related: {
    indicator: string;
    nameVi: string;
    nameEn: string;
    unit: string;
    note: Bilingual;
    values: ValueWithRole[];
  }[];
}

export interface TargetOut {
  id: number;
  code: string;
  text: string;
  year: number | null;
  overall: { status: Status; statusLabel: Bilingual; rule: Bilingual };
  measures: MeasureOut[];
}

export interface PlanTargetsEvaluation {
  planId: number;
  asOf: string;
  province: string;
  scopeNote: Bilingual;
  targets: TargetOut[];
  notes: Note[];
}

const SCOPE_NOTE: Bilingual = {
  vi: "Mục tiêu của kế hoạch tính cho tỉnh Tuyên Quang trước sáp nhập. Từ 01/7/2025 tỉnh Hà Giang nhập vào tỉnh Tuyên Quang: số liệu của tỉnh mới được hiển thị nhưng không dùng để đánh giá và không cộng gộp với số liệu trước sáp nhập.",
  en: "The plan's targets are for Tuyên Quang before the merger. From 01/07/2025 Hà Giang was merged into Tuyên Quang: figures for the merged province are shown but not used to judge, and never combined with pre-merger ones.",
};

function toIV(row: ValueRow, ind: IndicatorRow): IndicatorValue {
  return {
    indicator: ind.code,
    period: row.period,
    scope: row.scope,
    kind: row.kind as ValueKind,
    value: row.value,
    unit: ind.unit,
    source: row.source,
    recordedAt: row.enteredAt.toISOString(),
    ...(row.comment ? { comment: row.comment } : {}),
  };
}

/** Every value of an indicator with its role (bestValue per period and scope). */
function valuesWithRoles(rows: ValueRow[], ind: IndicatorRow, scope: string | null): ValueWithRole[] {
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

function presentEvaluation(series: string, label: Bilingual, e: Evaluation): EvaluationOut {
  return {
    series,
    label,
    status: e.status,
    statusLabel: STATUS_LABELS[e.status],
    phase: e.phase,
    rule: e.rule,
    latest: e.latest,
    required: e.required,
    gap: e.gap,
    growthNeeded: e.growthNeeded,
  };
}

const worse = (a: EvaluationOut, b: EvaluationOut) =>
  WORST_FIRST.indexOf(b.status) < WORST_FIRST.indexOf(a.status) ? b : a;

/** Yearly observations of a ratio indicator: reported values, else numerator ÷ denominator of the year. */
function ratioObservations(
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
function baselineOf(
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
      const territory = scope.endsWith(" (merged)") ? {} : { territory: scope };
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
      } else if (f.type === "zone_count") {
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
            source: "sổ khu, cụm công nghiệp / zone registry",
            how: {
              vi: `Đếm quyết định ${f.event === "established" ? "thành lập" : "mở rộng"} từ ${f.from} đến ${cap(y)}.`,
              en: `${f.event === "established" ? "Founding" : "Expansion"} decisions counted from ${f.from} to ${cap(y)}.`,
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
        derived = {
          type: "zone_count",
          from: f.from,
          to,
          count: f.countNamedOnly ? named.done.length : all.count,
          counted: all.counted,
          ignored: all.ignored,
          named: { ...named, from: f.namedFrom },
          rule: {
            vi: `${f.countNamedOnly ? "Chỉ tính các khu kế hoạch nêu tên" : "Tính mọi cụm"} có quyết định (số, ngày) trong ${f.from} – ${to}; chỉ tính quyết định đã ghi trong sổ khu, cụm công nghiệp. ${named.rule.vi}`,
            en: `${f.countNamedOnly ? "Only the zones the plan names count" : "Every cluster counts"} with a decision (number, date) within ${f.from} – ${to}; only decisions recorded in the zone registry are counted. ${named.rule.en}`,
          },
        };
        method = "ols";
      } else if (f.type === "zone_occupancy") {
        const simple: Observation[] = [];
        const weighted: Observation[] = [];
        for (let y = startYear - 1; y <= Math.min(year, asOfYear); y++) {
          const day = [`${y}-12-31`, asOf].sort()[0] as string;
          const rep = occupancyReport(
            province,
            day,
            await zoneLand(db, province, day, { kinds: f.zoneKinds, from: `${y}-01-01`, territory: scope }),
          );
          const src = "sổ khu, cụm công nghiệp / zone registry";
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
        derived = {
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
        });
        const weightedEval = evaluateMeasure(measure, weighted, {
          asOf,
          trajectory: trajectoryUsed,
          projectionMethod: "ols",
        });
        evaluations = [
          presentEvaluation("simple_mean", { vi: "Bình quân giản đơn", en: "Simple mean" }, simpleEval),
          presentEvaluation(
            "weighted",
            { vi: "Bình quân theo diện tích", en: "Area-weighted" },
            weightedEval,
          ),
        ];
        observations = weighted;
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
        projection = weighted.length
          ? { ...pWeighted, series: "weighted" }
          : simple.length
            ? { ...pSimple, series: "simple_mean" }
            : null;
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
        });
        evaluations = [presentEvaluation("value", { vi: "Giá trị", en: "Value" }, e)];
        const obs = observations.filter((o) => o.year <= year);
        projection = obs.length ? { ...project(obs, year, method), series: "value" } : null;
      }
      const evaluation = evaluations.reduce(worse);

      measureOuts.push({
        measureId: m.id,
        code,
        text: m.text,
        goal: { value: m.value, unit: m.unit, comparator: m.comparator, year },
        indicator: ind
          ? {
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
            }
          : null,
        scope: link?.scope ?? null,
        values: ind ? valuesWithRoles(mine, ind, scope) : [],
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
    targetsOut.push({
      id: t.id,
      code: t.code,
      text: t.text,
      year: t.year,
      overall: { status: overall.overall, statusLabel: STATUS_LABELS[overall.overall], rule: overall.rule },
      measures: measureOuts,
    });
  }
  const usedIds = new Set(links.map((l) => l.indicatorId));
  const relevant = allIndicators.filter((i) => {
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
  const relevantIds = new Set(relevant.map((i) => i.id));
  const notes = findContradictions(
    known
      .filter((r) => relevantIds.has(r.indicatorId))
      .map((r) => ({ ...r, indicator: indById.get(r.indicatorId)?.code ?? "" })),
    relevant,
  );
  return { planId, asOf, province, scopeNote: SCOPE_NOTE, targets: targetsOut, notes };
}
