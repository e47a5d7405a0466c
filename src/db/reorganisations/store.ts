/**
 * Recording, applying and reversing a reorganisation (REGULATIONS.md §5). Apply runs in one
 * transaction: the effects computed by effects.ts (the preview) are executed and every row it
 * touched is kept in reorganisation_effects; reverse — allowed until the effective date — puts
 * each row back exactly as it was. Both append an audit row.
 */
import { desc, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import {
  agencies,
  expectedReports,
  reorganisationChanges,
  reorganisationEffects,
  reorganisations,
  roleAssignments,
  taskAssignments,
  users,
} from "../schema.ts";
import { computeEffects, type Effects } from "./effects.ts";
import { checkReorganisation, dayBefore, type ReorganisationInput } from "./input.ts";

export async function getReorganisation(db: Db | Tx, id: number) {
  const [r] = await db.select().from(reorganisations).where(eq(reorganisations.id, id));
  if (!r)
    throw new AppError("NOT_FOUND", {
      en: `Reorganisation ${id} does not exist.`,
      vi: `Không tìm thấy phương án sắp xếp ${id}.`,
    });
  const changes = await db
    .select()
    .from(reorganisationChanges)
    .where(eq(reorganisationChanges.reorganisationId, id))
    .orderBy(reorganisationChanges.seq);
  return {
    ...r,
    changes: changes.map((c) => ({
      kind: c.kind,
      from: c.fromAgencyIds,
      to: c.toAgencyId,
      taskSplit: c.taskSplit ?? null,
      note: c.note,
    })),
  };
}
export type ReorganisationRecord = Awaited<ReturnType<typeof getReorganisation>>;

export async function listReorganisations(db: Db) {
  const rows = await db
    .select({ id: reorganisations.id })
    .from(reorganisations)
    .orderBy(desc(reorganisations.effectiveOn));
  return Promise.all(rows.map((r) => getReorganisation(db, r.id)));
}

/** Records a draft (checked against the registry; nothing else changes). */
export async function createReorganisation(db: Db, input: ReorganisationInput, actor: string) {
  await checkReorganisation(db, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reorganisations)
      .values({
        province: input.province,
        title: input.title,
        number: input.number ?? null,
        signedOn: input.signedOn ?? null,
        effectiveOn: input.effectiveOn,
        basis: input.basis ?? null,
        moveAccounts: input.moveAccounts ?? true,
        createdBy: actor,
      })
      .returning({ id: reorganisations.id });
    if (!row) throw new Error("insert reorganisation returned nothing");
    await tx.insert(reorganisationChanges).values(
      input.changes.map((c, seq) => ({
        reorganisationId: row.id,
        seq,
        kind: c.kind,
        fromAgencyIds: c.from,
        toAgencyId: c.to,
        taskSplit: c.kind === "split" ? (c.taskSplit ?? []) : null,
        note: c.note ?? null,
      })),
    );
    await appendAudit(tx as Tx, {
      actor,
      action: "reorganisation.create",
      entity: "reorganisation",
      entityId: row.id,
      province: input.province,
      after: input,
    });
    return row.id;
  });
  return getReorganisation(db, id);
}

/** What applying would change (nothing is written). */
export async function previewReorganisation(db: Db, id: number): Promise<Effects> {
  await getReorganisation(db, id);
  return computeEffects(db, id);
}

function stateError(state: string, wanted: string): AppError {
  return new AppError("INVALID_STATE", {
    en: `The reorganisation is ${state}; only a ${wanted} one can be changed this way.`,
    vi: `Phương án sắp xếp đang ở trạng thái "${state}", thao tác này cần trạng thái "${wanted}".`,
  });
}

type Effect = { tableName: string; rowId: number; before: Record<string, unknown> | null };

/** Applies a draft (or reversed) reorganisation in one transaction. */
export async function applyReorganisation(db: Db, id: number, actor: string) {
  return db.transaction(async (tx) => {
    const r = await getReorganisation(tx as Tx, id);
    if (r.state === "applied") throw stateError(r.state, "draft");
    await checkReorganisation(tx as Tx, {
      ...r,
      changes: r.changes.map((c) => ({ ...c, kind: c.kind as never, taskSplit: c.taskSplit ?? undefined })),
    });
    const fx = await computeEffects(tx as Tx, id);
    const log: Effect[] = [];
    for (const a of fx.agencies) {
      log.push({
        tableName: "agencies",
        rowId: a.id,
        before: { validTo: a.validTo, successorId: a.successorId },
      });
      await tx
        .update(agencies)
        .set({ validTo: a.newValidTo, successorId: a.newSuccessorId })
        .where(eq(agencies.id, a.id));
    }
    for (const a of fx.assignments) {
      const [old] = await tx.select().from(taskAssignments).where(eq(taskAssignments.id, a.id));
      if (!old) continue;
      if (a.inPlace) {
        log.push({
          tableName: "task_assignments",
          rowId: a.id,
          before: { agencyId: old.agencyId, reorganisationId: old.reorganisationId },
        });
        await tx
          .update(taskAssignments)
          .set({ agencyId: a.to.id, reorganisationId: id })
          .where(eq(taskAssignments.id, a.id));
        continue;
      }
      log.push({ tableName: "task_assignments", rowId: a.id, before: { validTo: old.validTo } });
      await tx
        .update(taskAssignments)
        .set({ validTo: dayBefore(r.effectiveOn) })
        .where(eq(taskAssignments.id, a.id));
      if (a.insert) {
        const [row] = await tx
          .insert(taskAssignments)
          .values({
            taskId: old.taskId,
            role: old.role,
            seq: old.seq,
            agencyId: a.to.id,
            asWritten: old.asWritten,
            validFrom: r.effectiveOn,
            validTo: old.validTo,
            replacesId: old.id,
            reorganisationId: id,
          })
          .returning({ id: taskAssignments.id });
        if (row) log.push({ tableName: "task_assignments", rowId: row.id, before: null });
      }
    }
    for (const e of fx.expected) {
      if (e.action === "keep") continue;
      const [old] = await tx.select().from(expectedReports).where(eq(expectedReports.id, e.id));
      if (!old) continue;
      if (e.action === "move") {
        log.push({ tableName: "expected_reports", rowId: e.id, before: { agencyId: old.agencyId } });
        await tx.update(expectedReports).set({ agencyId: e.to.id }).where(eq(expectedReports.id, e.id));
      } else {
        log.push({ tableName: "expected_reports", rowId: e.id, before: { deleted: old } });
        await tx.delete(expectedReports).where(eq(expectedReports.id, e.id));
      }
    }
    for (const ra of fx.roles) {
      log.push({ tableName: "role_assignments", rowId: ra.id, before: { agencyId: ra.from.id } });
      await tx.update(roleAssignments).set({ agencyId: ra.to.id }).where(eq(roleAssignments.id, ra.id));
    }
    for (const u of fx.users) {
      log.push({ tableName: "users", rowId: u.id, before: { agencyId: u.from.id } });
      await tx.update(users).set({ agencyId: u.to.id }).where(eq(users.id, u.id));
    }
    if (log.length)
      await tx.insert(reorganisationEffects).values(log.map((l) => ({ reorganisationId: id, ...l })));
    await tx
      .update(reorganisations)
      .set({ state: "applied", appliedAt: new Date(), appliedBy: actor, reversedAt: null, reversedBy: null })
      .where(eq(reorganisations.id, id));
    await appendAudit(tx as Tx, {
      actor,
      action: "reorganisation.apply",
      entity: "reorganisation",
      entityId: id,
      province: r.province,
      after: {
        effectiveOn: r.effectiveOn,
        agencies: fx.agencies.length,
        assignments: fx.assignments.length,
        expected: fx.expected.filter((e) => e.action !== "keep").length,
        roles: fx.roles.length,
        users: fx.users.length,
      },
    });
    return fx;
  });
}

const TABLES = {
  agencies,
  task_assignments: taskAssignments,
  expected_reports: expectedReports,
  role_assignments: roleAssignments,
  users,
} as const;

/**
 * Reverses an applied reorganisation, restoring exactly the rows it changed. Refused once its
 * effective date has come (`today` ≥ effectiveOn): from then on the successor owns the work and
 * reports may have been written under it (REGULATIONS.md §5).
 */
export async function reverseReorganisation(db: Db, id: number, actor: string, today: string) {
  return db.transaction(async (tx) => {
    const r = await getReorganisation(tx as Tx, id);
    if (r.state !== "applied") throw stateError(r.state, "applied");
    if (today >= r.effectiveOn)
      throw new AppError(
        "REORGANISATION_IN_EFFECT",
        {
          en: `The reorganisation took effect on ${r.effectiveOn}; it can no longer be reversed.`,
          vi: `Phương án sắp xếp đã có hiệu lực từ ngày ${r.effectiveOn.split("-").reverse().join("/")}, không thể hủy áp dụng.`,
        },
        { details: { effectiveOn: r.effectiveOn } },
      );
    const fx = await tx
      .select()
      .from(reorganisationEffects)
      .where(eq(reorganisationEffects.reorganisationId, id))
      .orderBy(desc(reorganisationEffects.id));
    for (const e of fx) {
      const table = TABLES[e.tableName as keyof typeof TABLES];
      if (!table) throw new Error(`unknown table ${e.tableName}`);
      if (e.before === null) await tx.delete(table).where(eq(table.id, e.rowId));
      else if ("deleted" in e.before) {
        const row = e.before.deleted as typeof expectedReports.$inferInsert;
        await tx.insert(expectedReports).values(row);
      } else
        await tx
          .update(table)
          .set(e.before as never)
          .where(eq(table.id, e.rowId));
    }
    await tx.delete(reorganisationEffects).where(eq(reorganisationEffects.reorganisationId, id));
    await tx
      .update(reorganisations)
      .set({ state: "reversed", reversedAt: new Date(), reversedBy: actor })
      .where(eq(reorganisations.id, id));
    await appendAudit(tx as Tx, {
      actor,
      action: "reorganisation.reverse",
      entity: "reorganisation",
      entityId: id,
      province: r.province,
      after: { restored: fx.length },
    });
    return { restored: fx.length };
  });
}
