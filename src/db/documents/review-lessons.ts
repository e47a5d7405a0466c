/**
 * Section III of the end-of-plan review: the difficulties and proposals the agencies wrote in
 * their ACCEPTED reports over the plan (a returned or pending report is not the agency's word,
 * report-workflow.ts), compiled and attributed — who said it, on which task, in which periods —
 * as a provincial summary report does (REGULATIONS.md §1: the report states difficulties and
 * proposals). One entry per text, however many agencies, tasks and periods raised it: the
 * review is read by the province's leaders, not a log of every report.
 */
import { eq } from "drizzle-orm";
import { compareTaskCodes } from "../../domain/task-code.ts";
import type { Db } from "../connection.ts";
import { tasks } from "../schema.ts";
import { periodLabelVi } from "../urging.ts";
import { acceptedUpdates } from "./accepted-updates.ts";

export interface Remark {
  text: string;
  /** Who raised it, on which tasks (plan order), agencies by name. */
  sources: { agency: string; taskCodes: string[] }[];
  /** Period labels the remark was made in, oldest first. */
  periods: string[];
}

/** The compiled difficulties and proposals of the plan's accepted reports up to `until` (period end). */
export async function compileRemarks(
  db: Db,
  planId: number,
  until: string,
): Promise<{ difficulties: Remark[]; proposals: Remark[] }> {
  // Every accepted version whenever it was accepted: the review compiles the whole plan.
  const rows = (await acceptedUpdates(db, planId, "9999-12-31")).filter((u) => u.periodEnd <= until);
  const codes = new Map(
    (await db.select({ id: tasks.id, code: tasks.code }).from(tasks).where(eq(tasks.planId, planId))).map(
      (t) => [t.id, t.code],
    ),
  );
  const collect = (field: "difficulties" | "proposals") => {
    const out = new Map<string, Remark>();
    for (const u of rows) {
      const text = u[field]?.replace(/\.+$/u, "");
      if (!text) continue;
      const code = codes.get(u.taskId) ?? "";
      const remark = out.get(text) ?? { text, sources: [], periods: [] };
      let source = remark.sources.find((x) => x.agency === u.agencyName);
      if (!source) {
        source = { agency: u.agencyName, taskCodes: [] };
        remark.sources.push(source);
      }
      if (code && !source.taskCodes.includes(code)) source.taskCodes.push(code);
      if (!remark.periods.includes(u.periodLabel)) remark.periods.push(u.periodLabel);
      out.set(text, remark);
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
