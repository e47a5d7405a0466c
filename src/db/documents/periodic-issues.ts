/**
 * Part III of the periodic report: the difficulties (khó khăn, vướng mắc) and proposals (đề
 * xuất, kiến nghị) the agencies wrote in their accepted reports of the period, compiled and
 * attributed: one line per agency and text, with the tasks it concerns. The coordinator edits
 * these sections before signing (sections "difficulties", "proposals"); the department's own
 * proposal on reporting discipline follows when agencies did not report.
 */
import { continueSentence, joinVi } from "../../domain/document-wording.ts";
import type { Block } from "../../domain/official-document.ts";
import { compareTaskCodes } from "../../domain/task-code.ts";
import type { AcceptedUpdate } from "./accepted-updates.ts";

export interface Attributed {
  agencyName: string;
  text: string;
  taskCodes: string[];
}

/** The texts of one kind, one entry per agency and text (the same sentence on several tasks is said once). */
export function compile(
  updates: readonly AcceptedUpdate[],
  pick: (u: AcceptedUpdate) => string | null,
  codeOf: ReadonlyMap<number, string>,
): Attributed[] {
  const out = new Map<string, Attributed>();
  for (const u of updates) {
    const text = pick(u)?.replace(/\s+/g, " ").trim();
    if (!text) continue;
    const key = `${u.agencyName}\u0000${text}`;
    const entry = out.get(key) ?? { agencyName: u.agencyName, text, taskCodes: [] };
    const code = codeOf.get(u.taskId);
    if (code && !entry.taskCodes.includes(code)) entry.taskCodes.push(code);
    out.set(key, entry);
  }
  return [...out.values()]
    .map((e) => ({ ...e, taskCodes: e.taskCodes.sort(compareTaskCodes) }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, "vi") || a.text.localeCompare(b.text, "vi"));
}

/** One line per agency: each of its texts with the tasks it concerns ("…(nhiệm vụ 2.3 và 5.5); …"). */
function lines(entries: Attributed[], section: string, none: string): Block[] {
  if (entries.length === 0) return [{ kind: "paragraph", section, runs: [{ text: none }] }];
  const byAgency = new Map<string, Attributed[]>();
  for (const e of entries) byAgency.set(e.agencyName, [...(byAgency.get(e.agencyName) ?? []), e]);
  return [...byAgency].map(([agency, list]) => ({
    kind: "paragraph",
    section,
    runs: [
      {
        text: `- ${agency}: ${list
          .map(
            (e) =>
              `${continueSentence(e.text).replace(/[.;\s]+$/u, "")}${e.taskCodes.length ? ` (nhiệm vụ ${joinVi(e.taskCodes)})` : ""}`,
          )
          .join("; ")}.`,
      },
    ],
  }));
}

export function issueBlocks(
  updates: readonly AcceptedUpdate[],
  codeOf: ReadonlyMap<number, string>,
  own: { agencyName: string; receiverShort: string; notReported: string[] },
): { blocks: Block[]; difficulties: Attributed[]; proposals: Attributed[] } {
  const difficulties = compile(updates, (u) => u.difficulties, codeOf);
  const proposals = compile(updates, (u) => u.proposals, codeOf);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ" },
    { kind: "heading", level: 2, text: "1. Khó khăn, vướng mắc" },
    ...lines(
      difficulties,
      "difficulties",
      "Trong kỳ, các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc.",
    ),
    { kind: "heading", level: 2, text: "2. Đề xuất, kiến nghị" },
    ...lines(proposals, "proposals", "Trong kỳ, các cơ quan, đơn vị không có đề xuất, kiến nghị."),
  ];
  if (own.notReported.length)
    blocks.push({
      kind: "paragraph",
      section: "proposals",
      runs: [
        {
          text: `- ${own.agencyName} đề nghị ${own.receiverShort} chỉ đạo ${joinVi(own.notReported)} thực hiện nghiêm chế độ báo cáo định kỳ theo Kế hoạch.`,
        },
      ],
    });
  return { blocks, difficulties, proposals };
}
