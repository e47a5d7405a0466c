/**
 * The offline map's boundary layers over HTTP: the list with whose data each is, one layer's
 * GeoJSON (the administrator's newest upload, else the shipped file), and the administrator's
 * replacement with official data (checked, kept with source and attribution, audited).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  GEO_FILES,
  listGeoLayers,
  readGeoLayer,
  replaceGeoLayer,
  shippedAttribution,
} from "../../../db/geo/layers.ts";
import { actorRef } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { errorResponses, jsonResponses } from "../../schemas.ts";

/** HTTP header values are Latin-1: the dash and diacritics are replaced. */
const headerSafe = (s: string) =>
  s
    .replace(/[—–]/g, "-")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?");

const FileParam = z.object({ file: z.enum(GEO_FILES).openapi({ param: { name: "file", in: "path" } }) });

const ReplaceBody = z
  .object({
    geojson: z
      .record(z.string(), z.unknown())
      .openapi({ description: "A FeatureCollection of named Polygon/MultiPolygon features, WGS84 lon/lat" }),
    attribution: z
      .string()
      .min(1)
      .max(500)
      .openapi({ example: "Ranh giới: Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang" }),
    source: z.string().min(1).max(1000).openapi({ example: "Bản đồ địa giới hành chính tỉnh, 2024" }),
  })
  .openapi("GeoLayerInput");

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
  summary: "One GeoJSON layer (allow-list); the attribution is in the X-Attribution header",
  request: { params: FileParam },
  responses: {
    200: { description: "GeoJSON", content: { "application/geo+json": { schema: z.any() } } },
    ...errorResponses,
  },
});
const replaceRoute = createRoute({
  method: "put",
  path: "/api/geo/{file}",
  tags: ["map"],
  summary:
    "Replace a boundary layer with official data (administrator); refused whole, with the problems, unless it is named WGS84 polygons in Vietnam; every upload is kept",
  request: { params: FileParam, body: { content: { "application/json": { schema: ReplaceBody } } } },
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
    const layer = await readGeoLayer(c.get("database").db, file);
    // A GeoJSON body, not the JSON the route helper types: the cast says so.
    return c.body(layer.text, 200, {
      "content-type": "application/geo+json; charset=utf-8",
      "x-attribution": headerSafe(layer.attribution),
    }) as never;
  });
  app.openapi(replaceRoute, async (c) => {
    authorize(c, "geo:manage");
    const { file } = c.req.valid("param");
    return c.json(await replaceGeoLayer(c.get("database").db, file, c.req.valid("json"), actorRef(c)), 200);
  });
}
