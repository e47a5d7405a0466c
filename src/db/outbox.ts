/**
 * The e-mail outbox (issue 8, defect 14). A reminder's e-mails used to be sent inside the
 * transaction that claimed it: a crash after the SMTP server accepted one and before the commit
 * left the reminder unclaimed, and the next run sent it again. Now:
 *
 *  1. the claim transaction only WRITES the e-mails here (enqueueEmails), and commits;
 *  2. deliverOutbox CLAIMS one row in its own committed statement (claimed_at; `FOR UPDATE SKIP
 *     LOCKED`, so two server processes never claim the same row), sends it, then MARKS it sent.
 *
 * The crash window is now "sent but not marked": such a row keeps claimed_at without sent_at and
 * is never sent again automatically — at most once, the issue's choice (a reminder twice is the
 * defect; a reminder missing is visible in the app, where every reminder is also a notification).
 * After CLAIM_TIMEOUT_MS it is listed by unconfirmedEmails and logged by the reminder job for a
 * person to check. The report hand-offs' e-mails (issue 9) travel the same way, one row per
 * notification (reminder_key null, notification_id set). A send the SMTP server refuses (or cannot be reached for) was not accepted:
 * the row is released and retried with backoff, at most MAX_ATTEMPTS times.
 */
import { and, asc, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "./audit.ts";
import type { Db } from "./connection.ts";
import type { Mailer, MailMessage } from "./mailer.ts";
import { emailOutbox } from "./schema.ts";

/** A row is tried at most this many times; then it stays unsent with its last error. */
export const MAX_ATTEMPTS = 5;
/** A claimed row not marked sent after this long is reported (maybe sent, maybe not): 10 minutes. */
export const CLAIM_TIMEOUT_MS = 10 * 60 * 1000;

/** Wait before the next try after `attempts` failed ones: 1, 4, 16, 64 minutes. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 4 ** Math.max(0, attempts - 1);
}

/** Writes a reminder's e-mails in the caller's transaction (the reminder's claim); a recipient once per reminder. */
export async function enqueueEmails(
  tx: Tx,
  reminderKey: string,
  messages: readonly MailMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  await tx
    .insert(emailOutbox)
    .values(messages.map((m) => ({ reminderKey, recipient: m.to, subject: m.subject, body: m.text })))
    .onConflictDoNothing();
}

/**
 * Writes a report hand-off's e-mails in the step's transaction (src/db/reporting/handoff-notify.ts):
 * one per notification (unique notification_id), so a step's e-mail is queued once.
 */
export async function enqueueNotificationEmails(
  tx: Tx,
  messages: readonly (MailMessage & { notificationId: number })[],
): Promise<void> {
  if (messages.length === 0) return;
  await tx
    .insert(emailOutbox)
    .values(
      messages.map((m) => ({
        notificationId: m.notificationId,
        recipient: m.to,
        subject: m.subject,
        body: m.text,
      })),
    )
    .onConflictDoNothing();
}

export interface DeliverOptions {
  /** The clock (tests); defaults to the real time. */
  now?: () => Date;
  /** At most this many rows per call (the next call continues). */
  limit?: number;
}

export interface DeliverResult {
  sent: number;
  /** Sends refused or failed this call (retried later unless out of attempts). */
  failed: number;
}

type Claimed = { id: number; recipient: string; subject: string; body: string; attempts: number };

/** Claims the oldest due row for this process, committed before anything is sent; null when none. */
async function claimOne(db: Db, now: Date): Promise<Claimed | null> {
  const at = now.toISOString();
  const res = await db.execute(sql`
    update ${emailOutbox}
       set claimed_at = ${at}::timestamptz, attempts = attempts + 1
     where id = (select id from ${emailOutbox}
                  where sent_at is null and claimed_at is null
                    and attempts < ${MAX_ATTEMPTS} and next_attempt_at <= ${at}::timestamptz
                  order by id
                  limit 1
                  for update skip locked)
       and sent_at is null and claimed_at is null
    returning id, recipient, subject, body, attempts`);
  const rows = (res as unknown as { rows: Claimed[] }).rows;
  const row = rows[0];
  return row ? { ...row, id: Number(row.id), attempts: Number(row.attempts) } : null;
}

/** Sends the outbox's due rows, each at most once (see the file comment). */
export async function deliverOutbox(
  db: Db,
  mailer: Mailer,
  options: DeliverOptions = {},
): Promise<DeliverResult> {
  const now = options.now ?? (() => new Date());
  const result: DeliverResult = { sent: 0, failed: 0 };
  for (let i = 0; i < (options.limit ?? 500); i++) {
    const row = await claimOne(db, now());
    if (!row) break;
    try {
      await mailer.send({ to: row.recipient, subject: row.subject, text: row.body });
    } catch (err) {
      // Not accepted: release the claim for a later try (none after MAX_ATTEMPTS).
      const next = new Date(now().getTime() + retryDelayMs(row.attempts));
      await db.execute(sql`
        update ${emailOutbox}
           set claimed_at = null, next_attempt_at = ${next.toISOString()}::timestamptz,
               last_error = ${(err instanceof Error ? err.message : String(err)).slice(0, 1000)}
         where id = ${row.id}`);
      result.failed++;
      continue;
    }
    await db.execute(
      sql`update ${emailOutbox} set sent_at = ${now().toISOString()}::timestamptz, last_error = null where id = ${row.id}`,
    );
    result.sent++;
  }
  return result;
}

export interface UnconfirmedEmail {
  id: number;
  /** The reminder's key, or "notification #id" for a report hand-off's e-mail. */
  reminderKey: string;
  recipient: string;
  claimedAt: Date;
}

/**
 * Rows claimed more than CLAIM_TIMEOUT_MS ago and never marked sent: the process stopped between
 * the SMTP conversation and the mark. Maybe delivered, maybe not — never resent automatically.
 */
export async function unconfirmedEmails(db: Db, now: Date = new Date()): Promise<UnconfirmedEmail[]> {
  const rows = await db
    .select({
      id: emailOutbox.id,
      reminderKey: emailOutbox.reminderKey,
      notificationId: emailOutbox.notificationId,
      recipient: emailOutbox.recipient,
      claimedAt: emailOutbox.claimedAt,
    })
    .from(emailOutbox)
    .where(
      and(
        isNull(emailOutbox.sentAt),
        isNotNull(emailOutbox.claimedAt),
        lt(emailOutbox.claimedAt, new Date(now.getTime() - CLAIM_TIMEOUT_MS)),
      ),
    )
    .orderBy(asc(emailOutbox.id));
  return rows.map(({ notificationId, ...r }) => ({
    ...r,
    reminderKey: r.reminderKey ?? `notification #${notificationId}`,
    claimedAt: r.claimedAt as Date,
  }));
}
