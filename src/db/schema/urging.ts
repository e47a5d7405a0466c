/** Urging: in-app notifications, reminders claimed once, and their e-mails (an outbox). */
import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { expectedReports } from "./reporting.ts";

// ─── Urging ───────────────────────────────────────────────────────────────────────────────

/** In-app notifications. `key` makes a reminder unique across processes and restarts. */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    /** What the text was made from (period, agency, comment…): the UI writes it in English from these. */
    params: jsonb("params").$type<Record<string, string | number | null>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("notifications_user_key_uq").on(t.userId, t.key)],
);

/** A reminder claimed for sending: expected report × kind × day. Never sent twice. */
export const remindersSent = pgTable("reminders_sent", {
  key: text("key").primaryKey(),
  expectedReportId: integer("expected_report_id")
    .notNull()
    .references(() => expectedReports.id),
  kind: text("kind").notNull(),
  emailedTo: jsonb("emailed_to").$type<string[]>(),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * E-mails to send, written in the transaction that claims their reminder (or takes the report
 * step they announce) and sent afterwards
 * (src/db/outbox.ts): a row is claimed (claimed_at, committed) before the SMTP conversation and
 * marked sent_at after it, so a crash in between never sends it twice — the row is reported as
 * unconfirmed instead. A refused send is released for a retry (next_attempt_at, attempts, last_error).
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: serial("id").primaryKey(),
    /** The reminder this e-mail belongs to; null for a hand-off's e-mail (then notification_id). */
    reminderKey: text("reminder_key").references(() => remindersSent.key),
    /** The hand-off notification this e-mail repeats (one e-mail per notification). */
    notificationId: integer("notification_id").references(() => notifications.id),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("email_outbox_reminder_recipient_uq").on(t.reminderKey, t.recipient),
    uniqueIndex("email_outbox_notification_uq").on(t.notificationId),
    index("email_outbox_pending_idx").on(t.sentAt, t.claimedAt, t.nextAttemptAt),
  ],
);
