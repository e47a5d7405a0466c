/**
 * Saving the working draft: the reporter writes task updates, a summary and indicator figures.
 * Every save names the version it started from (optimistic versioning: a stale save is refused,
 * never silently overwrites).
 */

import { and, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { stepAllowed } from "../../domain/report-workflow.ts";
import { UPDATE_STATUSES } from "../../domain/task-status.ts";
import { appendAudit, contentDigest, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { reports, taskUpdates } from "../schema.ts";
import type { ActorRef } from "./actor.ts";
import { conflict, invalidState } from "./report-errors.ts";
import { type ReportIndicatorInput, replaceDraftValues } from "./report-indicators.ts";
import { getReport, loadExpected } from "./report-read.ts";
import { tasksToReport } from "./report-tasks.ts";

/** What an agency may say of a task in a report. */
export const TASK_UPDATE_STATUSES = UPDATE_STATUSES;
export type TaskUpdateStatus = (typeof TASK_UPDATE_STATUSES)[number];

/** One task's update as the editor sends it. */
export interface TaskUpdateInput {
  taskId: number;
  /** null: not reported on — the task's saved update, if any, is removed (issue 9 §3). */
  status: TaskUpdateStatus | null;
  progress?: number | null;
  result?: string | null;
  productDocument?: string | null;
  productDate?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
}

/**
 * What a draft save's audit row keeps instead of the draft: a digest of what was saved and its
 * sizes. The audit log is read by every coordinator of the plan, a draft only by its own agency
 * (policies.ts canReadReport); the submitted versions keep the full content (report_versions).
 * `indicatorValues: null`: the save left the figures as they were.
 */
export function draftDigest(saved: {
  summary: string | null;
  updates: readonly unknown[];
  indicatorValues?: readonly unknown[] | undefined;
}) {
  return {
    sha256: contentDigest({
      summary: saved.summary,
      updates: saved.updates,
      indicatorValues: saved.indicatorValues ?? null,
    }),
    summaryChars: saved.summary?.length ?? 0,
    updates: saved.updates.length,
    indicatorValues: saved.indicatorValues?.length ?? null,
  };
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
  now = new Date(),
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
    // Waiting for the leader, only the leader writes it (policies.ts) and it stays with them.
    if (report && !stepAllowed("save", report.state))
      throw invalidState(report.state, { en: "edited", vi: "chỉnh sửa" });
    const nextState = report?.state === "awaiting_leader" ? "awaiting_leader" : "draft";
    const before = report ? { state: report.state, version: report.version } : null;
    if (!report) {
      [report] = await tx
        .insert(reports)
        .values({
          expectedReportId,
          state: "draft",
          version: 1,
          summary: input.summary ?? null,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .returning();
    } else {
      [report] = await tx
        .update(reports)
        .set({
          state: nextState,
          version: current + 1,
          summary: input.summary ?? report.summary,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .where(and(eq(reports.id, report.id), eq(reports.version, current)))
        .returning();
    }
    if (!report) throw conflict(current + 1);
    // One statement for every task's answer (a report has dozens): upsert by (report, task);
    // a task named twice keeps its last update. `status: null` takes an answer back (not reported).
    const named = [...new Map(input.updates.map((u) => [u.taskId, u])).values()];
    const cleared = named.filter((u) => u.status === null).map((u) => u.taskId);
    if (cleared.length)
      await tx
        .delete(taskUpdates)
        .where(and(eq(taskUpdates.reportId, report.id), inArray(taskUpdates.taskId, cleared)));
    const latest = named.filter((u): u is typeof u & { status: string } => u.status !== null);
    if (latest.length) {
      await tx
        .insert(taskUpdates)
        .values(
          latest.map((u) => ({
            reportId: report.id,
            taskId: u.taskId,
            status: u.status,
            progress: u.progress ?? null,
            result: u.result ?? null,
            productDocument: u.productDocument ?? null,
            productDate: u.productDate ?? null,
            difficulties: u.difficulties ?? null,
            proposals: u.proposals ?? null,
          })),
        )
        .onConflictDoUpdate({
          target: [taskUpdates.reportId, taskUpdates.taskId],
          set: {
            status: sql`excluded.status`,
            progress: sql`excluded.progress`,
            result: sql`excluded.result`,
            productDocument: sql`excluded.product_document`,
            productDate: sql`excluded.product_date`,
            difficulties: sql`excluded.difficulties`,
            proposals: sql`excluded.proposals`,
          },
        });
    }
    if (input.indicatorValues)
      await replaceDraftValues(tx as Tx, report.id, expected.agencyId, period.label, input.indicatorValues);
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "report.save",
      entity: "report",
      entityId: expectedReportId,
      planId: period.planId,
      before,
      after: {
        state: nextState,
        version: report.version,
        content: draftDigest({
          summary: report.summary,
          updates: input.updates,
          indicatorValues: input.indicatorValues,
        }),
      },
    });
    return getReport(tx as Tx, expectedReportId);
  });
}
