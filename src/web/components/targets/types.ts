// The shapes the targets page reads from GET /api/plans/{id}/targets/evaluation, /api/zones,
// /api/zones/occupancy and /api/geo (only the fields the page uses).

import type { DataNote } from "./DataNotes.tsx";
import type { DerivedOut } from "./DerivedWorking.tsx";

export type Bi = { vi: string; en: string };
export type Status = "on_track" | "at_risk" | "off_track" | "achieved" | "exceeded" | "missed" | "unknown";
export type ValueKind = "plan" | "estimate" | "preliminary" | "official";

export interface ValueOut {
  id: number;
  period: string;
  scope: string;
  kind: ValueKind;
  kindLabel: Bi;
  value: number;
  unit: string;
  source: string;
  role: "used" | "plan" | "superseded";
  sameScope: boolean;
}

export interface Point {
  year: number;
  value: number;
}

export interface GrowthNeeded {
  growth: number | null;
  yearsLeft: number;
  alreadyReached: boolean;
  text?: Bi;
  reason?: Bi;
}

export interface ProjectionOut {
  method: "cagr" | "ols" | "log_linear" | "count";
  targetYear: number;
  projected: number | null;
  low: number | null;
  high: number | null;
  formulaText?: Bi;
  uncertainty?: Bi;
  reason?: Bi;
}

/** A figure with its period in words ("Quý I/2025"). */
export interface ShownFigure {
  period: string;
  periodText: Bi;
  value: number;
  unit: string;
  kind: ValueKind;
  source: string;
}

export type Nature = "level" | "growth_rate" | "count";
export type Stage = "tracking" | "awaiting_final" | "final";

export interface MeasureOut {
  measureId: number;
  code: string;
  text: string;
  goal: { value: number; unit: string; comparator: string; year: number };
  indicator: { code: string; nameVi: string; nameEn: string; unit: string } | null;
  values: ValueOut[];
  latestYearly: ShownFigure | null;
  latestPartYear: ShownFigure | null;
  nature: Nature;
  observations: { year: number; value: number; kind?: ValueKind; source?: string }[];
  trajectory: {
    source: "saved" | "derived" | "none";
    trajectory: { kind: string; points: Point[]; description: Bi } | null;
    explanation: Bi;
  };
  evaluation: {
    status: Status;
    statusLabel: Bi;
    rule: Bi;
    latest: { year: number; value: number; kind?: ValueKind; source?: string } | null;
    growthNeeded: GrowthNeeded | null;
    gap: { absolute: number; percent: number | null } | null;
    stage: Stage;
    periodEnded: boolean;
    awaiting: Bi | null;
    verdict: Bi;
  };
  projection: ProjectionOut | null;
  derived: DerivedOut | null;
}

export interface TargetOut {
  id: number;
  code: string;
  text: string;
  year: number | null;
  overall: { status: Status; statusLabel: Bi; rule: Bi; stage: Stage; verdict: Bi };
  measures: MeasureOut[];
}

export interface Evaluation {
  planId: number;
  asOf: string;
  province: string;
  scopeNote: Bi;
  targets: TargetOut[];
  notes: DataNote[];
}

export interface ZoneItem {
  id: number;
  name: string;
  kind: string;
  label?: string;
  district: string | null;
  geometry?: unknown;
  status: { kind: string; date: string | null; decision: string | null } | null;
  occupancy: { rate: number | null } | null;
}

export interface OccupancyOut {
  zones: { id: number; name: string; district: string | null; rate: number | null; percent: number | null }[];
}

export interface GeoInfo {
  files: { file: string; url: string }[];
  attribution: string;
  licence: string;
  limits: string;
}

export interface GeoFeature {
  type: "Feature";
  properties: { name?: string; name_en?: string; [k: string]: unknown };
  geometry:
    | { type: "Polygon"; coordinates: number[][][] }
    | { type: "MultiPolygon"; coordinates: number[][][][] };
}
export interface GeoCollection {
  type: "FeatureCollection";
  features: GeoFeature[];
}

/** The badge colour class of a status. */
export function statusTone(s: Status): "green" | "amber" | "red" | "grey" | "blue" {
  switch (s) {
    case "on_track":
      return "green";
    case "at_risk":
      return "amber";
    case "off_track":
    case "missed":
      return "red";
    case "achieved":
    case "exceeded":
      return "blue";
    default:
      return "grey";
  }
}
