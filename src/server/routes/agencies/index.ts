import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getAgency, listAgencies } from "../../../db/queries/agencies.ts";
import type { TaskRecord } from "../../../db/queries/tasks.ts";
import { getTask } from "../../../db/queries/tasks.ts";
import { compareTaskCodes } from "../../../domain/task-code.ts";
import { todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { notFound } from "../../error-handler.ts";
import { authorize } from "../../policies.ts";
import { presentAgency, presentAgencySummary } from "../../presenters.ts";
import { AgencyDetail, AgencySummary, errorResponses, IdParam, isoDate, QueryId } from "../../schemas.ts";

const list = createRoute({
  method: "get",
  path: "/api/agencies",
  tags: ["agencies"],
  summary: "Agencies and agency groups, optionally only those a plan names",
  request: { query: z.object({ plan: QueryId.optional() }) },
  responses: {
    200: {
      description: "Agencies",
      content: {
        "application/json": { schema: z.object({ items: z.array(AgencySummary), total: z.number() }) },
      },
    },
    ...errorResponses,
  },
});

const one = createRoute({
  method: "get",
  path: "/api/agencies/{id}",
  tags: ["agencies"],
  summary:
    "One agency or group: aliases, validity, successor, members, and the tasks it leads and coordinates",
  request: {
    params: IdParam,
    query: z.object({
      on: isoDate.optional().openapi({ description: "The day the tasks held are read on (default today)" }),
    }),
  },
  responses: {
    200: { description: "The agency", content: { "application/json": { schema: AgencyDetail } } },
    ...errorResponses,
  },
});

export function registerAgencies(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => {
    authorize(c, "plan:read");
    const { plan } = c.req.valid("query");
    const items = (await listAgencies(c.get("database").db, todayOf(c), plan)).map(presentAgencySummary);
    return c.json({ items, total: items.length }, 200);
  });
  app.openapi(one, async (c) => {
    authorize(c, "plan:read");
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    const agency = await getAgency(db, id, c.req.valid("query").on ?? todayOf(c));
    if (!agency) throw notFound("Agency", id);
    const load = async (ids: number[]) =>
      (await Promise.all(ids.map((t) => getTask(db, t))))
        .filter((t): t is TaskRecord => t !== null)
        .sort((a, b) => a.planId - b.planId || compareTaskCodes(a.code, b.code));
    const handed = await load([...new Set(agency.handedOver.map((h) => h.taskId))]);
    return c.json(
      presentAgency(agency, await load(agency.leadTaskIds), await load(agency.coordinatingTaskIds), handed),
      200,
    );
  });
}
