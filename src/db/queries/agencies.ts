/** Reading the agency registry: agencies and groups with how many tasks they lead and coordinate. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { qualified as q, toCount } from "../connection.ts";
import { agencies, agencyAliases, agencyGroupMembers, taskAssignments, tasks } from "../schema.ts";

function countRole(role: "lead" | "coordinator", planId?: number) {
  const plan = planId === undefined ? sql`` : sql` and ${q(tasks.planId)} = ${planId}`;
  return sql`(select count(*) from ${taskAssignments} join ${tasks} on ${q(tasks.id)} = ${q(taskAssignments.taskId)} where ${q(taskAssignments.agencyId)} = ${q(agencies.id)} and ${q(taskAssignments.role)} = ${role}${plan})`;
}

/** Agencies (and groups), optionally only those a plan names. */
export async function listAgencies(db: Db, planId?: number) {
  const inPlan =
    planId === undefined
      ? undefined
      : sql`exists (select 1 from ${taskAssignments} join ${tasks} on ${tasks.id} = ${taskAssignments.taskId} where ${taskAssignments.agencyId} = ${agencies.id} and ${tasks.planId} = ${planId})`;
  const rows = await db
    .select({
      agency: agencies,
      leadCount: countRole("lead", planId),
      coordinatorCount: countRole("coordinator", planId),
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

/** One agency with its aliases, successor, group members and the ids of the tasks it leads/coordinates. */
export async function getAgency(db: Db, id: number) {
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
    .select({ taskId: taskAssignments.taskId, role: taskAssignments.role })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.agencyId, id)));
  return {
    agency,
    aliases: aliases.map((a) => a.alias),
    successor,
    members,
    leadTaskIds: roles.filter((r) => r.role === "lead").map((r) => r.taskId),
    coordinatingTaskIds: roles.filter((r) => r.role === "coordinator").map((r) => r.taskId),
  };
}
