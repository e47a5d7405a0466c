/** The reporting loop (Decree 09/2019): holidays, regimes, periods, expected reports, reports and their versions. */
import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { agencies } from "./agencies.ts";
import { plans, tasks } from "./plans.ts";

// ─── Reporting regime and periods (Decree 09/2019) ────────────────────────────────────────

/**
 * Public holidays and civil-service days off, as data: lunar Tết moves every year and the
 * Government fixes the exact days off each year (REGULATIONS.md §1). Administrators correct it.
 */
export const holidays = pgTable("holidays", {
  date: date("date", { mode: "string" }).primaryKey(),
  name: text("name").notNull(),
  /** true for the statutory holiday (Labour Code Art. 112), false for a bridged day off. */
  official: boolean("official").notNull().default(true),
  source: text("source"),
});

/**
 * A plan's reporting regime (Decree 09/2019 Art. 8, 12): which frequencies, the deadline rule
 * per frequency in working days after the cut-off window ends (≥ 1, Art. 8.5), to whom, and
 * when to remind.
 */
export const reportingRegimes = pgTable(
  "reporting_regimes",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    frequencies: jsonb("frequencies").$type<string[]>().notNull(),
    /** Working days after the window's end, per frequency: {"monthly": 2, "quarterly": 2, …}. */
    deadlineDays: jsonb("deadline_days").$type<Record<string, number>>().notNull(),
    receiverAgencyId: integer("receiver_agency_id").references(() => agencies.id),
    coordinatorAgencyId: integer("coordinator_agency_id").references(() => agencies.id),
    /** Reminder offsets in working days: before the due date, and after it. */
    remindBefore: jsonb("remind_before").$type<number[]>().notNull(),
    remindAfter: jsonb("remind_after").$type<number[]>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reporting_regimes_plan_uq").on(t.planId)],
);

/** Who reports under a regime: by default the plan's leads and coordinators and known group members. */
export const regimeReporters = pgTable(
  "regime_reporters",
  {
    regimeId: integer("regime_id")
      .notNull()
      .references(() => reportingRegimes.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.regimeId, t.agencyId] })],
);

/** One reporting period of a plan: its cut-off window (Decree 09/2019 Art. 12) and due date. */
export const reportingPeriods = pgTable(
  "reporting_periods",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    frequency: text("frequency").notNull(),
    /** "2022-01", "2022-Q1", "2022-H1", "2022-9M", "2022". */
    label: text("label").notNull(),
    windowStart: date("window_start", { mode: "string" }).notNull(),
    windowEnd: date("window_end", { mode: "string" }).notNull(),
    due: date("due", { mode: "string" }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    /**
     * Demo history (src/db/seed-history.ts, `npm start`): invented reports to show the loop, never
     * real reporting. Everything under the period is demo; the UI says "Dữ liệu minh họa" and an
     * administrator can remove it (removeDemoHistory).
     */
    demo: boolean("demo").notNull().default(false),
  },
  (t) => [uniqueIndex("reporting_periods_plan_label_uq").on(t.planId, t.frequency, t.label)],
);

/** A report an agency owes for a period; an extension moves its due date, with a reason. */
export const expectedReports = pgTable(
  "expected_reports",
  {
    id: serial("id").primaryKey(),
    periodId: integer("period_id")
      .notNull()
      .references(() => reportingPeriods.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    due: date("due", { mode: "string" }).notNull(),
    extendedDue: date("extended_due", { mode: "string" }),
    extensionReason: text("extension_reason"),
    extendedBy: integer("extended_by").references(() => users.id),
  },
  (t) => [uniqueIndex("expected_reports_period_agency_uq").on(t.periodId, t.agencyId)],
);

/**
 * The agency's report for one expected report: the working draft (task_updates) and its state.
 * `version` is the optimistic lock: every save must name the version it started from.
 */
export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    expectedReportId: integer("expected_report_id")
      .notNull()
      .references(() => expectedReports.id),
    /**
     * draft | awaiting_leader | submitted | accepted | returned (src/domain/report-workflow.ts);
     * "approved" is an old value no step writes any more.
     */
    state: text("state").notNull(),
    version: integer("version").notNull().default(1),
    summary: text("summary"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    late: boolean("late"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
    /**
     * The agency leader's comment when sending the draft back to the reporter (never leaves the
     * agency: the coordinator reviews only submitted versions). Kept until the next submission;
     * the audit log keeps every one.
     */
    leaderComment: text("leader_comment"),
    leaderCommentAt: timestamp("leader_comment_at", { withTimezone: true }),
    leaderCommentBy: integer("leader_comment_by").references(() => users.id),
  },
  (t) => [uniqueIndex("reports_expected_uq").on(t.expectedReportId)],
);

/** What the report says of one task in the working draft. */
export const taskUpdates = pgTable(
  "task_updates",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    /** not_started | in_progress | done | done_with_product | stalled */
    status: text("status").notNull(),
    progress: integer("progress"),
    result: text("result"),
    productDocument: text("product_document"),
    productDate: date("product_date", { mode: "string" }),
    difficulties: text("difficulties"),
    proposals: text("proposals"),
  },
  (t) => [uniqueIndex("task_updates_report_task_uq").on(t.reportId, t.taskId)],
);

/** Every submitted version, frozen (read-only): its content, and the review it received. */
export const reportVersions = pgTable(
  "report_versions",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    number: integer("number").notNull(),
    content: jsonb("content").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedBy: integer("submitted_by").references(() => users.id),
    late: boolean("late").notNull(),
    /** null while waiting for review; "accepted" or "returned" after. */
    outcome: text("outcome"),
    reviewComment: text("review_comment"),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("report_versions_report_number_uq").on(t.reportId, t.number)],
);

/** A file attached to a report (PDF, DOCX, XLSX, image). Kept in the database: never lost with a disk. */
export const attachments = pgTable("attachments", {
  id: serial("id").primaryKey(),
  reportId: integer("report_id")
    .notNull()
    .references(() => reports.id),
  taskId: integer("task_id").references(() => tasks.id),
  filename: text("filename").notNull(),
  mime: text("mime").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  content: text("content_base64").notNull(),
  uploadedBy: integer("uploaded_by").references(() => users.id),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});
