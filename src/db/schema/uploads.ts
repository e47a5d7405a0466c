/**
 * Where a large indicator upload waits before it is visible (issue 8: other users stay under
 * 200 ms while the largest file is uploaded). On PGlite one connection serves everyone, so a
 * transaction storing 5,000 figures made every other query wait ~0.8 s. The figures are staged
 * here in short statements — no reader of indicator_values sees this table — and one short
 * transaction copies the batch into indicator_values with the audit row: the upload is still
 * all or nothing for every user. A batch is deleted after it is copied or when storing fails;
 * one left by a crash is deleted by the next upload (stagedAt older than a day).
 */
import { doublePrecision, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const indicatorValueStaging = pgTable(
  "indicator_value_staging",
  {
    /** One upload's random batch key. */
    batch: text("batch").notNull(),
    /** The id the figure will have in indicator_values (taken from its sequence when staged). */
    id: integer("id").notNull(),
    indicatorId: integer("indicator_id").notNull(),
    period: text("period").notNull(),
    scope: text("scope").notNull(),
    kind: text("kind").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull(),
    comment: text("comment"),
    enteredBy: integer("entered_by"),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
    stagedAt: timestamp("staged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.batch, t.id] })],
);
