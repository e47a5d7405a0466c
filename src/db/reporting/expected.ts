/**
 * Listing expected reports (agency × period) with their state: "My work" for an agency, and the
 * coordinator's matrix. A report nobody has started is "not_started".
 */
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { agencies, expectedReports, reportingPeriods, reports, reportVersions } from "../schema.ts";

/**
 * Per report: the number and time of its latest submission, and — while it is being revised
 * after a return (its latest version returned) — the coordinator's comment (issue 9 §2: the
 * leader's list keeps showing the return until the report is sent again).
 */
async function submissionsOf(db: Db, reportIds: number[]) {
  const out = new Map<
    number,
    {
      submissions: number;
      lastSubmittedAt: Date | null;
      returnComment: string | null;
      returnedAt: Date | null;
    }
  >();
  if (reportIds.length === 0) return out;
  const rows = await db
    .select({
      reportId: reportVersions.reportId,
      number: reportVersions.number,
      submittedAt: reportVersions.submittedAt,
      outcome: reportVersions.outcome,
      reviewComment: reportVersions.reviewComment,
      reviewedAt: reportVersions.reviewedAt,
    })
    .from(reportVersions)
    .where(inArray(reportVersions.reportId, reportIds))
    .orderBy(asc(reportVersions.reportId), asc(reportVersions.number));
  for (const v of rows) {
    const returned = v.outcome === "returned";
    out.set(v.reportId, {
      submissions: v.number,
      lastSubmittedAt: v.submittedAt,
      returnComment: returned ? v.reviewComment : null,
      returnedAt: returned ? v.reviewedAt : null,
    });
  }
  return out;
}

export interface ExpectedFilter {
  planId?: number;
  agencyId?: number;
  periodId?: number;
  state?: string;
}

export async function listExpected(db: Db, f: ExpectedFilter) {
  const conds: SQL[] = [];
  if (f.planId !== undefined) conds.push(eq(reportingPeriods.planId, f.planId));
  if (f.agencyId !== undefined) conds.push(eq(expectedReports.agencyId, f.agencyId));
  if (f.periodId !== undefined) conds.push(eq(expectedReports.periodId, f.periodId));
  const rows = await db
    .select({
      expected: expectedReports,
      period: reportingPeriods,
      agencyName: agencies.name,
      report: reports,
    })
    .from(expectedReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
    .innerJoin(agencies, eq(agencies.id, expectedReports.agencyId))
    .leftJoin(reports, eq(reports.expectedReportId, expectedReports.id))
    .where(and(...conds))
    .orderBy(asc(reportingPeriods.windowEnd), asc(agencies.name));
  const subs = await submissionsOf(
    db,
    rows.flatMap((r) => (r.report ? [r.report.id] : [])),
  );
  const items = rows.map((r) => ({
    id: r.expected.id,
    planId: r.period.planId,
    period: {
      id: r.period.id,
      label: r.period.label,
      frequency: r.period.frequency,
      start: r.period.windowStart,
      end: r.period.windowEnd,
      demo: r.period.demo,
    },
    agency: { id: r.expected.agencyId, name: r.agencyName },
    due: r.expected.due,
    extendedDue: r.expected.extendedDue,
    extensionReason: r.expected.extensionReason,
    state: r.report?.state ?? "not_started",
    submittedAt: r.report?.submittedAt ?? null,
    lastSubmittedAt: (r.report && subs.get(r.report.id)?.lastSubmittedAt) ?? null,
    submissions: (r.report && subs.get(r.report.id)?.submissions) ?? 0,
    late: r.report?.late ?? null,
    // Set while the report is with the agency after a return, until it is submitted again.
    returnComment:
      (r.report && r.report.state !== "submitted" && r.report.state !== "accepted"
        ? subs.get(r.report.id)?.returnComment
        : null) ?? null,
  }));
  return f.state ? items.filter((i) => i.state === f.state) : items;
}
