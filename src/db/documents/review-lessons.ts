/**
 * Section III of the end-of-plan review: the difficulties and proposals the agencies wrote in
 * their ACCEPTED reports over the plan (a returned or pending report is not the agency's word,
 * report-workflow.ts), compiled and attributed — who said it, on which task, in which periods —
 * as a provincial summary report does (REGULATIONS.md §1: the report states difficulties and
 * proposals). The same text from the same agency is listed once, with all the periods it recurs in.
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { compareTaskCodes } from "../../domain/task-code.ts";
import type { Db } from "../connection.ts";
import { agencies, expectedReports, reportingPeriods, reports, reportVersions, tasks } from "../schema.ts";
import { periodLabelVi } from "../urging.ts";

export interface Remark {
  agency: string;
  taskCode: string;
  text: string;
  /** Period labels the remark was made in, oldest first. */
  periods: string[];
}

interface Content {
  updates?: { taskId: number; difficulties?: string | null; proposals?: string | null }[];
}

/** The compiled difficulties and proposals of the plan's accepted reports up to `until` (period end). */
export async function compileRemarks(
  db: Db,
  planId: number,
  until: string,
): Promise<{ difficulties: Remark[]; proposals: Remark[] }> {
  const rows = await db
    .select({
      agency: agencies.name,
      label: reportingPeriods.label,
      windowEnd: reportingPeriods.windowEnd,
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
      ),
    )
    .orderBy(asc(reportingPeriods.windowEnd), asc(reportVersions.id));
  const codes = new Map(
    (await db.select({ id: tasks.id, code: tasks.code }).from(tasks).where(eq(tasks.planId, planId))).map(
      (t) => [t.id, t.code],
    ),
  );
  const collect = (field: "difficulties" | "proposals") => {
    const out = new Map<string, Remark>();
    for (const r of rows) {
      if (r.windowEnd > until) continue;
      for (const u of (r.content as Content).updates ?? []) {
        const text = u[field]?.trim();
        if (!text) continue;
        const code = codes.get(u.taskId) ?? "";
        const key = `${r.agency}\u0000${code}\u0000${text}`;
        const remark = out.get(key) ?? { agency: r.agency, taskCode: code, text, periods: [] };
        if (!remark.periods.includes(r.label)) remark.periods.push(r.label);
        out.set(key, remark);
      }
    }
    return [...out.values()].sort(
      (a, b) => a.agency.localeCompare(b.agency, "vi") || compareTaskCodes(a.taskCode, b.taskCode),
    );
  };
  return { difficulties: collect("difficulties"), proposals: collect("proposals") };
}

/** "Sở Tài chính (nhiệm vụ số 4.3; Quý I/2022, Quý II/2022)". */
export function attribution(r: Remark): string {
  const periods = r.periods.map(periodLabelVi);
  const shown =
    periods.length > 3
      ? `${periods.slice(0, 2).join(", ")} và ${periods.length - 2} kỳ khác`
      : periods.join(", ");
  return `${r.agency} (nhiệm vụ số ${r.taskCode}; ${shown})`;
}
