import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { agencyScorecard, planRates, planTaskStatuses } from "../../../db/reporting/status.ts";
import { vnDay } from "../../../domain/working-days.ts";
import { nowOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { IdParam, jsonResponses, QueryId } from "../../schemas.ts";
import { AsOfQuery, isoDate, PlanIdParam } from "./schemas.ts";

const ok = jsonResponses();

const statusRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/task-status",
  tags: ["status"],
  summary:
    "Every task's status as of a date (done on time, done late, in progress, overdue, not yet due; reported / not reported per period)",
  request: { params: PlanIdParam, query: AsOfQuery.extend({ agency: QueryId.optional() }) },
  responses: ok,
});
const ratesRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/rates",
  tags: ["status"],
  summary: "Reporting rates per agency: expected, received, on time (as of a date)",
  request: { params: PlanIdParam, query: AsOfQuery },
  responses: ok,
});
const scoreRoute = createRoute({
  method: "get",
  path: "/api/agencies/{id}/scorecard",
  tags: ["status"],
  summary: "An agency's scorecard in a plan: its tasks by status, its reports' timeliness",
  request: {
    params: IdParam,
    query: z.object({ plan: QueryId, asOf: isoDate.optional() }),
  },
  responses: ok,
});

export function registerStatus(app: OpenAPIHono<AppEnv>) {
  app.openapi(statusRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "plan:read", { planId: id });
    const query = c.req.valid("query");
    const asOf = query.asOf ?? vnDay(nowOf(c));
    // ?agency=: the tasks it leads or coordinates on the as-of date (current owners).
    const items = (await planTaskStatuses(c.get("database").db, id, asOf)).filter(
      (i) => query.agency === undefined || [...i.leads, ...i.coordinators].some((a) => a.id === query.agency),
    );
    const counts: Record<string, number> = {};
    for (const i of items) counts[i.status] = (counts[i.status] ?? 0) + 1;
    return c.json({ asOf, counts, items }, 200);
  });
  app.openapi(ratesRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "status:read-all", { planId: id });
    return c.json(
      await planRates(c.get("database").db, id, c.req.valid("query").asOf ?? vnDay(nowOf(c))),
      200,
    );
  });
  app.openapi(scoreRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { plan, asOf } = c.req.valid("query");
    authorize(c, "status:read-all", { planId: plan });
    return c.json(await agencyScorecard(c.get("database").db, plan, id, asOf ?? vnDay(nowOf(c))), 200);
  });
}
