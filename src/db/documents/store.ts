/**
 * Generated documents kept in the database (issue 10 §1): a draft is the builder's model plus the
 * coordinator's text per prose section (optimistic versions: a stale save is refused, never
 * overwrites); finalising gives it its number and date and stores the final model, which is
 * never changed again (Decree 30/2020 Art. 15: an issued document is corrected by a new one) —
 * so its downloads render the same bytes whatever data arrives later. Every write is one
 * transaction with an audit row that keeps a digest of the text, not the text.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import {
  draftModel,
  finalModel,
  nextNumber,
  numberSuffix,
  proseSections,
  readNumber,
  registerOf,
} from "../../domain/document-edits.ts";
import { AppError } from "../../domain/errors.ts";
import type { DocumentKind, OfficialDocument } from "../../domain/official-document.ts";
import { appendAudit, contentDigest, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { conflict } from "../reporting/report-errors.ts";
import { documents } from "../schema.ts";
import { type BuildRequest, buildDocument } from "./build.ts";

export type DocumentRow = typeof documents.$inferSelect;

const notFound = (id: number) =>
  new AppError("NOT_FOUND", { en: `No document ${id}.`, vi: `Không có văn bản ${id}.` });

/** Refusal of any change to an issued document. */
export function documentFinal(number: string | null): AppError {
  return new AppError(
    "DOCUMENT_FINAL",
    {
      en: `Document ${number ?? ""} has been issued and cannot be changed; make a new draft to correct it.`,
      vi: `Văn bản số ${number ?? ""} đã ban hành, không thể sửa; hãy tạo dự thảo mới để đính chính.`,
    },
    { details: { number } },
  );
}

async function lockRow(tx: Tx, id: number): Promise<DocumentRow> {
  const [row] = await tx.select().from(documents).where(eq(documents.id, id)).for("update");
  if (!row) throw notFound(id);
  return row;
}

/** Stores a model as a new draft (the builder's output, or a test's fixture). */
export async function storeDraft(
  db: Db,
  input: { planId: number; kind: DocumentKind; period: string | null; model: OfficialDocument },
  actor: ActorRef,
  now = new Date(),
): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(documents)
      .values({
        planId: input.planId,
        kind: input.kind,
        period: input.period,
        state: "draft",
        model: input.model,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("document insert returned nothing");
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "document.create",
      entity: "document",
      entityId: row.id,
      planId: input.planId,
      after: { kind: input.kind, period: input.period, version: 1, model: contentDigest(input.model) },
    });
    return row;
  });
}

/** Builds the document from today's data and stores it as a draft. */
export async function createDraft(
  db: Db,
  req: BuildRequest,
  actor: ActorRef,
  build: (db: Db, req: BuildRequest) => Promise<OfficialDocument> = buildDocument,
): Promise<DocumentRow> {
  const model = await build(db, req);
  return storeDraft(db, { planId: req.planId, kind: req.kind, period: req.period, model }, actor);
}

export async function getDocument(db: Db | Tx, id: number): Promise<DocumentRow> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  if (!row) throw notFound(id);
  return row;
}

/** A plan's documents, newest first; `finalOnly` for readers who see issued documents only. */
export async function listDocuments(db: Db, planId: number, opts: { finalOnly?: boolean } = {}) {
  const where = opts.finalOnly
    ? and(eq(documents.planId, planId), eq(documents.state, "final"))
    : eq(documents.planId, planId);
  return db.select().from(documents).where(where).orderBy(desc(documents.createdAt), desc(documents.id));
}

/**
 * Saves the coordinator's text for some prose sections (others keep theirs). `version` is the
 * version the editor started from; a section key the model does not have is refused by name.
 */
export async function saveSections(
  db: Db,
  id: number,
  input: { version: number; sections: Record<string, string> },
  actor: ActorRef,
  now = new Date(),
): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx as Tx, id);
    if (row.state === "final") throw documentFinal(row.number);
    if (row.version !== input.version) throw conflict(row.version);
    const known = new Set(proseSections(row.model).map((s) => s.key));
    const stray = Object.keys(input.sections).find((k) => !known.has(k));
    if (stray)
      throw new AppError(
        "VALIDATION",
        { en: `The document has no section "${stray}".`, vi: `Văn bản không có phần "${stray}".` },
        {
          fields: [
            { field: "sections", reason: `unknown section ${stray}`, reasonVi: `không có phần ${stray}` },
          ],
        },
      );
    const edits = { ...row.edits, ...input.sections };
    const [saved] = await tx
      .update(documents)
      .set({ edits, version: row.version + 1, updatedAt: now })
      .where(and(eq(documents.id, id), eq(documents.version, row.version)))
      .returning();
    if (!saved) throw conflict(row.version + 1);
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "document.edit",
      entity: "document",
      entityId: id,
      planId: row.planId,
      before: { version: row.version },
      after: { version: saved.version, sections: Object.keys(input.sections), edits: contentDigest(edits) },
    });
    return saved;
  });
}

/** The numbers already given in a register (finalised documents only). */
async function takenNumbers(db: Db | Tx, register: string): Promise<string[]> {
  const rows = await db
    .select({ number: documents.number })
    .from(documents)
    .where(and(eq(documents.register, register), isNotNull(documents.number)));
  return rows.map((r) => r.number as string);
}

/** The number to suggest for a draft issued on `date`: the register's next ("16/BC-SCT" after 15). */
export async function suggestNumber(db: Db, id: number, date: string): Promise<string> {
  const row = await getDocument(db, id);
  if (row.state === "final") return row.number as string;
  return nextNumber(await takenNumbers(db, registerOf(row.model, date)), numberSuffix(row.model));
}

/**
 * Issues the draft: number (typed or the suggestion) and date set, edits applied, the final model
 * stored with its digest. A number already in the same register is refused (DOCUMENT_NUMBER_TAKEN,
 * also enforced by a unique index, so two clerks finalising at once cannot both take it).
 */
export async function finaliseDocument(
  db: Db,
  id: number,
  input: { version: number; number: string; date: string },
  actor: ActorRef,
  now = new Date(),
): Promise<DocumentRow> {
  try {
    return await finaliseInTx(db, id, input, actor, now);
  } catch (err) {
    // Two drafts finalised at once with the same number: the unique index refuses the second.
    if (uniqueViolation(err))
      throw new AppError(
        "DOCUMENT_NUMBER_TAKEN",
        {
          en: "This number has just been given to another document.",
          vi: "Số này vừa được cấp cho văn bản khác.",
        },
        { fields: [{ field: "number", reason: "already given", reasonVi: "đã được cấp" }] },
      );
    throw err;
  }
}

function uniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === "23505") return true;
  return false;
}

async function finaliseInTx(
  db: Db,
  id: number,
  input: { version: number; number: string; date: string },
  actor: ActorRef,
  now: Date,
): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx as Tx, id);
    if (row.state === "final") throw documentFinal(row.number);
    if (row.version !== input.version) throw conflict(row.version);
    const { number } = readNumber(input.number, row.model);
    const register = registerOf(row.model, input.date);
    const taken = await takenNumbers(tx as Tx, register);
    if (taken.includes(number))
      throw new AppError(
        "DOCUMENT_NUMBER_TAKEN",
        {
          en: `Number ${number} has already been given in ${input.date.slice(0, 4)}; the next free one is ${nextNumber(taken, numberSuffix(row.model))}.`,
          vi: `Số ${number} đã được cấp trong năm ${input.date.slice(0, 4)}; số tiếp theo còn trống là ${nextNumber(taken, numberSuffix(row.model))}.`,
        },
        {
          fields: [{ field: "number", reason: "already given", reasonVi: "đã được cấp" }],
          details: { number },
        },
      );
    const model = finalModel(row.model, row.edits, number, input.date);
    const digest = contentDigest(model);
    const [saved] = await tx
      .update(documents)
      .set({
        state: "final",
        number,
        register,
        documentDate: input.date,
        finalModel: model,
        finalDigest: digest,
        version: row.version + 1,
        updatedAt: now,
        finalisedBy: actor.userId,
        finalisedAt: now,
      })
      .where(and(eq(documents.id, id), eq(documents.version, row.version)))
      .returning();
    if (!saved) throw conflict(row.version + 1);
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "document.finalise",
      entity: "document",
      entityId: id,
      planId: row.planId,
      before: { state: "draft", version: row.version },
      after: { state: "final", version: saved.version, number, date: input.date, sha256: digest },
    });
    return saved;
  });
}

/**
 * The model a download renders: a final document's stored final model (its digest checked, so
 * a row altered outside the app is not passed off as the issued text); a draft's current model
 * with the edits, number blank.
 */
export function modelToRender(row: DocumentRow): OfficialDocument {
  if (row.state !== "final") return draftModel(row.model, row.edits);
  if (!row.finalModel || contentDigest(row.finalModel) !== row.finalDigest)
    throw new AppError("INTERNAL", {
      en: `Document ${row.number}'s stored text does not match its digest.`,
      vi: `Nội dung lưu của văn bản số ${row.number} không khớp mã kiểm tra.`,
    });
  return row.finalModel;
}
