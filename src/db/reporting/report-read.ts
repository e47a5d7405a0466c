/**
 * Reading a report: the expected report with its period, the working draft, the frozen versions
 * and the tasks and indicators to report on. Shared by every step of the workflow, which all
 * answer with the whole report.
 */

import { asc, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { vnDay } from "../../domain/working-days.ts";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { expectedReports, reportingPeriods, reports, reportVersions, taskUpdates } from "../schema.ts";
import { checkReportValues, draftValues, requestedIndicators } from "./report-indicators.ts";
import { tasksToReport } from "./report-tasks.ts";

/** The calendar day in Vietnam (UTC+7) of an instant: deadlines are Vietnamese dates. */
export function vnDate(at: Date): string {
  return vnDay(at);
}

/** The expected report and its period, or NOT_FOUND: every workflow step starts here. */
export async function loadExpected(q: Db | Tx, expectedReportId: number) {
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
  const open = !report || ["draft", "returned", "awaiting_leader"].includes(report.state);
  const latest = versions.at(-1);
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
      /** The first submission: timeliness is that of the first (report-submit.ts). */
      submittedAt: report?.submittedAt ?? null,
      /** The latest submission and its number ("lần 2"): what the header and queue show. */
      lastSubmittedAt: latest?.submittedAt ?? null,
      submissions: versions.length,
      late: report?.late ?? null,
      /** The leader's comment when sending the draft back to the reporter (until it is submitted). */
      leaderComment: report?.leaderComment
        ? { text: report.leaderComment, at: report.leaderCommentAt }
        : null,
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
