/**
 * Urging (đôn đốc, GLOSSARY.md): reminders to agencies whose periodic report is due soon or late,
 * as in-app notifications and e-mail, and the coordinator's urging letter (công văn đôn đốc).
 *
 * A reminder is sent exactly once, however many server processes run it: each is CLAIMED first by
 * inserting its key into reminders_sent (`on conflict do nothing returning`); only the process
 * whose insert returned the row notifies. Claim, notifications, the e-mails' outbox rows and the
 * audit row are one transaction, so a failure leaves the reminder unclaimed for the next run; the
 * e-mails are sent after the commit (outbox.ts: each at most once). On PostgreSQL a second
 * process inserting the same key waits for the first to commit, then finds the conflict.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "../domain/errors.ts";
import { periodTitle } from "../domain/periods.ts";
import { dueReminders, type Reminder } from "../domain/reminders.ts";
import { formatVnNumber } from "../domain/vn-number.ts";
import type { Db } from "./connection.ts";
import type { Mailer } from "./mailer.ts";
import { deliverOutbox } from "./outbox.ts";
import { sendClaimedReminder } from "./reminder-claim.ts";
import { type ActorRef, SYSTEM } from "./reporting/actor.ts";
import { listExpected } from "./reporting/expected.ts";
import { holidayDates } from "./reporting/holidays.ts";
import { lateAgencies } from "./reporting/late-agencies.ts";
import { getRegime } from "./reporting/regime.ts";
import { agencies, notifications, plans, reportingPeriods } from "./schema.ts";

/** Who receives an agency's reminders: defined with the claim that sends them. */
export { recipients } from "./reminder-claim.ts";

// ─── Formatting (Vietnamese) ──────────────────────────────────────────────────────────────

/** "2022-03-16" → "16/03/2022". */
export function vnDateText(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** A period's name as documents write it ("Quý I/2022", "6 tháng đầu năm 2022"); the label itself if unreadable. */
export function periodLabelVi(label: string): string {
  return periodTitle(label)?.vi ?? label;
}

/**
 * The place and date line of an official letter (Decree 30/2020, Appendix I): a day below 10 and
 * the months 1 and 2 take a leading zero — "Tuyên Quang, ngày 05 tháng 02 năm 2026", "ngày 21 tháng 3 năm 2022".
 */
export function placeDateLine(place: string, iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const day = String(d).padStart(2, "0");
  const month = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** "Kế hoạch số 62/KH-UBND", else "Kế hoạch phát triển công nghiệp tỉnh …" from the title. */
export function planName(plan: { number: string | null; title: string }): string {
  if (plan.number) return `Kế hoạch số ${plan.number}`;
  const title = plan.title.replace(/^Kế hoạch\s+/iu, "");
  return `Kế hoạch ${title.charAt(0).toLocaleLowerCase("vi")}${title.slice(1)}`;
}

/** Upper case the Vietnamese way (no locale surprises). */
function upper(s: string): string {
  return s.toLocaleUpperCase("vi");
}

// ─── E-mail (mailer.ts: SMTP; outbox.ts: sent after the claim commits) ───────────────────

export { createMailer, type Mailer, type MailMessage } from "./mailer.ts";

// ─── Reminders ────────────────────────────────────────────────────────────────────────────

interface ExpectedInfo {
  id: number;
  agencyId: number;
  agencyName: string;
  periodLabel: string;
  frequency: string;
  start: string;
  end: string;
}

/** The path of the report in the web app; absolute when KEHOACH_PUBLIC_URL is set. */
export function reportLink(
  expectedReportId: number,
  env: Record<string, string | undefined> = process.env,
): string {
  const base = env.KEHOACH_PUBLIC_URL?.replace(/\/+$/, "") ?? "";
  return `${base}/reports/${expectedReportId}`;
}

/** Title and body of a reminder, in Vietnamese. */
export function reminderText(r: Reminder, e: ExpectedInfo, planTitle: string) {
  const period = periodLabelVi(e.periodLabel);
  const window = `số liệu từ ngày ${vnDateText(e.start)} đến ngày ${vnDateText(e.end)}`;
  if (r.kind === "before") {
    const left =
      r.offset === 0 ? "hôm nay là ngày làm việc cuối cùng" : `còn ${formatVnNumber(r.offset)} ngày làm việc`;
    return {
      title: `Sắp đến hạn gửi báo cáo kỳ ${period}`,
      subject: `[kehoach] Nhắc gửi báo cáo kỳ ${period} – hạn ngày ${vnDateText(r.due)}`,
      body: `${e.agencyName}: báo cáo kỳ ${period} (${window}) về thực hiện ${planTitle} phải gửi chậm nhất ngày ${vnDateText(r.due)}; ${left}.`,
    };
  }
  return {
    title: `Quá hạn gửi báo cáo kỳ ${period}`,
    subject: `[kehoach] Đôn đốc: quá hạn gửi báo cáo kỳ ${period} (hạn ngày ${vnDateText(r.due)})`,
    body: `${e.agencyName} chưa gửi báo cáo kỳ ${period} (${window}) về thực hiện ${planTitle}; hạn gửi là ngày ${vnDateText(r.due)}, đã quá hạn ${formatVnNumber(r.offset)} ngày làm việc. Đề nghị khẩn trương hoàn thành và gửi báo cáo.`,
  };
}

export interface RunResult {
  /** Reminders this run claimed and sent. */
  sent: number;
  /** Reminders due today that were already claimed (by an earlier run or another process). */
  skipped: number;
}

/**
 * Sends the plan's reminders due on `today` (ISO date, Vietnamese calendar day): each is claimed
 * once, then becomes an in-app notification for every reporter and leader of the agency and, with
 * a mailer, an e-mail to those of them with an address.
 */
export async function runReminders(
  db: Db,
  planId: number,
  today: string,
  mailer?: Mailer | null,
  actor: ActorRef = SYSTEM,
): Promise<RunResult> {
  const regime = await getRegime(db, planId);
  const holidays = await holidayDates(db);
  const [plan] = await db
    .select({ title: plans.title, number: plans.number })
    .from(plans)
    .where(eq(plans.id, planId));
  const planTitle = plan ? planName(plan) : `kế hoạch ${planId}`;
  const expected = await listExpected(db, { planId });
  const info = new Map<number, ExpectedInfo>(
    expected.map((e) => [
      e.id,
      {
        id: e.id,
        agencyId: e.agency.id,
        agencyName: e.agency.name,
        periodLabel: e.period.label,
        frequency: e.period.frequency,
        start: e.period.start,
        end: e.period.end,
      },
    ]),
  );
  const due = dueReminders(
    expected.map((e) => ({
      id: e.id,
      agencyId: e.agency.id,
      due: e.due,
      extendedDue: e.extendedDue,
      state: e.state,
    })),
    regime,
    today,
    holidays,
  );
  const result: RunResult = { sent: 0, skipped: 0 };
  for (const reminder of due) {
    const e = info.get(reminder.expectedReportId);
    if (!e) continue;
    const text = reminderText(reminder, e, planTitle);
    const people = await sendClaimedReminder(
      db,
      {
        key: reminder.key,
        expectedReportId: reminder.expectedReportId,
        kind: reminder.kind,
        planId,
        agencyId: reminder.agencyId,
        agencyName: e.agencyName,
        ...text,
        link: reportLink(reminder.expectedReportId),
        auditAction: "reminder.send",
        auditAfter: { kind: reminder.kind, offset: reminder.offset, due: reminder.due },
      },
      mailer,
      actor,
    );
    const sent = people !== null;
    if (sent) result.sent++;
    else result.skipped++;
  }
  if (mailer) await deliverOutbox(db, mailer);
  return result;
}

// ─── Notifications ────────────────────────────────────────────────────────────────────────

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  /** A report hand-off's facts (period code, agency, comment…): the web app's English text. */
  params: Record<string, string | number | null> | null;
  createdAt: string;
  readAt: string | null;
}

function present(n: typeof notifications.$inferSelect): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    params: n.params ?? null,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

/** The user's notifications, newest first (at most `limit`). */
export async function listNotifications(
  db: Db,
  userId: number,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<NotificationView[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), options.unreadOnly ? isNull(notifications.readAt) : undefined),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? 200);
  return rows.map(present);
}

/** Marks one of the user's own notifications read (idempotent); NOT_FOUND for anyone else's. */
export async function markRead(
  db: Db,
  userId: number,
  id: number,
  now = new Date(),
): Promise<NotificationView> {
  const [updated] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  if (!updated)
    throw new AppError("NOT_FOUND", {
      en: `Notification ${id} does not exist.`,
      vi: `Không tìm thấy thông báo ${id}.`,
    });
  return present(updated);
}

// ─── The urging letter (công văn đôn đốc) ─────────────────────────────────────────────────

export { type LateAgency, lateAgencies } from "./reporting/late-agencies.ts";

function signatureTitle(kind: string | null, name: string): string {
  if (kind === "department" || /^Sở\s/u.test(name)) return "GIÁM ĐỐC";
  if (kind === "board" || /^Ban\s/u.test(name)) return "TRƯỞNG BAN";
  if (kind === "people_committee") return "CHỦ TỊCH";
  return "THỦ TRƯỞNG CƠ QUAN";
}

/**
 * The urging letter for one period as plain text, addressed to the agencies late with their
 * report on `today`: issuing body (the regime's coordinator agency), national title, number and
 * place-date line, subject, addressees, what each owes, the request, the closing "./.",
 * "Nơi nhận:" and the signer's title. The documents capability lays it out per Decree 30/2020.
 * Addressed to agencies that exist on `today` (late-agencies.ts); null when no agency is late.
 */
export async function urgingLetter(
  db: Db,
  planId: number,
  periodId: number,
  today: string,
): Promise<string | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan)
    throw new AppError("NOT_FOUND", {
      en: `Plan ${planId} does not exist.`,
      vi: `Không tìm thấy kế hoạch ${planId}.`,
    });
  const [period] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.id, periodId), eq(reportingPeriods.planId, planId)));
  if (!period)
    throw new AppError("NOT_FOUND", {
      en: `Period ${periodId} is not a period of plan ${planId}.`,
      vi: `Kỳ báo cáo ${periodId} không thuộc kế hoạch ${planId}.`,
    });
  const label = periodLabelVi(period.label);
  const regime = await getRegime(db, planId);
  const issuerRow = regime.coordinatorAgency
    ? (await db.select().from(agencies).where(eq(agencies.id, regime.coordinatorAgency.id)))[0]
    : undefined;
  const issuerName = issuerRow?.name ?? "Sở Công Thương";
  // The coordinator's own agency is listed when it is late too (walkthrough E: it was left out).
  const late = await lateAgencies(db, planId, periodId, today);
  if (late.length === 0) return null;
  const province = plan.province || issuerRow?.province || "";
  const parentRow = issuerRow?.parentId
    ? (await db.select().from(agencies).where(eq(agencies.id, issuerRow.parentId)))[0]
    : undefined;
  // The superior body, not bold, above the issuing body (Decree 30/2020): a provincial department's is the People's Committee.
  const parentLine =
    parentRow && parentRow.kind !== "people_committee"
      ? upper(parentRow.name)
      : province && issuerRow?.kind !== "people_committee"
        ? `UBND TỈNH ${upper(province)}`
        : null;
  const symbol = issuerRow?.shortName && !/\s/.test(issuerRow.shortName) ? issuerRow.shortName : "SCT";
  const receiver = regime.receiverAgency?.name ?? issuerName;
  const planRef = planName(plan);
  const about = plan.number
    ? planName({ number: null, title: plan.title }).replace(/^Kế hoạch /u, "về ")
    : null;
  const planFull = [
    planRef,
    plan.issuedOn ? `ngày ${vnDateText(plan.issuedOn)}` : null,
    plan.issuer ? `của ${plan.issuer}` : null,
    about,
  ]
    .filter(Boolean)
    .join(" ");
  const anyExtended = late.some((l) => l.extended);

  const lines: string[] = [];
  if (parentLine) lines.push(parentLine);
  lines.push(upper(issuerName));
  lines.push("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  lines.push("Độc lập - Tự do - Hạnh phúc");
  lines.push("");
  lines.push(`Số: …/${symbol}-…`);
  lines.push(`V/v đôn đốc gửi báo cáo tình hình thực hiện ${planRef} kỳ ${label}`);
  lines.push(placeDateLine(province || "……", today));
  lines.push("");
  lines.push("Kính gửi:");
  for (const [i, l] of late.entries()) lines.push(`- ${l.agencyName}${i === late.length - 1 ? "." : ";"}`);
  lines.push("");
  lines.push(
    `Thực hiện ${planFull} và chế độ báo cáo định kỳ theo Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ, các cơ quan, đơn vị được giao nhiệm vụ gửi báo cáo kỳ ${label} (số liệu từ ngày ${vnDateText(period.windowStart)} đến ngày ${vnDateText(period.windowEnd)}) về ${receiver} chậm nhất ngày ${vnDateText(period.due)}${anyExtended ? " (hoặc hạn đã được gia hạn)" : ""}.`,
  );
  lines.push("");
  lines.push(
    `Đến ngày ${vnDateText(today)}, ${issuerName} chưa nhận được báo cáo của ${formatVnNumber(late.length)} cơ quan, đơn vị sau:`,
  );
  late.forEach((l, i) => {
    const tasks = l.taskCodes.length
      ? `; các nhiệm vụ chưa hoàn thành do đơn vị chủ trì hoặc phối hợp: số ${l.taskCodes.join(", ")}`
      : "";
    const instead = l.replaces.length ? ` (thay cho ${l.replaces.map((r) => r.name).join(", ")})` : "";
    lines.push(
      `${i + 1}. ${l.agencyName}${instead}: báo cáo kỳ ${label}, hạn gửi ngày ${vnDateText(l.due)}${l.extended ? " (đã gia hạn)" : ""}, đã quá hạn ${formatVnNumber(l.workingDaysOverdue)} ngày làm việc${tasks}.`,
    );
  });
  lines.push("");
  lines.push(
    `Để kịp thời tổng hợp, báo cáo ${plan.issuer ?? "cấp có thẩm quyền"} theo quy định, ${issuerName} đề nghị các cơ quan, đơn vị nêu trên khẩn trương hoàn thành và gửi báo cáo kỳ ${label} về ${receiver}.`,
  );
  lines.push("");
  lines.push(`Rất mong nhận được sự phối hợp của các cơ quan, đơn vị./.`);
  lines.push("");
  lines.push("Nơi nhận:");
  lines.push("- Như trên;");
  if (plan.issuer) lines.push(`- ${plan.issuer} (b/c);`);
  lines.push(
    issuerRow?.kind === "department" || /^Sở\s/u.test(issuerName) ? "- Lãnh đạo Sở;" : "- Lãnh đạo đơn vị;",
  );
  lines.push("- Lưu: VT, ….");
  lines.push("");
  lines.push(signatureTitle(issuerRow?.kind ?? null, issuerName));
  return lines.join("\n");
}
