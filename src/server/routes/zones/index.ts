/**
 * The zone registry over HTTP: industrial parks and clusters, their lifecycle events (a founding
 * decision with its number and date changes target (5)'s count — nobody retypes a number), land
 * lease snapshots and occupancy both ways (the map layers are routes/geo). Thin: validate, authorize, call src/db/zones, return JSON.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  addLandLease,
  addZone,
  addZoneEvent,
  getZone,
  listZones,
  provinceOccupancy,
  ZONE_EVENT_KINDS,
  ZONE_KINDS,
} from "../../../db/zones/store.ts";
import { actorRef, todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { authorizeInProvince } from "../../province-access.ts";
import { Hectares, IdParam, jsonResponses, Year } from "../../schemas.ts";

const json = jsonResponses;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    "not a real calendar date",
  );

const hectares = Hectares;

const ZoneBody = z
  .object({
    name: z.string().min(1).max(200),
    kind: z.enum(ZONE_KINDS),
    province: z.string().min(1).max(100).openapi({ example: "Tuyên Quang" }),
    district: z.string().max(100).nullable().optional(),
    commune: z.string().max(100).nullable().optional(),
    totalAreaHa: hectares.nullable().optional(),
    industrialLandHa: hectares.nullable().optional(),
    infrastructureInvestor: z.string().max(300).nullable().optional(),
    geometry: z.record(z.string(), z.unknown()).nullable().optional(),
    source: z.string().max(1000).nullable().optional(),
    territory: z
      .string()
      .max(100)
      .nullable()
      .optional()
      .openapi({ example: "Tuyên Quang (pre-merger)", description: "The territory figures are scoped to" }),
  })
  .openapi("ZoneInput");

const EventBody = z
  .object({
    kind: z.enum(ZONE_EVENT_KINDS),
    date: isoDate.nullable().optional().openapi({ example: "2025-03-15" }),
    year: Year.nullable()
      .optional()
      .openapi({ example: 2025, description: "The decision's year when its day is not known" }),
    decision: z.string().max(300).nullable().optional().openapi({ example: "08/QĐ-UBND" }),
    newAreaHa: hectares.nullable().optional(),
    source: z.string().max(1000).nullable().optional(),
  })
  .openapi("ZoneEventInput");

const LeaseBody = z
  .object({
    asOf: isoDate,
    leasedHa: hectares,
    leasableHa: hectares.nullable().optional(),
    source: z.string().max(1000).nullable().optional(),
  })
  .openapi("LandLeaseInput");

const ProvinceQuery = z.object({ province: z.string().min(1).max(100).optional() });

const listRoute = createRoute({
  method: "get",
  path: "/api/zones",
  tags: ["zones"],
  summary: "Industrial parks and clusters of a province, with events, land snapshots and status",
  request: { query: ProvinceQuery },
  responses: json("Zones"),
});
const occupancyRoute = createRoute({
  method: "get",
  path: "/api/zones/occupancy",
  tags: ["zones"],
  summary:
    "Occupancy of a province's zones both ways: simple mean and area-weighted; zones without data listed",
  request: {
    query: z.object({
      province: z.string().min(1).max(100).default("Tuyên Quang"),
      asOf: isoDate.optional(),
    }),
  },
  responses: json("Occupancy"),
});
const getRoute = createRoute({
  method: "get",
  path: "/api/zones/{id}",
  tags: ["zones"],
  summary: "One zone with its events and land snapshots",
  request: { params: IdParam },
  responses: json("The zone"),
});
const addRoute = createRoute({
  method: "post",
  path: "/api/zones",
  tags: ["zones"],
  summary: "Add a park or cluster (coordinator); the same name (zoneKey) twice is refused",
  request: { body: { content: { "application/json": { schema: ZoneBody } } } },
  responses: json("The zone"),
});
const eventRoute = createRoute({
  method: "post",
  path: "/api/zones/{id}/events",
  tags: ["zones"],
  summary:
    "Record an event: planned, established (founding decision number and date), expanded, operating (coordinator)",
  request: { params: IdParam, body: { content: { "application/json": { schema: EventBody } } } },
  responses: json("The event, whether a count can use it, and Decree 32/2024 checks"),
});
const leaseRoute = createRoute({
  method: "post",
  path: "/api/zones/{id}/leases",
  tags: ["zones"],
  summary: "Record a leased-land snapshot (coordinator)",
  request: { params: IdParam, body: { content: { "application/json": { schema: LeaseBody } } } },
  responses: json("The snapshot and the zone's rate"),
});

export function registerZones(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    authorize(c, "plan:read");
    const { province } = c.req.valid("query");
    const items = await listZones(c.get("database").db, province);
    return c.json({ items, total: items.length }, 200);
  });
  // Before /api/zones/{id}: "occupancy" is not an id.
  app.openapi(occupancyRoute, async (c) => {
    authorize(c, "plan:read");
    const { province, asOf } = c.req.valid("query");
    return c.json(await provinceOccupancy(c.get("database").db, province, asOf ?? todayOf(c)), 200);
  });
  app.openapi(getRoute, async (c) => {
    authorize(c, "plan:read");
    const { id } = c.req.valid("param");
    return c.json(await getZone(c.get("database").db, id), 200);
  });
  app.openapi(addRoute, async (c) => {
    const body = c.req.valid("json");
    await authorizeInProvince(c, "zone:write", body.province);
    return c.json(await addZone(c.get("database").db, body, actorRef(c)), 200);
  });
  app.openapi(eventRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    const zone = await getZone(db, id);
    await authorizeInProvince(c, "zone:write", zone.province);
    return c.json(await addZoneEvent(db, id, c.req.valid("json"), actorRef(c), todayOf(c)), 200);
  });
  app.openapi(leaseRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    const zone = await getZone(db, id);
    await authorizeInProvince(c, "zone:write", zone.province);
    return c.json(await addLandLease(db, id, c.req.valid("json"), actorRef(c)), 200);
  });
}
