/**
 * Which period a periodic report covers and as of which day it speaks:
 *  - the label is read as the coordinator writes it (period-label.ts: "2022-Q1", "Quý I/2022");
 *  - the agencies' reports it compiles are those of the plan's period with that label, or, when
 *    the plan has none (a "6 tháng" report under a quarterly regime), those of the plan's
 *    finest periods whose cut-off window lies inside the label's window (Decree 09/2019 Art. 12);
 *  - it speaks as of the day the department compiles it: the last acceptance of those reports,
 *    not before their due date, never after today — so the Q1/2022 report made in 2026 says
 *    what was known in April 2022, and a late report accepted that day counts.
 */
import { and, asc, eq, inArray, isNotNull, max } from "drizzle-orm";
import { readPeriod } from "../../domain/period-label.ts";
import { type CalendarSpan, calendarSpan, nextPeriodLabel } from "../../domain/period-span.ts";
import { periodByLabel } from "../../domain/periods.ts";
import type { Db } from "../connection.ts";
import { vnDate } from "../reporting/report-read.ts";
import { expectedReports, reportingPeriods, reports, reportVersions } from "../schema.ts";

const FINEST = ["monthly", "quarterly", "half-yearly", "nine-month", "yearly"];

export interface ReportPeriod {
  label: string;
  /** The cut-off window of the label (periods.ts). */
  window: { start: string; end: string };
  calendar: CalendarSpan;
  next: CalendarSpan;
  /** The plan's periods whose reports are compiled (empty when none is open). */
  covered: (typeof reportingPeriods.$inferSelect)[];
  /** The day the report speaks as of (ISO). */
  asOf: string;
}

export async function resolveReportPeriod(
  db: Db,
  planId: number,
  text: string,
  today: string,
): Promise<ReportPeriod> {
  const read = readPeriod(text);
  const window = periodByLabel(read.frequency, read.code);
  if (!window) throw new Error(`unreadable code ${read.code}`); // readPeriod returns valid codes
  const all = await db
    .select()
    .from(reportingPeriods)
    .where(eq(reportingPeriods.planId, planId))
    .orderBy(asc(reportingPeriods.windowEnd));
  let covered = all.filter((p) => p.label === read.code);
  if (covered.length === 0) {
    const inside = all.filter((p) => p.windowStart >= window.start && p.windowEnd <= window.end);
    const finest = FINEST.find((f) => inside.some((p) => p.frequency === f));
    covered = inside.filter((p) => p.frequency === finest);
  }
  let asOf = window.end;
  if (covered.length > 0) {
    const due = covered
      .map((p) => p.due)
      .sort()
      .at(-1) as string;
    const [row] = await db
      .select({ at: max(reportVersions.reviewedAt) })
      .from(reportVersions)
      .innerJoin(reports, eq(reports.id, reportVersions.reportId))
      .innerJoin(expectedReports, eq(expectedReports.id, reports.expectedReportId))
      .where(
        and(
          inArray(
            expectedReports.periodId,
            covered.map((p) => p.id),
          ),
          eq(reportVersions.outcome, "accepted"),
          isNotNull(reportVersions.reviewedAt),
        ),
      );
    const last = row?.at ? vnDate(new Date(row.at)) : null;
    asOf = last && last > due ? last : due;
  }
  if (asOf > today) asOf = today;
  return {
    label: read.code,
    window: { start: window.start, end: window.end },
    calendar: calendarSpan(read.code),
    next: calendarSpan(nextPeriodLabel(read.code)),
    covered,
    asOf,
  };
}
