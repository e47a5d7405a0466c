import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { holidayDates } from "../../../db/reporting/holidays.ts";
import { listPeriods, openPeriod, previewPeriod } from "../../../db/reporting/periods.ts";
import { getRegime, saveRegime } from "../../../db/reporting/regime.ts";
import { DEFAULT_REGIME, reportingCalendar } from "../../../domain/calendar.ts";
import type { Frequency } from "../../../domain/periods.ts";
import { vnDay } from "../../../domain/working-days.ts";
import { actorRef, nowOf, todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { jsonResponses, QueryId, queryInt } from "../../schemas.ts";
import { OpenPeriodBody, PeriodPreviewQuery, PlanIdParam, RegimeBody } from "./schemas.ts";

const json = jsonResponses;

const getRegimeRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/regime",
  tags: ["reporting"],
  summary: "The plan's reporting regime (Decree 09/2019)",
  request: { params: PlanIdParam },
  responses: json("The regime"),
});
const putRegimeRoute = createRoute({
  method: "put",
  path: "/api/plans/{id}/regime",
  tags: ["reporting"],
  summary:
    "Edit the regime: frequencies, deadline rule in working days (≥ 1), reminders, reporters (coordinator)",
  request: { params: PlanIdParam, body: { content: { "application/json": { schema: RegimeBody } } } },
  responses: json("The saved regime"),
});
const calendarRoute = createRoute({
  method: "get",
  path: "/api/calendar",
  tags: ["reporting"],
  summary: "The reporting calendar of a year: each period's cut-off window and due date",
  request: {
    query: z.object({
      year: queryInt(2000, 2100),
      plan: QueryId.optional(),
    }),
  },
  responses: json("Periods"),
});
const listPeriodsRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/periods",
  tags: ["reporting"],
  summary: "Opened periods with expected, received and on-time counts",
  request: { params: PlanIdParam },
  responses: json("Periods"),
});
const openPeriodRoute = createRoute({
  method: "post",
  path: "/api/plans/{id}/periods",
  tags: ["reporting"],
  summary: "Open a reporting period: creates the expected reports (coordinator)",
  request: { params: PlanIdParam, body: { content: { "application/json": { schema: OpenPeriodBody } } } },
  responses: json("The opened period"),
});
const previewPeriodRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/periods/preview",
  tags: ["reporting"],
  summary:
    "What opening a period would create, opening nothing: its code, cut-off window and due date (coordinator)",
  request: { params: PlanIdParam, query: PeriodPreviewQuery },
  responses: json("The period's code, window, due date and the id of the period if already open"),
});

export function registerRegime(app: OpenAPIHono<AppEnv>) {
  app.openapi(getRegimeRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "plan:read", { planId: id });
    return c.json(await getRegime(c.get("database").db, id, todayOf(c)), 200);
  });
  app.openapi(putRegimeRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "regime:edit", { planId: id });
    const body = c.req.valid("json");
    return c.json(
      await saveRegime(
        c.get("database").db,
        id,
        { ...body, frequencies: body.frequencies as Frequency[] },
        actorRef(c),
      ),
      200,
    );
  });
  app.openapi(calendarRoute, async (c) => {
    authorize(c, "plan:read");
    const { year, plan } = c.req.valid("query");
    const db = c.get("database").db;
    const regime = plan ? await getRegime(db, plan) : DEFAULT_REGIME;
    const periods = reportingCalendar(
      year,
      { frequencies: regime.frequencies as Frequency[], deadlineDays: regime.deadlineDays },
      await holidayDates(db),
    );
    return c.json(periods, 200);
  });
  app.openapi(listPeriodsRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "plan:read", { planId: id });
    return c.json(await listPeriods(c.get("database").db, id, vnDay(nowOf(c))), 200);
  });
  app.openapi(previewPeriodRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "period:open", { planId: id });
    const { frequency, label } = c.req.valid("query");
    return c.json(await previewPeriod(c.get("database").db, id, frequency as Frequency, label), 200);
  });
  app.openapi(openPeriodRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "period:open", { planId: id });
    const { frequency, label } = c.req.valid("json");
    return c.json(
      await openPeriod(c.get("database").db, id, frequency as Frequency, label, actorRef(c)),
      200,
    );
  });
}
