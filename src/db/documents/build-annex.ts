/**
 * The annex (Phụ lục) of a periodic report: every task of the plan with its code, content, lead
 * and coordinating agencies as of the report's day (assignments-on.ts: the successor after a
 * reorganisation, REGULATIONS.md §5), its deadline as the plan words it, its status
 * (task-status.ts) and the latest result its lead reported (accepted reports only). Groups of
 * the plan as bold rows, the column-number row "(1) (2) …" under the header (Decree 30/2020
 * Appendix I for annex tables), landscape; the same table is the XLSX sheet.
 */
import { asc, eq } from "drizzle-orm";
import { endSentence, joinVi, periodInWords, upperVi, vnDateText } from "../../domain/document-wording.ts";
import type { Block, Cell, OfficialDocument, TableColumn } from "../../domain/official-document.ts";
import { periodTitle } from "../../domain/periods.ts";
import { STATUS_LABELS } from "../../domain/task-status.ts";
import type { Db } from "../connection.ts";
import { planTaskStatuses } from "../reporting/status.ts";
import { taskGroups, tasks } from "../schema.ts";
import { acceptedUpdates } from "./accepted-updates.ts";
import type { BuildRequest } from "./build.ts";
import { planName } from "./build-periodic.ts";
import { type Letterhead, loadLetterhead } from "./letterhead.ts";
import { type ReportPeriod, resolveReportPeriod } from "./periodic-period.ts";

export const ANNEX_COLUMNS: TableColumn[] = [
  { header: "STT", width: 6, align: "center" },
  { header: "Nội dung nhiệm vụ", width: 30 },
  { header: "Cơ quan chủ trì", width: 12 },
  { header: "Cơ quan phối hợp", width: 14 },
  { header: "Thời hạn hoàn thành", width: 10, align: "center" },
  { header: "Tình hình thực hiện", width: 11, align: "center" },
  { header: "Kết quả thực hiện", width: 28 },
];

/** An XLSX sheet name: at most 31 characters, none of : \ / ? * [ ] (Excel's rule). */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}

type TableBlock = Extract<Block, { kind: "table" }>;

/**
 * The annex table of a plan as of a period's report day (or of today without a period): what
 * the annex document holds, and what the periodic report carries after its signature.
 */
export async function annexTable(
  db: Db,
  req: BuildRequest,
  h: Letterhead,
  period: ReportPeriod | null,
): Promise<TableBlock> {
  const asOf = period?.asOf ?? req.today;
  const statuses = await planTaskStatuses(db, req.planId, asOf);
  const byTask = new Map(statuses.map((s) => [s.taskId, s]));
  const taskRows = await db.select().from(tasks).where(eq(tasks.planId, req.planId));
  const groups = await db
    .select()
    .from(taskGroups)
    .where(eq(taskGroups.planId, req.planId))
    .orderBy(asc(taskGroups.sortKey));
  const updates = await acceptedUpdates(db, req.planId, asOf);
  const resultOf = (taskId: number): string => {
    const s = byTask.get(taskId);
    const leadIds = new Set(s?.leads.map((l) => l.id) ?? []);
    const last = updates.filter((u) => u.taskId === taskId && u.result && leadIds.has(u.agencyId)).at(-1);
    if (!last?.result) return "Chưa có báo cáo";
    return `${periodTitle(last.periodLabel)?.vi ?? last.periodLabel}: ${endSentence(last.result)}`;
  };
  const statusText = (taskId: number): string => {
    const s = byTask.get(taskId);
    if (!s) return "";
    const label = STATUS_LABELS[s.status].vi;
    return s.doneOn ? `${label} (ngày ${vnDateText(s.doneOn)})` : label;
  };
  const rows: Cell[][] = [];
  const taskRow = (t: (typeof taskRows)[number]): Cell[] => {
    const s = byTask.get(t.id);
    return [
      { text: t.code, align: "center" },
      t.content,
      joinVi(s?.leads.map((l) => l.name) ?? []),
      (s?.coordinators.map((c) => c.name) ?? []).join("; "),
      { text: t.deadlineText, align: "center" },
      { text: statusText(t.id), align: "center" },
      resultOf(t.id),
    ];
  };
  const inOrder = (list: typeof taskRows) => list.sort((a, b) => a.sortKey.localeCompare(b.sortKey));
  for (const t of inOrder(taskRows.filter((x) => x.groupId === null))) rows.push(taskRow(t));
  for (const g of groups) {
    const mine = inOrder(taskRows.filter((x) => x.groupId === g.id));
    if (mine.length === 0) continue;
    rows.push([
      { text: g.code, bold: true, align: "center" },
      { text: g.title, bold: true },
      "",
      "",
      "",
      "",
      "",
    ]);
    for (const t of mine) rows.push(taskRow(t));
  }
  return {
    kind: "table",
    columns: ANNEX_COLUMNS,
    rows,
    numberRow: true,
    title: annexSummary(h, period, asOf),
    subtitle: `(Kèm theo Báo cáo số      /BC-${h.abbreviation} ngày      tháng      năm ${req.today.slice(0, 4)} của ${h.agencyName})`,
    sheet: sheetName(period ? `Nhiệm vụ ${periodTitle(period.label)?.vi ?? period.label}` : "Nhiệm vụ"),
  };
}

/** "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH … QUÝ I NĂM 2022" (the annex's title line). */
function annexSummary(h: Letterhead, period: ReportPeriod | null, asOf: string): string {
  const words = period ? periodInWords(period.label) : null;
  return upperVi(
    `Tình hình thực hiện các nhiệm vụ của ${planName(h.plan.title)}${words ? ` ${words}` : ` đến ngày ${vnDateText(asOf)}`}`,
  );
}

export async function buildAnnex(db: Db, req: BuildRequest): Promise<OfficialDocument> {
  const h = await loadLetterhead(db, req.planId);
  const period = req.period ? await resolveReportPeriod(db, req.planId, req.period, req.today) : null;
  const table = await annexTable(db, req, h, period);
  return {
    kind: "annex",
    orientation: "landscape",
    issuerParent: h.issuerParent,
    issuer: h.issuer,
    number: "",
    place: h.place,
    date: null,
    // "PHỤ LỤC" heads the page; the table's caption says what it is and which report it goes with.
    title: "PHỤ LỤC",
    body: [table],
    recipients: [],
    signature: { lines: [], name: "" },
    closingMark: false,
    meta: { planId: req.planId, period: period?.label ?? null, builtAt: req.today, language: "vi" },
  };
}
