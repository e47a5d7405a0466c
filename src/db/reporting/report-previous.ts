/**
 * The previous period's answer, shown beside each task of the form (issue 9 §3): what this
 * agency's latest ACCEPTED report of an earlier period of the plan said of each task. Only an
 * accepted version counts — a returned one was not the agency's final word (Decree 09/2019 Art. 8).
 */
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { expectedReports, reportingPeriods, reports, reportVersions } from "../schema.ts";
import { loadExpected } from "./report-read.ts";

/** One task's answer in a frozen version. */
export interface PreviousAnswer {
  taskId: number;
  status: string;
  progress: number | null;
  result: string | null;
  productDocument: string | null;
  productDate: string | null;
  difficulties: string | null;
  proposals: string | null;
}

/** The agency's latest accepted report before this one: its period and its task answers; null if none. */
export async function previousAnswers(db: Db, expectedReportId: number) {
  const { expected, period } = await loadExpected(db, expectedReportId);
  const [row] = await db
    .select({
      label: reportingPeriods.label,
      frequency: reportingPeriods.frequency,
      start: reportingPeriods.windowStart,
      end: reportingPeriods.windowEnd,
      content: reportVersions.content,
      number: reportVersions.number,
      reviewedAt: reportVersions.reviewedAt,
    })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(expectedReports, eq(expectedReports.id, reports.expectedReportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
    .where(
      and(
        eq(reportingPeriods.planId, period.planId),
        eq(expectedReports.agencyId, expected.agencyId),
        eq(reportVersions.outcome, "accepted"),
        lt(reportingPeriods.windowEnd, period.windowEnd),
      ),
    )
    .orderBy(desc(reportingPeriods.windowEnd), desc(reportVersions.number))
    .limit(1);
  if (!row) return { period: null, updates: [] as PreviousAnswer[] };
  const updates = ((row.content as { updates?: Partial<PreviousAnswer>[] }).updates ?? []).map((u) => ({
    taskId: Number(u.taskId),
    status: String(u.status),
    progress: u.progress ?? null,
    result: u.result ?? null,
    productDocument: u.productDocument ?? null,
    productDate: u.productDate ?? null,
    difficulties: u.difficulties ?? null,
    proposals: u.proposals ?? null,
  }));
  return {
    period: { label: row.label, frequency: row.frequency, start: row.start, end: row.end },
    updates,
  };
}
