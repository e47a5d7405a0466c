/**
 * Generated documents (issue 10 §1): a draft the coordinator edits, then finalises with its
 * number and date. The final model is kept whole, so a finalised document is rendered again from
 * exactly the data it was issued with (Decree 30/2020 Art. 15: an issued text is not changed; a
 * correction is a new text), never rebuilt from today's database.
 */
import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { OfficialDocument } from "../../domain/official-document.ts";
import { users } from "./accounts.ts";
import { plans } from "./plans.ts";

export const documents = pgTable(
  "documents",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    /** periodic | annex | urging | review (official-document.ts DocumentKind). */
    kind: text("kind").notNull(),
    /** The period's code ("2022-Q1"); null for the end-of-plan review. */
    period: text("period"),
    /** draft | final. */
    state: text("state").notNull().default("draft"),
    /** The model as the builder made it (the draft's data: never changed by an edit). */
    model: jsonb("model").$type<OfficialDocument>().notNull(),
    /** The coordinator's text per prose section (Block.section key → paragraphs separated by blank lines). */
    edits: jsonb("edits").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** "15/BC-SCT" once finalised. */
    number: text("number"),
    /** The register the number belongs to: issuer | kind | year (unique with the number). */
    register: text("register"),
    /** The document's date (Vietnamese day) once finalised. */
    documentDate: date("document_date", { mode: "string" }),
    /** The model with the edits applied, number and date set: what every download renders. */
    finalModel: jsonb("final_model").$type<OfficialDocument>(),
    /** sha256 of the final model's canonical JSON, checked before each download. */
    finalDigest: text("final_digest"),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finalisedBy: integer("finalised_by").references(() => users.id),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
  },
  (t) => [
    index("documents_plan_idx").on(t.planId, t.createdAt),
    uniqueIndex("documents_register_number_uq").on(t.register, t.number),
  ],
);
