/**
 * Which tasks an agency reports on in a period: those it leads or coordinates — directly, or as a
 * known member of a group the task names. Continuous and recurring tasks are reported every
 * period; a milestone task until an accepted report says it is done.
 */
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import { compareTaskCodes } from "../../domain/task-code.ts";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import {
  agencyGroupMembers,
  expectedReports,
  reportingPeriods,
  reports,
  reportVersions,
  taskAssignments,
  tasks,
} from "../schema.ts";

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
  const groups = (
    await db
      .select({ id: agencyGroupMembers.groupId })
      .from(agencyGroupMembers)
      .where(eq(agencyGroupMembers.agencyId, agencyId))
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
        groups.length
          ? or(eq(taskAssignments.agencyId, agencyId), inArray(taskAssignments.agencyId, groups))
          : eq(taskAssignments.agencyId, agencyId),
      ),
    );
  const done = await doneBefore(db, planId, agencyId, periodEnd);
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

/** Tasks this agency's accepted reports of earlier periods say are done. */
async function doneBefore(
  db: Db | Tx,
  planId: number,
  agencyId: number,
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
        eq(expectedReports.agencyId, agencyId),
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
