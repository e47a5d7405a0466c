/** Reading plans: the list with counts, and one plan with its groups and targets. */
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { qualified as q, toCount } from "../connection.ts";
import { measures, plans, targets, taskGroups, tasks } from "../schema.ts";

export async function listPlans(db: Db) {
  const rows = await db
    .select({
      plan: plans,
      taskCount: sql`(select count(*) from ${tasks} where ${q(tasks.planId)} = ${q(plans.id)})`,
      targetCount: sql`(select count(*) from ${targets} where ${q(targets.planId)} = ${q(plans.id)})`,
    })
    .from(plans)
    .orderBy(asc(plans.id));
  return rows.map((r) => ({
    ...r.plan,
    taskCount: toCount(r.taskCount),
    targetCount: toCount(r.targetCount),
  }));
}

export async function getPlan(db: Db, id: number) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, id));
  if (!plan) return null;
  const groups = await db
    .select()
    .from(taskGroups)
    .where(eq(taskGroups.planId, id))
    .orderBy(asc(taskGroups.sortKey));
  const ts = await db.select().from(targets).where(eq(targets.planId, id)).orderBy(asc(targets.id));
  const ms = ts.length
    ? await db
        .select()
        .from(measures)
        .where(
          sql`${measures.targetId} in (select ${targets.id} from ${targets} where ${targets.planId} = ${id})`,
        )
        .orderBy(asc(measures.targetId), asc(measures.seq))
    : [];
  return {
    plan,
    groups,
    targets: ts.map((t) => ({ ...t, measures: ms.filter((m) => m.targetId === t.id) })),
  };
}
