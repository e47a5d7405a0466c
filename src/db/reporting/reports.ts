/**
 * The report workflow: reporter drafts → leader approves and submits → coordinator accepts or
 * returns with a comment → the agency revises and resubmits. Every save names the version it
 * started from (optimistic versioning: a stale save is refused, never silently overwrites);
 * every submission is frozen as a read-only version; lateness is recorded, not forbidden.
 */

import { and, asc, count, desc, eq } from "drizzle-orm";
import { vnDay } from "../../domain/vn-dates.ts";
import { AppError } from "../../server/errors.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { toCount } from "../connection.ts";
import { expectedReports, reportingPeriods, reports, reportVersions, taskUpdates } from "../schema.ts";
import type { ActorRef } from "./actor.ts";
import {
  checkReportValues,
  draftValues,
  publishAcceptedValues,
  type ReportIndicatorInput,
  type ReportIndicatorValue,
  refuseValues,
  replaceDraftValues,
  requestedIndicators,
} from "./report-indicators.ts";
import { tasksToReport } from "./report-tasks.ts";

export const TASK_UPDATE_STATUSES = [
  "not_started",
  "in_progress",
  "done",
  "done_with_product",
  "stalled",
] as const;
export type TaskUpdateStatus = (typeof TASK_UPDATE_STATUSES)[number];

export interface TaskUpdateInput {
  taskId: number;
  status: TaskUpdateStatus;
  progress?: number | null;
  result?: string | null;
  productDocument?: string | null;
  productDate?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
}

/** The calendar day in Vietnam (UTC+7) of an instant: deadlines are Vietnamese dates. */
export function vnDate(at: Date): string {
  return vnDay(at);
}

async function loadExpected(q: Db | Tx, expectedReportId: number) {
  const [row] = await q
    .select({ expected: expectedReports, period: reportingPeriods })
    .from(expectedReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
    .where(eq(expectedReports.id, expectedReportId));
  if (!row)
    throw new AppError("NOT_FOUND", {
      en: `Expected report ${expectedReportId} does not exist.`,
      vi: `Không tìm thấy báo cáo ${expectedReportId}.`,
    });
  return row;
}

/** The plan, agency and state of an expected report: what policies need to decide. */
export async function reportContext(db: Db, expectedReportId: number) {
  const { expected, period } = await loadExpected(db, expectedReportId);
  const [report] = await db
    .select({ state: reports.state })
    .from(reports)
    .where(eq(reports.expectedReportId, expectedReportId));
  return { planId: period.planId, agencyId: expected.agencyId, state: report?.state ?? "not_started" };
}

/** The whole report: expected report, working draft, frozen versions, tasks to report on. */
export async function getReport(db: Db | Tx, expectedReportId: number) {
  const { expected, period } = await loadExpected(db, expectedReportId);
  const [report] = await db.select().from(reports).where(eq(reports.expectedReportId, expectedReportId));
  const updates = report
    ? await db
        .select()
        .from(taskUpdates)
        .where(eq(taskUpdates.reportId, report.id))
        .orderBy(asc(taskUpdates.id))
    : [];
  const versions = report
    ? await db
        .select()
        .from(reportVersions)
        .where(eq(reportVersions.reportId, report.id))
        .orderBy(asc(reportVersions.number))
    : [];
  const values = await draftValues(db, report?.id ?? null);
  const open = !report || ["draft", "returned"].includes(report.state);
  return {
    expected: {
      id: expected.id,
      agencyId: expected.agencyId,
      due: expected.due,
      extendedDue: expected.extendedDue,
      extensionReason: expected.extensionReason,
    },
    period: {
      id: period.id,
      planId: period.planId,
      frequency: period.frequency,
      label: period.label,
      start: period.windowStart,
      end: period.windowEnd,
      due: period.due,
    },
    report: {
      id: report?.id ?? null,
      state: report?.state ?? "not_started",
      version: report?.version ?? 0,
      summary: report?.summary ?? null,
      submittedAt: report?.submittedAt ?? null,
      late: report?.late ?? null,
      updates: updates.map(({ id: _id, reportId: _r, ...u }) => u),
      indicatorValues: values,
      // Jumps without a comment, said while drafting; submission refuses them.
      indicatorWarnings:
        open && values.length > 0
          ? (await checkReportValues(db, expected.agencyId, period.label, values)).warnings
          : [],
      versions: versions.map((v) => ({
        number: v.number,
        submittedAt: v.submittedAt,
        late: v.late,
        outcome: v.outcome,
        reviewComment: v.reviewComment,
        reviewedAt: v.reviewedAt,
        content: v.content,
      })),
    },
    tasks: await tasksToReport(db, period.planId, expected.agencyId, period.windowEnd),
    indicators: await requestedIndicators(db, expected.agencyId, period.label),
  };
}

function conflict(current: number): AppError {
  return new AppError(
    "VERSION_CONFLICT",
    {
      en: `Someone saved this report in the meantime (now version ${current}). Reload to see their changes; your text was not saved over theirs.`,
      vi: `Người khác vừa lưu báo cáo này (phiên bản ${current}). Hãy tải lại để xem thay đổi; nội dung của bạn chưa ghi đè lên nội dung của họ.`,
    },
    { details: { currentVersion: current } },
  );
}

function invalidState(state: string, action: { en: string; vi: string }): AppError {
  return new AppError(
    "INVALID_STATE",
    {
      en: `A ${state} report cannot be ${action.en}.`,
      vi: `Báo cáo ở trạng thái "${state}" không thể ${action.vi}.`,
    },
    { details: { state } },
  );
}

/** Saves the working draft. `version` is the version the editor started from (0 for a new report). */
export async function saveDraft(
  db: Db,
  expectedReportId: number,
  input: {
    version: number;
    summary?: string | null;
    updates: TaskUpdateInput[];
    /** When given, replaces the draft's figures; when absent, they stay as they are. */
    indicatorValues?: ReportIndicatorInput[];
  },
  actor: ActorRef,
) {
  return db.transaction(async (tx) => {
    const { period, expected } = await loadExpected(tx as Tx, expectedReportId);
    const allowed = new Set(
      (await tasksToReport(tx as Tx, period.planId, expected.agencyId, period.windowEnd)).map((t) => t.id),
    );
    const stray = input.updates.find((u) => !allowed.has(u.taskId));
    if (stray) {
      throw new AppError(
        "VALIDATION",
        {
          en: `Task ${stray.taskId} is not one this agency reports on in this period.`,
          vi: `Nhiệm vụ ${stray.taskId} không thuộc báo cáo của đơn vị trong kỳ này.`,
        },
        {
          fields: [
            {
              field: "updates.taskId",
              reason: "not a task of this report",
              reasonVi: "không thuộc báo cáo này",
            },
          ],
        },
      );
    }
    // Lock the report row so two concurrent saves are serialised and the second sees the new version.
    let [report] = await tx
      .select()
      .from(reports)
      .where(eq(reports.expectedReportId, expectedReportId))
      .for("update");
    const current = report?.version ?? 0;
    if (input.version !== current) throw conflict(current);
    if (report && !["draft", "returned"].includes(report.state))
      throw invalidState(report.state, { en: "edited", vi: "chỉnh sửa" });
    const before = report ? { state: report.state, version: report.version, summary: report.summary } : null;
    if (!report) {
      [report] = await tx
        .insert(reports)
        .values({
          expectedReportId,
          state: "draft",
          version: 1,
          summary: input.summary ?? null,
          updatedBy: actor.userId,
        })
        .returning();
    } else {
      [report] = await tx
        .update(reports)
        .set({
          state: "draft",
          version: current + 1,
          summary: input.summary ?? report.summary,
          updatedAt: new Date(),
          updatedBy: actor.userId,
        })
        .where(and(eq(reports.id, report.id), eq(reports.version, current)))
        .returning();
    }
    if (!report) throw conflict(current + 1);
    for (const u of input.updates) {
      const values = {
        reportId: report.id,
        taskId: u.taskId,
        status: u.status,
        progress: u.progress ?? null,
        result: u.result ?? null,
        productDocument: u.productDocument ?? null,
        productDate: u.productDate ?? null,
        difficulties: u.difficulties ?? null,
        proposals: u.proposals ?? null,
      };
      await tx
        .insert(taskUpdates)
        .values(values)
        .onConflictDoUpdate({ target: [taskUpdates.reportId, taskUpdates.taskId], set: values });
    }
    if (input.indicatorValues)
      await replaceDraftValues(tx as Tx, report.id, expected.agencyId, period.label, input.indicatorValues);
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "report.save",
      entity: "report",
      entityId: expectedReportId,
      before,
      after: {
        state: "draft",
        version: report.version,
        summary: report.summary,
        updates: input.updates,
        indicatorValues: input.indicatorValues,
      },
    });
    return getReport(tx as Tx, expectedReportId);
  });
}

/** The leader approves and submits: the draft is frozen as a new version; lateness is recorded. */
export async function submitReport(
  db: Db,
  expectedReportId: number,
  input: { version: number },
  actor: ActorRef,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { expected, period } = await loadExpected(tx as Tx, expectedReportId);
    const [report] = await tx
      .select()
      .from(reports)
      .where(eq(reports.expectedReportId, expectedReportId))
      .for("update");
    if (!report)
      throw invalidState("not_started", {
        en: "submitted before anything is written",
        vi: "gửi khi chưa có nội dung",
      });
    if (input.version !== report.version) throw conflict(report.version);
    if (!["draft", "returned"].includes(report.state))
      throw invalidState(report.state, { en: "submitted again", vi: "gửi lại" });
    const updates = await tx
      .select()
      .from(taskUpdates)
      .where(eq(taskUpdates.reportId, report.id))
      .orderBy(asc(taskUpdates.id));
    // A figure submitted must pass every rule: a jump needs its comment now (Decree 09 Art. 8).
    const indicatorValues = await draftValues(tx as Tx, report.id);
    const checked = await checkReportValues(tx as Tx, expected.agencyId, period.label, indicatorValues);
    if (checked.errors.length + checked.warnings.length > 0)
      refuseValues([...checked.errors, ...checked.warnings]);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(reportVersions)
      .where(eq(reportVersions.reportId, report.id));
    const dueBy = expected.extendedDue ?? expected.due;
    const late = vnDate(now) > dueBy;
    await tx.insert(reportVersions).values({
      reportId: report.id,
      number: toCount(n) + 1,
      content: {
        summary: report.summary,
        updates: updates.map(({ id: _id, reportId: _r, ...u }) => u),
        indicatorValues,
      },
      submittedAt: now,
      submittedBy: actor.userId,
      late,
    });
    // Timeliness is that of the first submission: a return for corrections does not make it late.
    await tx
      .update(reports)
      .set({
        state: "submitted",
        version: report.version + 1,
        submittedAt: report.submittedAt ?? now,
        late: report.late ?? late,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .where(eq(reports.id, report.id));
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "report.submit",
      entity: "report",
      entityId: expectedReportId,
      before: { state: report.state },
      after: { state: "submitted", version: toCount(n) + 1, late, due: dueBy },
    });
    return getReport(tx as Tx, expectedReportId);
  });
}

/** The coordinator accepts or returns (with a comment saying what to fix) the submitted version. */
export async function reviewReport(
  db: Db,
  expectedReportId: number,
  input: { outcome: "accepted" | "returned"; comment?: string | null },
  actor: ActorRef,
  now = new Date(),
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
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: `report.${input.outcome === "accepted" ? "accept" : "return"}`,
      entity: "report",
      entityId: expectedReportId,
      before: { state: "submitted" },
      after: { state: input.outcome, version: last.number, comment: input.comment ?? null },
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
) {
  if (!input.reason.trim()) {
    throw new AppError(
      "VALIDATION",
      { en: "An extension needs a reason.", vi: "Gia hạn cần nêu lý do." },
      { fields: [{ field: "reason", reason: "required", reasonVi: "bắt buộc" }] },
    );
  }
  return db.transaction(async (tx) => {
    const { expected } = await loadExpected(tx as Tx, expectedReportId);
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
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "report.extend",
      entity: "expected_report",
      entityId: expectedReportId,
      before: { due: expected.due, extendedDue: expected.extendedDue },
      after: { extendedDue: input.due, reason: input.reason },
    });
    return { id: expectedReportId, due: expected.due, extendedDue: input.due, extensionReason: input.reason };
  });
}
