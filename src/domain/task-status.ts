/**
 * The status of one task AS OF a date — computed, never stored (MODEL.md invariants) — from its
 * schedule and the agency's ACCEPTED reports. The categories are those of Vietnamese task
 * tracking (Quyết định 42/2014/QĐ-TTg, amended by 23/2018; REGULATIONS.md §2): done on time,
 * done late, not done but within term, not done and overdue — plus "not yet due" (chưa đến hạn,
 * GLOSSARY.md). Tasks without a deadline ("Thường xuyên", "Hàng năm") are instead judged per
 * reporting period: was the task reported on in each period that has fallen due?
 *
 * "As of" is strict: only reports accepted on or before that day count, so the status "as of
 * 31/12/2023" shown in January does not change when a report is accepted later. A report that
 * was returned (trả lại) is simply not accepted — an office can return a wrongly updated task.
 */
import { lastDue } from "./schedule.ts";
import type { Schedule } from "./schedule-types.ts";
import { isValidIsoDate } from "./vn-dates.ts";
import { vnDay } from "./working-days.ts";

/** What a report says of a task (docs/reporting-api.md, TaskUpdate.status): one list for server and web. */
export const UPDATE_STATUSES = [
  "not_started",
  "in_progress",
  "done",
  "done_with_product",
  "stalled",
] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** One task update from a report version of the task's agency. */
export interface TaskUpdateRecord {
  /** The reporting period the report covers ("2023-Q4"). */
  periodLabel: string;
  /** End of that period's cut-off window (ISO): orders updates from oldest to newest. */
  periodEnd: string;
  /** When the report was accepted (ISO date or date-time, or a Date); null/undefined = not accepted. */
  acceptedAt: string | Date | null | undefined;
  /** When the report was submitted (ISO date or date-time, or a Date). */
  submittedAt: string | Date;
  status: UpdateStatus;
  /** The date of the product document (decision, plan issued…), when the update names one. */
  productDate?: string | null;
  /** Difficulties (khó khăn, vướng mắc) the agency reported on the task, when any. */
  difficulties?: string | null;
}

export interface TaskStatusInput {
  schedule: Schedule;
  updates: readonly TaskUpdateRecord[];
  /**
   * The reporting periods in which the task must be reported on, with their due dates. The
   * caller chooses them (e.g. the yearly periods for a "Hàng năm" task); used for continuous,
   * recurring and unreadable schedules.
   */
  periods: readonly { label: string; due: string }[];
  /**
   * The last day of the plan (31/12 of its last year), when known. After it a task judged per
   * period with no period due is judged at the plan's end, not "not yet due" (issue 9 §4).
   */
  planEnd?: string | null;
}

export type TaskStatus =
  | "done_on_time"
  | "done_late"
  | "in_progress"
  | "overdue"
  | "not_yet_due"
  | "reported"
  | "not_reported";

export interface PeriodReport {
  label: string;
  due: string;
  reported: boolean;
}

export interface TaskStatusResult {
  status: TaskStatus;
  /** The due date the status was judged against (ISO), or null when there is none. */
  due: string | null;
  /** The completion date of a done task (ISO), else null. */
  doneOn: string | null;
  /** Per-period reporting, for continuous and recurring tasks: periods due on or before as-of. */
  periods?: PeriodReport[];
  /** The agency's latest accepted word on the task by as-of (any period, due or not), or null. */
  latest: LatestUpdate | null;
  /**
   * A reported difficulty: the latest accepted update says "stalled" (vướng mắc) and/or names
   * difficulties. Null when the latest update reports none.
   */
  difficulty: { stalled: boolean; text: string | null; periodLabel: string } | null;
}

/** The latest accepted update of a task, shown on the status board. */
export interface LatestUpdate {
  periodLabel: string;
  status: UpdateStatus;
}

/** Labels for the UI and exported documents (Vietnamese first, GLOSSARY.md "Work and results"). */
export const STATUS_LABELS: Readonly<Record<TaskStatus, { vi: string; en: string }>> = {
  done_on_time: { vi: "Hoàn thành đúng hạn", en: "Done on time" },
  done_late: { vi: "Hoàn thành quá hạn", en: "Done late" },
  in_progress: { vi: "Đang thực hiện trong hạn", en: "In progress, within term" },
  overdue: { vi: "Chưa hoàn thành, quá hạn", en: "Not done, overdue" },
  not_yet_due: { vi: "Chưa đến hạn", en: "Not yet due" },
  reported: { vi: "Đã báo cáo", en: "Reported" },
  not_reported: { vi: "Chưa báo cáo", en: "Not reported" },
};

const isDone = (s: string) => s === "done" || s === "done_with_product";
const isStarted = (s: string) => s === "in_progress" || s === "stalled" || isDone(s);

/** Accepted on or before `asOf` (Vietnamese calendar days). */
function acceptedBy(u: TaskUpdateRecord, asOf: string): boolean {
  return u.acceptedAt !== null && u.acceptedAt !== undefined && vnDay(u.acceptedAt) <= asOf;
}

/**
 * Oldest first: by the period covered, then by acceptance, then by submission; input order
 * breaks ties (stable sort), so the last element is the agency's latest word on the task.
 */
function chronological(updates: readonly TaskUpdateRecord[]): TaskUpdateRecord[] {
  const key = (u: TaskUpdateRecord) =>
    `${u.periodEnd}|${vnDay(u.acceptedAt as string | Date)}|${vnDay(u.submittedAt)}`;
  return [...updates].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/**
 * When the task was done: the product's date when the report gives one (a decision is issued on
 * its date), else the day the report saying "done" was submitted — the agency can have finished
 * no later than that. Taken over the trailing run of "done" updates, so a task reported done
 * again in the next period keeps its first completion date.
 */
function completionDate(updates: readonly TaskUpdateRecord[]): string | null {
  let date: string | null = null;
  for (let i = updates.length - 1; i >= 0; i--) {
    const u = updates[i] as TaskUpdateRecord;
    if (!isDone(u.status)) break;
    const d = u.productDate ? u.productDate : vnDay(u.submittedAt);
    if (date === null || d < date) date = d;
  }
  return date;
}

/**
 * A task with milestones, judged against its LAST milestone's due date (updates do not say
 * which milestone they are about; the last one is the task's final term):
 *  - done (the latest accepted update says done / done_with_product): on time when the
 *    completion date ≤ due, else late;
 *  - not done and as-of after due: overdue;
 *  - not done, on or before due: in progress when any accepted update said in_progress,
 *    stalled or done (later reopened); otherwise not yet due while as-of < due. On the due day
 *    itself, with nothing reported, the task is "within term" (in_progress): QĐ 42/2014 knows
 *    only within term and overdue, and the due day is still within term.
 */
function milestoneStatus(
  due: string,
  accepted: readonly TaskUpdateRecord[],
  asOf: string,
): Omit<TaskStatusResult, "latest" | "difficulty"> {
  const latest = accepted[accepted.length - 1];
  if (latest && isDone(latest.status)) {
    const doneOn = completionDate(accepted) as string;
    return { status: doneOn <= due ? "done_on_time" : "done_late", due, doneOn };
  }
  if (asOf > due) return { status: "overdue", due, doneOn: null };
  const started = accepted.some((u) => isStarted(u.status));
  if (started || asOf === due) return { status: "in_progress", due, doneOn: null };
  return { status: "not_yet_due", due, doneOn: null };
}

/**
 * Per-period reporting: each period due on or before as-of is "reported" when an accepted
 * update (any status, "not_started" included — the agency did report on the task) covers it.
 * Overall: "reported" when every period with the latest due date is reported, or when a report
 * of a later period, not yet due, has already been accepted (an early report is the agency's
 * newest word); else "not_reported". With no period due yet: "reported" when such an early
 * report is accepted; when the plan has ended (`planEnd` before as-of) the task is judged at
 * the plan's end — no longer "not yet due" — "not_reported" unless an accepted update exists;
 * otherwise "not_yet_due" (then `due` is the next period's due date).
 */
function periodicStatus(
  periods: TaskStatusInput["periods"],
  accepted: readonly TaskUpdateRecord[],
  asOf: string,
  planEnd?: string | null,
): Required<Pick<TaskStatusResult, "periods">> & Omit<TaskStatusResult, "latest" | "difficulty"> {
  const covered = new Set(accepted.map((u) => u.periodLabel));
  const due = periods
    .filter((p) => p.due <= asOf)
    .map((p) => ({ label: p.label, due: p.due, reported: covered.has(p.label) }))
    .sort((a, b) =>
      a.due < b.due ? -1 : a.due > b.due ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0,
    );
  const last = due[due.length - 1];
  const dueOf = new Map(periods.map((p) => [p.label, p.due]));
  const early = accepted.some((u) => {
    const d = dueOf.get(u.periodLabel);
    return d !== undefined && d > asOf && (!last || d > last.due);
  });
  if (!last) {
    if (planEnd && planEnd < asOf)
      return {
        status: early || accepted.length > 0 ? "reported" : "not_reported",
        due: planEnd,
        doneOn: null,
        periods: [],
      };
    const next = periods.reduce<string | null>((min, p) => (min === null || p.due < min ? p.due : min), null);
    return { status: early ? "reported" : "not_yet_due", due: next, doneOn: null, periods: [] };
  }
  const latest = due.filter((p) => p.due === last.due);
  return {
    status: early || latest.every((p) => p.reported) ? "reported" : "not_reported",
    due: last.due,
    doneOn: null,
    periods: due,
  };
}

/**
 * The task's status as of `asOf` (ISO date). Milestones decide the status when the schedule has
 * any; a schedule that is also continuous or recurring ("Năm 2022 và hàng năm") gets the
 * per-period view in `periods` as well. A schedule without milestones — continuous, recurring,
 * or unreadable ("unknown": the plan still expects the task in every periodic report) — is
 * judged per period. Throws a RangeError when `asOf` is not an ISO date.
 */
export function taskStatus(input: TaskStatusInput, asOf: string): TaskStatusResult {
  if (!isValidIsoDate(asOf))
    throw new RangeError(`asOf must be an ISO date (YYYY-MM-DD): ${JSON.stringify(asOf)}`);
  const accepted = chronological(input.updates.filter((u) => acceptedBy(u, asOf)));
  const newest = accepted[accepted.length - 1];
  const latest: LatestUpdate | null = newest
    ? { periodLabel: newest.periodLabel, status: newest.status }
    : null;
  const text = newest?.difficulties?.trim() || null;
  const difficulty =
    newest && (newest.status === "stalled" || text)
      ? { stalled: newest.status === "stalled", text, periodLabel: newest.periodLabel }
      : null;
  const due = lastDue(input.schedule);
  if (due === null)
    return { ...periodicStatus(input.periods, accepted, asOf, input.planEnd), latest, difficulty };
  const result: TaskStatusResult = { ...milestoneStatus(due, accepted, asOf), latest, difficulty };
  if (input.schedule.continuous || input.schedule.recurrence !== null) {
    result.periods = periodicStatus(input.periods, accepted, asOf, input.planEnd).periods;
  }
  return result;
}
