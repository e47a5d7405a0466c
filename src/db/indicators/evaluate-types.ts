/**
 * The shapes evaluatePlanTargets (evaluate.ts) returns — a plan's targets, their measures, each
 * measure's values, trajectory, evaluations and projection — and, for the modules that compute a
 * measure (evaluate-reported.ts, evaluate-zones.ts), what they are given about it.
 */
import type { Evaluation, Measure, Observation, Status } from "../../domain/evaluation.ts";
import type { Bilingual, IndicatorValue } from "../../domain/indicator-values.ts";
import type { ProjectionMethod, ProjectionResult } from "../../domain/projection.ts";
import type { Trajectory } from "../../domain/trajectory.ts";
import type { CountResult, NamedProgress, ZoneEvent } from "../../domain/zone-counts.ts";
import type { Db } from "../connection.ts";
import type { measureIndicators, measures } from "../schema.ts";
import type { OccupancyReport } from "../zones/land.ts";
import type { Note } from "./contradictions.ts";
import type { IndicatorRow, PresentedValue, ValueRow } from "./values.ts";

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
  // Added for the leader's reading (issue 10 §3); the fields above keep their meaning.
  nature: Evaluation["nature"];
  stage: Evaluation["stage"];
  periodEnd: string;
  periodEnded: boolean;
  awaiting: Bilingual | null;
  verdict: Bilingual;
}

/** A figure as shown beside a measure, with its period in words ("Quý I/2025"). */
export interface ShownFigure {
  period: string;
  periodText: Bilingual;
  value: number;
  unit: string;
  kind: string;
  source: string;
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
  /** The latest whole-year outcome: the figure compared with the yearly goal. */
  latestYearly: ShownFigure | null;
  /** A later figure for part of a year (quarter, half-year), shown as such; null when none. */
  latestPartYear: ShownFigure | null;
  nature: Evaluation["nature"];
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
  overall: {
    status: Status;
    statusLabel: Bilingual;
    rule: Bilingual;
    /** final when every measure is; awaiting_final when one waits for its final figure. */
    stage: Evaluation["stage"];
    /** Each measure's verdict, one sentence each, prefixed with its code when there are several. */
    verdict: Bilingual;
  };
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

/** An observation as shown, with how it was computed when it was not reported as such. */
export type ObservationOut = Observation & { how?: Bilingual };

/**
 * What a measure's computation (evaluate-reported.ts, evaluate-zones.ts) is given: the measure,
 * its indicator and link, the day and years that bound it, and the figures known on asOf.
 */
export interface MeasureContext {
  db: Db;
  province: string;
  asOf: string;
  asOfYear: number;
  startYear: number;
  /** The measure's year (the target's, else the plan's end). */
  year: number;
  measure: Measure;
  m: typeof measures.$inferSelect;
  link: typeof measureIndicators.$inferSelect | null;
  ind: IndicatorRow;
  scope: string;
  territory: { territory?: string };
  savedTrajectory: Trajectory | null;
  events: ZoneEvent[];
  allIndicators: IndicatorRow[];
  indByCode: Map<string, IndicatorRow>;
  rowsOf: (code: string) => ValueRow[];
  ivOf: (code: string) => IndicatorValue[];
}
