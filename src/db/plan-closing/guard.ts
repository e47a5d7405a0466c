/**
 * The one answer to "is this plan closed?" for every write (issue 10 §1: a closed plan is
 * read-only). `planOfResource` finds the plan a written resource belongs to — a report (by its
 * expected report), an attachment, a measure, a task — so the server refuses every write through
 * a closed plan in one place (src/server/plan-closed-guard.ts), and `assertPlanOpen` is what any
 * other writer (the reminder job, the CLI) calls before writing.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import {
  attachments,
  expectedReports,
  measures,
  plans,
  reportingPeriods,
  reports,
  targets,
  tasks,
} from "../schema.ts";
import { closedError } from "./close.ts";

export type PlanResource = "plan" | "expected_report" | "attachment" | "measure" | "task";

/** The plan a resource belongs to, or null when the resource does not exist (the route answers 404). */
export async function planOfResource(db: Db | Tx, kind: PlanResource, id: number): Promise<number | null> {
  switch (kind) {
    case "plan":
      return id;
    case "expected_report": {
      const [r] = await db
        .select({ planId: reportingPeriods.planId })
        .from(expectedReports)
        .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
        .where(eq(expectedReports.id, id));
      return r?.planId ?? null;
    }
    case "attachment": {
      const [r] = await db
        .select({ planId: reportingPeriods.planId })
        .from(attachments)
        .innerJoin(reports, eq(reports.id, attachments.reportId))
        .innerJoin(expectedReports, eq(expectedReports.id, reports.expectedReportId))
        .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
        .where(eq(attachments.id, id));
      return r?.planId ?? null;
    }
    case "measure": {
      const [r] = await db
        .select({ planId: targets.planId })
        .from(measures)
        .innerJoin(targets, eq(targets.id, measures.targetId))
        .where(eq(measures.id, id));
      return r?.planId ?? null;
    }
    case "task": {
      const [r] = await db.select({ planId: tasks.planId }).from(tasks).where(eq(tasks.id, id));
      return r?.planId ?? null;
    }
  }
}

/** Whether the plan is closed (an unknown plan is not: its route answers 404). */
export async function isPlanClosed(db: Db | Tx, planId: number): Promise<boolean> {
  const [p] = await db.select({ closedAt: plans.closedAt }).from(plans).where(eq(plans.id, planId));
  return Boolean(p?.closedAt);
}

/** Refuses PLAN_CLOSED (409) when the plan is closed. */
export async function assertPlanOpen(db: Db | Tx, planId: number): Promise<void> {
  const [p] = await db.select({ closedAt: plans.closedAt }).from(plans).where(eq(plans.id, planId));
  if (p?.closedAt) throw closedError(planId, p.closedAt);
}
