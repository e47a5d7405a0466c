/**
 * The urging letter (công văn đôn đốc, GLOSSARY.md) as an official letter (Decree 30/2020/NĐ-CP
 * Appendix I, form of a công văn): from the monitoring agency to the agencies late with a period's
 * report on the day — only agencies that exist then (a ceased agency's duty and tasks go to its
 * successor, REGULATIONS.md §5) — each with its OWN open tasks. Who is late and which tasks are
 * theirs is the one late list (src/db/reporting/late-agencies.ts), the same the copy-paste text
 * and "Gửi nhắc việc" use; this file only words and lays it out.
 */
import { and, eq, inArray } from "drizzle-orm";
import { DRAFTING_UNIT, draftNumber, roleVi } from "../../domain/document-wording.ts";
import { AppError } from "../../domain/errors.ts";
import type { Block, OfficialDocument } from "../../domain/official-document.ts";
import { formatVnNumber } from "../../domain/vn-number.ts";
import { addWorkingDays } from "../../domain/working-days.ts";
import type { Db } from "../connection.ts";
import { holidayDates } from "../reporting/holidays.ts";
import { agencyOwnTasks, lateAgencies } from "../reporting/late-agencies.ts";
import { tasks } from "../schema.ts";
import { periodLabelVi, vnDateText } from "../urging.ts";
import type { BuildRequest } from "./build.ts";
import { documentIssuer } from "./issuer.ts";
import { periodOf } from "./period-of.ts";

/** Working days the letter gives the late agencies to send (a chosen rule: one working week). */
export const URGING_GRACE_WORKING_DAYS = 5;

export async function buildUrgingLetter(db: Db, req: BuildRequest): Promise<OfficialDocument> {
  const who = await documentIssuer(db, req.planId);
  const period = await periodOf(db, req.planId, req.period);
  const late = await lateAgencies(db, req.planId, period.id, req.today);
  if (late.length === 0)
    throw new AppError("INVALID_STATE", {
      en: `No agency is late with the report for ${period.label} on ${req.today}: there is nobody to urge.`,
      vi: `Đến ngày ${vnDateText(req.today)} không có cơ quan nào chậm gửi báo cáo kỳ ${periodLabelVi(period.label)}: không có nơi cần đôn đốc.`,
    });
  const label = periodLabelVi(period.label);
  // The role and wording of each open task: the owners are the addressee and the ceased agencies it answers for.
  const ownerIds = late.flatMap((l) => [l.agencyId, ...l.replaces.map((r) => r.id)]);
  const own = await agencyOwnTasks(db, req.planId, ownerIds, req.today);
  const codes = [...new Set(late.flatMap((l) => l.taskCodes))];
  const taskRows = codes.length
    ? await db
        .select({ id: tasks.id, code: tasks.code, content: tasks.content, deadline: tasks.deadlineText })
        .from(tasks)
        .where(and(eq(tasks.planId, req.planId), inArray(tasks.code, codes)))
    : [];
  const byCode = new Map(taskRows.map((t) => [t.code, t]));
  const requestBy = addWorkingDays(req.today, URGING_GRACE_WORKING_DAYS, await holidayDates(db));
  const anyExtended = late.some((l) => l.extended);

  const body: Block[] = [
    para(
      `Thực hiện ${who.planFull} và Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước, các cơ quan, đơn vị được giao nhiệm vụ gửi báo cáo kỳ ${label} (số liệu từ ngày ${vnDateText(period.windowStart)} đến ngày ${vnDateText(period.windowEnd)}) về ${who.receiverName} chậm nhất ngày ${vnDateText(period.due)}${anyExtended ? " hoặc đến hạn đã được gia hạn" : ""}.`,
    ),
    para(
      `Đến ngày ${vnDateText(req.today)}, ${who.issuerName} chưa nhận được báo cáo kỳ ${label} của ${formatVnNumber(late.length)} cơ quan, đơn vị dưới đây. Các nhiệm vụ chưa hoàn thành mà từng cơ quan, đơn vị chủ trì hoặc phối hợp thực hiện như sau:`,
    ),
  ];
  late.forEach((l, i) => {
    const instead = l.replaces.length
      ? ` (tiếp nhận nhiệm vụ của ${l.replaces.map((r) => r.name).join(", ")})`
      : "";
    const overdue = `hạn gửi báo cáo ngày ${vnDateText(l.due)}${l.extended ? " (đã gia hạn)" : ""}, đã quá hạn ${formatVnNumber(l.workingDaysOverdue)} ngày làm việc`;
    body.push({
      kind: "paragraph",
      runs: [
        { text: `${i + 1}. ${l.agencyName}`, bold: true },
        {
          text: `${instead}: ${overdue}${l.taskCodes.length ? `; ${formatVnNumber(l.taskCodes.length)} nhiệm vụ chưa hoàn thành:` : "; không còn nhiệm vụ chưa hoàn thành do đơn vị chủ trì hoặc phối hợp, đề nghị gửi báo cáo theo quy định."}`,
        },
      ],
    });
    if (!l.taskCodes.length) return;
    const ids = new Set([l.agencyId, ...l.replaces.map((r) => r.id)]);
    const roleOf = (taskId: number) => {
      const roles = [...ids].flatMap((id) =>
        (own.get(id) ?? []).filter((t) => t.taskId === taskId).map((t) => t.role),
      );
      return roleVi(roles.includes("lead") ? "lead" : "coordinator");
    };
    body.push({
      kind: "table",
      columns: [
        { header: "STT", width: 6, align: "center" },
        { header: "Nhiệm vụ số", width: 10, align: "center" },
        { header: "Nội dung nhiệm vụ", width: 54 },
        { header: "Vai trò", width: 12, align: "center" },
        { header: "Thời hạn", width: 18, align: "center" },
      ],
      rows: l.taskCodes.map((code, n) => {
        const t = byCode.get(code);
        return [String(n + 1), code, t?.content ?? "", t ? roleOf(t.id) : "", t?.deadline ?? ""];
      }),
    });
  });
  body.push(
    {
      kind: "paragraph",
      section: "request",
      runs: [
        {
          text: `Để kịp thời tổng hợp, báo cáo ${who.planIssuer} theo quy định, ${who.issuerName} đề nghị các cơ quan, đơn vị nêu trên khẩn trương hoàn thành báo cáo kỳ ${label}, nêu rõ kết quả, tiến độ thực hiện từng nhiệm vụ được giao và khó khăn, vướng mắc (nếu có), gửi về ${who.receiverName} trước ngày ${vnDateText(requestBy)}.`,
        },
      ],
    },
    para(`Rất mong nhận được sự phối hợp của các cơ quan, đơn vị.`),
  );

  return {
    kind: "urging",
    orientation: "portrait",
    issuerParent: who.parent,
    issuer: who.issuer,
    number: draftNumber(who.symbol, DRAFTING_UNIT),
    place: who.place,
    date: null,
    excerpt: `V/v đôn đốc báo cáo và thực hiện nhiệm vụ theo ${who.planShort}, kỳ ${label}`,
    addressees: late.map((l) => l.agencyName),
    body,
    recipients: [
      "Như trên",
      `${who.planIssuer} (b/c)`,
      who.isDepartment ? "Giám đốc, các Phó Giám đốc Sở" : "Lãnh đạo đơn vị",
      `Lưu: VT, ${DRAFTING_UNIT}`,
    ],
    signature: { lines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "" },
    closingMark: true,
    meta: { planId: req.planId, period: period.label, builtAt: req.today, language: "vi" },
  };
}

function para(text: string): Block {
  return { kind: "paragraph", runs: [{ text }] };
}
