// The shapes the target data page sends and reads (routes in src/server/routes/targets and
// src/server/routes/zones; only the fields the page uses), and the small rules it needs: who sees
// the forms, and how a typed number is read.
import type { SessionUser } from "../../reporting-types.ts";
import { hasRole, isCoordinator, reportingAgencies } from "../../roles.ts";
import type { Bi, ValueKind } from "../targets/types.ts";

/** Value kinds in rank order (an official figure outranks the others, a plan figure is not an outcome). */
export const VALUE_KINDS: ValueKind[] = ["plan", "estimate", "preliminary", "official"];
/** The scopes the seed and the template use (src/domain/indicator-values.ts). */
export const SCOPES = [
  { value: "Tuyên Quang (pre-merger)", key: "td.value.scope.pre" },
  { value: "Tuyên Quang (merged)", key: "td.value.scope.merged" },
] as const;
/** Clusters first: most zones the plan founds are clusters (target 5). Event kinds as the server names them. */
export const ZONE_KINDS = ["industrial_cluster", "industrial_park"] as const;
export const ZONE_EVENT_KINDS = ["planned", "established", "expanded", "operating"] as const;

/** GET /api/indicators, one row. */
export interface IndicatorItem {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  supplierAgencyId: number | null;
  supplier: { id: number; name: string } | null;
  derived: boolean;
}

/** POST /api/indicators/{code}/values: the stored figure and which figure its period now uses. */
export interface ValueAnswer {
  value: {
    id: number;
    period: string;
    scope: string;
    kind: ValueKind;
    kindLabel: Bi;
    value: number;
    unit: string;
  };
  best: {
    period: string;
    scope: string;
    chosenId: number | null;
    planId: number | null;
    superseded: { id: number; reason: string; supersededById: number; explanation: Bi }[];
  };
}

/** POST /api/plans/{id}/indicator-values/upload on success. */
export interface UploadAnswer {
  file: string;
  stored: number;
}
/** details.rows of a refused upload. */
export interface BadRow {
  line: number;
  column: string;
  reason: string;
  reasonVi: string;
}

/** GET /api/zones, one item. */
export interface ZoneView {
  id: number;
  name: string;
  kind: string;
  territory?: string | null;
  province: string;
  district: string | null;
  label?: string;
  status: { kind: string; date: string | null; decision: string | null } | null;
}
export interface EventAnswer {
  zone: { id: number; name: string; kind: string };
  countable: { counted: boolean; reason: Bi };
  warnings: Bi[];
}
export interface LeaseAnswer {
  rate: { rate: number | null; reason?: Bi };
}

/** The plan fields the page needs (GET /api/plans/{id}). */
export interface PlanHead {
  id: number;
  title: string;
  province: string | null;
  periodStart: number | null;
  periodEnd: number | null;
}

/**
 * Who sees the entry page's forms: a coordinator or administrator writes everything; a reporter
 * or leader of the plan enters its own agency's indicators (the server decides per indicator).
 */
export function mayEnterFigures(user: SessionUser | null | undefined, planId: number): boolean {
  return isCoordinator(user, planId) || hasRole(user, ["reporter", "leader"], planId);
}

/** The agencies whose indicators a non-coordinator may enter in this plan. */
export function ownAgencies(user: SessionUser | null | undefined, planId: number): Set<number> {
  return new Set(
    reportingAgencies(user)
      .filter((a) => a.planId === null || a.planId === planId)
      .map((a) => a.agencyId),
  );
}

export { optionalNumber, parseNumberInput } from "../../number-input.ts";
