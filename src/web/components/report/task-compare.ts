/**
 * Comparing a task's answer with another one: the previous period's accepted answer (for
 * "changed since last period" and the answer shown beside the task) and the last submitted
 * version (for the reviewer's diff on a resubmission) — issue 9 §3.
 */
import type { UpdateForm } from "../../report-draft.ts";
import type { ReportTask, TaskUpdate } from "../../reporting-types.ts";

/** The fields a reader compares, as the form holds them. */
const FIELDS = ["status", "progress", "result", "productDocument", "difficulties", "proposals"] as const;
export type ComparedField = (typeof FIELDS)[number];

/** A stored update as the form holds it (empty strings for nothing). */
export function asForm(u: Partial<TaskUpdate> | undefined): UpdateForm {
  return {
    status: u?.status ?? "",
    progress: u?.progress === null || u?.progress === undefined ? "" : String(u.progress),
    result: u?.result ?? "",
    productDocument: u?.productDocument ?? "",
    productDate: u?.productDate ?? "",
    difficulties: u?.difficulties ?? "",
    proposals: u?.proposals ?? "",
  };
}

/** The fields where `a` and `b` differ (trimmed text; "" = nothing). */
export function changedFields(a: UpdateForm, b: UpdateForm): ComparedField[] {
  return FIELDS.filter((f) => a[f].trim() !== b[f].trim());
}

/**
 * Changed since the last period: reported now, and the answer differs from the previous
 * accepted one (a task the previous report did not cover counts as changed).
 */
export function changedSinceLast(now: UpdateForm, previous: UpdateForm | undefined): boolean {
  if (now.status === "") return false;
  return !previous || changedFields(now, previous).length > 0;
}

/** The counts the form's summary shows. */
export function formCounts(
  tasks: readonly ReportTask[],
  updates: Record<string, UpdateForm>,
  previous: Map<number, UpdateForm>,
) {
  let reported = 0;
  let changed = 0;
  let lead = 0;
  let leadUnreported = 0;
  for (const t of tasks) {
    const u = updates[String(t.id)];
    const isReported = Boolean(u && u.status !== "");
    if (t.role === "lead") lead++;
    if (isReported) reported++;
    else if (t.role === "lead") leadUnreported++;
    if (u && changedSinceLast(u, previous.get(t.id))) changed++;
  }
  return {
    total: tasks.length,
    reported,
    unreported: tasks.length - reported,
    changed,
    lead,
    coordinator: tasks.length - lead,
    leadUnreported,
  };
}

/** The tasks not reported on, lead and coordinated apart (what sending would refuse or ask). */
export function unreportedOf(tasks: readonly ReportTask[], updates: Record<string, UpdateForm>) {
  const missing = tasks.filter((t) => (updates[String(t.id)]?.status ?? "") === "");
  return {
    lead: missing.filter((t) => t.role === "lead"),
    coordinator: missing.filter((t) => t.role === "coordinator"),
  };
}

/** Task by task, what the newest version changed against the one before it (a resubmission). */
export function versionDiff(
  tasks: readonly ReportTask[],
  before: { updates?: TaskUpdate[] } | undefined,
  after: { updates?: TaskUpdate[] } | undefined,
) {
  const by = (c: { updates?: TaskUpdate[] } | undefined) =>
    new Map((c?.updates ?? []).map((u) => [u.taskId, u]));
  const b = by(before);
  const a = by(after);
  return tasks
    .map((task) => {
      const was = asForm(b.get(task.id));
      const now = asForm(a.get(task.id));
      return { task, was, now, fields: changedFields(was, now) };
    })
    .filter((d) => d.fields.length > 0);
}
