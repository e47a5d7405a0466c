/**
 * Reorganisations of agencies (REGULATIONS.md §5): a decision an administrator records, its
 * changes (merge, rename, split, dissolve), and every row an applied one changed, so reversing it
 * restores exactly what it changed.
 */
import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The decision. `number` null = not confirmed ("chưa xác nhận"): the March 2025 mergers of Tuyên
 * Quang follow the national pattern of Nghị định 45/2025/NĐ-CP, their local decision is not known.
 * state: draft → applied → reversed (a reversed one may be applied again).
 */
export const reorganisations = pgTable(
  "reorganisations",
  {
    id: serial("id").primaryKey(),
    province: text("province").notNull(),
    title: text("title").notNull(),
    number: text("number"),
    signedOn: date("signed_on", { mode: "string" }),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    basis: text("basis"),
    /**
     * Move the accounts (users, their roles) acting for a ceased agency to its successor. The
     * demo keeps its old accounts where they were, for the 2022–2025 history they wrote, and
     * has accounts of the successors instead (seed-accounts.ts).
     */
    moveAccounts: boolean("move_accounts").notNull().default(true),
    state: text("state").notNull().default("draft"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    appliedBy: text("applied_by"),
    reversedAt: timestamp("reversed_at", { withTimezone: true }),
    reversedBy: text("reversed_by"),
  },
  (t) => [index("reorganisations_province_idx").on(t.province)],
);

/**
 * One change: kind merge | rename | dissolve (every `from` agency → `to`), or split (`from` one
 * agency → its tasks divided explicitly in `taskSplit`; `to` receives the accounts and the
 * successor link).
 */
export const reorganisationChanges = pgTable(
  "reorganisation_changes",
  {
    id: serial("id").primaryKey(),
    reorganisationId: integer("reorganisation_id")
      .notNull()
      .references(() => reorganisations.id),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(),
    fromAgencyIds: jsonb("from_agency_ids").$type<number[]>().notNull(),
    toAgencyId: integer("to_agency_id").notNull(),
    /** split only: task id → the agency that takes it. */
    taskSplit: jsonb("task_split").$type<{ taskId: number; agencyId: number }[]>(),
    note: text("note"),
  },
  (t) => [index("reorganisation_changes_reorg_idx").on(t.reorganisationId)],
);

/**
 * What an applied reorganisation did, row by row: `before` null = the row was inserted (reverse
 * deletes it), else the columns it had (reverse writes them back).
 */
export const reorganisationEffects = pgTable(
  "reorganisation_effects",
  {
    id: serial("id").primaryKey(),
    reorganisationId: integer("reorganisation_id")
      .notNull()
      .references(() => reorganisations.id),
    tableName: text("table_name").notNull(),
    rowId: integer("row_id").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
  },
  (t) => [index("reorganisation_effects_reorg_idx").on(t.reorganisationId)],
);
