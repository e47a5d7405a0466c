/**
 * Section II of the end-of-plan review: each task's outcome at the plan's end — counts by status,
 * the tasks not done with their lead agency on the plan's last day (REGULATIONS.md §5: a ceased
 * agency's task is its successor's), and every task's outcome in one table. The statuses are the
 * final ones (plan-closing/final-statuses.ts): frozen ones once the plan is closed.
 */
import type { Block, Cell } from "../../domain/official-document.ts";
import { STATUS_LABELS, type TaskStatus } from "../../domain/task-status.ts";
import { formatVnNumber, formatVnPercent } from "../../domain/vn-number.ts";
import type { FinalTaskStatus } from "../plan-closing/final-statuses.ts";
import { vnDateText } from "../urging.ts";

const ORDER: TaskStatus[] = [
  "done_on_time",
  "done_late",
  "reported",
  "in_progress",
  "overdue",
  "not_reported",
  "not_yet_due",
];

/** A task counts as done when its lead reported it done (task-status.ts); "reported" = a continuous task reported on. */
export const isDoneStatus = (s: TaskStatus) => s === "done_on_time" || s === "done_late";

/** The review's wording of a final status: a continuous task reported on is "carried out". */
export function outcomeVi(t: FinalTaskStatus): string {
  if (isDoneStatus(t.status))
    return `${STATUS_LABELS[t.status].vi}${t.doneOn ? ` (ngày ${vnDateText(t.doneOn)})` : ""}`;
  if (t.status === "reported") return "Đã triển khai, có báo cáo đến cuối kỳ";
  if (t.status === "not_reported") return "Không có báo cáo kết quả";
  return STATUS_LABELS[t.status].vi;
}

const leadsOf = (t: FinalTaskStatus) => t.leads.map((l) => l.name).join(", ");

export function taskBlocks(items: FinalTaskStatus[], last: string, frozen: boolean): Block[] {
  const total = items.length;
  const count = (s: TaskStatus) => items.filter((t) => t.status === s).length;
  const done = items.filter((t) => isDoneStatus(t.status)).length;
  const notDone = items.filter((t) => !isDoneStatus(t.status) && t.status !== "reported");
  const pct = (n: number) => (total ? formatVnPercent((n / total) * 100, 1) : "0%");
  const countRows: Cell[][] = ORDER.filter((s) => count(s) > 0).map((s) => [
    s === "reported"
      ? "Đã triển khai, có báo cáo (nhiệm vụ thường xuyên)"
      : s === "not_reported"
        ? "Không có báo cáo kết quả"
        : STATUS_LABELS[s].vi,
    { text: formatVnNumber(count(s)), align: "right" },
    { text: pct(count(s)), align: "right" },
  ]);
  countRows.push([
    { text: "Tổng số", bold: true },
    { text: formatVnNumber(total), bold: true, align: "right" },
    { text: "100%", bold: true, align: "right" },
  ]);
  return [
    { kind: "heading", level: 1, text: "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ" },
    {
      kind: "paragraph",
      runs: [
        {
          text: `Kế hoạch giao ${formatVnNumber(total)} nhiệm vụ. Đến hết ngày ${vnDateText(last)}, ${formatVnNumber(done)} nhiệm vụ đã hoàn thành (${pct(done)}), ${formatVnNumber(count("reported"))} nhiệm vụ thường xuyên đã triển khai và có báo cáo, ${formatVnNumber(notDone.length)} nhiệm vụ chưa hoàn thành hoặc không có báo cáo kết quả${frozen ? " (tình trạng đã chốt khi đóng kế hoạch)" : ""}.`,
        },
      ],
    },
    { kind: "heading", level: 2, text: "1. Số nhiệm vụ theo tình trạng thực hiện" },
    {
      kind: "table",
      columns: [
        { header: "Tình trạng thực hiện", width: 60 },
        { header: "Số nhiệm vụ", width: 20, align: "right" },
        { header: "Tỷ lệ", width: 20, align: "right" },
      ],
      rows: countRows,
    },
    { kind: "heading", level: 2, text: "2. Các nhiệm vụ chưa hoàn thành" },
    notDone.length
      ? {
          kind: "table",
          columns: [
            { header: "STT", width: 6, align: "center" },
            { header: "Nhiệm vụ số", width: 9, align: "center" },
            { header: "Nội dung nhiệm vụ", width: 40 },
            { header: "Cơ quan chủ trì", width: 18 },
            { header: "Thời hạn", width: 12 },
            { header: "Tình trạng", width: 15 },
          ],
          rows: notDone.map((t, i) => [
            String(i + 1),
            t.code,
            t.content,
            leadsOf(t),
            t.deadline,
            outcomeVi(t),
          ]),
        }
      : { kind: "paragraph", runs: [{ text: "Không có nhiệm vụ nào chưa hoàn thành." }] },
    { kind: "heading", level: 2, text: "3. Kết quả thực hiện từng nhiệm vụ" },
    {
      kind: "table",
      columns: [
        { header: "STT", width: 6, align: "center" },
        { header: "Nhiệm vụ số", width: 9, align: "center" },
        { header: "Nội dung nhiệm vụ", width: 43 },
        { header: "Cơ quan chủ trì", width: 20 },
        { header: "Kết quả", width: 22 },
      ],
      rows: items.map((t, i) => [String(i + 1), t.code, t.content, leadsOf(t), outcomeVi(t)]),
      numberRow: true,
    },
  ];
}
