/**
 * The background reminder job of `kehoach serve`: every interval (default hourly) it runs the
 * reminders of every plan, for Vietnam's date — the same plans and regime as the manual run (a
 * plan whose regime was never saved runs on the default one, src/db/reporting/regime.ts). Several
 * server processes may run it at once: each reminder is claimed in the database, so none goes out
 * twice, and each e-mail leaves the outbox at most once (src/db/outbox.ts). Each run also retries
 * refused e-mails and logs those claimed but never confirmed sent. A run that is still going when
 * the next tick comes is not doubled; `stop` waits for it to finish.
 */

import { asc } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { describeError } from "../db/log-error.ts";
import { deliverOutbox, unconfirmedEmails } from "../db/outbox.ts";
import { isPlanClosed } from "../db/plan-closing/guard.ts";
import { vnDate } from "../db/reporting/reports.ts";
import { plans } from "../db/schema.ts";
import { createMailer, type Mailer, runReminders } from "../db/urging.ts";

export interface ReminderJob {
  /** Runs every plan's reminders now (the timer calls this); resolves with the totals. */
  runOnce(): Promise<{ plans: number; sent: number; skipped: number }>;
  /** Stops the timer and waits for a run in progress; closes the mailer. */
  stop(): Promise<void>;
}

export interface ReminderJobOptions {
  /** Defaults to `createMailer()` (null without SMTP_HOST). */
  mailer?: Mailer | null;
  /** The current time (tests). */
  now?: () => Date;
  /** Where failures and totals are written; defaults to stderr. */
  log?: (line: string) => void;
  /** Run once right away (default true), then every interval. */
  runAtStart?: boolean;
}

export const DEFAULT_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

export function startReminderJob(
  database: Database,
  intervalMs = DEFAULT_REMINDER_INTERVAL_MS,
  options: ReminderJobOptions = {},
): ReminderJob {
  const mailer = options.mailer === undefined ? createMailer() : options.mailer;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let running: Promise<{ plans: number; sent: number; skipped: number }> | null = null;
  let stopped = false;

  async function runAll() {
    const today = vnDate(now());
    // Every plan, as the manual run (POST /api/plans/{id}/reminders/run) takes any plan: not only
    // those with a saved regime (issue 8, defect 14).
    const all = await database.db.select({ planId: plans.id }).from(plans).orderBy(asc(plans.id));
    const total = { plans: all.length, sent: 0, skipped: 0 };
    for (const { planId } of all) {
      if (stopped) break;
      try {
        // A closed plan is read-only (issue 10 §1): nobody is reminded of it any more.
        if (await isPlanClosed(database.db, planId)) continue;
        const r = await runReminders(database.db, planId, today, mailer);
        total.sent += r.sent;
        total.skipped += r.skipped;
      } catch (err) {
        log(`Nhắc hạn báo cáo lỗi / reminder run failed (plan ${planId}): ${describeError(err)}`);
      }
    }
    if (mailer && !stopped) await deliverEmails(mailer);
    if (total.sent > 0)
      log(`Đã gửi ${total.sent} lời nhắc báo cáo / sent ${total.sent} reminder(s) (${today})`);
    return total;
  }

  /** Retries due e-mails of earlier runs; reports those claimed but never confirmed sent. */
  async function deliverEmails(m: Mailer) {
    try {
      await deliverOutbox(database.db, m);
      const unconfirmed = await unconfirmedEmails(database.db);
      if (unconfirmed.length)
        log(
          `Thư nhắc chưa xác nhận đã gửi (có thể đã gửi, không gửi lại) / e-mails claimed but not confirmed sent, not resent: ${unconfirmed.map((u) => `#${u.id} ${u.recipient} (${u.reminderKey})`).join("; ")}`,
        );
    } catch (err) {
      log(`Gửi thư nhắc lỗi / e-mail delivery failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function runOnce() {
    if (!running) {
      running = runAll().finally(() => {
        running = null;
      });
    }
    return running;
  }

  const tick = () => {
    if (stopped) return;
    runOnce().catch((err: unknown) =>
      log(`Nhắc hạn báo cáo lỗi / reminder job failed: ${describeError(err)}`),
    );
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  if (options.runAtStart ?? true) setImmediate(tick);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running.catch(() => undefined);
      mailer?.close();
    },
  };
}
