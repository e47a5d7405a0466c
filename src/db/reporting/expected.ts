/**
 * Listing expected reports (agency × period) with their state: "My work" for an agency, and the
 * coordinator's matrix. A report nobody has started is "not_started".
 */
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { agencies, expectedReports, reportingPeriods, reports } from "../schema.ts";

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
    late: r.report?.late ?? null,
  }));
  return f.state ? items.filter((i) => i.state === f.state) : items;
}
