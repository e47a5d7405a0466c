// The answer of GET /api/plans/{id}/dashboard (src/db/queries/dashboard.ts) as the web app reads it.
import type { TaskStatus } from "../../reporting-types.ts";
import type { Status } from "../targets/types.ts";

export interface Bilingual {
  vi: string;
  en: string;
}

export interface Tile {
  targetId: number;
  code: string;
  text: string;
  status: Status;
  statusLabel: Bilingual;
  measure: {
    code: string;
    unit: string;
    goal: { value: number; comparator: string; year: number };
    latest: { year: number; value: number; kind: string | null } | null;
    series: { year: number; value: number }[];
  } | null;
}

export interface DashTask {
  taskId: number;
  code: string;
  content: string;
  due: string | null;
  leads: string[];
}

export interface PlanHead {
  id: number;
  title: string;
  number: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  endsOn: string | null;
  ended: boolean;
}

export interface DashboardData {
  asOf: string;
  plan: PlanHead;
  targets: Tile[];
  tasks: { total: number; counts: Partial<Record<TaskStatus, number>>; overdue: DashTask[] };
  agencies: {
    overall: { expected: number; received: number; onTime: number; onTimeRate: number | null };
    ranked: {
      agencyId: number;
      name: string;
      expected: number;
      received: number;
      onTime: number;
      onTimeRate: number | null;
    }[];
  } | null;
  dueSoon: { days: number; tasks: DashTask[]; periods: { periodId: number; label: string; due: string }[] };
}

export interface PublicZone {
  id: number;
  name: string;
  kind: string;
  district: string | null;
  leasableHa: number | null;
  leasedHa: number | null;
  availableHa: number | null;
  occupancyPercent: number | null;
  snapshotOn: string | null;
}

export interface PublicPlanData {
  asOf: string;
  plan: PlanHead & { issuer: string | null; issuedOn: string | null };
  targets: Tile[];
  tasks: { total: number; counts: Partial<Record<TaskStatus, number>> };
  zones: PublicZone[];
}
