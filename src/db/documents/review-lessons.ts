/**
 * Section III of the end-of-plan review: the difficulties and proposals the agencies wrote in
 * their ACCEPTED reports over the plan (a returned or pending report is not the agency's word,
 * report-workflow.ts), compiled and attributed — who said it, on which task, in which periods —
 * as a provincial summary report does (REGULATIONS.md §1: the report states difficulties and
 * proposals). One entry per text, however many agencies, tasks and periods raised it: the
 * review is read by the province's leaders, not a log of every report.
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { compareTaskCodes } from "../../domain/task-code.ts";
import type { Db } from "../connection.ts";
import { agencies, expectedReports, reportingPeriods, reports, reportVersions, tasks } from "../schema.ts";
import { periodLabelVi } from "../urging.ts";

export interface Remark {
  text: string;
  /** Who raised it, on which tasks (plan order), agencies by name. */
  sources: { agency: string; taskCodes: string[] }[];
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
        const text = u[field]?.trim().replace(/\.+$/u, "");
        if (!text) continue;
        const code = codes.get(u.taskId) ?? "";
        const remark = out.get(text) ?? { text, sources: [], periods: [] };
        let source = remark.sources.find((x) => x.agency === r.agency);
        if (!source) {
          source = { agency: r.agency, taskCodes: [] };
          remark.sources.push(source);
        }
        if (code && !source.taskCodes.includes(code)) source.taskCodes.push(code);
        if (!remark.periods.includes(r.label)) remark.periods.push(r.label);
        out.set(text, remark);
      }
    }
    for (const remark of out.values()) {
      remark.sources.sort((a, b) => a.agency.localeCompare(b.agency, "vi"));
      for (const x of remark.sources) x.taskCodes.sort(compareTaskCodes);
    }
    return [...out.values()].sort(
      (a, b) => b.periods.length - a.periods.length || a.text.localeCompare(b.text, "vi"),
    );
  };
  return { difficulties: collect("difficulties"), proposals: collect("proposals") };
}

/** "Sở Tài chính: nhiệm vụ số 4.3, 8.2; Sở Xây dựng: nhiệm vụ số 3.1 — 12 kỳ báo cáo, từ Quý I/2022 đến Quý IV/2025". */
export function attribution(r: Remark): string {
  // Task numbers while they can be read; a remark many agencies share names the agencies only.
  const who =
    r.sources.length <= 3
      ? r.sources
          .map((x) => (x.taskCodes.length ? `${x.agency}: nhiệm vụ số ${x.taskCodes.join(", ")}` : x.agency))
          .join("; ")
      : `${r.sources.length} cơ quan, đơn vị: ${r.sources.map((x) => x.agency).join(", ")}`;
  const first = periodLabelVi(r.periods[0] ?? "");
  const last = periodLabelVi(r.periods.at(-1) ?? "");
  const when =
    r.periods.length > 1 ? `${r.periods.length} kỳ báo cáo, từ ${first} đến ${last}` : `kỳ ${first}`;
  return `${who} — ${when}`;
}
