/**
 * Map layers an administrator replaces with official boundary data (data/geo/README.md: "make the
 * map layer a file an administrator can replace"). Every upload is kept; the newest of a layer is
 * served, and the shipped file is the fallback when none was uploaded.
 */
import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";

export const geoLayers = pgTable(
  "geo_layers",
  {
    id: serial("id").primaryKey(),
    /** The shipped file name it replaces, e.g. "tuyen_quang_districts_pre2025.geojson". */
    layer: text("layer").notNull(),
    geojson: jsonb("geojson").notNull(),
    attribution: text("attribution").notNull(),
    source: text("source").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("geo_layers_layer_idx").on(t.layer, t.uploadedAt)],
);
