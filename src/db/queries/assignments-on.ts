/**
 * Who owns a task on a date (REGULATIONS.md §5): a task assignment holds from `valid_from` to
 * `valid_to` (null = unbounded). A reorganisation ends a ceased agency's row the day before it
 * takes effect and adds the successor's from that day, so on any one date a task has exactly the
 * owners of that date: reports, statuses and rates before the date stay with the old agency,
 * after it with the new one. Every place that asks "who owns task T" goes through here.
 */
import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { agencies, taskAssignments, tasks } from "../schema.ts";

/**
 * SQL condition: the task_assignments row is valid on `on` (YYYY-MM-DD). Use in any query that
 * selects from task_assignments (alias-free: drizzle's column references).
 */
export function assignmentValidOn(on: string): SQL {
  return and(
    or(isNull(taskAssignments.validFrom), lte(taskAssignments.validFrom, on)),
    or(isNull(taskAssignments.validTo), sql`${taskAssignments.validTo} >= ${on}`),
  ) as SQL;
}

/**
 * The same condition for raw SQL over an alias ("ta" → `ta.valid_from` …), for correlated
 * subqueries: sql`... from task_assignments ta where ta.task_id = t.id and ${validOnSql("ta", d)}`.
 */
export function validOnSql(alias: string, on: string): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.valid_from is null or ${a}.valid_from <= ${on}) and (${a}.valid_to is null or ${a}.valid_to >= ${on})`;
}

export interface Owner {
  assignmentId: number;
  taskId: number;
  role: "lead" | "coordinator";
  seq: number;
  agencyId: number;
  name: string;
  isGroup: boolean;
  validFrom: string | null;
  validTo: string | null;
}

const ownerColumns = {
  assignmentId: taskAssignments.id,
  taskId: taskAssignments.taskId,
  role: taskAssignments.role,
  seq: taskAssignments.seq,
  agencyId: agencies.id,
  name: agencies.name,
  isGroup: agencies.isGroup,
  validFrom: taskAssignments.validFrom,
  validTo: taskAssignments.validTo,
};

/** The lead(s) and coordinators of the tasks on `on`, in the plan's order (seq). */
export async function ownersOn(db: Db | Tx, taskIds: number[], on: string): Promise<Owner[]> {
  if (!taskIds.length) return [];
  const rows = await db
    .select(ownerColumns)
    .from(taskAssignments)
    .innerJoin(agencies, eq(agencies.id, taskAssignments.agencyId))
    .where(and(inArray(taskAssignments.taskId, taskIds), assignmentValidOn(on)))
    .orderBy(asc(taskAssignments.taskId), asc(taskAssignments.seq), asc(taskAssignments.id));
  return rows as Owner[];
}

/** Every assignment of the tasks, ended ones included, oldest first: the task page's history. */
export async function ownerHistory(db: Db | Tx, taskIds: number[]): Promise<Owner[]> {
  if (!taskIds.length) return [];
  const rows = await db
    .select(ownerColumns)
    .from(taskAssignments)
    .innerJoin(agencies, eq(agencies.id, taskAssignments.agencyId))
    .where(inArray(taskAssignments.taskId, taskIds))
    .orderBy(
      asc(taskAssignments.taskId),
      asc(taskAssignments.seq),
      sql`${taskAssignments.validFrom} asc nulls first`,
      asc(taskAssignments.id),
    );
  return rows as Owner[];
}

/** The tasks of the plan the agencies (an agency and the groups it is a known member of) own on `on`. */
export async function tasksOwnedOn(
  db: Db | Tx,
  planId: number,
  agencyIds: number[],
  on: string,
): Promise<{ taskId: number; role: "lead" | "coordinator"; agencyId: number }[]> {
  if (!agencyIds.length) return [];
  const rows = await db
    .select({
      taskId: taskAssignments.taskId,
      role: taskAssignments.role,
      agencyId: taskAssignments.agencyId,
    })
    .from(taskAssignments)
    .innerJoin(tasks, eq(tasks.id, taskAssignments.taskId))
    .where(
      and(eq(tasks.planId, planId), inArray(taskAssignments.agencyId, agencyIds), assignmentValidOn(on)),
    );
  return rows as { taskId: number; role: "lead" | "coordinator"; agencyId: number }[];
}

/** The agencies (and groups) that own at least one task of the plan on `on`. */
export async function agenciesOwningOn(
  db: Db | Tx,
  planId: number,
  on: string,
): Promise<{ id: number; name: string; isGroup: boolean }[]> {
  return db
    .selectDistinct({ id: agencies.id, name: agencies.name, isGroup: agencies.isGroup })
    .from(taskAssignments)
    .innerJoin(tasks, eq(tasks.id, taskAssignments.taskId))
    .innerJoin(agencies, eq(agencies.id, taskAssignments.agencyId))
    .where(and(eq(tasks.planId, planId), assignmentValidOn(on)));
}

/** The assignments (every plan) of the agencies valid on `on`: what a reorganisation moves. */
export async function tasksOwnedAnywhereOn(db: Db | Tx, agencyIds: number[], on: string) {
  if (!agencyIds.length) return [];
  return db
    .select()
    .from(taskAssignments)
    .where(and(inArray(taskAssignments.agencyId, agencyIds), assignmentValidOn(on)))
    .orderBy(asc(taskAssignments.id));
}
