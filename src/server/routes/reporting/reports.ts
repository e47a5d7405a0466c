import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listExpected } from "../../../db/reporting/expected.ts";
import { previousAnswers } from "../../../db/reporting/report-previous.ts";
import {
  getReport,
  grantExtension,
  reportContext,
  reviewReport,
  saveDraft,
  submitReport,
} from "../../../db/reporting/reports.ts";
import { actorRef, nowOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { deliverAfterCommit } from "../../mail-after-commit.ts";
import { authorize, can } from "../../policies.ts";
import { IdParam, jsonResponses, QueryId } from "../../schemas.ts";
import { authorizeReport } from "./report-access.ts";
import { ExtensionBody, ReviewBody, SaveReportBody, SubmitBody } from "./schemas.ts";

const json = (description: string) => ({
  ...jsonResponses(description),
  409: {
    description: "Version conflict or invalid state",
    content: { "application/json": { schema: z.any() } },
  },
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });

const listRoute = createRoute({
  method: "get",
  path: "/api/expected-reports",
  tags: ["reports"],
  summary: "Expected reports (agency × period) with their state; an agency sees its own, the coordinator all",
  request: {
    query: z.object({
      plan: QueryId.optional(),
      agency: QueryId.optional(),
      period: QueryId.optional(),
      state: z
        .enum(["not_started", "draft", "awaiting_leader", "submitted", "accepted", "returned"])
        .optional(),
    }),
  },
  responses: json("Expected reports"),
});
const getRoute = createRoute({
  method: "get",
  path: "/api/reports/{id}",
  tags: ["reports"],
  summary: "One report: draft, versions, tasks to report on",
  request: { params: IdParam },
  responses: json("The report"),
});
const previousRoute = createRoute({
  method: "get",
  path: "/api/reports/{id}/previous",
  tags: ["reports"],
  summary: "The agency's latest accepted report before this one: what it said of each task",
  request: { params: IdParam },
  responses: json("The previous period's answers"),
});
const saveRoute = createRoute({
  method: "put",
  path: "/api/reports/{id}",
  tags: ["reports"],
  summary:
    "Save the draft: task updates and indicator figures (optimistic: name the version you started from)",
  request: { params: IdParam, ...body(SaveReportBody) },
  responses: json("The saved report"),
});
const submitRoute = createRoute({
  method: "post",
  path: "/api/reports/{id}/submit",
  tags: ["reports"],
  summary: "Approve and submit (agency leader); lateness is recorded",
  request: { params: IdParam, ...body(SubmitBody) },
  responses: json("The submitted report"),
});
const reviewRoute = createRoute({
  method: "post",
  path: "/api/reports/{id}/review",
  tags: ["reports"],
  summary: "Accept, or return with a comment (coordinator)",
  request: { params: IdParam, ...body(ReviewBody) },
  responses: json("The reviewed report"),
});
const extendRoute = createRoute({
  method: "post",
  path: "/api/expected-reports/{id}/extension",
  tags: ["reports"],
  summary: "Grant one agency a new due date for one period, with a reason (coordinator)",
  request: { params: IdParam, ...body(ExtensionBody) },
  responses: json("The extension"),
});

export function registerReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const items = await listExpected(c.get("database").db, {
      planId: q.plan,
      agencyId: q.agency,
      periodId: q.period,
      state: q.state,
    });
    // Each row is shown only to those who may read that report; a draft stays with its agency.
    const visible = items.filter((i) =>
      can(c.get("actor") ?? null, "report:read", {
        planId: i.planId,
        agencyId: i.agency.id,
        reportState: i.state,
      }),
    );
    return c.json({ items: visible, total: visible.length }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:read", id);
    return c.json(await getReport(db, id), 200);
  });
  app.openapi(previousRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:read", id);
    return c.json(await previousAnswers(db, id), 200);
  });
  app.openapi(saveRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:draft", id);
    return c.json(await saveDraft(db, id, c.req.valid("json"), actorRef(c)), 200);
  });
  app.openapi(submitRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:submit", id);
    const out = await submitReport(db, id, c.req.valid("json"), actorRef(c), nowOf(c));
    deliverAfterCommit(db);
    return c.json(out, 200);
  });
  app.openapi(reviewRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:review", id);
    const out = await reviewReport(db, id, c.req.valid("json"), actorRef(c), nowOf(c));
    deliverAfterCommit(db);
    return c.json(out, 200);
  });
  app.openapi(extendRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    const ctx = await reportContext(db, id);
    authorize(c, "report:extend", { planId: ctx.planId, agencyId: ctx.agencyId });
    const out = await grantExtension(db, id, c.req.valid("json"), actorRef(c), nowOf(c));
    deliverAfterCommit(db);
    return c.json(out, 200);
  });
}
