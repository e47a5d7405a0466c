/**
 * Indicators and their values: each value has a period, a territorial scope and a kind (plan,
 * estimate, preliminary, official) and a source; a revision or an official figure supersedes
 * an earlier value without deleting it (MODEL.md: history is never rewritten).
 */
import {
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
import { users } from "./accounts.ts";
import { agencies } from "./agencies.ts";
import { measures } from "./plans.ts";
import { reports } from "./reporting.ts";

export const indicators = pgTable(
  "indicators",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    unit: text("unit").notNull(),
    /** sum | mean | ratio | latest */
    aggregation: text("aggregation").notNull(),
    supplierAgencyId: integer("supplier_agency_id").references(() => agencies.id),
    frequency: text("frequency"),
    /** For derived indicators: a ratio of two indicators, or a count/rate over the zone registry. */
    formula: jsonb("formula"),
    /** DHIS2-style rules: {min?, max?, maxJumpPct?}. */
    validation: jsonb("validation"),
  },
  (t) => [uniqueIndex("indicators_code_uq").on(t.code)],
);

export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    /** "2021", "2025-Q1", "2025-H1", "2024-9M", "2025-01". */
    period: text("period").notNull(),
    /** "Tuyên Quang (pre-merger)", "Tuyên Quang (merged)". */
    scope: text("scope").notNull(),
    /** plan | estimate | preliminary | official */
    kind: text("kind").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull(),
    comment: text("comment"),
    /** The value this one revises (same kind, period, scope), kept. */
    revisesId: integer("revises_id"),
    /**
     * When the figure was published (the source's date), if known. "As of" evaluation uses it
     * instead of the entry time, so figures loaded after the fact still count on their own dates.
     */
    publishedOn: date("published_on", { mode: "string" }),
    /** entry | upload | report | seed: how the figure reached the system. */
    origin: text("origin").notNull().default("entry"),
    /** The periodic report the figure came in, when it came in one (accepted by the coordinator). */
    reportId: integer("report_id").references(() => reports.id),
    enteredBy: integer("entered_by").references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("indicator_values_series_idx").on(t.indicatorId, t.scope, t.period)],
);

/** Links a target's measure to the indicator that measures it, with its baseline. */
export const measureIndicators = pgTable("measure_indicators", {
  measureId: integer("measure_id")
    .primaryKey()
    .references(() => measures.id),
  indicatorId: integer("indicator_id")
    .notNull()
    .references(() => indicators.id),
  scope: text("scope").notNull(),
  baselineYear: integer("baseline_year"),
  baselineValue: doublePrecision("baseline_value"),
  /** Growth per year the plan states ("tăng bình quân … trên 14%"), percent. */
  growthPct: doublePrecision("growth_pct"),
});

/** A yearly trajectory entered from the plan's annex (or derived and then saved). */
export const trajectoryPoints = pgTable(
  "trajectory_points",
  {
    id: serial("id").primaryKey(),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id),
    year: integer("year").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull(),
    enteredAt: date("entered_at", { mode: "string" }),
  },
  (t) => [uniqueIndex("trajectory_points_measure_year_uq").on(t.measureId, t.year)],
);

/**
 * Indicator values an agency puts in its periodic report (issue 4 §1): part of the draft and of
 * every frozen version; they join the indicator's series, sourced to the report, only when the
 * coordinator accepts the report (Decree 09/2019 Art. 8: the receiving body checks the figures).
 */
export const reportIndicatorValues = pgTable(
  "report_indicator_values",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    period: text("period").notNull(),
    scope: text("scope").notNull(),
    /** estimate | preliminary | official */
    kind: text("kind").notNull(),
    value: doublePrecision("value").notNull(),
    comment: text("comment"),
  },
  (t) => [uniqueIndex("report_indicator_values_uq").on(t.reportId, t.indicatorId, t.period, t.scope, t.kind)],
);
