// Shapes of the JSON served by /api (see the API contract). Ids are integers.
import type { Schedule, ScheduleKind } from "../domain/schedule-types.ts";

export type { Recurrence, ScheduleKind } from "../domain/schedule-types.ts";
export type Comparator = ">" | ">=" | "=" | "<" | "<=";
export type SortKey = "code" | "due";

export interface Health {
  status: "ok";
  /** Told to administrators only (issue 10 §2: nothing about the server to the public). */
  database?: "pglite" | "postgres";
}

export interface List<T> {
  items: T[];
  total: number;
}

export interface PlanSummary {
  id: number;
  title: string;
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  taskCount: number;
  targetCount: number;
}

export interface Measure {
  value: number;
  unit: string;
  comparator: Comparator;
  text: string;
}

export interface Target {
  id: number;
  code: string;
  text: string;
  year: number | null;
  measures: Measure[];
}

export interface Plan extends Omit<PlanSummary, "taskCount" | "targetCount"> {
  basis: string[];
  sections: { heading: string; text: string }[];
  implementation: string | null;
  warnings: { where: string; code: string; message: string }[];
  /** The public page is on (administrator's switch, issue 10 §2). */
  public?: boolean;
  groups: { code: string; title: string }[];
  targets: Target[];
  /** Closing (issue 10 §1): a closed plan is read-only, its task statuses frozen. */
  closedAt: string | null;
  closedBy: number | null;
  reviewDocumentId: number | null;
}

export interface AgencyRef {
  id: number;
  name: string;
  isGroup: boolean;
}

// The schedule's shape is the domain's own (src/domain/schedule-types.ts): one definition.
export type { Milestone, Schedule } from "../domain/schedule-types.ts";

export interface Task {
  id: number;
  planId: number;
  code: string;
  group: string | null;
  groupTitle: string | null;
  content: string;
  body: string | null;
  leads: AgencyRef[];
  coordinators: AgencyRef[];
  /** When the task changed hands in a reorganisation (REGULATIONS.md §5). */
  ownerHistory?: {
    role: string;
    id: number;
    name: string;
    isGroup: boolean;
    validFrom: string | null;
    validTo: string | null;
  }[];
  deadlineText: string;
  schedule: Schedule;
  firstDue: string | null;
  note: string | null;
}

export interface AgencySummary {
  id: number;
  name: string;
  shortName: string | null;
  kind: string | null;
  level: string | null;
  isGroup: boolean;
  aliases: string[];
  province: string | null;
  /** The last day it exists (null: still exists). */
  validTo: string | null;
  leadCount: number;
  coordinatorCount: number;
}

export interface Agency extends Omit<AgencySummary, "leadCount" | "coordinatorCount"> {
  validFrom: string | null;
  validTo: string | null;
  successor: { id: number; name: string } | null;
  members: { id: number; name: string }[];
  lead: Task[];
  coordinating: Task[];
  /** Tasks held before a reorganisation and handed over (the last day held). */
  handedOver: { role: "lead" | "coordinator"; until: string; task: Task }[];
}

export interface TaskQuery {
  plan?: number;
  agency?: number;
  group?: string;
  dueFrom?: string;
  dueTo?: string;
  kind?: ScheduleKind;
  q?: string;
  sort?: SortKey;
  page?: number;
  pageSize?: number;
}
