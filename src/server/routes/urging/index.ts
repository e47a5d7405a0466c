/**
 * Urging routes (docs/reporting-api.md, "Status and urging"): one's own notifications, running
 * the plan's reminders now (coordinator), and the urging letter for a period (coordinator).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { vnDate } from "../../../db/reporting/reports.ts";
import {
  createMailer,
  lateAgencies,
  listNotifications,
  markRead,
  runReminders,
  urgingLetter,
} from "../../../db/urging.ts";
import { urgeLateNow } from "../../../db/urging-now.ts";
import { actorRef, nowOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { errorResponses, IdParam, QueryId } from "../../schemas.ts";

const Notification = z
  .object({
    id: z.number(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");

const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  200: { description, content: { "application/json": { schema } } },
  ...errorResponses,
  401: { description: "Not signed in", content: { "application/json": { schema: z.any() } } },
  403: { description: "Not allowed", content: { "application/json": { schema: z.any() } } },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/notifications",
  tags: ["urging"],
  summary: "My notifications, newest first",
  request: { query: z.object({ unread: z.enum(["true", "false"]).optional() }) },
  responses: ok("Notifications", z.object({ items: z.array(Notification), unread: z.number() })),
});

const readRoute = createRoute({
  method: "post",
  path: "/api/notifications/{id}/read",
  tags: ["urging"],
  summary: "Mark one of my notifications read",
  request: { params: IdParam },
  responses: ok("The notification", Notification),
});

const runRoute = createRoute({
  method: "post",
  path: "/api/plans/{id}/reminders/run",
  tags: ["urging"],
  summary: "Send the reminders due today (Vietnam's date) now; each reminder goes out once (coordinator)",
  request: { params: z.object({ id: QueryId.openapi({ param: { name: "id", in: "path" } }) }) },
  responses: ok(
    "How many were sent now, and how many had been sent already",
    z.object({ sent: z.number(), skipped: z.number() }),
  ),
});

const LateEntry = z.object({
  agencyId: z.number(),
  agencyName: z.string(),
  replaces: z.array(z.object({ id: z.number(), name: z.string() })),
  due: z.string(),
  extended: z.boolean(),
  workingDaysOverdue: z.number(),
  taskCodes: z.array(z.string()),
});

const letterRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/urging-letter",
  tags: ["urging"],
  summary:
    "The urging letter (công văn đôn đốc) to the agencies late with their report for a period, as plain text (coordinator); text null and late empty when nobody is late",
  request: {
    params: z.object({ id: QueryId.openapi({ param: { name: "id", in: "path" } }) }),
    query: z.object({ period: QueryId }),
  },
  responses: ok(
    "The letter and the late agencies (addressed as on today: successors of ceased agencies)",
    z.object({ asOf: z.string(), text: z.string().nullable(), late: z.array(LateEntry) }),
  ),
});

const urgeRoute = createRoute({
  method: "post",
  path: "/api/plans/{id}/urging/send",
  tags: ["urging"],
  summary:
    "Send an urging notification now to every agency late for the period (once per agency per period per day) (coordinator)",
  request: {
    params: z.object({ id: QueryId.openapi({ param: { name: "id", in: "path" } }) }),
    query: z.object({ period: QueryId }),
  },
  responses: ok(
    "The agencies notified now and those already urged today",
    z.object({
      periodId: z.number(),
      periodLabel: z.string(),
      sent: z.array(z.object({ agencyId: z.number(), agencyName: z.string(), people: z.number() })),
      skipped: z.array(z.object({ agencyId: z.number(), agencyName: z.string() })),
    }),
  ),
});

export function registerUrging(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    authorize(c, "notification:read");
    const { userId } = actorRef(c);
    const items = await listNotifications(c.get("database").db, userId as number, {
      unreadOnly: c.req.valid("query").unread === "true",
    });
    return c.json({ items, unread: items.filter((n) => n.readAt === null).length }, 200);
  });
  app.openapi(readRoute, async (c) => {
    authorize(c, "notification:read");
    const { id } = c.req.valid("param");
    const { userId } = actorRef(c);
    return c.json(await markRead(c.get("database").db, userId as number, id, nowOf(c)), 200);
  });
  app.openapi(runRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "urge:send", { planId: id });
    const mailer = createMailer();
    try {
      return c.json(await runReminders(c.get("database").db, id, vnDate(nowOf(c)), mailer, actorRef(c)), 200);
    } finally {
      mailer?.close();
    }
  });
  app.openapi(letterRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "urge:send", { planId: id });
    const { period } = c.req.valid("query");
    const db = c.get("database").db;
    const today = vnDate(nowOf(c));
    const late = await lateAgencies(db, id, period, today);
    const text = await urgingLetter(db, id, period, today);
    return c.json(
      {
        asOf: today,
        text,
        late: late.map(({ expectedReportId: _e, expectedReportIds: _ids, ...l }) => l),
      },
      200,
    );
  });
  app.openapi(urgeRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "urge:send", { planId: id });
    const { period } = c.req.valid("query");
    const mailer = createMailer();
    try {
      return c.json(
        await urgeLateNow(c.get("database").db, id, period, vnDate(nowOf(c)), mailer, actorRef(c)),
        200,
      );
    } finally {
      mailer?.close();
    }
  });
}
