/**
 * Sending a step's e-mails after its transaction committed (issue 9 §2; src/db/outbox.ts): the
 * step wrote them to the outbox; here they leave, each at most once. A refused or failed send
 * stays in the outbox and the reminder job retries it; the step itself has succeeded either way,
 * so nothing here reaches the user's answer.
 */
import type { Db } from "../db/connection.ts";
import { describeError } from "../db/log-error.ts";
import { createMailer, smtpConfigured } from "../db/mailer.ts";
import { deliverOutbox } from "../db/outbox.ts";

/** Delivers the outbox in the background when SMTP is configured; logs a failure. */
export function deliverAfterCommit(db: Db, env: Record<string, string | undefined> = process.env): void {
  if (!smtpConfigured(env)) return;
  void (async () => {
    const mailer = createMailer(env);
    if (!mailer) return;
    try {
      await deliverOutbox(db, mailer, { limit: 50 });
    } catch (err) {
      process.stderr.write(`Gửi thư thông báo lỗi / notification e-mail failed: ${describeError(err)}\n`);
    } finally {
      mailer.close();
    }
  })();
}
