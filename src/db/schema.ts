/**
 * The database schema (Drizzle, PostgreSQL dialect), one file per area under schema/. One schema
 * and one set of committed migrations (drizzle/) serve both embedded PGlite and PostgreSQL 15+.
 * Names follow shared GLOSSARY.md; docs/ARCHITECTURE.md maps each table to the domain model.
 */
export * from "./schema/accounts.ts";
export * from "./schema/agencies.ts";
export * from "./schema/closing.ts";
export * from "./schema/geo.ts";
export * from "./schema/indicators.ts";
export * from "./schema/plans.ts";
export * from "./schema/reorganisations.ts";
export * from "./schema/reporting.ts";
export * from "./schema/uploads.ts";
export * from "./schema/urging.ts";
export * from "./schema/zones.ts";
export * from "./schema/documents.ts";
