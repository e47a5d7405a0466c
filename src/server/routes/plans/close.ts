/**
 * POST /api/plans/{id}/close (issue 10 §1): after its end the administrator or the plan's
 * coordinator closes the plan — read-only from then (plan-closed-guard.ts), final statuses frozen
 * (src/db/plan-closing/close.ts). Refused PLAN_NOT_ENDED on or before its last day, PLAN_CLOSED
 * when already closed.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { closePlan } from "../../../db/plan-closing/close.ts";
import { actorRef, nowOf, todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { ClosePlanBody, errorResponses, IdParam } from "../../schemas.ts";

const ClosedPlan = z
  .object({
    planId: z.number(),
    closedAt: z.string(),
    closedBy: z.number().nullable(),
    asOf: z.string(),
    frozen: z.number(),
    reviewDocumentId: z.number().nullable(),
  })
  .openapi("ClosedPlan");

const closeRoute = createRoute({
  method: "post",
  path: "/api/plans/{id}/close",
  tags: ["plans"],
  summary:
    "Close the plan after its end: read-only, final task statuses frozen (administrator or the plan's coordinator)",
  request: {
    params: IdParam,
    body: { content: { "application/json": { schema: ClosePlanBody } }, required: false },
  },
  responses: {
    200: { description: "The plan is closed", content: { "application/json": { schema: ClosedPlan } } },
    ...errorResponses,
  },
});

export function registerPlanClosing(app: OpenAPIHono<AppEnv>) {
  app.openapi(closeRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "plan:close", { planId: id });
    const body = c.req.valid("json") ?? {};
    const closed = await closePlan(c.get("database").db, id, actorRef(c), {
      today: todayOf(c),
      reviewDocumentId: body.reviewDocumentId ?? null,
      now: nowOf(c),
    });
    return c.json(closed, 200);
  });
}
