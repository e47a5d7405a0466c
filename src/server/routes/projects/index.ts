/**
 * Investment projects over HTTP (plan tasks 4.3 and 8.9): public lists with the status derived
 * as of a date, the coordinator's list of projects behind schedule, and the writes — project,
 * milestone, revocation — by a coordinator of a plan of the project's province. Thin: validate,
 * authorize, call src/db/projects, return JSON.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { behindSchedule, getProject, listProjects } from "../../../db/projects/list.ts";
import {
  createProject,
  projectProvince,
  recordRevocation,
  setMilestone,
  updateProject,
} from "../../../db/projects/store.ts";
import { MILESTONE_KINDS } from "../../../domain/project-status.ts";
import { actorRef, todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { authorizeInProvince } from "../../province-access.ts";
import { BillionVnd, Hectares, Id, IdParam, Jobs, jsonResponses as json } from "../../schemas.ts";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    "not a real calendar date",
  );
const optText = (max: number) => z.string().max(max).nullable().optional();

const Fields = {
  name: z.string().min(1).max(300),
  investor: optText(300),
  zoneId: Id.nullable().optional(),
  sector: optText(200),
  registeredCapitalBillionVnd: BillionVnd.nullable().optional().openapi({ description: "tỷ đồng" }),
  landHa: Hectares.nullable().optional(),
  jobs: Jobs.nullable().optional(),
  expectedProductionValueBillionVnd: BillionVnd.nullable().optional().openapi({ description: "tỷ đồng" }),
  source: optText(1000),
};
const ProjectBody = z
  .object({ province: z.string().min(1).max(100).openapi({ example: "Tuyên Quang" }), ...Fields })
  .openapi("ProjectInput");
const ProjectPatch = z.object({ ...Fields, name: Fields.name.optional() }).openapi("ProjectPatch");
const MilestoneBody = z
  .object({
    planned: isoDate.nullable().optional().openapi({ example: "2025-12-31" }),
    actual: isoDate.nullable().optional(),
    document: optText(500),
  })
  .openapi("ProjectMilestoneInput");
const RevocationBody = z
  .object({
    revokedOn: isoDate,
    decision: z.string().min(1).max(300).openapi({ example: "123/QĐ-UBND" }),
  })
  .openapi("ProjectRevocationInput");
const ProvinceQuery = z.object({
  province: z.string().min(1).max(100).default("Tuyên Quang"),
  asOf: isoDate.optional(),
});
const MilestoneParams = IdParam.extend({
  kind: z.enum(MILESTONE_KINDS).openapi({ param: { name: "kind", in: "path" } }),
});

const body = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const tags = ["projects"];

const listRoute = createRoute({
  method: "get",
  path: "/api/projects",
  tags,
  summary: "Investment projects of a province, with zone and status derived as of a date (public)",
  request: { query: ProvinceQuery },
  responses: json("Projects"),
});
const behindRoute = createRoute({
  method: "get",
  path: "/api/projects/behind-schedule",
  tags,
  summary: "Projects behind schedule or stalled, with the late milestones, most late first (coordinator)",
  request: { query: ProvinceQuery },
  responses: json("Projects behind schedule"),
});
const getRoute = createRoute({
  method: "get",
  path: "/api/projects/{id}",
  tags,
  summary: "One project with its milestones and status",
  request: { params: IdParam, query: z.object({ asOf: isoDate.optional() }) },
  responses: json("The project"),
});
const createRouteDef = createRoute({
  method: "post",
  path: "/api/projects",
  tags,
  summary: "Add a project (coordinator); the investor may be unknown",
  request: { body: body(ProjectBody) },
  responses: json("The project"),
});
const patchRoute = createRoute({
  method: "patch",
  path: "/api/projects/{id}",
  tags,
  summary: "Change a project's facts (coordinator)",
  request: { params: IdParam, body: body(ProjectPatch) },
  responses: json("The project"),
});
const milestoneRoute = createRoute({
  method: "put",
  path: "/api/projects/{id}/milestones/{kind}",
  tags,
  summary: "Set a milestone's planned date, actual date (not in the future) and document (coordinator)",
  request: { params: MilestoneParams, body: body(MilestoneBody) },
  responses: json("The milestone"),
});
const revokeRoute = createRoute({
  method: "post",
  path: "/api/projects/{id}/revocation",
  tags,
  summary: "Record the project's termination: date and decision (Investment Law 2020 Art. 48) (coordinator)",
  request: { params: IdParam, body: body(RevocationBody) },
  responses: json("The project"),
});

export function registerProjects(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    authorize(c, "plan:read");
    const { province, asOf } = c.req.valid("query");
    const items = await listProjects(c.get("database").db, province, asOf ?? todayOf(c));
    return c.json({ items, total: items.length, asOf: asOf ?? todayOf(c) }, 200);
  });
  // Before /api/projects/{id}: "behind-schedule" is not an id.
  app.openapi(behindRoute, async (c) => {
    const { province, asOf } = c.req.valid("query");
    await authorizeInProvince(c, "project:write", province);
    const items = await behindSchedule(c.get("database").db, province, asOf ?? todayOf(c));
    return c.json({ items, total: items.length, asOf: asOf ?? todayOf(c) }, 200);
  });
  app.openapi(getRoute, async (c) => {
    authorize(c, "plan:read");
    const { id } = c.req.valid("param");
    const { asOf } = c.req.valid("query");
    return c.json(await getProject(c.get("database").db, id, asOf ?? todayOf(c)), 200);
  });
  app.openapi(createRouteDef, async (c) => {
    const input = c.req.valid("json");
    await authorizeInProvince(c, "project:write", input.province);
    const row = await createProject(c.get("database").db, input, actorRef(c));
    return c.json(await getProject(c.get("database").db, row.id, todayOf(c)), 200);
  });
  app.openapi(patchRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeInProvince(c, "project:write", await projectProvince(db, id));
    await updateProject(db, id, c.req.valid("json"), actorRef(c));
    return c.json(await getProject(db, id, todayOf(c)), 200);
  });
  app.openapi(milestoneRoute, async (c) => {
    const { id, kind } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeInProvince(c, "project:write", await projectProvince(db, id));
    await setMilestone(db, id, kind, c.req.valid("json"), actorRef(c), todayOf(c));
    return c.json(await getProject(db, id, todayOf(c)), 200);
  });
  app.openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeInProvince(c, "project:write", await projectProvince(db, id));
    await recordRevocation(db, id, c.req.valid("json"), actorRef(c), todayOf(c));
    return c.json(await getProject(db, id, todayOf(c)), 200);
  });
}
