/**
 * The offline map's boundary layers: the files shipped in data/geo (Who's On First, CC0) until an
 * administrator replaces one with the province's official data (data/geo/README.md asks for
 * exactly that). A replacement is checked (src/domain/geojson-check.ts) and stored with its
 * source and attribution; every upload is kept, the newest is served, and going back to the
 * shipped file is itself an upload of it — nothing is overwritten or lost.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { desc, eq, sql } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { appendAudit } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { geoLayers } from "../schema.ts";
import type { PreparedLayer } from "./layer-input.ts";

const gunzipAsync = promisify(gunzip);
const GEO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/geo");

/** The layers the map knows; only these may be served or replaced. */
export const GEO_FILES = [
  "tuyen_quang_districts_pre2025.geojson",
  "tuyen_quang_province_pre2025.geojson",
  "ha_giang_province_pre2025.geojson",
  "tuyen_quang_province_2025_merged_outline.geojson",
] as const;
export type GeoFile = (typeof GEO_FILES)[number];

const FALLBACK_ATTRIBUTION = "Boundaries: Who's On First (CC0) — https://whosonfirst.org/docs/licenses/";

let shippedCache: { attribution: string; licence: string; limits: string } | null = null;

/**
 * The attribution data/geo/README.md asks to show with the shipped files, and their known limits.
 * The README ships with the code, so it is read once, not on every map request.
 */
export function shippedAttribution(): { attribution: string; licence: string; limits: string } {
  if (shippedCache) return shippedCache;
  let text = "";
  try {
    text = readFileSync(path.join(GEO_DIR, "README.md"), "utf8");
  } catch {
    // The README is optional: fall back to the known attribution.
  }
  const attribution = /Attribution to show on the map:\s*"([^"]+)"/s
    .exec(text)?.[1]
    ?.replace(/\s+/g, " ")
    .trim();
  const licence = /Licence:\s*([^.]+)\./.exec(text)?.[1]?.trim() ?? "CC0";
  const limits = /Known limits:\s*([\s\S]*)$/.exec(text)?.[1]?.replace(/\s+/g, " ").trim() ?? "";
  shippedCache = { attribution: attribution ?? FALLBACK_ATTRIBUTION, licence, limits };
  return shippedCache;
}

export interface LayerInfo {
  file: GeoFile;
  url: string;
  /** shipped = the file in data/geo; uploaded = an administrator's replacement. */
  origin: "shipped" | "uploaded";
  attribution: string;
  source: string;
  uploadedAt: string | null;
  uploadedBy: number | null;
  sha256: string | null;
}

/**
 * What the map draws for each layer now, and whose data it is: one query over the uploads'
 * metadata (never their GeoJSON, which may be megabytes), the newest per layer.
 */
export async function listGeoLayers(db: Db): Promise<LayerInfo[]> {
  const shipped = shippedAttribution();
  const uploads = await db
    .select({
      layer: geoLayers.layer,
      attribution: geoLayers.attribution,
      source: geoLayers.source,
      uploadedAt: geoLayers.uploadedAt,
      uploadedBy: geoLayers.uploadedBy,
      sha256: geoLayers.sha256,
    })
    .from(geoLayers)
    .orderBy(desc(geoLayers.uploadedAt), desc(geoLayers.id));
  const out: LayerInfo[] = [];
  for (const file of GEO_FILES) {
    const row = uploads.find((u) => u.layer === file);
    out.push(
      row
        ? {
            file,
            url: `/api/geo/${file}`,
            origin: "uploaded",
            attribution: row.attribution,
            source: row.source,
            uploadedAt: row.uploadedAt.toISOString(),
            uploadedBy: row.uploadedBy,
            sha256: row.sha256,
          }
        : {
            file,
            url: `/api/geo/${file}`,
            origin: "shipped",
            attribution: shipped.attribution,
            source: "data/geo (Who's On First)",
            uploadedAt: null,
            uploadedBy: null,
            sha256: null,
          },
    );
  }
  return out;
}

/** The newest upload of a layer: its id and attribution, never its GeoJSON. */
export async function newestUpload(db: Db, file: GeoFile) {
  const [row] = await db
    .select({ id: geoLayers.id, attribution: geoLayers.attribution, sha256: geoLayers.sha256 })
    .from(geoLayers)
    .where(eq(geoLayers.layer, file))
    .orderBy(desc(geoLayers.uploadedAt), desc(geoLayers.id))
    .limit(1);
  return row ?? null;
}

/**
 * An upload's GeoJSON text (never parsed into objects here): the stored gzip, unpacked off the
 * loop (libuv's pool), or for an upload stored before geojson_gzip its jsonb as the database's
 * JSON text — every upload stays readable.
 */
export async function uploadText(db: Db, id: number): Promise<string> {
  const [row] = await db
    .select({ gzip: geoLayers.geojsonGzip, text: sql<string | null>`${geoLayers.geojson}::text` })
    .from(geoLayers)
    .where(eq(geoLayers.id, id));
  if (!row) throw new Error(`geo layer ${id} vanished`);
  if (row.gzip !== null) return (await gunzipAsync(Buffer.from(row.gzip, "base64"))).toString("utf8");
  if (row.text === null) throw new Error(`geo layer ${id} has no GeoJSON`);
  return row.text;
}

/** A shipped layer's file text, or NOT_FOUND. */
export function shippedText(file: GeoFile): string {
  try {
    return readFileSync(path.join(GEO_DIR, file), "utf8");
  } catch {
    throw new AppError("NOT_FOUND", {
      en: `Map layer ${file} is not installed.`,
      vi: `Chưa có lớp bản đồ ${file}.`,
    });
  }
}

/**
 * Stores a replacement checked by prepareLayerBody (layer-input.ts, run in a worker): its JSON
 * text, gzip-compressed by the worker, goes to the database as one short text value (a 5.5 MB
 * jsonb held PGlite's one connection for up to 0.9 s), with its source, attribution and hash.
 */
export async function replaceGeoLayer(
  db: Db,
  file: GeoFile,
  input: PreparedLayer,
  actor: ActorRef,
): Promise<LayerInfo> {
  const { attribution, source, sha256 } = input;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(geoLayers)
      .values({
        layer: file,
        geojsonGzip: input.geojsonGzip,
        attribution,
        source,
        sha256,
        uploadedBy: actor.userId,
      })
      .returning({ id: geoLayers.id });
    await appendAudit(tx, {
      actor: actor.username,
      action: "geo.replace",
      entity: "geo_layer",
      entityId: row?.id ?? null,
      after: { layer: file, attribution, source, sha256, bytes: input.bytes, positions: input.positions },
    });
  });
  const info = (await listGeoLayers(db)).find((l) => l.file === file);
  if (!info) throw new Error(`layer ${file} vanished`);
  return info;
}
