/**
 * What the agencies said of each task in their ACCEPTED reports (report_versions accepted by the
 * coordinator, Decree 09/2019 Art. 8: only reviewed figures and statements are compiled), known
 * by a day: the versions reviewed on or before it. One reader for the periodic report (what each
 * agency reported in the period, its difficulties and proposals) and the annex (the latest word
 * of each task's lead).
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { vnDate } from "../reporting/report-read.ts";
import { agencies, expectedReports, reportingPeriods, reports, reportVersions } from "../schema.ts";

export interface AcceptedUpdate {
  taskId: number;
  agencyId: number;
  agencyName: string;
  periodId: number;
  periodLabel: string;
  periodEnd: string;
  acceptedOn: string;
  status: string;
  result: string | null;
  difficulties: string | null;
  proposals: string | null;
}

interface StoredUpdate {
  taskId: number;
  status: string;
  result?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
}

/**
 * Every task update of the plan's accepted report versions reviewed by `asOf`, oldest period
 * first (then by acceptance), optionally only of some periods. A report accepted twice (returned
 * and sent again) has one accepted version: the last.
 */
export async function acceptedUpdates(
  db: Db,
  planId: number,
  asOf: string,
  periodIds?: readonly number[],
): Promise<AcceptedUpdate[]> {
  if (periodIds && periodIds.length === 0) return [];
  const rows = await db
    .select({
      agencyId: expectedReports.agencyId,
      agencyName: agencies.name,
      periodId: reportingPeriods.id,
      periodLabel: reportingPeriods.label,
      periodEnd: reportingPeriods.windowEnd,
      reviewedAt: reportVersions.reviewedAt,
      content: reportVersions.content,
    })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(expectedReports, eq(expectedReports.id, reports.expectedReportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
    .innerJoin(agencies, eq(agencies.id, expectedReports.agencyId))
    .where(
      and(
        eq(reportingPeriods.planId, planId),
        eq(reportVersions.outcome, "accepted"),
        isNotNull(reportVersions.reviewedAt),
        ...(periodIds ? [inArray(reportingPeriods.id, [...periodIds])] : []),
      ),
    )
    .orderBy(asc(reportingPeriods.windowEnd), asc(reportVersions.reviewedAt), asc(reportVersions.id));
  const out: AcceptedUpdate[] = [];
  for (const r of rows) {
    const acceptedOn = vnDate(r.reviewedAt as Date);
    if (acceptedOn > asOf) continue;
    const updates = ((r.content as { updates?: StoredUpdate[] }).updates ?? []) as StoredUpdate[];
    for (const u of updates)
      out.push({
        taskId: u.taskId,
        agencyId: r.agencyId,
        agencyName: r.agencyName,
        periodId: r.periodId,
        periodLabel: r.periodLabel,
        periodEnd: r.periodEnd,
        acceptedOn,
        status: u.status,
        result: u.result?.trim() || null,
        difficulties: u.difficulties?.trim() || null,
        proposals: u.proposals?.trim() || null,
      });
  }
  return out;
}
