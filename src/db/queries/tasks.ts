/**
 * Reading tasks: the filtered, sorted, paginated list the API and UI show, and the details
 * (milestones, assignments) loaded in one query each for a whole page.
 */
import { and, asc, eq, exists, ilike, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { toCount } from "../connection.ts";
import { milestones, taskAssignments, taskGroups, tasks } from "../schema.ts";
import { ownerHistory } from "./assignments-on.ts";

export type ScheduleFilter = "continuous" | "recurring" | "milestone" | "mixed" | "unknown";

export interface TaskFilter {
  planId?: number;
  agencyId?: number;
  group?: string;
  dueFrom?: string;
  dueTo?: string;
  kind?: ScheduleFilter;
  q?: string;
  sort?: "code" | "due";
  page?: number;
  pageSize?: number;
}

export interface TaskRecord {
  id: number;
  planId: number;
  code: string;
  group: string | null;
  groupTitle: string | null;
  content: string;
  body: string | null;
  deadlineText: string;
  continuous: boolean;
  recurrence: string | null;
  scheduleKind: string;
  firstDue: string | null;
  note: string | null;
  milestones: {
    due: string;
    start: string | null;
    action: string | null;
    product: string | null;
    quantity: string | null;
    text: string;
  }[];
  leads: { id: number; name: string; isGroup: boolean }[];
  coordinators: { id: number; name: string; isGroup: boolean }[];
  /**
   * Every owner with its dates when the task changed hands (REGULATIONS.md §5: "Sở KH&ĐT đến
   * 28/02/2025 → Sở Tài chính từ 01/03/2025"); empty when it never did.
   */
  ownerHistory: {
    role: string;
    id: number;
    name: string;
    isGroup: boolean;
    validFrom: string | null;
    validTo: string | null;
  }[];
}

function where(f: TaskFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.planId !== undefined) parts.push(eq(tasks.planId, f.planId));
  if (f.agencyId !== undefined) {
    parts.push(
      exists(
        sql`(select 1 from ${taskAssignments} where ${taskAssignments.taskId} = ${tasks.id} and ${taskAssignments.agencyId} = ${f.agencyId})`,
      ),
    );
  }
  if (f.group !== undefined) parts.push(eq(taskGroups.code, f.group));
  if (f.dueFrom || f.dueTo) {
    const conds = [sql`${milestones.taskId} = ${tasks.id}`];
    if (f.dueFrom) conds.push(sql`${milestones.due} >= ${f.dueFrom}`);
    if (f.dueTo) conds.push(sql`${milestones.due} <= ${f.dueTo}`);
    parts.push(exists(sql`(select 1 from ${milestones} where ${sql.join(conds, sql` and `)})`));
  }
  if (f.kind === "continuous") parts.push(eq(tasks.continuous, true));
  if (f.kind === "recurring") parts.push(isNotNull(tasks.recurrence));
  if (f.kind === "milestone") parts.push(isNotNull(tasks.firstDue));
  if (f.kind === "mixed" || f.kind === "unknown") parts.push(eq(tasks.scheduleKind, f.kind));
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    parts.push(
      or(
        ilike(tasks.content, like),
        ilike(tasks.body, like),
        ilike(tasks.deadlineText, like),
        eq(tasks.code, f.q.trim()),
      ),
    );
  }
  return and(...parts.filter(Boolean));
}

/** One page of tasks matching the filter, with the total count. */
export async function listTasks(db: Db, f: TaskFilter): Promise<{ items: TaskRecord[]; total: number }> {
  const pageSize = Math.min(f.pageSize ?? 50, 500);
  const page = Math.max(f.page ?? 1, 1);
  const cond = where(f);
  const [count] = await db
    .select({ n: sql`count(*)` })
    .from(tasks)
    .leftJoin(taskGroups, eq(taskGroups.id, tasks.groupId))
    .where(cond);
  const order =
    f.sort === "due"
      ? [sql`${tasks.firstDue} asc nulls last`, asc(tasks.sortKey)]
      : [asc(tasks.planId), asc(tasks.sortKey)];
  const rows = await db
    .select({ task: tasks, groupCode: taskGroups.code, groupTitle: taskGroups.title })
    .from(tasks)
    .leftJoin(taskGroups, eq(taskGroups.id, tasks.groupId))
    .where(cond)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: await withDetails(db, rows), total: toCount(count?.n) };
}

/** One task by id, or null. */
export async function getTask(db: Db, id: number): Promise<TaskRecord | null> {
  const rows = await db
    .select({ task: tasks, groupCode: taskGroups.code, groupTitle: taskGroups.title })
    .from(tasks)
    .leftJoin(taskGroups, eq(taskGroups.id, tasks.groupId))
    .where(eq(tasks.id, id));
  const [one] = await withDetails(db, rows);
  return one ?? null;
}

type Row = { task: typeof tasks.$inferSelect; groupCode: string | null; groupTitle: string | null };

async function withDetails(db: Db, rows: Row[], on?: string): Promise<TaskRecord[]> {
  const ids = rows.map((r) => r.task.id);
  if (ids.length === 0) return [];
  const ms = await db
    .select()
    .from(milestones)
    .where(inArray(milestones.taskId, ids))
    .orderBy(asc(milestones.taskId), asc(milestones.seq));
  // Current owners = the assignments valid today (assignments-on.ts); the ended ones are history.
  const today = on ?? new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const all = await ownerHistory(db, ids);
  const valid = (a: (typeof all)[number]) =>
    (a.validFrom === null || a.validFrom <= today) && (a.validTo === null || a.validTo >= today);
  const as = all.filter(valid).map((a) => ({ ...a, id: a.agencyId }));
  return rows.map(({ task, groupCode, groupTitle }) => ({
    id: task.id,
    planId: task.planId,
    code: task.code,
    group: groupCode,
    groupTitle,
    content: task.content,
    body: task.body,
    deadlineText: task.deadlineText,
    continuous: task.continuous,
    recurrence: task.recurrence,
    scheduleKind: task.scheduleKind,
    firstDue: task.firstDue,
    note: task.note,
    milestones: ms
      .filter((m) => m.taskId === task.id)
      .map(({ due, start, action, product, quantity, text }) => ({
        due,
        start,
        action,
        product,
        quantity,
        text,
      })),
    leads: as
      .filter((a) => a.taskId === task.id && a.role === "lead")
      .map(({ id, name, isGroup }) => ({ id, name, isGroup })),
    coordinators: as
      .filter((a) => a.taskId === task.id && a.role === "coordinator")
      .map(({ id, name, isGroup }) => ({ id, name, isGroup })),
    ownerHistory: all.some((a) => a.taskId === task.id && a.validTo !== null)
      ? all
          .filter((a) => a.taskId === task.id)
          .map((a) => ({
            role: a.role,
            id: a.agencyId,
            name: a.name,
            isGroup: a.isGroup,
            validFrom: a.validFrom,
            validTo: a.validTo,
          }))
      : [],
  }));
}
