/**
 * Industrial parks and clusters, their lifecycle events (planned, established, expanded,
 * operating — each with its decision), leased-land snapshots, and investment projects with
 * their milestones. Counting targets are derived from these events, never typed.
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
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";

export const zones = pgTable(
  "zones",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    /** industrial_park | industrial_cluster */
    kind: text("kind").notNull(),
    province: text("province").notNull(),
    district: text("district"),
    /**
     * The territory the zone lies in, as figures are scoped (MODEL.md: every figure knows its
     * territory): "Tuyên Quang (pre-merger)" or "Hà Giang (pre-merger)"; both are in the merged
     * Tuyên Quang of Resolution 202/2025/QH15.
     */
    territory: text("territory"),
    commune: text("commune"),
    totalAreaHa: doublePrecision("total_area_ha"),
    /** Industrial (+ service) land: the leasable area of Decree 35/2022 Art. 2.22. */
    industrialLandHa: doublePrecision("industrial_land_ha"),
    infrastructureInvestor: text("infrastructure_investor"),
    /** GeoJSON point or polygon. */
    geometry: jsonb("geometry"),
    source: text("source"),
  },
  (t) => [uniqueIndex("zones_province_kind_name_uq").on(t.province, t.kind, t.name)],
);

export const zoneEvents = pgTable(
  "zone_events",
  {
    id: serial("id").primaryKey(),
    zoneId: integer("zone_id")
      .notNull()
      .references(() => zones.id),
    /** planned | established | expanded | operating */
    kind: text("kind").notNull(),
    date: date("date", { mode: "string" }),
    /**
     * The decision's year when only the year is known ("QĐ 08/QĐ-UBND (2025)"): no day is
     * invented; a count uses it only once the whole year lies inside the counted span.
     */
    year: integer("year"),
    decision: text("decision"),
    newAreaHa: doublePrecision("new_area_ha"),
    source: text("source"),
    enteredBy: integer("entered_by").references(() => users.id),
  },
  (t) => [index("zone_events_zone_idx").on(t.zoneId)],
);

export const landLeases = pgTable(
  "land_leases",
  {
    id: serial("id").primaryKey(),
    zoneId: integer("zone_id")
      .notNull()
      .references(() => zones.id),
    asOf: date("as_of", { mode: "string" }).notNull(),
    leasedHa: doublePrecision("leased_ha").notNull(),
    leasableHa: doublePrecision("leasable_ha"),
    source: text("source"),
  },
  (t) => [index("land_leases_zone_idx").on(t.zoneId, t.asOf)],
);

/**
 * An investment project in (or outside) a zone. Its status is derived from its milestones as of
 * a date (src/domain/project-status.ts), never typed; only a revocation is recorded as a fact.
 */
export const projects = pgTable(
  "projects",
  {
    id: serial("id").primaryKey(),
    province: text("province").notNull(),
    name: text("name").notNull(),
    /** Null until known: the plan names projects (task 4.3) without their investors. */
    investor: text("investor"),
    zoneId: integer("zone_id").references(() => zones.id),
    sector: text("sector"),
    registeredCapitalBillionVnd: doublePrecision("registered_capital_billion_vnd"),
    landHa: doublePrecision("land_ha"),
    jobs: integer("jobs"),
    expectedProductionValueBillionVnd: doublePrecision("expected_production_value_billion_vnd"),
    /** Termination of the project (Investment Law 2020 Art. 48): the decision and its date. */
    revokedOn: date("revoked_on", { mode: "string" }),
    revokedDecision: text("revoked_decision"),
    source: text("source"),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [index("projects_province_idx").on(t.province, t.zoneId)],
);

export const projectMilestones = pgTable(
  "project_milestones",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    /** investment_approval | registration_certificate | land_handover | construction | operation */
    kind: text("kind").notNull(),
    planned: date("planned", { mode: "string" }),
    actual: date("actual", { mode: "string" }),
    document: text("document"),
  },
  (t) => [index("project_milestones_project_idx").on(t.projectId)],
);
