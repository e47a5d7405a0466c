/**
 * Each task's final outcome for the plan: its status judged at the plan's end and its lead
 * agencies on the plan's last day (assignments-on.ts, REGULATIONS.md §5). A closed plan answers
 * from the rows frozen at closing (plan_final_statuses), never a recomputation; an open plan that
 * has ended computes them the same way closing will freeze them — so the review read before
 * closing and the statuses frozen by it agree.
 */
import { asc, eq } from "drizzle-orm";
import { compareTaskCodes } from "../../domain/task-code.ts";
import type { TaskStatus } from "../../domain/task-status.ts";
import { addDays } from "../../domain/working-days.ts";
import type { Db } from "../connection.ts";
import { ownersOn } from "../queries/assignments-on.ts";
import { planTaskStatuses } from "../reporting/status.ts";
import { planFinalStatuses, plans, tasks } from "../schema.ts";

export interface FinalTaskStatus {
  taskId: number;
  code: string;
  content: string;
  deadline: string;
  status: TaskStatus;
  due: string | null;
  doneOn: string | null;
  leads: { id: number; name: string }[];
}

/**
 * The day the final statuses are judged on: the day after the plan's last day, so that a task due
 * on 31/12 and not done is overdue rather than "not yet due", and a per-period task is judged at
 * the plan's end (task-status.ts `planEnd`). Null when the plan names no period.
 */
export function finalJudgementDay(periodEnd: number | null): string | null {
  return periodEnd ? addDays(`${periodEnd}-12-31`, 1) : null;
}

/** Computes the final statuses (what closing freezes); `last` is the plan's last day. */
export async function computeFinalStatuses(db: Db, planId: number, last: string): Promise<FinalTaskStatus[]> {
  const statuses = await planTaskStatuses(db, planId, addDays(last, 1));
  const rows = await db
    .select({ id: tasks.id, deadline: tasks.deadlineText })
    .from(tasks)
    .where(eq(tasks.planId, planId));
  const deadline = new Map(rows.map((r) => [r.id, r.deadline]));
  const owners = await ownersOn(
    db,
    statuses.map((s) => s.taskId),
    last,
  );
  return statuses.map((s) => ({
    taskId: s.taskId,
    code: s.code,
    content: s.content,
    deadline: deadline.get(s.taskId) ?? "",
    status: s.status,
    due: s.due,
    doneOn: s.doneOn,
    leads: owners
      .filter((o) => o.taskId === s.taskId && o.role === "lead")
      .map((o) => ({ id: o.agencyId, name: o.name })),
  }));
}

/** The plan's final task statuses: frozen ones when closed, else computed; null before the plan has ended. */
export async function finalTaskStatuses(
  db: Db,
  planId: number,
): Promise<{ frozen: boolean; last: string; items: FinalTaskStatus[] } | null> {
  const [plan] = await db
    .select({ periodEnd: plans.periodEnd, closedAt: plans.closedAt })
    .from(plans)
    .where(eq(plans.id, planId));
  if (!plan?.periodEnd) return null;
  const last = `${plan.periodEnd}-12-31`;
  if (!plan.closedAt) return { frozen: false, last, items: await computeFinalStatuses(db, planId, last) };
  const rows = await db
    .select({
      taskId: planFinalStatuses.taskId,
      code: tasks.code,
      content: tasks.content,
      deadline: tasks.deadlineText,
      status: planFinalStatuses.status,
      due: planFinalStatuses.due,
      doneOn: planFinalStatuses.doneOn,
      leads: planFinalStatuses.leads,
    })
    .from(planFinalStatuses)
    .innerJoin(tasks, eq(tasks.id, planFinalStatuses.taskId))
    .where(eq(planFinalStatuses.planId, planId))
    .orderBy(asc(planFinalStatuses.id));
  return {
    frozen: true,
    last,
    items: rows
      .map((r) => ({ ...r, status: r.status as TaskStatus }))
      .sort((a, b) => compareTaskCodes(a.code, b.code)),
  };
}
