/**
 * One reminder, sent exactly once (urging.ts explains the claim): insert its key into
 * reminders_sent (`on conflict do nothing returning`) and, only if this call claimed it, notify the
 * agency's reporters and leaders in the app, put their e-mails in the outbox and append the audit
 * row — all in one transaction, so a failure leaves the key unclaimed for the next run. Both the
 * scheduled reminders (urging.ts runReminders) and "Gửi nhắc việc" (urging-now.ts) send through it.
 */
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { appendAudit, type Tx } from "./audit.ts";
import type { Db } from "./connection.ts";
import type { Mailer } from "./mailer.ts";
import { enqueueEmails } from "./outbox.ts";
import type { ActorRef } from "./reporting/actor.ts";
import { notifications, remindersSent, roleAssignments, users } from "./schema.ts";

/** Users who receive an agency's reminders in a plan: its reporters and leaders (enabled accounts). */
export async function recipients(q: Db | Tx, planId: number, agencyId: number) {
  return q
    .selectDistinct({ id: users.id, email: users.email, displayName: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        inArray(roleAssignments.role, ["reporter", "leader"]),
        or(eq(roleAssignments.planId, planId), isNull(roleAssignments.planId)),
        sql`coalesce(${roleAssignments.agencyId}, ${users.agencyId}) = ${agencyId}`,
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.id));
}

export interface ClaimedReminder {
  /** The never-twice key (reminders_sent.key), also each notification's key. */
  key: string;
  expectedReportId: number;
  /** reminders_sent.kind: before | late | urge. */
  kind: string;
  planId: number;
  /** Whose reporters and leaders are told. */
  agencyId: number;
  agencyName: string;
  title: string;
  subject: string;
  body: string;
  link: string;
  /** The audit row's action and the facts it keeps besides the key, the people and the e-mails. */
  auditAction: string;
  auditAfter: Record<string, unknown>;
}

/** Claims and sends `r`; the number of people notified, or null when it was already claimed. */
export async function sendClaimedReminder(
  db: Db,
  r: ClaimedReminder,
  mailer: Mailer | null | undefined,
  actor: ActorRef,
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(remindersSent)
      .values({ key: r.key, expectedReportId: r.expectedReportId, kind: r.kind })
      .onConflictDoNothing({ target: remindersSent.key })
      .returning({ key: remindersSent.key });
    if (claimed.length === 0) return null;
    const people = await recipients(tx as Tx, r.planId, r.agencyId);
    if (people.length)
      await tx
        .insert(notifications)
        .values(
          people.map((p) => ({
            userId: p.id,
            key: r.key,
            kind: `reminder.${r.kind}`,
            title: r.title,
            body: r.body,
            link: r.link,
          })),
        )
        .onConflictDoNothing();
    // E-mails go to the outbox in this transaction and are sent after it commits (outbox.ts):
    // a crash after the SMTP server accepted one can no longer send it again.
    const emailedTo: string[] = [];
    if (mailer) {
      const messages = people.flatMap((p) =>
        p.email
          ? [
              {
                to: p.email,
                subject: r.subject,
                text: `Kính gửi: ${p.displayName} (${r.agencyName}),\n\n${r.body}\n\nXem và cập nhật báo cáo: ${r.link}\n\nThư gửi tự động từ hệ thống kehoach, xin không trả lời thư này.`,
              },
            ]
          : [],
      );
      await enqueueEmails(tx as Tx, r.key, messages);
      emailedTo.push(...messages.map((m) => m.to));
      await tx.update(remindersSent).set({ emailedTo }).where(eq(remindersSent.key, r.key));
    }
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: r.auditAction,
      entity: "expected_report",
      entityId: r.expectedReportId,
      planId: r.planId,
      after: { key: r.key, ...r.auditAfter, notified: people.map((p) => p.id), emailedTo },
    });
    return people.length;
  });
}
