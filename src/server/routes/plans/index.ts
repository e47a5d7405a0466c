import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getPlan, listPlans } from "../../../db/queries/plans.ts";
import type { AppEnv } from "../../env.ts";
import { notFound } from "../../error-handler.ts";
import { authorize } from "../../policies.ts";
import { presentPlan, presentPlanSummary } from "../../presenters.ts";
import { errorResponses, IdParam, PlanDetail, PlanSummary } from "../../schemas.ts";

const list = createRoute({
  method: "get",
  path: "/api/plans",
  tags: ["plans"],
  summary: "Every plan, with its task and target counts",
  responses: {
    200: {
      description: "Plans",
      content: {
        "application/json": { schema: z.object({ items: z.array(PlanSummary), total: z.number() }) },
      },
    },
  },
});

const one = createRoute({
  method: "get",
  path: "/api/plans/{id}",
  tags: ["plans"],
  summary: "One plan: header, basis, sections, groups, targets with their measures, import warnings",
  request: { params: IdParam },
  responses: {
    200: { description: "The plan", content: { "application/json": { schema: PlanDetail } } },
    ...errorResponses,
  },
});

export function registerPlans(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => {
    authorize(c, "plan:read");
    const items = (await listPlans(c.get("database").db)).map(presentPlanSummary);
    return c.json({ items, total: items.length }, 200);
  });
  app.openapi(one, async (c) => {
    authorize(c, "plan:read");
    const { id } = c.req.valid("param");
    const plan = await getPlan(c.get("database").db, id);
    if (!plan) throw notFound("Plan", id);
    return c.json(presentPlan(plan), 200);
  });
}
