/**
 * Part II.1 of the periodic report: the plan's tasks by status as of the report's day
 * (status.ts planTaskStatuses: computed from the schedule and the leads' accepted reports,
 * leads as of that day — a ceased agency's tasks are its successor's, REGULATIONS.md §5), each
 * group with what the lead reported on each of its tasks in the period's accepted reports.
 */
import {
  continueSentence,
  countText,
  endSentence,
  joinVi,
  shortContent,
  TASK_GROUP_TITLES,
  vnDateText,
} from "../../domain/document-wording.ts";
import type { Block } from "../../domain/official-document.ts";
import type { TaskStatus } from "../../domain/task-status.ts";
import type { Db } from "../connection.ts";
import { planTaskStatuses } from "../reporting/status.ts";
import type { AcceptedUpdate } from "./accepted-updates.ts";

export type TaskStatusRow = Awaited<ReturnType<typeof planTaskStatuses>>[number];

const ORDER: TaskStatus[] = [
  "done_on_time",
  "done_late",
  "in_progress",
  "overdue",
  "not_yet_due",
  "reported",
  "not_reported",
];

/** "UBND huyện, thành phố" as a lead names no one agency; the names of all leads, joined. */
export function leadNames(s: TaskStatusRow): string {
  return s.leads.length ? joinVi(s.leads.map((l) => l.name)) : "chưa xác định cơ quan chủ trì";
}

/**
 * What the period's accepted reports say of a task: the lead's words, else (a lead that did not
 * report on it) a coordinating agency's, named; null when nobody reported on it.
 */
export function periodWord(s: TaskStatusRow, updates: readonly AcceptedUpdate[]): string | null {
  const mine = updates.filter((u) => u.taskId === s.taskId && u.result);
  const leadIds = new Set(s.leads.map((l) => l.id));
  const lead = mine.filter((u) => leadIds.has(u.agencyId)).at(-1);
  if (lead) return lead.result;
  const other = mine.at(-1);
  return other ? `${other.agencyName} báo cáo: ${other.result}` : null;
}

/** Done and overdue tasks are told one by one; the rest by lead agency, so the report stays short. */
const ONE_BY_ONE = new Set<TaskStatus>(["done_on_time", "done_late", "overdue"]);

function taskLine(s: TaskStatusRow, st: TaskStatus, updates: readonly AcceptedUpdate[]): Block {
  const word = periodWord(s, updates);
  const due = s.due && (st === "overdue" || st === "done_late") ? ` (thời hạn ${vnDateText(s.due)})` : "";
  return {
    kind: "bullet",
    runs: [
      { text: `Nhiệm vụ ${s.code}`, bold: true },
      {
        text: ` — ${endSentence(`${shortContent(s.content, 140)}${due}`)} Cơ quan chủ trì: ${leadNames(s)}. `,
      },
      { text: word ? `Kết quả: ${endSentence(word)}` : "Chưa có báo cáo kết quả trong kỳ." },
    ],
  };
}

/**
 * One line per lead agency: the tasks it leads in the group and what it reported on them, each
 * distinct statement once ("Sở Công Thương (nhiệm vụ 3.2, 4.4 và 7.5): đã xây dựng dự thảo…").
 */
function byLead(group: TaskStatusRow[], updates: readonly AcceptedUpdate[]): Block[] {
  const leads = new Map<string, TaskStatusRow[]>();
  for (const s of group) leads.set(leadNames(s), [...(leads.get(leadNames(s)) ?? []), s]);
  return [...leads]
    .sort(([a], [b]) => a.localeCompare(b, "vi"))
    .map(([lead, list]) => {
      const said = [
        ...new Set(
          list
            .map((s) => periodWord(s, updates))
            .filter((w): w is string => w !== null)
            .map(continueSentence),
        ),
      ];
      const silent = list.filter((s) => periodWord(s, updates) === null).map((s) => s.code);
      const parts = [...said.map((w) => w.replace(/[.;\s]+$/u, ""))];
      if (silent.length === list.length) parts.push("chưa báo cáo kết quả trong kỳ");
      else if (silent.length) parts.push(`chưa báo cáo kết quả nhiệm vụ ${joinVi(silent)} trong kỳ`);
      return {
        kind: "bullet",
        runs: [
          { text: lead, bold: true },
          { text: ` (nhiệm vụ ${joinVi(list.map((s) => s.code))}): ${endSentence(parts.join("; "))}` },
        ],
      };
    });
}

export interface TaskGroups {
  blocks: Block[];
  counts: Partial<Record<TaskStatus, number>>;
  statuses: TaskStatusRow[];
}

export async function taskBlocks(
  db: Db,
  planId: number,
  asOf: string,
  updates: readonly AcceptedUpdate[],
): Promise<TaskGroups> {
  const statuses = await planTaskStatuses(db, planId, asOf);
  const counts: Partial<Record<TaskStatus, number>> = {};
  for (const s of statuses) counts[s.status] = (counts[s.status] ?? 0) + 1;
  const present = ORDER.filter((st) => counts[st]);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ" },
    {
      kind: "paragraph",
      section: "tasks-assessment",
      runs: [
        {
          text: `Kế hoạch có ${countText(statuses.length, "nhiệm vụ")}. Đến ngày ${vnDateText(asOf)}: ${present
            .map(
              (st) =>
                `${TASK_GROUP_TITLES[st].replace(/^Nhiệm vụ /, "").toLocaleLowerCase("vi")} ${countText(counts[st] ?? 0, "nhiệm vụ")}`,
            )
            .join("; ")}. Chi tiết từng nhiệm vụ tại Phụ lục kèm theo.`,
        },
      ],
    },
    { kind: "heading", level: 2, text: "1. Kết quả thực hiện các nhiệm vụ" },
  ];
  present.forEach((st, i) => {
    const group = statuses.filter((s) => s.status === st);
    blocks.push({
      kind: "heading",
      level: 3,
      text: `${String.fromCharCode(97 + i)}) ${TASK_GROUP_TITLES[st]} (${countText(group.length, "nhiệm vụ")})`,
    });
    if (ONE_BY_ONE.has(st)) for (const s of group) blocks.push(taskLine(s, st, updates));
    else blocks.push(...byLead(group, updates));
  });
  return { blocks, counts, statuses };
}
