/**
 * The hand-offs inside the agency (issue 9 §2): the reporter sends the draft to the leader and may
 * take it back; the leader sends it back with a comment. Thin routes: validation, policies.ts,
 * one db call; the e-mails the step queued leave after the commit.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { sendBackToReporter, sendToLeader, takeBackFromLeader } from "../../../db/reporting/reports.ts";
import { actorRef, nowOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { deliverAfterCommit } from "../../mail-after-commit.ts";
import { IdParam, jsonResponses } from "../../schemas.ts";
import { authorizeReport } from "./report-access.ts";
import { SendBackBody, VersionBody } from "./schemas.ts";

const json = (description: string) => ({
  ...jsonResponses(description),
  409: {
    description: "Version conflict, invalid state, or (send to leader) no leader account",
    content: { "application/json": { schema: z.any() } },
  },
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });

const toLeaderRoute = createRoute({
  method: "post",
  path: "/api/reports/{id}/send-to-leader",
  tags: ["reports"],
  summary: "Send the draft to the agency's leader for approval (reporter); the leaders are notified",
  request: { params: IdParam, ...body(VersionBody) },
  responses: json("The report, waiting for the leader"),
});
const takeBackRoute = createRoute({
  method: "post",
  path: "/api/reports/{id}/take-back",
  tags: ["reports"],
  summary: "Take the draft back while the leader has not acted (reporter)",
  request: { params: IdParam, ...body(VersionBody) },
  responses: json("The report, a draft again"),
});
const sendBackRoute = createRoute({
  method: "post",
  path: "/api/reports/{id}/send-back",
  tags: ["reports"],
  summary: "Send the draft back to the reporter with a comment (agency leader); the reporters are notified",
  request: { params: IdParam, ...body(SendBackBody) },
  responses: json("The report, a draft again with the leader's comment"),
});

export function registerHandoffs(app: OpenAPIHono<AppEnv>) {
  app.openapi(toLeaderRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:hand-to-leader", id);
    const out = await sendToLeader(db, id, c.req.valid("json"), actorRef(c), nowOf(c));
    deliverAfterCommit(db);
    return c.json(out, 200);
  });
  app.openapi(takeBackRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:hand-to-leader", id);
    const out = await takeBackFromLeader(db, id, c.req.valid("json"), actorRef(c), nowOf(c));
    deliverAfterCommit(db);
    return c.json(out, 200);
  });
  app.openapi(sendBackRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:send-back", id);
    const out = await sendBackToReporter(db, id, c.req.valid("json"), actorRef(c), nowOf(c));
    deliverAfterCommit(db);
    return c.json(out, 200);
  });
}
