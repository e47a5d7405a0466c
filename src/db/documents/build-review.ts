/**
 * The end-of-plan review (báo cáo tổng kết thực hiện Kế hoạch 2021–2025) as an official report
 * (Decree 30/2020/NĐ-CP Appendix I, form of a báo cáo): I. the targets with their final figures,
 * goals, share reached, verdicts and sources (evaluatePlanTargets); II. every task's outcome at
 * the plan's end with its lead agency of that day; III. the difficulties and proposals the
 * agencies wrote in their accepted reports, attributed, and the lessons; IV. the directions for
 * the next period. Prose the coordinator rewrites carries a `section` key.
 *
 * The targets are judged on the day the review is made (`today`), about the years up to the
 * plan's end: a year's official figure is published the year after, so "as of 31/12/2025" no
 * final figure could be known; evaluate.ts's own "known on" rule keeps the figures honest.
 */
import { DRAFTING_UNIT, draftNumber } from "../../domain/document-wording.ts";
import { AppError } from "../../domain/errors.ts";
import type { Block, OfficialDocument } from "../../domain/official-document.ts";
import { formatVnNumber } from "../../domain/vn-number.ts";
import type { Db } from "../connection.ts";
import { evaluatePlanTargets } from "../indicators/evaluate.ts";
import { finalTaskStatuses } from "../plan-closing/final-statuses.ts";
import type { BuildRequest } from "./build.ts";
import { documentIssuer } from "./issuer.ts";
import { attribution, compileRemarks, type Remark } from "./review-lessons.ts";
import { targetBlocks } from "./review-targets.ts";
import { isDoneStatus, taskBlocks } from "./review-tasks.ts";

export async function buildReview(db: Db, req: BuildRequest): Promise<OfficialDocument> {
  const who = await documentIssuer(db, req.planId);
  const { plan } = who;
  const final = await finalTaskStatuses(db, req.planId);
  if (!final || !plan.periodEnd)
    throw new AppError("VALIDATION", {
      en: "The plan names no period: there is no end to review.",
      vi: "Kế hoạch không ghi giai đoạn thực hiện: không có kỳ để tổng kết.",
    });
  const endYear = plan.periodEnd;
  const span = `${plan.periodStart ?? endYear}–${endYear}`;
  const ev = await evaluatePlanTargets(db, req.planId, req.today);
  const remarks = await compileRemarks(db, req.planId, final.last);
  const notDone = final.items.filter((t) => !isDoneStatus(t.status) && t.status !== "reported");
  const missed = ev.targets.filter((t) => t.overall.status !== "achieved" && t.overall.status !== "exceeded");

  const body: Block[] = [
    {
      kind: "paragraph",
      section: "opening",
      runs: [
        {
          text: `Thực hiện ${who.planFull}, ${who.issuerName} tổng hợp kết quả thực hiện Kế hoạch giai đoạn ${span} từ báo cáo của các cơ quan, đơn vị và số liệu thống kê, báo cáo ${who.planIssuer} như sau:`,
        },
      ],
    },
    ...targetBlocks(ev, endYear),
    ...taskBlocks(final.items, final.last, final.frozen),
    { kind: "heading", level: 1, text: "III. KHÓ KHĂN, VƯỚNG MẮC, BÀI HỌC KINH NGHIỆM VÀ KIẾN NGHỊ" },
    { kind: "heading", level: 2, text: "1. Khó khăn, vướng mắc các cơ quan, đơn vị đã báo cáo" },
    ...remarkBlocks(remarks.difficulties, "Các báo cáo đã được tiếp nhận không nêu khó khăn, vướng mắc."),
    { kind: "heading", level: 2, text: "2. Bài học kinh nghiệm" },
    {
      kind: "paragraph",
      section: "lessons",
      runs: [
        {
          text: `Qua ${formatVnNumber(endYear - (plan.periodStart ?? endYear) + 1)} năm thực hiện, việc phân công rõ cơ quan chủ trì, thời hạn và sản phẩm của từng nhiệm vụ, cùng với chế độ báo cáo định kỳ, là điều kiện để theo dõi, đôn đốc kịp thời; những nhiệm vụ chậm tiến độ chủ yếu do vướng mắc về thủ tục, nguồn lực và sự phối hợp giữa các cơ quan nêu tại Mục 1.`,
        },
      ],
    },
    { kind: "heading", level: 2, text: "3. Kiến nghị, đề xuất" },
    ...remarkBlocks(remarks.proposals, "Các báo cáo đã được tiếp nhận không nêu kiến nghị, đề xuất."),
    { kind: "heading", level: 1, text: `IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO` },
    {
      kind: "paragraph",
      section: "directions",
      runs: [
        {
          text: `Tiếp tục chỉ đạo hoàn thành ${formatVnNumber(notDone.length)} nhiệm vụ chưa hoàn thành nêu tại Mục II${missed.length ? ` và tập trung các giải pháp cho ${formatVnNumber(missed.length)} mục tiêu chưa đạt hoặc chưa đủ số liệu đánh giá nêu tại Mục I` : ""}; kế thừa các nhiệm vụ thường xuyên vào kế hoạch phát triển công nghiệp giai đoạn ${endYear + 1}–${endYear + 5}; tiếp tục theo dõi, đôn đốc việc báo cáo định kỳ của các cơ quan, đơn vị.`,
        },
      ],
    },
  ];

  return {
    kind: "review",
    orientation: "portrait",
    issuerParent: who.parent,
    issuer: who.issuer,
    number: draftNumber("BC", who.symbol),
    place: who.place,
    date: null,
    title: "BÁO CÁO",
    summary: `Tổng kết thực hiện ${who.planShort.replace(/\s+giai đoạn\s+\d{4}\s*-\s*\d{4}$/u, "")} giai đoạn ${span}`,
    body,
    recipients: [
      `${who.planIssuer} (b/c)`,
      "Các sở, ban, ngành, UBND các huyện, thành phố",
      who.isDepartment ? "Giám đốc, các Phó Giám đốc Sở" : "Lãnh đạo đơn vị",
      `Lưu: VT, ${DRAFTING_UNIT}`,
    ],
    signature: { lines: ["GIÁM ĐỐC"], name: "" },
    closingMark: true,
    meta: { planId: req.planId, period: null, builtAt: req.today, language: "vi" },
  };
}

/** One bullet per remark, attributed; a sentence when there is none. */
function remarkBlocks(list: Remark[], none: string): Block[] {
  if (!list.length) return [{ kind: "paragraph", runs: [{ text: none }] }];
  return list.map((r) => ({
    kind: "bullet" as const,
    runs: [{ text: `${r.text}. ` }, { text: `(${attribution(r)})`, italic: true }],
  }));
}
