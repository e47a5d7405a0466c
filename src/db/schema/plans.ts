/** Plans as imported: groups, targets with measures, tasks with milestones and assignments; the audit log. */
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";

/** A plan document as imported. The content hash refuses a second import of the same file. */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    number: text("number"),
    issuer: text("issuer"),
    /** Province whose agencies the plan assigns ("" for a central body's plan). */
    province: text("province").notNull().default(""),
    issuedOn: date("issued_on", { mode: "string" }),
    periodStart: integer("period_start"),
    periodEnd: integer("period_end"),
    basis: jsonb("basis").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    sections: jsonb("sections")
      .$type<{ heading: string; text: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    implementation: text("implementation"),
    warnings: jsonb("warnings")
      .$type<{ where: string; code: string; message: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    sourceFile: text("source_file"),
    /**
     * Published to the public page (/public/plans/:id, issue 10 §2): off until an administrator
     * switches it on; the investors' page shows the plan, its targets and the zones' free land.
     */
    isPublic: boolean("is_public").notNull().default(false),
    contentHash: text("content_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Closing (issue 10 §1): set once by closePlan (src/db/plan-closing/close.ts) after the plan's
     * end; from then every write through the plan is refused PLAN_CLOSED and reads show the
     * statuses frozen in plan_final_statuses. closed_by is the user's id (users lives in
     * accounts.ts, which imports this file: no foreign key, the audit row names the person).
     */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: integer("closed_by"),
    /** The finalised end-of-plan review the closing rests on (documents capability; optional for now). */
    reviewDocumentId: integer("review_document_id"),
  },
  (t) => [uniqueIndex("plans_content_hash_uq").on(t.contentHash)],
);

export const taskGroups = pgTable(
  "task_groups",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    code: text("code").notNull(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
  },
  (t) => [uniqueIndex("task_groups_plan_code_uq").on(t.planId, t.code)],
);

export const targets = pgTable(
  "targets",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    code: text("code").notNull(),
    text: text("text").notNull(),
    year: integer("year"),
    sortKey: text("sort_key").notNull(),
  },
  (t) => [uniqueIndex("targets_plan_code_uq").on(t.planId, t.code)],
);

/** One number in a target: "trên 27.700 tỷ đồng" is {value 27700, unit "tỷ đồng", comparator ">"}. */
export const measures = pgTable("measures", {
  id: serial("id").primaryKey(),
  targetId: integer("target_id")
    .notNull()
    .references(() => targets.id),
  seq: integer("seq").notNull(),
  value: doublePrecision("value").notNull(),
  unit: text("unit").notNull(),
  comparator: text("comparator").notNull(),
  text: text("text").notNull(),
});

/**
 * One row of the plan's assignment table. The schedule is stored whole (jsonb) and its
 * parts denormalised (kind, first due) so the task list can filter and sort in SQL.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    groupId: integer("group_id").references(() => taskGroups.id),
    code: text("code").notNull(),
    sortKey: text("sort_key").notNull(),
    content: text("content").notNull(),
    body: text("body"),
    deadlineText: text("deadline_text").notNull(),
    continuous: boolean("continuous").notNull(),
    recurrence: text("recurrence"),
    scheduleKind: text("schedule_kind").notNull(),
    firstDue: date("first_due", { mode: "string" }),
    lastDue: date("last_due", { mode: "string" }),
    note: text("note"),
  },
  (t) => [
    uniqueIndex("tasks_plan_code_uq").on(t.planId, t.code),
    index("tasks_first_due_idx").on(t.firstDue),
  ],
);

export const milestones = pgTable(
  "milestones",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    seq: integer("seq").notNull(),
    due: date("due", { mode: "string" }).notNull(),
    start: date("start", { mode: "string" }),
    action: text("action"),
    product: text("product"),
    quantity: text("quantity"),
    text: text("text").notNull(),
  },
  (t) => [index("milestones_task_idx").on(t.taskId), index("milestones_due_idx").on(t.due)],
);

/**
 * Who a task is assigned to: role "lead" or "coordinator", pointing at an agency or a group,
 * keeping the words as written in the plan.
 */
export const taskAssignments = pgTable(
  "task_assignments",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    role: text("role").notNull(),
    seq: integer("seq").notNull(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    asWritten: text("as_written").notNull(),
    /**
     * Validity (REGULATIONS.md §5): null = from the plan's start / without end. A reorganisation
     * ends a ceased agency's assignment the day before it takes effect and adds its successor's
     * from that day; the old row is kept (who owned the task when).
     */
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    /** The assignment this one continues (the ceased agency's row), and the reorganisation that made it. */
    replacesId: integer("replaces_id"),
    reorganisationId: integer("reorganisation_id"),
  },
  (t) => [
    index("task_assignments_task_idx").on(t.taskId),
    index("task_assignments_agency_idx").on(t.agencyId),
  ],
);

/**
 * Append-only audit log: who, what, when, before and after. Each row carries the hash of the
 * previous one so a rewritten history is detectable (MODEL.md: AuditEntry hash-chained).
 * `plan_id` / `province` say who may read the row (the plan's coordinators; a province's rows
 * every coordinator of a plan of that province; neither: administrators only). They are an
 * index for reading, outside the hash, so rows written before they existed could be filled in
 * without breaking the chain (src/db/audit.ts).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
    planId: integer("plan_id"),
    province: text("province"),
  },
  (t) => [index("audit_log_plan_idx").on(t.planId), index("audit_log_province_idx").on(t.province)],
);
