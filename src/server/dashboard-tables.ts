/**
 * The dashboard's tables as plain tables for the XLSX/CSV export (src/exports/table.ts): the same
 * rows the page shows, in the reader's language. Rates stay numbers (percent, one decimal) so a
 * spreadsheet can sort and sum them; dates are written dd/mm/yyyy.
 */
import type { Dashboard } from "../db/queries/dashboard.ts";
import { AppError } from "../domain/errors.ts";
import { periodTitle } from "../domain/periods.ts";
import { STATUS_LABELS, type TaskStatus } from "../domain/task-status.ts";
import type { PlainTable } from "../exports/table.ts";

export const DASHBOARD_TABLES = ["targets", "tasks", "overdue", "agencies", "due"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
type Lang = "vi" | "en";

const dmy = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null;
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

const TITLES: Record<DashboardTable, Record<Lang, string>> = {
  targets: { vi: "Chỉ tiêu", en: "Targets" },
  tasks: { vi: "Nhiệm vụ theo tình trạng", en: "Tasks by status" },
  overdue: { vi: "Nhiệm vụ quá hạn", en: "Overdue tasks" },
  agencies: { vi: "Đơn vị theo mức đúng hạn", en: "Agencies by timeliness" },
  due: { vi: "Đến hạn trong 30 ngày tới", en: "Due in the next 30 days" },
};

/** The file name for a table: "tong-quan-qua-han-2023-12-31.xlsx" (ASCII, no spaces). */
export function tableFileName(table: DashboardTable, asOf: string, ext: "xlsx" | "csv"): string {
  return `kehoach-dashboard-${table}-${asOf}.${ext}`;
}

export function dashboardTable(d: Dashboard, table: DashboardTable, lang: Lang): PlainTable {
  const vi = lang === "vi";
  const subtitle = `${d.plan.title} — ${vi ? "Số liệu đến ngày" : "As of"} ${dmy(d.asOf)}`;
  const base = { title: TITLES[table][lang], subtitle };
  const taskRows = (list: Dashboard["tasks"]["overdue"]) =>
    list.map((t) => [t.code, t.content, t.leads.join("; "), dmy(t.due)]);
  const taskHeaders = vi
    ? ["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Hạn"]
    : ["Code", "Task", "Lead agency", "Due"];
  switch (table) {
    case "targets":
      return {
        ...base,
        headers: vi
          ? ["Mã", "Chỉ tiêu", "Giá trị mới nhất", "Năm", "Mục tiêu", "Năm mục tiêu", "Đơn vị", "Đánh giá"]
          : ["Code", "Target", "Latest value", "Year", "Goal", "Goal year", "Unit", "Evaluation"],
        rows: d.targets.map((t) => [
          t.code,
          t.text,
          t.measure?.latest?.value ?? null,
          t.measure?.latest?.year ?? null,
          t.measure?.goal.value ?? null,
          t.measure?.goal.year ?? null,
          t.measure?.unit ?? null,
          t.statusLabel[lang],
        ]),
      };
    case "tasks":
      return {
        ...base,
        headers: vi ? ["Tình trạng", "Số nhiệm vụ"] : ["Status", "Tasks"],
        rows: (Object.keys(STATUS_LABELS) as TaskStatus[])
          .filter((s) => d.tasks.counts[s])
          .map((s) => [STATUS_LABELS[s][lang], d.tasks.counts[s] ?? 0]),
      };
    case "overdue":
      return { ...base, headers: taskHeaders, rows: taskRows(d.tasks.overdue) };
    case "due":
      return {
        ...base,
        headers: [...taskHeaders],
        rows: [
          ...taskRows(d.dueSoon.tasks),
          ...d.dueSoon.periods.map((p) => [
            "",
            vi
              ? `Hạn gửi báo cáo ${periodTitle(p.label)?.vi ?? p.label}`
              : `Reports due: ${periodTitle(p.label)?.en ?? p.label}`,
            "",
            dmy(p.due),
          ]),
        ],
      };
    case "agencies":
      if (!d.agencies)
        throw new AppError("FORBIDDEN", {
          en: "Only coordinators and provincial leaders see the agencies' reporting rates.",
          vi: "Chỉ cơ quan điều phối và lãnh đạo tỉnh được xem tỷ lệ báo cáo của các đơn vị.",
        });
      return {
        ...base,
        headers: vi
          ? ["Hạng", "Đơn vị", "Báo cáo phải nộp", "Đã nhận", "Đúng hạn", "Tỷ lệ đúng hạn (%)"]
          : ["Rank", "Agency", "Reports owed", "Received", "On time", "On-time rate (%)"],
        rows: d.agencies.ranked.map((a, i) => [
          i + 1,
          a.name,
          a.expected,
          a.received,
          a.onTime,
          pct(a.onTimeRate),
        ]),
      };
  }
}
