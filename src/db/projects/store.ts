/**
 * Investment projects (plan tasks 4.3 and 8.9): the project's facts, its milestones (one row per
 * kind, upserted) and its revocation. Every write is one transaction with its audit row; the
 * status is never stored — read functions (./list.ts) derive it with src/domain/project-status.ts.
 */
import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { MILESTONE_KINDS, type MilestoneKind } from "../../domain/project-status.ts";
import { isValidIsoDate } from "../../domain/vn-dates.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { projectMilestones, projects, zones } from "../schema.ts";

type Conn = Db | Tx;
export type ProjectRow = typeof projects.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;

const bad = (field: string, en: string, vi: string) =>
  new AppError("VALIDATION", { en, vi }, { fields: [{ field, reason: en, reasonVi: vi }] });

export interface ProjectFields {
  name: string;
  investor?: string | null;
  zoneId?: number | null;
  sector?: string | null;
  registeredCapitalBillionVnd?: number | null;
  landHa?: number | null;
  jobs?: number | null;
  expectedProductionValueBillionVnd?: number | null;
  source?: string | null;
}

export interface ProjectInput extends ProjectFields {
  province: string;
}

const NUMBERS = [
  ["registeredCapitalBillionVnd", "tỷ đồng", "Vốn đăng ký"],
  ["landHa", "ha", "Diện tích đất"],
  ["jobs", "người", "Số lao động"],
  ["expectedProductionValueBillionVnd", "tỷ đồng", "Giá trị sản xuất dự kiến"],
] as const;

const text = (v: string | null | undefined) => (v == null ? null : v.normalize("NFC").trim() || null);

/** Checks the fields present in `input`; returns them normalised (absent fields stay absent). */
function checkFields(input: Partial<ProjectFields>): Partial<ProjectFields> {
  const out: Partial<ProjectFields> = {};
  if (input.name !== undefined) {
    const name = text(input.name);
    if (!name) throw bad("name", "A project needs a name.", "Cần tên dự án.");
    out.name = name;
  }
  for (const [field, unit, vi] of NUMBERS) {
    const v = input[field];
    if (v === undefined) continue;
    if (v !== null && (!Number.isFinite(v) || v < 0))
      throw bad(
        field,
        `${field} must be a non-negative number (${unit}).`,
        `${vi} phải là số không âm (${unit}).`,
      );
    if (field === "jobs" && v !== null && !Number.isInteger(v))
      throw bad(field, "jobs must be a whole number.", "Số lao động phải là số nguyên.");
    out[field] = v;
  }
  for (const field of ["investor", "sector", "source"] as const)
    if (input[field] !== undefined) out[field] = text(input[field]);
  if (input.zoneId !== undefined) out.zoneId = input.zoneId;
  return out;
}

/** A zone of another province cannot hold the project (the province's registry is the scope). */
async function checkZone(tx: Conn, zoneId: number | null | undefined, province: string): Promise<void> {
  if (zoneId === null || zoneId === undefined) return;
  const [z] = await tx.select({ province: zones.province }).from(zones).where(eq(zones.id, zoneId));
  if (!z) throw bad("zoneId", `Zone ${zoneId} does not exist.`, `Không có khu, cụm công nghiệp ${zoneId}.`);
  if (z.province !== province)
    throw bad(
      "zoneId",
      `Zone ${zoneId} is in ${z.province}, not in ${province}.`,
      `Khu, cụm ${zoneId} thuộc tỉnh ${z.province}, không thuộc tỉnh ${province}.`,
    );
}

/** The project, locked for this transaction so milestone upserts on it run one after another. */
async function projectForUpdate(tx: Tx, id: number): Promise<ProjectRow> {
  const [p] = await tx.select().from(projects).where(eq(projects.id, id)).for("update");
  if (!p) throw notFound(id);
  return p;
}

export const notFound = (id: number) =>
  new AppError("NOT_FOUND", { en: `Project ${id} does not exist.`, vi: `Không tìm thấy dự án ${id}.` });

/** The project's province, for authorizing a write before it runs (404 when there is none). */
export async function projectProvince(db: Conn, id: number): Promise<string> {
  const [p] = await db.select({ province: projects.province }).from(projects).where(eq(projects.id, id));
  if (!p) throw notFound(id);
  return p.province;
}

/** Adds a project; the investor may be unknown (null) — the plan names projects without investors. */
export async function createProject(db: Db, input: ProjectInput, actor: ActorRef): Promise<ProjectRow> {
  const province = text(input.province);
  if (!province) throw bad("province", "province is required.", "Cần tên tỉnh.");
  const fields = checkFields(input);
  return db.transaction(async (tx) => {
    await checkZone(tx, fields.zoneId, province);
    const [row] = await tx
      .insert(projects)
      .values({ ...fields, name: fields.name as string, province, createdBy: actor.userId })
      .returning();
    if (!row) throw new Error("project insert returned nothing");
    await appendAudit(tx, {
      actor: actor.username,
      action: "project.create",
      entity: "project",
      entityId: row.id,
      province,
      after: row,
    });
    return row;
  });
}

/** Changes the given fields (the province never changes: it scopes who may write). */
export async function updateProject(
  db: Db,
  id: number,
  patch: Partial<ProjectFields>,
  actor: ActorRef,
): Promise<ProjectRow> {
  const fields = checkFields(patch);
  return db.transaction(async (tx) => {
    const before = await projectForUpdate(tx, id);
    await checkZone(tx, fields.zoneId, before.province);
    if (Object.keys(fields).length === 0) return before;
    const [row] = await tx.update(projects).set(fields).where(eq(projects.id, id)).returning();
    if (!row) throw notFound(id);
    await appendAudit(tx, {
      actor: actor.username,
      action: "project.update",
      entity: "project",
      entityId: id,
      province: before.province,
      before,
      after: row,
    });
    return row;
  });
}

export interface MilestoneInput {
  planned?: string | null;
  actual?: string | null;
  document?: string | null;
}

function checkDate(field: string, v: string | null | undefined, today: string): void {
  if (v === null || v === undefined) return;
  if (!isValidIsoDate(v))
    throw bad(
      field,
      `${field} must be a real date YYYY-MM-DD.`,
      `${field} phải là ngày hợp lệ dạng YYYY-MM-DD.`,
    );
  if (field !== "planned" && v > today)
    throw bad(
      field,
      `${field} (${v}) is after today (${today}): a fact cannot be in the future.`,
      `${field} (${v}) sau ngày hôm nay (${today}): không thể ghi một việc chưa xảy ra.`,
    );
}

/**
 * Sets a milestone's planned date, actual date and document. One row per kind and project: a
 * second call replaces the values, and the audit row keeps the old ones. An absent field keeps
 * its value; null clears it. `today` (ISO, the caller's clock) bounds the actual date.
 */
export async function setMilestone(
  db: Db,
  projectId: number,
  kind: string,
  input: MilestoneInput,
  actor: ActorRef,
  today: string,
): Promise<MilestoneRow> {
  if (!(MILESTONE_KINDS as readonly string[]).includes(kind))
    throw bad(
      "kind",
      `kind is one of ${MILESTONE_KINDS.join(", ")}.`,
      `Mốc là một trong ${MILESTONE_KINDS.join(", ")}.`,
    );
  checkDate("planned", input.planned, today);
  checkDate("actual", input.actual, today);
  return db.transaction(async (tx) => {
    const project = await projectForUpdate(tx, projectId);
    const where = and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.kind, kind));
    const [before] = await tx.select().from(projectMilestones).where(where);
    const values = {
      planned: input.planned === undefined ? (before?.planned ?? null) : input.planned,
      actual: input.actual === undefined ? (before?.actual ?? null) : input.actual,
      document: input.document === undefined ? (before?.document ?? null) : text(input.document),
    };
    const [row] = before
      ? await tx.update(projectMilestones).set(values).where(eq(projectMilestones.id, before.id)).returning()
      : await tx
          .insert(projectMilestones)
          .values({ projectId, kind: kind as MilestoneKind, ...values })
          .returning();
    if (!row) throw new Error("milestone upsert returned nothing");
    await appendAudit(tx, {
      actor: actor.username,
      action: "project.milestone",
      entity: "project_milestone",
      entityId: row.id,
      province: project.province,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

/**
 * Records the termination of a project (Investment Law 2020 Art. 48): its date and decision
 * together — a date without the decision that made it is not evidence. Recorded once.
 */
export async function recordRevocation(
  db: Db,
  projectId: number,
  input: { revokedOn: string; decision: string },
  actor: ActorRef,
  today: string,
): Promise<ProjectRow> {
  if (!input.revokedOn)
    throw bad("revokedOn", "The revocation needs its date.", "Cần ngày thu hồi/chấm dứt.");
  checkDate("revokedOn", input.revokedOn, today);
  const decision = text(input.decision);
  if (!decision)
    throw bad(
      "decision",
      "The revocation needs its decision's number (e.g. 123/QĐ-UBND).",
      "Cần số quyết định thu hồi/chấm dứt (ví dụ 123/QĐ-UBND).",
    );
  return db.transaction(async (tx) => {
    const before = await projectForUpdate(tx, projectId);
    if (before.revokedOn !== null)
      throw new AppError("INVALID_STATE", {
        en: `Project ${projectId} was already revoked on ${before.revokedOn} (${before.revokedDecision}).`,
        vi: `Dự án ${projectId} đã bị thu hồi/chấm dứt ngày ${before.revokedOn} (${before.revokedDecision}).`,
      });
    const [row] = await tx
      .update(projects)
      .set({ revokedOn: input.revokedOn, revokedDecision: decision })
      .where(eq(projects.id, projectId))
      .returning();
    if (!row) throw notFound(projectId);
    await appendAudit(tx, {
      actor: actor.username,
      action: "project.revoke",
      entity: "project",
      entityId: projectId,
      province: before.province,
      before,
      after: row,
    });
    return row;
  });
}
