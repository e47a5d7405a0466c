/** Urging: in-app notifications and reminders claimed once. */
import { integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
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
