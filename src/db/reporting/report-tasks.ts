/**
 * Which tasks an agency reports on in a period: those it leads or coordinates — directly, or as a
 * known member of a group the task names — on the period's cut-off end date (assignments-on.ts,
 * REGULATIONS.md §5: before a reorganisation the old agency, after it the successor). Continuous and recurring tasks are reported every
 * period; a milestone task until an accepted report says it is done.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { compareTaskCodes } from "../../domain/task-code.ts";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { assignmentValidOn } from "../queries/assignments-on.ts";
import {
  agencies,
  agencyGroupMembers,
  expectedReports,
  reportingPeriods,
  reports,
  reportVersions,
  taskAssignments,
  tasks,
} from "../schema.ts";
import { standingOn } from "./reporters-on.ts";

export interface ReportTask {
  id: number;
  code: string;
  content: string;
  role: "lead" | "coordinator";
  deadlineText: string;
  firstDue: string | null;
}

interface VersionContent {
  updates?: { taskId: number; status: string }[];
}

/** Tasks the agency must report on in the given period of the plan. */
export async function tasksToReport(
  db: Db | Tx,
  planId: number,
  agencyId: number,
  periodEnd: string,
): Promise<ReportTask[]> {
  // The agency stands on the period's end date for itself and for any body that ceased into it
  // without a recorded reorganisation (registry successor only): REGULATIONS.md §5.
  const all = new Map((await db.select().from(agencies)).map((a) => [a.id, a]));
  const represented = [...all.keys()].filter(
    (id) => id === agencyId || standingOn(all, id, periodEnd).includes(agencyId),
  );
  const groups = (
    await db
      .select({ id: agencyGroupMembers.groupId })
      .from(agencyGroupMembers)
      .where(inArray(agencyGroupMembers.agencyId, represented))
  ).map((g) => g.id);
  const rows = await db
    .select({
      id: tasks.id,
      code: tasks.code,
      content: tasks.content,
      role: taskAssignments.role,
      deadlineText: tasks.deadlineText,
      firstDue: tasks.firstDue,
      continuous: tasks.continuous,
      recurrence: tasks.recurrence,
    })
    .from(taskAssignments)
    .innerJoin(tasks, eq(tasks.id, taskAssignments.taskId))
    .where(
      and(
        eq(tasks.planId, planId),
        // Who owns the task on the cut-off end date (assignments-on.ts).
        assignmentValidOn(periodEnd),
        inArray(taskAssignments.agencyId, [...represented, ...groups]),
      ),
    );
  const done = await doneBefore(db, planId, represented, periodEnd);
  const byTask = new Map<number, ReportTask>();
  for (const r of rows) {
    const recurring = r.continuous || r.recurrence !== null;
    if (!recurring && done.has(r.id)) continue;
    const prev = byTask.get(r.id);
    // A body that both leads and coordinates (or coordinates through a group) reports as lead.
    if (!prev || (prev.role === "coordinator" && r.role === "lead")) {
      byTask.set(r.id, {
        id: r.id,
        code: r.code,
        content: r.content,
        role: r.role as ReportTask["role"],
        deadlineText: r.deadlineText,
        firstDue: r.firstDue,
      });
    }
  }
  return [...byTask.values()].sort((a, b) => compareTaskCodes(a.code, b.code));
}

/** Tasks the accepted reports of earlier periods (this agency's or a predecessor's) say are done. */
async function doneBefore(
  db: Db | Tx,
  planId: number,
  agencyIds: number[],
  periodEnd: string,
): Promise<Set<number>> {
  const rows = await db
    .select({ content: reportVersions.content, windowEnd: reportingPeriods.windowEnd })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(expectedReports, eq(expectedReports.id, reports.expectedReportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
    .where(
      and(
        eq(reportingPeriods.planId, planId),
        inArray(expectedReports.agencyId, agencyIds),
        eq(reportVersions.outcome, "accepted"),
        isNotNull(reportVersions.reviewedAt),
      ),
    );
  const done = new Set<number>();
  for (const r of rows) {
    if (r.windowEnd >= periodEnd) continue;
    for (const u of (r.content as VersionContent).updates ?? [])
      if (u.status === "done" || u.status === "done_with_product") done.add(u.taskId);
  }
  return done;
}
