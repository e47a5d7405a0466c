/**
 * A map layer as served (issue 8, defect 4): computed once per layer version and kept in memory —
 * the JSON text and its gzip, with an ETag — so a GET costs one small metadata query and a
 * buffer copy, never a JSON parse or stringify of a layer that may be megabytes. Keyed by the
 * upload's id (or the shipped file), so a replacement, even by another server process, is served
 * at once; a layer's older versions are dropped from the cache.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Db } from "../connection.ts";
import { type GeoFile, newestUpload, shippedAttribution, shippedText, uploadText } from "./layers.ts";

const gzipAsync = promisify(gzip);

export interface ServedLayer {
  key: string;
  etag: string;
  attribution: string;
  identity: Buffer;
  gzip: Buffer;
}

/** Per database (tests open several), per layer: the version being served. */
const caches = new WeakMap<Db, Map<GeoFile, Promise<ServedLayer>>>();

async function build(key: string, attribution: string, text: () => Promise<string> | string) {
  const identity = Buffer.from(await text(), "utf8");
  const etag = `"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`;
  return { key, etag, attribution, identity, gzip: await gzipAsync(identity, { level: 6 }) };
}

/** The layer to serve now: the newest upload, else the shipped file. */
export async function servedLayer(db: Db, file: GeoFile): Promise<ServedLayer> {
  const row = await newestUpload(db, file);
  const key = row ? `upload:${row.id}` : `shipped:${file}`;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const cached = cache.get(file);
  if (cached) {
    const layer = await cached.catch(() => null);
    if (layer && layer.key === key) return layer;
  }
  const next = row
    ? build(key, row.attribution, () => uploadText(db, row.id))
    : build(key, shippedAttribution().attribution, () => shippedText(file));
  cache.set(file, next);
  const layers = cache;
  next.catch(() => {
    if (layers.get(file) === next) layers.delete(file);
  });
  return next;
}
