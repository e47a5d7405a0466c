/**
 * Is a report complete enough to send? A task the agency leads must be reported on: the lead
 * answers for the task's result (Decree 09/2019 Art. 8 — the report's content is the agency's
 * own account; REGULATIONS.md §1). A task it only coordinates may be left out, but only when the
 * sender says so: a skipped task must never pass silently as "not started" (issue 9 §3).
 *
 * "Not reported" is the absence of an update for the task in the draft: an update saved with
 * "Chưa triển khai" (not_started) is an answer, and keeps that meaning in old drafts.
 */
import { AppError } from "./errors.ts";

/** A task the report must cover, with the agency's role in it. */
export interface CompletenessTask {
  id: number;
  code: string;
  role: "lead" | "coordinator";
}

/** The tasks of `tasks` with no update in `reportedTaskIds`, lead and coordinated apart. */
export function unreportedTasks(
  tasks: readonly CompletenessTask[],
  reportedTaskIds: Iterable<number>,
): { lead: CompletenessTask[]; coordinator: CompletenessTask[] } {
  const reported = new Set(reportedTaskIds);
  const missing = tasks.filter((t) => !reported.has(t.id));
  return {
    lead: missing.filter((t) => t.role === "lead"),
    coordinator: missing.filter((t) => t.role === "coordinator"),
  };
}

const listed = (tasks: readonly CompletenessTask[]) => tasks.map((t) => t.code).join(", ");

const details = (tasks: readonly CompletenessTask[]) => ({
  tasks: tasks.map((t) => ({ id: t.id, code: t.code, role: t.role })),
});

/**
 * Throws unless the report may be sent: REPORT_LEAD_TASKS_UNREPORTED (422) when a lead task has
 * no update — always refused; REPORT_UNREPORTED_CONFIRM (409) when only coordinated tasks are
 * missing and the sender has not confirmed. Both list the tasks in `details.tasks`.
 */
export function assertReportComplete(
  tasks: readonly CompletenessTask[],
  reportedTaskIds: Iterable<number>,
  confirmUnreported: boolean,
): void {
  const missing = unreportedTasks(tasks, reportedTaskIds);
  if (missing.lead.length > 0)
    throw new AppError(
      "REPORT_LEAD_TASKS_UNREPORTED",
      {
        en: `Tasks this agency leads are not reported on: ${listed(missing.lead)}.`,
        vi: `Chưa báo cáo nhiệm vụ đơn vị chủ trì: ${listed(missing.lead)}.`,
      },
      { details: details([...missing.lead, ...missing.coordinator]) },
    );
  if (missing.coordinator.length > 0 && !confirmUnreported)
    throw new AppError(
      "REPORT_UNREPORTED_CONFIRM",
      {
        en: `Tasks this agency coordinates are not reported on: ${listed(missing.coordinator)}. Send with confirmUnreported: true to send anyway.`,
        vi: `Chưa báo cáo nhiệm vụ đơn vị phối hợp: ${listed(missing.coordinator)}. Xác nhận để vẫn gửi.`,
      },
      { details: details(missing.coordinator) },
    );
}
