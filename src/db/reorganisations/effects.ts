/**
 * What applying a reorganisation changes (REGULATIONS.md §5), computed once for the preview and
 * for the apply (the same function, so the preview is what happens): the ceased agencies' end
 * and successor, each task assignment of theirs valid on the effective date (ended the day
 * before, the successor's row added from the date), the expected reports of periods whose
 * cut-off end falls on or after the date not yet submitted (moved to the successor, or dropped
 * where the successor is already expected), and the user roles acting for them.
 */
import { and, eq, gte, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { assignmentValidOn } from "../queries/assignments-on.ts";
import {
  agencies,
  expectedReports,
  reorganisationChanges,
  reorganisations,
  reportingPeriods,
  reports,
  roleAssignments,
  taskAssignments,
  tasks,
  users,
} from "../schema.ts";
import { dayBefore } from "./input.ts";

export interface Effects {
  agencies: {
    id: number;
    name: string;
    validTo: string | null;
    successorId: number | null;
    newValidTo: string;
    newSuccessorId: number;
  }[];
  assignments: {
    id: number;
    taskId: number;
    planId: number;
    code: string;
    role: string;
    from: { id: number; name: string };
    to: { id: number; name: string };
    /** false: the successor already holds the role on the task (the old row only ends). */
    insert: boolean;
    /** true: the row starts on/after the date, so its agency is replaced in place. */
    inPlace: boolean;
  }[];
  expected: {
    id: number;
    periodId: number;
    planId: number;
    label: string;
    from: { id: number; name: string };
    to: { id: number; name: string };
    action: "move" | "drop" | "keep";
  }[];
  roles: {
    id: number;
    userId: number;
    username: string;
    role: string;
    from: { id: number; name: string };
    to: { id: number; name: string };
  }[];
  users: {
    id: number;
    username: string;
    from: { id: number; name: string };
    to: { id: number; name: string };
  }[];
}

export async function computeEffects(db: Db | Tx, reorganisationId: number): Promise<Effects> {
  const [r] = await db.select().from(reorganisations).where(eq(reorganisations.id, reorganisationId));
  if (!r) throw new Error(`reorganisation ${reorganisationId} missing`);
  const changes = await db
    .select()
    .from(reorganisationChanges)
    .where(eq(reorganisationChanges.reorganisationId, reorganisationId))
    .orderBy(reorganisationChanges.seq);
  const eff = r.effectiveOn;
  const ids = new Set<number>();
  for (const c of changes) {
    for (const id of c.fromAgencyIds) ids.add(id);
    ids.add(c.toAgencyId);
    for (const s of c.taskSplit ?? []) ids.add(s.agencyId);
  }
  const ag = new Map(
    (
      await db
        .select()
        .from(agencies)
        .where(inArray(agencies.id, [...ids]))
    ).map((a) => [a.id, a]),
  );
  const ref = (id: number) => ({ id, name: ag.get(id)?.name ?? String(id) });
  const out: Effects = { agencies: [], assignments: [], expected: [], roles: [], users: [] };
  const sources = new Map<number, (typeof changes)[number]>();
  for (const c of changes) for (const id of c.fromAgencyIds) sources.set(id, c);
  const src = [...sources.keys()];
  if (!src.length) return out;
  for (const [id, c] of sources) {
    const a = ag.get(id);
    if (!a) continue;
    out.agencies.push({
      id,
      name: a.name,
      validTo: a.validTo,
      successorId: a.successorId,
      newValidTo: dayBefore(eff),
      newSuccessorId: c.toAgencyId,
    });
  }
  // Task assignments valid on the effective date.
  const rows = await db
    .select({ a: taskAssignments, code: tasks.code, planId: tasks.planId })
    .from(taskAssignments)
    .innerJoin(tasks, eq(tasks.id, taskAssignments.taskId))
    .where(and(inArray(taskAssignments.agencyId, src), assignmentValidOn(eff)))
    .orderBy(taskAssignments.id);
  const taskIds = [...new Set(rows.map((x) => x.a.taskId))];
  const held = taskIds.length
    ? await db
        .select({
          taskId: taskAssignments.taskId,
          role: taskAssignments.role,
          agencyId: taskAssignments.agencyId,
        })
        .from(taskAssignments)
        .where(and(inArray(taskAssignments.taskId, taskIds), assignmentValidOn(eff)))
    : [];
  const holds = new Set(
    held.filter((h) => !sources.has(h.agencyId)).map((h) => `${h.taskId}|${h.role}|${h.agencyId}`),
  );
  for (const { a, code, planId } of rows) {
    const c = sources.get(a.agencyId);
    if (!c) continue;
    const to =
      c.kind === "split"
        ? (c.taskSplit?.find((s) => s.taskId === a.taskId)?.agencyId ?? c.toAgencyId)
        : c.toAgencyId;
    const key = `${a.taskId}|${a.role}|${to}`;
    const insert = !holds.has(key);
    holds.add(key);
    out.assignments.push({
      id: a.id,
      taskId: a.taskId,
      planId,
      code,
      role: a.role,
      from: ref(a.agencyId),
      to: ref(to),
      insert,
      inPlace: a.validFrom !== null && a.validFrom >= eff,
    });
  }
  // Expected reports of periods whose cut-off end is on or after the date.
  const exp = await db
    .select({ e: expectedReports, label: reportingPeriods.label, planId: reportingPeriods.planId })
    .from(expectedReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
    .where(and(inArray(expectedReports.agencyId, src), gte(reportingPeriods.windowEnd, eff)))
    .orderBy(expectedReports.id);
  if (exp.length) {
    const periodIds = [...new Set(exp.map((x) => x.e.periodId))];
    const all = await db.select().from(expectedReports).where(inArray(expectedReports.periodId, periodIds));
    const expectedKey = new Set(
      all.filter((x) => !sources.has(x.agencyId)).map((x) => `${x.periodId}|${x.agencyId}`),
    );
    const withReport = await db
      .select({ id: reports.expectedReportId, submitted: reports.submittedAt })
      .from(reports)
      .where(
        inArray(
          reports.expectedReportId,
          exp.map((x) => x.e.id),
        ),
      );
    const hasReport = new Set(withReport.map((x) => x.id));
    const submitted = new Set(withReport.filter((x) => x.submitted !== null).map((x) => x.id));
    for (const { e, label, planId } of exp) {
      const c = sources.get(e.agencyId);
      if (!c) continue;
      const key = `${e.periodId}|${c.toAgencyId}`;
      let action: "move" | "drop" | "keep";
      if (submitted.has(e.id)) action = "keep";
      else if (expectedKey.has(key)) action = hasReport.has(e.id) ? "keep" : "drop";
      else action = "move";
      if (action === "move") expectedKey.add(key);
      out.expected.push({
        id: e.id,
        periodId: e.periodId,
        planId,
        label,
        from: ref(e.agencyId),
        to: ref(c.toAgencyId),
        action,
      });
    }
  }
  // Accounts acting for the ceased agencies.
  if (!r.moveAccounts) return out;
  const ras = await db
    .select({ r: roleAssignments, username: users.username })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(isNotNull(roleAssignments.agencyId), inArray(roleAssignments.agencyId, src)))
    .orderBy(roleAssignments.id);
  for (const { r: ra, username } of ras) {
    const c = sources.get(ra.agencyId as number);
    if (c)
      out.roles.push({
        id: ra.id,
        userId: ra.userId,
        username,
        role: ra.role,
        from: ref(ra.agencyId as number),
        to: ref(c.toAgencyId),
      });
  }
  const us = await db.select().from(users).where(inArray(users.agencyId, src)).orderBy(users.id);
  for (const u of us) {
    const c = sources.get(u.agencyId as number);
    if (c)
      out.users.push({
        id: u.id,
        username: u.username,
        from: ref(u.agencyId as number),
        to: ref(c.toAgencyId),
      });
  }
  return out;
}
