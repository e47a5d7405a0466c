/**
 * Files attached to a report: PDF, DOCX, XLSX and images, at most 10 MB each, checked by their
 * content (not just their name), kept in the database with their SHA-256 so they are never lost
 * and never silently replaced. A submitted report's files are frozen with it.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { attachments, reports } from "../schema.ts";
import type { ActorRef } from "./actor.ts";
import { loadExpected } from "./report-read.ts";
import { tasksToReport } from "./report-tasks.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const KINDS: { ext: RegExp; mime: string; magic: (b: Uint8Array) => boolean }[] = [
  {
    ext: /\.pdf$/i,
    mime: "application/pdf",
    magic: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  },
  {
    ext: /\.docx$/i,
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: zip,
  },
  { ext: /\.xlsx$/i, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: zip },
  {
    ext: /\.png$/i,
    mime: "image/png",
    magic: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  },
  { ext: /\.jpe?g$/i, mime: "image/jpeg", magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];

function zip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** The MIME type of an allowed file, or a clear error naming what is allowed. */
export function checkAttachment(filename: string, bytes: Uint8Array): string {
  if (bytes.length === 0)
    throw new AppError(
      "VALIDATION",
      { en: "The file is empty.", vi: "Tệp không có nội dung." },
      { fields: [{ field: "file", reason: "empty", reasonVi: "tệp rỗng" }] },
    );
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      "VALIDATION",
      { en: "A file may be at most 10 MB.", vi: "Mỗi tệp tối đa 10 MB." },
      { fields: [{ field: "file", reason: "larger than 10 MB", reasonVi: "lớn hơn 10 MB" }] },
    );
  }
  const kind = KINDS.find((k) => k.ext.test(filename));
  if (!kind?.magic(bytes)) {
    throw new AppError(
      "VALIDATION",
      {
        en: "Attach a PDF, DOCX, XLSX, PNG or JPEG file (checked by content).",
        vi: "Chỉ đính kèm tệp PDF, DOCX, XLSX, PNG hoặc JPEG (kiểm tra theo nội dung tệp).",
      },
      {
        fields: [{ field: "file", reason: "not an allowed file type", reasonVi: "loại tệp không được phép" }],
      },
    );
  }
  return kind.mime;
}

/**
 * A file may document only a task the report is about: one of the report's plan that its agency
 * reports on in the period (the same set a draft's updates may name) — never another plan's task.
 */
async function checkReportTask(tx: Tx, expectedReportId: number, taskId: number) {
  const { period, expected } = await loadExpected(tx, expectedReportId);
  const tasks = await tasksToReport(tx, period.planId, expected.agencyId, period.windowEnd);
  if (!tasks.some((t) => t.id === taskId)) {
    throw new AppError(
      "VALIDATION",
      {
        en: `Task ${taskId} is not one this agency reports on in this period.`,
        vi: `Nhiệm vụ ${taskId} không thuộc báo cáo của đơn vị trong kỳ này.`,
      },
      {
        fields: [
          { field: "taskId", reason: "not a task of this report", reasonVi: "không thuộc báo cáo này" },
        ],
      },
    );
  }
}

/** Stores a file on the report's draft (creating the draft when nothing was saved yet). */
export async function addAttachment(
  db: Db,
  expectedReportId: number,
  file: { filename: string; bytes: Uint8Array; taskId?: number | null },
  actor: ActorRef,
) {
  const mime = checkAttachment(file.filename, file.bytes);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return db.transaction(async (tx) => {
    const { period } = await loadExpected(tx as Tx, expectedReportId);
    let [report] = await tx
      .select()
      .from(reports)
      .where(eq(reports.expectedReportId, expectedReportId))
      .for("update");
    if (report && !["draft", "returned", "awaiting_leader"].includes(report.state)) {
      throw new AppError("INVALID_STATE", {
        en: `A ${report.state} report's files cannot change.`,
        vi: `Không thể thay đổi tệp của báo cáo đã ở trạng thái "${report.state}".`,
      });
    }
    if (!report)
      [report] = await tx
        .insert(reports)
        .values({ expectedReportId, state: "draft", version: 1, updatedBy: actor.userId })
        .returning();
    if (!report) throw new Error("could not create the report");
    if (file.taskId != null) await checkReportTask(tx as Tx, expectedReportId, file.taskId);
    const [row] = await tx
      .insert(attachments)
      .values({
        reportId: report.id,
        taskId: file.taskId ?? null,
        filename: file.filename.slice(0, 255),
        mime,
        size: file.bytes.length,
        sha256,
        content: Buffer.from(file.bytes).toString("base64"),
        uploadedBy: actor.userId,
      })
      .returning({
        id: attachments.id,
        filename: attachments.filename,
        size: attachments.size,
        mime: attachments.mime,
        sha256: attachments.sha256,
        taskId: attachments.taskId,
      });
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "attachment.add",
      entity: "report",
      entityId: expectedReportId,
      planId: period.planId,
      after: { id: row?.id, filename: file.filename, size: file.bytes.length, sha256 },
    });
    return row;
  });
}

export async function listAttachments(db: Db, expectedReportId: number) {
  return db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      size: attachments.size,
      mime: attachments.mime,
      sha256: attachments.sha256,
      taskId: attachments.taskId,
      uploadedAt: attachments.uploadedAt,
    })
    .from(attachments)
    .innerJoin(reports, eq(reports.id, attachments.reportId))
    .where(eq(reports.expectedReportId, expectedReportId));
}

/** One file with the expected report it belongs to (for the read permission). */
export async function getAttachment(db: Db, id: number) {
  const [row] = await db
    .select({ file: attachments, expectedReportId: reports.expectedReportId })
    .from(attachments)
    .innerJoin(reports, and(eq(reports.id, attachments.reportId)))
    .where(eq(attachments.id, id));
  if (!row) return null;
  return {
    ...row.file,
    expectedReportId: row.expectedReportId,
    bytes: Buffer.from(row.file.content, "base64"),
  };
}
