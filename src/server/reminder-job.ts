/**
 * The background reminder job of `kehoach serve`: every interval (default hourly) it runs the
 * reminders of every plan with a saved regime, for Vietnam's date. Several server processes may
 * run it at once: each reminder is claimed in the database, so none goes out twice. A run that is
 * still going when the next tick comes is not doubled; `stop` waits for it to finish.
 */
import type { Database } from "../db/connection.ts";
import { describeError } from "../db/log-error.ts";
import { vnDate } from "../db/reporting/reports.ts";
import { reportingRegimes } from "../db/schema.ts";
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
    const regimes = await database.db.select({ planId: reportingRegimes.planId }).from(reportingRegimes);
    const total = { plans: regimes.length, sent: 0, skipped: 0 };
    for (const { planId } of regimes) {
      if (stopped) break;
      try {
        const r = await runReminders(database.db, planId, today, mailer);
        total.sent += r.sent;
        total.skipped += r.skipped;
      } catch (err) {
        log(`Nhắc hạn báo cáo lỗi / reminder run failed (plan ${planId}): ${describeError(err)}`);
      }
    }
    if (total.sent > 0)
      log(`Đã gửi ${total.sent} lời nhắc báo cáo / sent ${total.sent} reminder(s) (${today})`);
    return total;
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
