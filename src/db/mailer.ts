/**
 * Sending e-mail: the SMTP mailer the reminders use (configured by SMTP_* variables). What is sent
 * and when is the outbox's business (outbox.ts): a message is handed to `send` once, after the
 * reminder's claim has committed.
 */
import nodemailer from "nodemailer";
import { AppError } from "../domain/errors.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly from: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Is e-mail configured (SMTP_HOST set)? Without it, people get the in-app notification only. */
export function smtpConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMTP_HOST?.trim());
}

/**
 * The SMTP mailer configured by SMTP_HOST, SMTP_PORT (default 587; 465 means implicit TLS),
 * SMTP_FROM and optionally SMTP_USER/SMTP_PASS; null when SMTP_HOST is unset (in-app
 * notifications only).
 */
export function createMailer(env: Record<string, string | undefined> = process.env): Mailer | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new AppError("VALIDATION", {
      en: `SMTP_PORT "${env.SMTP_PORT}" is not a port number.`,
      vi: `SMTP_PORT "${env.SMTP_PORT}" không phải là số cổng hợp lệ.`,
    });
  }
  const from = env.SMTP_FROM?.trim() || `kehoach <no-reply@${host}>`;
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: port === 465,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    from,
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transport.close();
    },
  };
}
