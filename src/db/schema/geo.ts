/**
 * Map layers an administrator replaces with official boundary data (data/geo/README.md: "make the
 * map layer a file an administrator can replace"). Every upload is kept; the newest of a layer is
 * served, and the shipped file is the fallback when none was uploaded.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";

export const geoLayers = pgTable(
  "geo_layers",
  {
    id: serial("id").primaryKey(),
    /** The shipped file name it replaces, e.g. "tuyen_quang_districts_pre2025.geojson". */
    layer: text("layer").notNull(),
    /** Uploads stored before geojson_gzip: the layer as jsonb (kept as stored, still served). */
    geojson: jsonb("geojson"),
    /**
     * The layer's JSON text, gzip, base64 (compressed in the worker thread): one 5.5 MB jsonb
     * value was a statement PGlite ran for 0.4–0.9 s on the one connection every user shares
     * (issue 8); 1.8 MB of text is stored in ~50–90 ms. Storage EXTERNAL: no second compression.
     */
    geojsonGzip: text("geojson_gzip"),
    attribution: text("attribution").notNull(),
    source: text("source").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("geo_layers_layer_idx").on(t.layer, t.uploadedAt),
    check("geo_layers_body_ck", sql`${t.geojson} is not null or ${t.geojsonGzip} is not null`),
  ],
);
