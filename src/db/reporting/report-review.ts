/**
 * The coordinator's side of the workflow: accept or return (with a comment) the submitted
 * version, and grant an agency a later due date.
 */

import { desc, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { expectedReports, reports, reportVersions } from "../schema.ts";
import type { ActorRef } from "./actor.ts";
import { notifyHandoff } from "./handoff-notify.ts";
import { invalidState } from "./report-errors.ts";
import { publishAcceptedValues, type ReportIndicatorValue } from "./report-indicators.ts";
import { getReport, loadExpected, vnDate } from "./report-read.ts";

/** The coordinator accepts or returns (with a comment saying what to fix) the submitted version. */
export async function reviewReport(
  db: Db,
  expectedReportId: number,
  input: { outcome: "accepted" | "returned"; comment?: string | null },
  actor: ActorRef,
  now = new Date(),
  options: { email?: boolean } = {},
) {
  if (input.outcome === "returned" && !input.comment?.trim()) {
    throw new AppError(
      "VALIDATION",
      {
        en: "Say what must be corrected when returning a report.",
        vi: "Khi trả lại báo cáo, hãy nêu nội dung cần chỉnh sửa.",
      },
      { fields: [{ field: "comment", reason: "required when returning", reasonVi: "bắt buộc khi trả lại" }] },
    );
  }
  return db.transaction(async (tx) => {
    const { expected, period } = await loadExpected(tx as Tx, expectedReportId);
    const [report] = await tx
      .select()
      .from(reports)
      .where(eq(reports.expectedReportId, expectedReportId))
      .for("update");
    if (report?.state !== "submitted")
      throw invalidState(report?.state ?? "not_started", { en: "reviewed", vi: "xem xét" });
    const [last] = await tx
      .select()
      .from(reportVersions)
      .where(eq(reportVersions.reportId, report.id))
      .orderBy(desc(reportVersions.number))
      .limit(1);
    if (!last)
      throw invalidState("submitted", {
        en: "reviewed without a version",
        vi: "xem xét khi chưa có phiên bản",
      });
    await tx
      .update(reportVersions)
      .set({
        outcome: input.outcome,
        reviewComment: input.comment ?? null,
        reviewedBy: actor.userId,
        reviewedAt: now,
      })
      .where(eq(reportVersions.id, last.id));
    if (input.outcome === "accepted") {
      const frozen = (last.content as { indicatorValues?: ReportIndicatorValue[] } | null)?.indicatorValues;
      await publishAcceptedValues(
        tx as Tx,
        { expectedReportId, reportId: report.id, values: frozen ?? [], submittedBy: last.submittedBy },
        actor,
        vnDate(now),
      );
    }
    await tx
      .update(reports)
      .set({ state: input.outcome, version: report.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(eq(reports.id, report.id));
    // The agency's reporters and leaders learn the outcome, with the comment (issue 9 §2).
    const notified = await notifyHandoff(
      tx as Tx,
      {
        event: input.outcome,
        expectedReportId,
        planId: period.planId,
        agencyId: expected.agencyId,
        periodLabel: period.label,
        stepKey: `v${report.version + 1}`,
        comment: input.comment ?? null,
        submission: last.number,
        now,
        email: options.email,
      },
      actor,
    );
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: `report.${input.outcome === "accepted" ? "accept" : "return"}`,
      entity: "report",
      entityId: expectedReportId,
      planId: period.planId,
      before: { state: "submitted" },
      after: { state: input.outcome, version: last.number, comment: input.comment ?? null, notified },
    });
    return getReport(tx as Tx, expectedReportId);
  });
}

/** A coordinator grants one agency a new due date for one period, with a reason. */
export async function grantExtension(
  db: Db,
  expectedReportId: number,
  input: { due: string; reason: string },
  actor: ActorRef,
  now = new Date(),
  options: { email?: boolean } = {},
) {
  if (!input.reason.trim()) {
    throw new AppError(
      "VALIDATION",
      { en: "An extension needs a reason.", vi: "Gia hạn cần nêu lý do." },
      { fields: [{ field: "reason", reason: "required", reasonVi: "bắt buộc" }] },
    );
  }
  return db.transaction(async (tx) => {
    const { expected, period } = await loadExpected(tx as Tx, expectedReportId);
    if (input.due <= expected.due) {
      throw new AppError(
        "VALIDATION",
        {
          en: `The new due date must be after ${expected.due}.`,
          vi: `Hạn mới phải sau ngày ${expected.due}.`,
        },
        {
          fields: [
            { field: "due", reason: "not after the current due date", reasonVi: "không sau hạn hiện tại" },
          ],
        },
      );
    }
    await tx
      .update(expectedReports)
      .set({ extendedDue: input.due, extensionReason: input.reason, extendedBy: actor.userId })
      .where(eq(expectedReports.id, expectedReportId));
    const notified = await notifyHandoff(
      tx as Tx,
      {
        event: "extended",
        expectedReportId,
        planId: period.planId,
        agencyId: expected.agencyId,
        periodLabel: period.label,
        stepKey: `due-${input.due}`,
        comment: input.reason,
        due: input.due,
        now,
        email: options.email,
      },
      actor,
    );
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "report.extend",
      entity: "expected_report",
      entityId: expectedReportId,
      planId: period.planId,
      before: { due: expected.due, extendedDue: expected.extendedDue },
      after: { extendedDue: input.due, reason: input.reason, notified },
    });
    return { id: expectedReportId, due: expected.due, extendedDue: input.due, extensionReason: input.reason };
  });
}
