/**
 * "Gửi nhắc việc" (send reminders now) for one period: every agency late with its report on
 * `today` (late-agencies.ts: agencies that exist, successors for ceased ones) gets an urging
 * notification now — whatever the regime's reminder schedule says — for its reporters and
 * leaders, with an e-mail when a mailer is set. At most once per agency per period per day: the
 * claim is the reminders_sent key `urge:<period>:<agency>:<day>` (the same claim-then-notify
 * transaction as the scheduled reminders in urging.ts, audited).
 */
import { eq } from "drizzle-orm";
import { formatVnNumber } from "../domain/vn-number.ts";
import type { Db } from "./connection.ts";
import type { Mailer } from "./mailer.ts";
import { deliverOutbox } from "./outbox.ts";
import { sendClaimedReminder } from "./reminder-claim.ts";
import { type ActorRef, SYSTEM } from "./reporting/actor.ts";
import { lateAgencies } from "./reporting/late-agencies.ts";
import { plans, reportingPeriods } from "./schema.ts";
import { periodLabelVi, planName, reportLink, vnDateText } from "./urging.ts";

export interface UrgeNowResult {
  periodId: number;
  periodLabel: string;
  /** Agencies notified by this call, with how many people each. */
  sent: { agencyId: number; agencyName: string; people: number }[];
  /** Late agencies already urged today for this period (not sent again). */
  skipped: { agencyId: number; agencyName: string }[];
}

/** Sends the period's urging now to each late agency not yet urged today. */
export async function urgeLateNow(
  db: Db,
  planId: number,
  periodId: number,
  today: string,
  mailer?: Mailer | null,
  actor: ActorRef = SYSTEM,
): Promise<UrgeNowResult> {
  const late = await lateAgencies(db, planId, periodId, today);
  const [period] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, periodId));
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  const label = periodLabelVi(period?.label ?? "");
  const planTitle = plan ? planName(plan) : `kế hoạch ${planId}`;
  const result: UrgeNowResult = { periodId, periodLabel: period?.label ?? "", sent: [], skipped: [] };
  for (const l of late) {
    const instead = l.replaces.length ? ` (thay cho ${l.replaces.map((r) => r.name).join(", ")})` : "";
    const title = `Đôn đốc: quá hạn gửi báo cáo kỳ ${label}`;
    const people = await sendClaimedReminder(
      db,
      {
        key: `urge:${periodId}:${l.agencyId}:${today}`,
        expectedReportId: l.expectedReportId,
        kind: "urge",
        planId,
        agencyId: l.agencyId,
        agencyName: l.agencyName,
        title,
        subject: `[kehoach] ${title}`,
        body: `${l.agencyName}${instead} chưa gửi báo cáo kỳ ${label} về thực hiện ${planTitle}; hạn gửi là ngày ${vnDateText(l.due)}, đã quá hạn ${formatVnNumber(l.workingDaysOverdue)} ngày làm việc.${l.taskCodes.length ? ` Nhiệm vụ chưa hoàn thành: số ${l.taskCodes.join(", ")}.` : ""} Đề nghị khẩn trương hoàn thành và gửi báo cáo.`,
        link: reportLink(l.expectedReportId),
        auditAction: "reminder.urge",
        auditAfter: { agencyId: l.agencyId, expectedReportIds: l.expectedReportIds },
      },
      mailer,
      actor,
    );
    if (people === null) result.skipped.push({ agencyId: l.agencyId, agencyName: l.agencyName });
    else result.sent.push({ agencyId: l.agencyId, agencyName: l.agencyName, people });
  }
  if (mailer) await deliverOutbox(db, mailer);
  return result;
}
