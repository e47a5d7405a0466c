/**
 * A closed plan's final task statuses (issue 10 §1): written once by closePlan, as of the plan's
 * last day (31/12 of its last year), with the lead agencies of that day. After closing, a report
 * accepted late or a reorganisation can no longer change what the plan achieved: readers are shown
 * these rows, never a recomputation (Quyết định 42/2014: the final assessment of a task is made at
 * the end of the term).
 */
import { date, integer, jsonb, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { plans, tasks } from "./plans.ts";

export const planFinalStatuses = pgTable(
  "plan_final_statuses",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    /** task-status.ts TaskStatus as of the plan's end. */
    status: text("status").notNull(),
    due: date("due", { mode: "string" }),
    doneOn: date("done_on", { mode: "string" }),
    /** The lead agencies on the plan's last day (assignments-on.ts), by id and name. */
    leads: jsonb("leads").$type<{ id: number; name: string }[]>().notNull(),
    /** The day the statuses were judged on (the plan's last day). */
    asOf: date("as_of", { mode: "string" }).notNull(),
  },
  (t) => [uniqueIndex("plan_final_statuses_plan_task_uq").on(t.planId, t.taskId)],
);
