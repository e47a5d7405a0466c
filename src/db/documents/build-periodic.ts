/**
 * The periodic aggregate report (báo cáo định kỳ) of a plan for a period: what the monitoring
 * department (Sở Công Thương in the demo) sends up to the UBND tỉnh every period (the plan's
 * "TỔ CHỨC THỰC HIỆN": "định kỳ báo cáo tiến độ, kết quả thực hiện"). Layout by the writers
 * (Decree 30/2020 Appendix I); content here, from the accepted reports and the indicator values
 * as of the report's day (periodic-period.ts): I. targets, II. tasks by status and reporting
 * discipline, III. difficulties and proposals, IV. what falls due next. A draft: no number, no
 * date; the prose sections carry `section` keys for the coordinator's edits.
 */
import {
  deputySignature,
  draftNumberLine,
  periodInWords,
  vnDateText,
} from "../../domain/document-wording.ts";
import type { Block, OfficialDocument } from "../../domain/official-document.ts";
import { periodTitle } from "../../domain/periods.ts";
import type { Db } from "../connection.ts";
import { acceptedUpdates } from "./accepted-updates.ts";
import type { BuildRequest } from "./build.ts";
import { annexTable } from "./build-annex.ts";
import { type Letterhead, loadLetterhead } from "./letterhead.ts";
import { issueBlocks } from "./periodic-issues.ts";
import { nextBlocks } from "./periodic-next.ts";
import { resolveReportPeriod } from "./periodic-period.ts";
import { reportingBlocks } from "./periodic-reporting.ts";
import { targetBlocks } from "./periodic-targets.ts";
import { taskBlocks } from "./periodic-tasks.ts";

/** "Kế hoạch phát triển công nghiệp tỉnh … giai đoạn 2021 - 2025": the plan as prose names it. */
export function planName(title: string): string {
  const t = title.trim().replace(/[.;]+$/u, "");
  return /^kế hoạch\b/iu.test(t)
    ? `Kế hoạch ${t.replace(/^kế hoạch\s*/iu, "")}`
    : `Kế hoạch ${t.charAt(0).toLocaleLowerCase("vi")}${t.slice(1)}`;
}

/** "Kế hoạch số 12/KH-UBND ngày 05/04/2021 của UBND tỉnh về …" when the plan's number is known. */
function planBasis(h: Letterhead): string {
  const p = h.plan;
  const issuer = h.receiverShort;
  if (p.number)
    return `Kế hoạch số ${p.number}${p.issuedOn ? ` ngày ${vnDateText(p.issuedOn)}` : ""} của ${issuer} về ${planName(p.title).replace(/^Kế hoạch /, "")}`;
  return `${planName(p.title)} của ${issuer}`;
}

export async function buildPeriodicReport(db: Db, req: BuildRequest): Promise<OfficialDocument> {
  const h = await loadLetterhead(db, req.planId);
  const period = await resolveReportPeriod(db, req.planId, req.period ?? "", req.today);
  const words = periodInWords(period.label);
  const coveredIds = period.covered.map((p) => p.id);
  const updates = await acceptedUpdates(db, req.planId, period.asOf, coveredIds);
  const coveredWords =
    period.covered.length && period.covered.some((p) => p.label !== period.label)
      ? period.covered.map((p) => periodTitle(p.label)?.vi ?? p.label).join(", ")
      : null;

  const opening: Block = {
    kind: "paragraph",
    section: "opening",
    runs: [
      {
        text: `Thực hiện ${planBasis(h)} (sau đây gọi là Kế hoạch); trên cơ sở báo cáo của các cơ quan, đơn vị được giao nhiệm vụ, ${h.agencyName} báo cáo kết quả thực hiện Kế hoạch ${words} (số liệu tổng hợp đến ngày ${vnDateText(period.asOf)}) như sau:`,
      },
    ],
  };
  const targets = await targetBlocks(db, req.planId, period.label, words, period.asOf);
  const tasks = await taskBlocks(db, req.planId, period.asOf, updates);
  const reporting = await reportingBlocks(db, req.planId, coveredIds, period.asOf, coveredWords);
  const codeOf = new Map(tasks.statuses.map((s) => [s.taskId, s.code]));
  const issues = issueBlocks(updates, codeOf, {
    agencyName: h.agencyName,
    receiverShort: h.receiverShort,
    notReported: reporting.notReported.map((a) => a.name),
  });
  const next = await nextBlocks(db, period.next, tasks.statuses, h.plan.periodEnd);
  const closing: Block = {
    kind: "paragraph",
    section: "closing",
    runs: [
      {
        text: `Trên đây là báo cáo kết quả thực hiện Kế hoạch ${words} của ${h.agencyName}, kính báo cáo ${h.receiverShort} xem xét, chỉ đạo.`,
      },
    ],
  };
  const leaders = h.agencyName.startsWith("Sở ") ? "Lãnh đạo Sở" : "Lãnh đạo đơn vị";
  return {
    kind: "periodic",
    orientation: "portrait",
    issuerParent: h.issuerParent,
    issuer: h.issuer,
    number: draftNumberLine("BC", h.abbreviation),
    place: h.place,
    date: null,
    title: "BÁO CÁO",
    summary: `Kết quả thực hiện ${planName(h.plan.title)} ${words}`,
    body: [
      opening,
      ...targets.blocks,
      ...tasks.blocks,
      ...reporting.blocks,
      ...issues.blocks,
      ...next.blocks,
      closing,
      // Appendix I: the annex follows the signed text on its own pages (layout.ts splitBody).
      { kind: "pageBreak" },
      await annexTable(db, req, h, period).then((t) => ({ ...t, title: `PHỤ LỤC: ${t.title}` })),
    ],
    recipients: [`${h.receiverShort} (b/c)`, leaders, "Lưu: VT"],
    signature: deputySignature(h.agencyName),
    closingMark: true,
    meta: { planId: req.planId, period: period.label, builtAt: req.today, language: "vi" },
  };
}
