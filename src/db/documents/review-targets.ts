/**
 * Section I of the end-of-plan review: each target and each of its measures with the final value,
 * the goal, the share of the goal reached, the verdict and where the figure comes from — the
 * verdict is evaluatePlanTargets' (src/db/indicators/evaluate.ts), never re-judged here.
 */
import {
  amountVi,
  goalVi,
  isFinalVerdict,
  percentOfGoal,
  sourceVi,
  targetVerdictVi,
} from "../../domain/document-wording.ts";
import type { Status } from "../../domain/evaluation.ts";
import type { Block, Cell } from "../../domain/official-document.ts";
import { formatVnNumber } from "../../domain/vn-number.ts";
import type { PlanTargetsEvaluation } from "../indicators/evaluate.ts";

const KIND_VI: Record<string, string> = {
  estimate: "ước thực hiện",
  preliminary: "sơ bộ",
  official: "chính thức",
  plan: "kế hoạch",
};

/** The blocks of section I for an evaluation made on the review's day, about the plan's end year. */
export function targetBlocks(ev: PlanTargetsEvaluation, endYear: number): Block[] {
  const counts = new Map<Status, number>();
  for (const t of ev.targets) counts.set(t.overall.status, (counts.get(t.overall.status) ?? 0) + 1);
  const part = (s: Status, words: string) => {
    const n = counts.get(s) ?? 0;
    return n ? `${formatVnNumber(n)} mục tiêu ${words}` : null;
  };
  const parts = [
    part("exceeded", "vượt"),
    part("achieved", "đạt"),
    part("missed", "không đạt"),
    part("unknown", "chưa đủ số liệu để đánh giá"),
    part("at_risk", "có nguy cơ không đạt theo số liệu mới nhất"),
    part("on_track", "đúng tiến độ theo số liệu mới nhất"),
    part("off_track", "chậm tiến độ theo số liệu mới nhất"),
  ].filter(Boolean);
  const perTarget: Block[] = ev.targets.flatMap((t, i): Block[] => {
    const rows: Cell[][] = t.measures.map((m) => {
      const latest = m.evaluation.latest;
      const value = latest
        ? `${amountVi(latest.value, m.goal.unit)} (năm ${latest.year}${latest.kind && KIND_VI[latest.kind] ? `, ${KIND_VI[latest.kind]}` : ""})`
        : "Chưa có số liệu";
      const pct = latest ? (percentOfGoal(latest.value, m.goal.value) ?? "") : "";
      const verdict = targetVerdictVi(m.evaluation.status);
      const note =
        latest && latest.year < endYear && !isFinalVerdict(m.evaluation.status)
          ? ` (theo số liệu năm ${latest.year}; chưa có số liệu năm ${endYear})`
          : "";
      return [
        { text: m.code, align: "center" },
        m.indicator?.nameVi ?? m.text,
        goalVi(m.goal),
        value,
        { text: pct, align: "right" },
        `${verdict}${note}`,
        sourceVi(latest?.source) || (m.indicator?.supplier?.name ?? ""),
      ];
    });
    return [
      { kind: "heading", level: 2, text: `${i + 1}. ${t.text.replace(/\s*\(\*?phụ lục[^)]*\)\.?$/iu, ".")}` },
      {
        kind: "paragraph",
        runs: [{ text: "Đánh giá: " }, { text: `${targetVerdictVi(t.overall.status)}.`, bold: true }],
      },
      {
        kind: "table",
        columns: [
          { header: "Mã", width: 6, align: "center" },
          { header: "Chỉ tiêu", width: 24 },
          { header: `Mục tiêu đến năm ${endYear}`, width: 14 },
          { header: "Kết quả thực hiện", width: 16 },
          { header: "Tỷ lệ so với mục tiêu", width: 10, align: "right" },
          { header: "Đánh giá", width: 16 },
          { header: "Nguồn số liệu", width: 14 },
        ],
        rows,
      },
    ];
  });
  return [
    { kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU" },
    {
      kind: "paragraph",
      runs: [
        {
          text: `Kế hoạch đề ra ${formatVnNumber(ev.targets.length)} mục tiêu đến năm ${endYear}. Theo số liệu đã công bố đến ngày lập báo cáo: ${parts.join("; ")}. Kết quả từng mục tiêu, tỷ lệ so với mục tiêu và nguồn số liệu như sau:`,
        },
      ],
    },
    ...perTarget,
  ];
}
