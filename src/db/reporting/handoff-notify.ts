/**
 * Telling each person of a report's hand-off (issue 9 §2): every step of the workflow writes, in
 * its own transaction, an in-app notification for whoever must act or know next, and — when
 * SMTP is configured — the same text as an e-mail row of the outbox (src/db/outbox.ts), sent
 * after the commit, at most once. A notification's key names the step (the report's version
 * after it), and (user, key) is unique: a step is never announced twice, even if retried.
 *
 * The text is Vietnamese (the period as documents write it, "Quý IV/2026"); `params` keeps what
 * it was made from, so the web app writes it in English when the user reads English.
 */
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { periodTitle } from "../../domain/periods.ts";
import type { Tx } from "../audit.ts";
import { smtpConfigured } from "../mailer.ts";
import { enqueueNotificationEmails } from "../outbox.ts";
import { agencies, notifications, roleAssignments, users } from "../schema.ts";
import type { ActorRef } from "./actor.ts";

/** What happened to the report, as the notification's kind says it ("report.<event>"). */
export type HandoffEvent =
  | "ready" // reporter sent the draft to the leader
  | "taken_back" // reporter took it back before the leader acted
  | "sent_back" // leader sent it back to the reporter with a comment
  | "submitted" // the report reached the coordinator (again: submission > 1)
  | "returned" // coordinator returned it with a comment
  | "accepted" // coordinator accepted it
  | "extended"; // coordinator granted a later due date

export interface HandoffNotice {
  event: HandoffEvent;
  expectedReportId: number;
  planId: number;
  agencyId: number;
  periodLabel: string;
  /** Makes the step unique: the report's version after the step (the new due date for "extended"). */
  stepKey: string | number;
  comment?: string | null;
  /** The submission's number (1, 2…) for "submitted", "returned", "accepted". */
  submission?: number;
  /** The new due date (ISO) for "extended". */
  due?: string;
  now: Date;
  /** Write the e-mails too; defaults to whether SMTP is configured (SMTP_HOST). */
  email?: boolean;
}

/** "2026-12-16" → "16/12/2026". */
function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** Enabled users holding one of `roles` for the agency in the plan (role agency, else the user's). */
function agencyPeople(tx: Tx, planId: number, agencyId: number, roles: string[]) {
  return tx
    .selectDistinct({ id: users.id, email: users.email, displayName: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        inArray(roleAssignments.role, roles),
        or(eq(roleAssignments.planId, planId), isNull(roleAssignments.planId)),
        sql`coalesce(${roleAssignments.agencyId}, ${users.agencyId}) = ${agencyId}`,
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.id));
}

/** The plan's coordinators (a coordinator role for this plan or for every plan), enabled. */
function coordinators(tx: Tx, planId: number) {
  return tx
    .selectDistinct({ id: users.id, email: users.email, displayName: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, "coordinator"),
        or(eq(roleAssignments.planId, planId), isNull(roleAssignments.planId)),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.id));
}

/** Does the agency have an enabled leader account in the plan? (None: nobody can approve.) */
export async function agencyHasLeader(tx: Tx, planId: number, agencyId: number): Promise<boolean> {
  return (await agencyPeople(tx, planId, agencyId, ["leader"])).length > 0;
}

/** Who is told of each event. */
function audience(tx: Tx, n: HandoffNotice) {
  switch (n.event) {
    case "ready":
    case "taken_back":
      return agencyPeople(tx, n.planId, n.agencyId, ["leader"]);
    case "sent_back":
      return agencyPeople(tx, n.planId, n.agencyId, ["reporter"]);
    case "submitted":
      return coordinators(tx, n.planId);
    default:
      return agencyPeople(tx, n.planId, n.agencyId, ["reporter", "leader"]);
  }
}

/** The Vietnamese title and body of a notice (the web app writes the English one from `params`). */
export function handoffText(n: HandoffNotice, agencyName: string, actorName: string) {
  const period = periodTitle(n.periodLabel)?.vi ?? n.periodLabel;
  const times = n.submission && n.submission > 1 ? ` (lần ${n.submission})` : "";
  const said = n.comment?.trim() ? ` Ý kiến: “${n.comment.trim()}”` : "";
  switch (n.event) {
    case "ready":
      return {
        title: `Báo cáo ${period} chờ lãnh đạo duyệt`,
        body: `${actorName} đã chuyển báo cáo kỳ ${period} của ${agencyName} để lãnh đạo xem xét, phê duyệt và gửi cơ quan điều phối.`,
      };
    case "taken_back":
      return {
        title: `Báo cáo ${period} đã được rút lại để sửa`,
        body: `${actorName} đã rút lại báo cáo kỳ ${period} của ${agencyName} trước khi lãnh đạo duyệt.`,
      };
    case "sent_back":
      return {
        title: `Lãnh đạo chuyển lại báo cáo ${period} để chỉnh sửa`,
        body: `${actorName} chưa phê duyệt báo cáo kỳ ${period} của ${agencyName} và chuyển lại để chỉnh sửa.${said}`,
      };
    case "submitted":
      return {
        title:
          n.submission && n.submission > 1
            ? `${agencyName} gửi lại báo cáo ${period}${times}`
            : `${agencyName} đã gửi báo cáo ${period}`,
        body: `Báo cáo kỳ ${period} của ${agencyName}${times} đã đến, chờ xem xét.`,
      };
    case "returned":
      return {
        title: `Báo cáo ${period} bị trả lại`,
        body: `Cơ quan điều phối trả lại báo cáo kỳ ${period} của ${agencyName}${times}; cần chỉnh sửa và gửi lại.${said}`,
      };
    case "accepted":
      return {
        title: `Báo cáo ${period} đã được chấp nhận`,
        body: `Cơ quan điều phối đã chấp nhận báo cáo kỳ ${period} của ${agencyName}${times}.`,
      };
    case "extended":
      return {
        title: `Báo cáo ${period} được gia hạn đến ngày ${dmy(n.due ?? "")}`,
        body: `Cơ quan điều phối gia hạn gửi báo cáo kỳ ${period} của ${agencyName} đến ngày ${dmy(n.due ?? "")}. Lý do: ${n.comment ?? ""}`,
      };
  }
}

/** The path of the report in the web app; absolute when KEHOACH_PUBLIC_URL is set (e-mails). */
function reportPath(id: number): { link: string; absolute: string } {
  const base = process.env.KEHOACH_PUBLIC_URL?.replace(/\/+$/, "") ?? "";
  return { link: `/reports/${id}`, absolute: `${base}/reports/${id}` };
}

/**
 * Writes the notices of one step in the caller's transaction (the step's): one notification per
 * person concerned (never the actor), once per step; with e-mail on, one outbox row per new
 * notification whose user has an address. Returns the ids of the users notified.
 */
export async function notifyHandoff(tx: Tx, n: HandoffNotice, actor: ActorRef): Promise<number[]> {
  const people = (await audience(tx, n)).filter((p) => p.id !== actor.userId);
  if (people.length === 0) return [];
  const [agency] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, n.agencyId));
  const [me] =
    actor.userId === null
      ? []
      : await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
  const agencyName = agency?.name ?? `#${n.agencyId}`;
  const actorName = me?.name ?? actor.username;
  const text = handoffText(n, agencyName, actorName);
  const { link, absolute } = reportPath(n.expectedReportId);
  const key = `report:${n.expectedReportId}:${n.stepKey}:${n.event}`;
  const params = {
    period: n.periodLabel,
    agency: agencyName,
    actor: actorName,
    comment: n.comment ?? null,
    submission: n.submission ?? null,
    due: n.due ?? null,
  };
  const inserted = await tx
    .insert(notifications)
    .values(
      people.map((p) => ({
        userId: p.id,
        key,
        kind: `report.${n.event}`,
        title: text.title,
        body: text.body,
        link,
        params,
        createdAt: n.now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
  if (n.email ?? smtpConfigured()) {
    const byId = new Map(people.map((p) => [p.id, p]));
    await enqueueNotificationEmails(
      tx,
      inserted.flatMap((row) => {
        const p = byId.get(row.userId);
        if (!p?.email) return [];
        return [
          {
            notificationId: row.id,
            to: p.email,
            subject: `[kehoach] ${text.title}`,
            text: `Kính gửi: ${p.displayName},\n\n${text.body}\n\nXem báo cáo: ${absolute}\n\nThư gửi tự động từ hệ thống kehoach, xin không trả lời thư này.`,
          },
        ];
      }),
    );
  }
  return inserted.map((r) => r.userId);
}
