/**
 * For tests that send a report: an explicit "not started" answer for every task the agency must
 * report on and the test does not name — sending refuses a lead task left unreported (issue 9 §3).
 */
import type { Db } from "../connection.ts";
import type { TaskUpdateInput } from "./report-draft.ts";
import { loadExpected } from "./report-read.ts";
import { tasksToReport } from "./report-tasks.ts";

/** `named` plus a not_started update for every other task of the expected report. */
export async function answerAll(
  db: Db,
  expectedReportId: number,
  named: TaskUpdateInput[] = [],
): Promise<TaskUpdateInput[]> {
  const { expected, period } = await loadExpected(db, expectedReportId);
  const tasks = await tasksToReport(db, period.planId, expected.agencyId, period.windowEnd);
  const done = new Set(named.map((u) => u.taskId));
  return [
    ...named,
    ...tasks.filter((t) => !done.has(t.id)).map((t) => ({ taskId: t.id, status: "not_started" as const })),
  ];
}
