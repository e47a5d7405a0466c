/**
 * Task status as of a date, computed (never stored) from each task's schedule and the reports
 * accepted by then (REGULATIONS.md §2); reporting rates per agency (DHIS2: expected, received,
 * on time); and an agency's scorecard. Only the lead agency's accepted reports move a task's
 * status: the lead is the one accountable.
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { type ExpectedReportRow, reportingRates } from "../../domain/reporting-rates.ts";
import type { Milestone, Recurrence, Schedule } from "../../domain/schedule-types.ts";
import { compareTaskCodes } from "../../domain/task-code.ts";
import {
  type TaskStatus,
  type TaskUpdateRecord,
  taskStatus,
  type UpdateStatus,
} from "../../domain/task-status.ts";
import type { Db } from "../connection.ts";
import { ownersOn } from "../queries/assignments-on.ts";
import {
  expectedReports,
  milestones,
  planFinalStatuses,
  plans,
  reportingPeriods,
  reports,
  reportVersions,
  taskAssignments,
  tasks,
} from "../schema.ts";
import { listExpected } from "./expected.ts";
import { vnDate } from "./reports.ts";

const FINEST = ["monthly", "quarterly", "half-yearly", "nine-month", "yearly"];

interface VersionContent {
  updates?: { taskId: number; status: string; productDate?: string | null; difficulties?: string | null }[];
}

/**
 * Every task of the plan with its status as of `asOf` (ISO date), its lead and coordinating
 * agencies on that date (assignments-on.ts: successors after a reorganisation, REGULATIONS.md
 * §5), its latest accepted update and a reported difficulty (issue 9 §4). A plan that has ended
 * (31/12 of its last year before `asOf`) judges its per-period tasks at its end (task-status.ts).
 */
export async function planTaskStatuses(db: Db, planId: number, asOf: string) {
  const taskRows = await db.select().from(tasks).where(eq(tasks.planId, planId));
  const ids = taskRows.map((t) => t.id);
  if (ids.length === 0) return [];
  const [plan] = await db
    .select({ periodEnd: plans.periodEnd, closedAt: plans.closedAt })
    .from(plans)
    .where(eq(plans.id, planId));
  const planEnd = plan?.periodEnd ? `${plan.periodEnd}-12-31` : null;
  // A closed plan after its end shows the statuses frozen at closing (plan-closing/close.ts), not a recomputation.
  const frozen =
    plan?.closedAt && planEnd && asOf > planEnd
      ? new Map(
          (await db.select().from(planFinalStatuses).where(eq(planFinalStatuses.planId, planId))).map((f) => [
            f.taskId,
            f,
          ]),
        )
      : null;
  const owners = await ownersOn(db, ids, asOf);
  const ownersOf = (taskId: number, role: "lead" | "coordinator") =>
    owners
      .filter((o) => o.taskId === taskId && o.role === role)
      .map((o) => ({ id: o.agencyId, name: o.name }));
  const ms = await db
    .select()
    .from(milestones)
    .where(inArray(milestones.taskId, ids))
    .orderBy(asc(milestones.seq));
  const leads = await db
    .select({ taskId: taskAssignments.taskId, agencyId: taskAssignments.agencyId })
    .from(taskAssignments)
    .where(and(inArray(taskAssignments.taskId, ids), eq(taskAssignments.role, "lead")));
  const accepted = await db
    .select({
      agencyId: expectedReports.agencyId,
      content: reportVersions.content,
      reviewedAt: reportVersions.reviewedAt,
      submittedAt: reportVersions.submittedAt,
      label: reportingPeriods.label,
      windowEnd: reportingPeriods.windowEnd,
    })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(expectedReports, eq(expectedReports.id, reports.expectedReportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
    .where(
      and(
        eq(reportingPeriods.planId, planId),
        eq(reportVersions.outcome, "accepted"),
        isNotNull(reportVersions.reviewedAt),
      ),
    );
  const periods = await db
    .select()
    .from(reportingPeriods)
    .where(eq(reportingPeriods.planId, planId))
    .orderBy(asc(reportingPeriods.windowEnd));
  const finest = FINEST.find((f) => periods.some((p) => p.frequency === f));

  return taskRows
    .map((t) => {
      const schedule: Schedule = {
        continuous: t.continuous,
        recurrence: t.recurrence as Recurrence | null,
        kind: t.scheduleKind as Schedule["kind"],
        milestones: ms
          .filter((m) => m.taskId === t.id)
          .map((m): Milestone => ({ due: m.due, text: m.text, ...(m.start ? { start: m.start } : {}) })),
      };
      const leadIds = new Set(leads.filter((l) => l.taskId === t.id).map((l) => l.agencyId));
      const updates = accepted
        .filter((a) => leadIds.has(a.agencyId) && a.reviewedAt && vnDate(a.reviewedAt) <= asOf)
        .flatMap((a) =>
          ((a.content as VersionContent).updates ?? [])
            .filter((u) => u.taskId === t.id)
            .map(
              (u): TaskUpdateRecord => ({
                periodLabel: a.label,
                periodEnd: a.windowEnd,
                acceptedAt: vnDate(a.reviewedAt as Date),
                submittedAt: vnDate(a.submittedAt),
                status: u.status as UpdateStatus,
                productDate: u.productDate ?? null,
                difficulties: u.difficulties ?? null,
              }),
            ),
        );
      const ownFrequency =
        t.recurrence && periods.some((p) => p.frequency === t.recurrence) ? t.recurrence : finest;
      const taskPeriods = periods
        .filter((p) => p.frequency === ownFrequency)
        .map((p) => ({ label: p.label, due: p.due }));
      const result = taskStatus({ schedule, updates, periods: taskPeriods, planEnd }, asOf);
      const final = frozen?.get(t.id);
      if (final)
        Object.assign(result, { status: final.status as TaskStatus, due: final.due, doneOn: final.doneOn });
      return {
        taskId: t.id,
        code: t.code,
        content: t.content,
        frozen: Boolean(final),
        leads: final ? final.leads : ownersOf(t.id, "lead"),
        coordinators: ownersOf(t.id, "coordinator"),
        ...result,
      };
    })
    .sort((a, b) => compareTaskCodes(a.code, b.code));
}

/** Reporting rates per agency as of a date (DHIS2: expected, received, on time). */
export async function planRates(db: Db, planId: number, asOf: string) {
  const items = await listExpected(db, { planId });
  const input: ExpectedReportRow[] = items.map((i) => ({
    agencyId: i.agency.id,
    periodLabel: i.period.label,
    due: i.due,
    extendedDue: i.extendedDue,
    submittedAt: i.submittedAt,
    state: i.state as ExpectedReportRow["state"],
  }));
  const rates = reportingRates(input, asOf);
  const names = new Map(items.map((i) => [i.agency.id, i.agency.name]));
  return {
    asOf,
    overall: rates.overall,
    agencies: rates.byAgency
      .map((r) => ({ ...r, agency: { id: r.agencyId, name: names.get(r.agencyId) ?? "" } }))
      .sort((a, b) => a.agency.name.localeCompare(b.agency.name, "vi")),
  };
}

/** An agency's scorecard in a plan: its led tasks by status, and its reports' timeliness. */
export async function agencyScorecard(db: Db, planId: number, agencyId: number, asOf: string) {
  const statuses = await planTaskStatuses(db, planId, asOf);
  const led = new Set(
    (
      await db
        .select({ taskId: taskAssignments.taskId })
        .from(taskAssignments)
        .innerJoin(tasks, eq(tasks.id, taskAssignments.taskId))
        .where(
          and(
            eq(tasks.planId, planId),
            eq(taskAssignments.agencyId, agencyId),
            eq(taskAssignments.role, "lead"),
          ),
        )
    ).map((r) => r.taskId),
  );
  const mine = statuses.filter((s) => led.has(s.taskId));
  const byStatus: Record<string, number> = {};
  for (const s of mine) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  const rates = await planRates(db, planId, asOf);
  const reports = (await listExpected(db, { planId, agencyId })).map((r) => ({
    id: r.id,
    period: r.period,
    due: r.extendedDue ?? r.due,
    state: r.state,
    submittedAt: r.submittedAt,
    late: r.late,
  }));
  return {
    asOf,
    agencyId,
    tasks: mine,
    byStatus,
    rate: rates.agencies.find((a) => a.agencyId === agencyId) ?? null,
    reports,
  };
}
