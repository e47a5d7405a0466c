/**
 * Submission: the leader approves and submits (from a draft, a returned report, or one the
 * reporter sent them: src/domain/report-workflow.ts); the draft is frozen as a read-only version,
 * lateness is recorded, not forbidden, and the plan's coordinators are notified (handoff-notify.ts).
 */

import { asc, count, eq } from "drizzle-orm";
import { assertReportComplete } from "../../domain/report-completeness.ts";
import { stepAllowed } from "../../domain/report-workflow.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { toCount } from "../connection.ts";
import { reports, reportVersions, taskUpdates } from "../schema.ts";
import type { ActorRef } from "./actor.ts";
import { notifyHandoff } from "./handoff-notify.ts";
import { conflict, invalidState } from "./report-errors.ts";
import { checkReportValues, draftValues, refuseValues } from "./report-indicators.ts";
import { getReport, loadExpected, vnDate } from "./report-read.ts";
import { tasksToReport } from "./report-tasks.ts";

/** The leader approves and submits: the draft is frozen as a new version; lateness is recorded. */
export async function submitReport(
  db: Db,
  expectedReportId: number,
  input: { version: number; confirmUnreported?: boolean },
  actor: ActorRef,
  now = new Date(),
  options: { email?: boolean } = {},
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
    if (!stepAllowed("submit", report.state))
      throw invalidState(report.state, { en: "submitted again", vi: "gửi lại" });
    const updates = await tx
      .select()
      .from(taskUpdates)
      .where(eq(taskUpdates.reportId, report.id))
      .orderBy(asc(taskUpdates.id));
    // Every task must be answered: a lead task unreported is refused, a coordinated one confirmed.
    assertReportComplete(
      await tasksToReport(tx as Tx, period.planId, expected.agencyId, period.windowEnd),
      updates.map((u) => u.taskId),
      input.confirmUnreported === true,
    );
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
        // The leader's comment to the reporter stays inside the agency until it is sent.
        leaderComment: null,
        leaderCommentAt: null,
        leaderCommentBy: null,
      })
      .where(eq(reports.id, report.id));
    const notified = await notifyHandoff(
      tx as Tx,
      {
        event: "submitted",
        expectedReportId,
        planId: period.planId,
        agencyId: expected.agencyId,
        periodLabel: period.label,
        stepKey: `v${report.version + 1}`,
        submission: toCount(n) + 1,
        now,
        email: options.email,
      },
      actor,
    );
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "report.submit",
      entity: "report",
      entityId: expectedReportId,
      planId: period.planId,
      before: { state: report.state },
      after: { state: "submitted", version: toCount(n) + 1, late, due: dueBy, notified },
    });
    return getReport(tx as Tx, expectedReportId);
  });
}
