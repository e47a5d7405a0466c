// Shapes of the reporting-loop JSON (docs/reporting-api.md). Fields the contract leaves open are
// optional here, so the pages work with what the server sends.

import { UPDATE_STATUSES, type UpdateStatus } from "../domain/task-status.ts";

export type Role = "administrator" | "coordinator" | "reporter" | "leader" | "viewer";
export const ROLES: Role[] = ["administrator", "coordinator", "leader", "reporter", "viewer"];

export interface RoleGrant {
  role: Role;
  /** null: every plan. */
  planId: number | null;
  /** null: the user's own agency. */
  agencyId: number | null;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  agencyId: number | null;
  agencyName: string | null;
  mustChangePassword?: boolean;
  roles: RoleGrant[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export const FREQUENCIES = ["monthly", "quarterly", "half-yearly", "nine-month", "yearly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const REPORT_STATES = [
  "not_started",
  "draft",
  "awaiting_leader",
  "submitted",
  "accepted",
  "returned",
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface PeriodRef {
  id: number;
  label: string;
  frequency: Frequency;
  start: string;
  end: string;
  /** A demo period (src/db/seed-history.ts): shown as "Dữ liệu minh họa". */
  demo?: boolean;
}

export interface ExpectedReport {
  id: number;
  planId?: number;
  period: PeriodRef;
  agency: { id: number; name: string };
  due: string;
  extendedDue: string | null;
  extensionReason?: string | null;
  state: ReportState;
  submittedAt: string | null;
  /** The latest submission and how many there were (the first decides timeliness). */
  lastSubmittedAt?: string | null;
  submissions?: number;
  late: boolean | null;
  /** The coordinator's comment while the report is being corrected after a return. */
  returnComment?: string | null;
}

export { UPDATE_STATUSES, type UpdateStatus };

export interface TaskUpdate {
  taskId: number;
  status: UpdateStatus;
  progress?: number | null;
  result?: string | null;
  productDocument?: string | null;
  productDate?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
}

export interface ReportVersion {
  number: number;
  submittedAt: string;
  late: boolean | null;
  outcome: "accepted" | "returned" | null;
  reviewComment: string | null;
  reviewedAt: string | null;
  content?: { summary?: string | null; updates?: TaskUpdate[]; indicatorValues?: ReportIndicatorValue[] };
}

/** Kinds a report may give (a plan figure comes from the plan, never from a report). */
export const REPORT_VALUE_KINDS = ["estimate", "preliminary", "official"] as const;
export type ReportValueKind = (typeof REPORT_VALUE_KINDS)[number];

/** A figure in the report for an indicator the agency supplies (issue 4 §1). */
export interface ReportIndicatorValue {
  indicatorCode: string;
  period?: string;
  scope: string;
  kind: ReportValueKind;
  value: number;
  comment?: string | null;
}

/** An indicator the report asks a figure for, with the previous period's figure for reference. */
export interface RequestedIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  period: string;
  defaultScope: string;
  validation: { min: number | null; max: number | null; maxJumpPct: number | null };
  previous: { period: string; scope: string; kind: string; value: number; source: string } | null;
}

export interface ReportTask {
  id: number;
  code: string;
  content: string;
  role: "lead" | "coordinator";
  deadlineText?: string;
  firstDue?: string | null;
}

export interface Attachment {
  id: number;
  filename: string;
  size: number;
  mime: string;
  taskId: number | null;
  uploadedAt?: string;
}

export interface ReportDetail {
  expected: {
    id: number;
    agencyId?: number;
    due: string;
    extendedDue: string | null;
    extensionReason?: string | null;
    period?: PeriodRef;
    agency?: { id: number; name: string };
  };
  period?: PeriodRef & { planId: number; due: string };
  report: {
    state: ReportState;
    version: number;
    summary: string | null;
    submittedAt: string | null;
    lastSubmittedAt?: string | null;
    submissions?: number;
    late: boolean | null;
    /** The leader's comment when sending the draft back to the reporter. */
    leaderComment?: { text: string; at: string | null } | null;
    updates: TaskUpdate[];
    indicatorValues?: ReportIndicatorValue[];
    /** Jumps without a comment in the draft: submission refuses them. */
    indicatorWarnings?: { field: string; reason: string; reasonVi: string }[];
    versions: ReportVersion[];
  };
  tasks: ReportTask[];
  indicators?: RequestedIndicator[];
  attachments?: Attachment[];
}

export interface Regime {
  frequencies: Frequency[];
  deadlineDays: Record<string, number>;
  remindBefore: number[];
  remindAfter: number[];
  receiverAgency: { id: number; name: string } | null;
  coordinatorAgency: { id: number; name: string } | null;
  reporters: { id: number; name: string }[];
}

export interface PeriodRow {
  id: number;
  frequency: Frequency;
  label: string;
  start: string;
  end: string;
  due: string;
  openedAt: string | null;
  expected: number;
  received: number;
  onTime: number;
}

export const TASK_STATUSES = [
  "done_on_time",
  "done_late",
  "in_progress",
  "overdue",
  "not_yet_due",
  "reported",
  "not_reported",
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskStatusRow {
  taskId: number;
  code: string;
  content?: string;
  status: TaskStatus;
  due: string | null;
  doneOn: string | null;
  periods?: { label: string; reported: boolean }[];
  /** Lead and coordinating agencies on the as-of date (successors after a reorganisation). */
  leads?: { id: number; name: string }[];
  coordinators?: { id: number; name: string }[];
  /** The latest accepted update (any period, due or not). */
  latest?: { periodLabel: string; status: string } | null;
  /** A reported difficulty: "stalled" and/or difficulties text in the latest accepted update. */
  difficulty?: { stalled: boolean; text: string | null; periodLabel: string } | null;
}

export interface RateRow {
  agency: { id: number; name: string };
  expected: number;
  received: number;
  onTime: number;
}

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  /** What the Vietnamese text was made from: the English text is written from it. */
  params?: {
    period: string;
    agency: string;
    actor: string;
    comment: string | null;
    submission: number | null;
    due: string | null;
  } | null;
  createdAt: string;
  readAt: string | null;
}
