/**
 * The public page (issue 10 §2, plan tasks 7.1 and 8.6): GET /api/public/plans (the published
 * plans) and GET /api/public/plans/{id} (404 unless published) for anyone; PUT
 * /api/plans/{id}/public for the administrator, who switches a plan's page on or off.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { publicPlan, publishedPlans, setPlanPublic } from "../../../db/queries/public-plan.ts";
import { todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorizeActor } from "../../policies.ts";
import { jsonResponses } from "../../schemas.ts";
import { AsOfQuery, PlanIdParam } from "../reporting/schemas.ts";

const listRoute = createRoute({
  method: "get",
  path: "/api/public/plans",
  tags: ["public"],
  summary: "The plans an administrator has published (anonymous)",
  responses: jsonResponses("Published plans"),
});
const oneRoute = createRoute({
  method: "get",
  path: "/api/public/plans/{id}",
  tags: ["public"],
  summary:
    "A published plan for the public: header, targets and their evaluation, task progress as counts, zones with free land (404 when not published)",
  request: { params: PlanIdParam, query: AsOfQuery },
  responses: jsonResponses("The public view"),
});
const PublicBody = z.object({ public: z.boolean() });
const setRoute = createRoute({
  method: "put",
  path: "/api/plans/{id}/public",
  tags: ["public"],
  summary: "Publish or withdraw the plan's public page (administrator)",
  request: { params: PlanIdParam, body: { content: { "application/json": { schema: PublicBody } } } },
  responses: jsonResponses("The plan's public setting"),
});

export function registerPublic(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const items = await publishedPlans(c.get("database").db);
    return c.json({ items, total: items.length }, 200);
  });
  app.openapi(oneRoute, async (c) => {
    const { id } = c.req.valid("param");
    const asOf = c.req.valid("query").asOf ?? todayOf(c);
    return c.json(await publicPlan(c.get("database").db, id, asOf), 200);
  });
  app.openapi(setRoute, async (c) => {
    const { id } = c.req.valid("param");
    const actor = authorizeActor(c, "plan:publish", { planId: id });
    const { public: isPublic } = c.req.valid("json");
    return c.json(await setPlanPublic(c.get("database").db, id, isPublic, actor.username), 200);
  });
}
