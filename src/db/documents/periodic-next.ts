/**
 * Part IV of the periodic report: what falls due in the next period — the tasks with a
 * milestone due in its calendar months (a plan's deadline is a calendar date, GLOSSARY.md
 * "Deadline phrases"), not yet done — the overdue tasks still open, and the standing tasks that
 * go on. After the plan's end there is nothing new to fall due, and the report says so.
 */
import { and, asc, gte, inArray, lte } from "drizzle-orm";
import {
  capitalise,
  countText,
  endSentence,
  joinVi,
  periodInWords,
  shortContent,
  vnDateText,
} from "../../domain/document-wording.ts";
import type { Block } from "../../domain/official-document.ts";
import type { CalendarSpan } from "../../domain/period-span.ts";
import type { Db } from "../connection.ts";
import { milestones } from "../schema.ts";
import { leadNames, type TaskStatusRow } from "./periodic-tasks.ts";

const DONE = new Set(["done_on_time", "done_late"]);

export async function nextBlocks(
  db: Db,
  next: CalendarSpan,
  statuses: readonly TaskStatusRow[],
  planEndYear: number | null,
): Promise<{ blocks: Block[]; dueNext: { code: string; due: string }[] }> {
  const words = periodInWords(next.label);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: `IV. NHIỆM VỤ TRỌNG TÂM ${words.toLocaleUpperCase("vi")}` },
  ];
  const ids = statuses.map((s) => s.taskId);
  const due = ids.length
    ? await db
        .select({ taskId: milestones.taskId, due: milestones.due })
        .from(milestones)
        .where(
          and(
            inArray(milestones.taskId, ids),
            gte(milestones.due, next.start),
            lte(milestones.due, next.end),
          ),
        )
        .orderBy(asc(milestones.due))
    : [];
  const dueNext: { code: string; due: string }[] = [];
  const seen = new Set<number>();
  const lines: Block[] = [];
  for (const s of statuses) {
    if (DONE.has(s.status) || seen.has(s.taskId)) continue;
    const m = due.find((d) => d.taskId === s.taskId);
    if (!m) continue;
    seen.add(s.taskId);
    dueNext.push({ code: s.code, due: m.due });
    lines.push({
      kind: "bullet",
      runs: [
        { text: `Nhiệm vụ ${s.code}`, bold: true },
        {
          text: ` — ${endSentence(shortContent(s.content))} Cơ quan chủ trì: ${leadNames(s)}; thời hạn ${vnDateText(m.due)}.`,
        },
      ],
    });
  }
  const ended = planEndYear !== null && next.start > `${planEndYear}-12-31`;
  const overdue = statuses.filter((s) => s.status === "overdue").map((s) => s.code);
  const intro = ended
    ? `Kế hoạch đã kết thúc ngày 31/12/${planEndYear}; trong ${words} không có nhiệm vụ mới đến hạn.`
    : lines.length
      ? `${capitalise(words)} (từ ngày ${vnDateText(next.start)} đến ngày ${vnDateText(next.end)}) có ${countText(lines.length, "nhiệm vụ")} đến hạn hoàn thành:`
      : `Trong ${words} không có nhiệm vụ nào đến hạn hoàn thành theo Kế hoạch.`;
  blocks.push({ kind: "paragraph", section: "next-period", runs: [{ text: intro }] }, ...lines);
  const follow: string[] = [];
  if (overdue.length)
    follow.push(
      `Tiếp tục đôn đốc các cơ quan chủ trì hoàn thành ${countText(overdue.length, "nhiệm vụ")} đã quá hạn (nhiệm vụ ${joinVi(overdue)}).`,
    );
  if (!ended && statuses.some((s) => s.status === "reported" || s.status === "not_reported"))
    follow.push("Các nhiệm vụ thường xuyên, định kỳ tiếp tục được triển khai và báo cáo theo quy định.");
  for (const f of follow) blocks.push({ kind: "paragraph", section: "next-period", runs: [{ text: f }] });
  return { blocks, dueNext };
}
