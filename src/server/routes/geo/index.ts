/**
 * The offline map's boundary layers over HTTP: the list with whose data each is, one layer's
 * GeoJSON (the administrator's newest upload, else the shipped file), and the administrator's
 * replacement with official data (checked, kept with source and attribution, audited).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { servedLayer } from "../../../db/geo/layer-cache.ts";
import { layerTooLarge, MAX_LAYER_BYTES } from "../../../db/geo/layer-input.ts";
import { GEO_FILES, listGeoLayers, replaceGeoLayer, shippedAttribution } from "../../../db/geo/layers.ts";
import { actorRef } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { errorResponses, jsonResponses } from "../../schemas.ts";
import { prepareLayerInWorker } from "../../workers/heavy.ts";

/** HTTP header values are Latin-1: the dash and diacritics are replaced. */
const headerSafe = (s: string) =>
  s
    .replace(/[—–]/g, "-")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?");

const FileParam = z.object({ file: z.enum(GEO_FILES).openapi({ param: { name: "file", in: "path" } }) });

/**
 * The replacement's body, described for the OpenAPI document only: it is parsed and checked in a
 * worker thread (db/geo/layer-input.ts), never by the request loop — a layer may be 10 MB.
 */
const ReplaceBody = {
  type: "object",
  required: ["geojson", "attribution", "source"],
  properties: {
    geojson: {
      type: "object",
      description: `A FeatureCollection of named Polygon/MultiPolygon features, WGS84 lon/lat; at most ${MAX_LAYER_BYTES / 1048576} MB and 200,000 positions`,
    },
    attribution: {
      type: "string",
      minLength: 1,
      maxLength: 500,
      example: "Ranh giới: Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang",
    },
    source: {
      type: "string",
      minLength: 1,
      maxLength: 1000,
      example: "Bản đồ địa giới hành chính tỉnh, 2024",
    },
  },
} as const;

const listRoute = createRoute({
  method: "get",
  path: "/api/geo",
  tags: ["map"],
  summary: "The offline map layers, whose data each is, and the attribution to show",
  responses: jsonResponses("Layers and attribution"),
});
const fileRoute = createRoute({
  method: "get",
  path: "/api/geo/{file}",
  tags: ["map"],
  summary:
    "One GeoJSON layer (allow-list); the attribution is in the X-Attribution header; gzip when accepted, ETag (304 on If-None-Match)",
  request: { params: FileParam },
  responses: {
    200: { description: "GeoJSON", content: { "application/geo+json": { schema: z.any() } } },
    304: { description: "Not modified (the ETag matches)" },
    ...errorResponses,
  },
});
const replaceRoute = createRoute({
  method: "put",
  path: "/api/geo/{file}",
  tags: ["map"],
  summary:
    "Replace a boundary layer with official data (administrator); refused whole, with the problems, unless it is named WGS84 polygons in Vietnam; every upload is kept",
  request: {
    params: FileParam,
    body: { required: true, content: { "application/json": { schema: ReplaceBody as never } } },
  },
  responses: jsonResponses("The layer as now served"),
});

export function registerGeo(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    authorize(c, "plan:read");
    const layers = await listGeoLayers(c.get("database").db);
    const shipped = shippedAttribution();
    // The attribution shown under the map is the districts layer's (the one it draws).
    const drawn = layers.find((l) => l.file === "tuyen_quang_districts_pre2025.geojson");
    return c.json(
      {
        files: layers,
        attribution: drawn?.attribution ?? shipped.attribution,
        licence: drawn?.origin === "uploaded" ? null : shipped.licence,
        limits: drawn?.origin === "uploaded" ? null : shipped.limits,
      },
      200,
    );
  });
  app.openapi(fileRoute, async (c) => {
    authorize(c, "plan:read");
    const { file } = c.req.valid("param");
    const layer = await servedLayer(c.get("database").db, file);
    const headers: Record<string, string> = {
      etag: layer.etag,
      // Public data: a browser keeps it and asks again with If-None-Match (a replacement shows at once).
      "cache-control": "public, no-cache",
      vary: "accept-encoding",
      "x-attribution": headerSafe(layer.attribution),
    };
    const match = c.req.header("if-none-match");
    if (match?.split(",").some((t) => t.trim().replace(/^W\//, "") === layer.etag))
      return c.body(null, 304, headers) as never;
    const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
    // A GeoJSON body, not the JSON the route helper types: the cast says so.
    return c.body(new Uint8Array(gzip ? layer.gzip : layer.identity), 200, {
      ...headers,
      "content-type": "application/geo+json; charset=utf-8",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    }) as never;
  });
  app.openapi(replaceRoute, async (c) => {
    authorize(c, "geo:manage");
    const { file } = c.req.valid("param");
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > MAX_LAYER_BYTES + 4096) throw layerTooLarge(declared);
    const prepared = await prepareLayerInWorker(await c.req.text());
    return c.json(await replaceGeoLayer(c.get("database").db, file, prepared, actorRef(c)), 200);
  });
}
