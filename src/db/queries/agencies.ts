/**
 * Reading the agency registry: agencies and groups with how many tasks they lead and coordinate.
 * Counted on a day (REGULATIONS.md §5): after the 2025 reorganisation a task's old owner keeps its
 * history row (task_assignments valid_to) but no longer holds the task, so Sở KH&ĐT shows 0 tasks
 * in 2026 and the tasks it handed over are listed apart, with the day they passed.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { qualified as q, toCount } from "../connection.ts";
import { agencies, agencyAliases, agencyGroupMembers, taskAssignments, tasks } from "../schema.ts";

function heldOn(on: string) {
  return sql`(${q(taskAssignments.validFrom)} is null or ${q(taskAssignments.validFrom)} <= ${on}) and (${q(taskAssignments.validTo)} is null or ${q(taskAssignments.validTo)} >= ${on})`;
}

function countRole(role: "lead" | "coordinator", on: string, planId?: number) {
  const plan = planId === undefined ? sql`` : sql` and ${q(tasks.planId)} = ${planId}`;
  return sql`(select count(*) from ${taskAssignments} join ${tasks} on ${q(tasks.id)} = ${q(taskAssignments.taskId)} where ${q(taskAssignments.agencyId)} = ${q(agencies.id)} and ${q(taskAssignments.role)} = ${role} and ${heldOn(on)}${plan})`;
}

/** Agencies (and groups), optionally only those a plan names (now or before), with the tasks they hold on `on`. */
export async function listAgencies(db: Db, on: string, planId?: number) {
  const inPlan =
    planId === undefined
      ? undefined
      : sql`exists (select 1 from ${taskAssignments} join ${tasks} on ${tasks.id} = ${taskAssignments.taskId} where ${taskAssignments.agencyId} = ${agencies.id} and ${tasks.planId} = ${planId})`;
  const rows = await db
    .select({
      agency: agencies,
      leadCount: countRole("lead", on, planId),
      coordinatorCount: countRole("coordinator", on, planId),
    })
    .from(agencies)
    .where(inPlan)
    .orderBy(asc(agencies.isGroup), asc(agencies.name));
  const aliases = await db.select().from(agencyAliases).orderBy(asc(agencyAliases.id));
  return rows.map((r) => ({
    ...r.agency,
    aliases: aliases.filter((a) => a.agencyId === r.agency.id).map((a) => a.alias),
    leadCount: toCount(r.leadCount),
    coordinatorCount: toCount(r.coordinatorCount),
  }));
}

/**
 * One agency with its aliases, successor, group members, the ids of the tasks it leads and
 * coordinates on `on`, and the tasks it held before and handed over (with the last day it held them).
 */
export async function getAgency(db: Db, id: number, on: string) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!agency) return null;
  const aliases = await db.select().from(agencyAliases).where(eq(agencyAliases.agencyId, id));
  const successor = agency.successorId
    ? ((
        await db
          .select({ id: agencies.id, name: agencies.name })
          .from(agencies)
          .where(eq(agencies.id, agency.successorId))
      )[0] ?? null)
    : null;
  const members = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencyGroupMembers)
    .innerJoin(agencies, eq(agencies.id, agencyGroupMembers.agencyId))
    .where(eq(agencyGroupMembers.groupId, id))
    .orderBy(asc(agencies.name));
  const roles = await db
    .select({
      taskId: taskAssignments.taskId,
      role: taskAssignments.role,
      validTo: taskAssignments.validTo,
      held: sql<boolean>`${heldOn(on)}`,
    })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.agencyId, id)));
  const held = roles.filter((r) => r.held);
  return {
    agency,
    aliases: aliases.map((a) => a.alias),
    successor,
    members,
    leadTaskIds: held.filter((r) => r.role === "lead").map((r) => r.taskId),
    coordinatingTaskIds: held.filter((r) => r.role === "coordinator").map((r) => r.taskId),
    handedOver: roles
      .filter((r) => !r.held && r.validTo !== null && r.validTo < on)
      .map((r) => ({ taskId: r.taskId, role: r.role, until: r.validTo as string })),
  };
}
