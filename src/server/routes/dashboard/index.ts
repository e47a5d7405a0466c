/**
 * The leaders' dashboard (issue 10 §2): GET /api/plans/{id}/dashboard — the whole first screen in
 * one small answer — and its tables as files, GET /api/plans/{id}/dashboard.xlsx|csv?table=…
 * (made on the server so the browser loads no spreadsheet library). Anyone who may read the plan
 * reads it; the agencies' reporting rates only those who may read them (status:read-all), as
 * on /api/plans/{id}/rates. Thin: validate, authorize, planDashboard, present.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { planDashboard } from "../../../db/queries/dashboard.ts";
import { tableToCsv, tableToXlsx } from "../../../exports/table.ts";
import { todayOf } from "../../context.ts";
import { DASHBOARD_TABLES, dashboardTable, tableFileName } from "../../dashboard-tables.ts";
import type { AppEnv } from "../../env.ts";
import { authorize, can, currentActor } from "../../policies.ts";
import { errorResponses, jsonResponses } from "../../schemas.ts";
import { AsOfQuery, isoDate, PlanIdParam } from "../reporting/schemas.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ExportQuery = z.object({
  table: z.enum(DASHBOARD_TABLES),
  asOf: isoDate.optional(),
  lang: z.enum(["vi", "en"]).optional(),
});

const dashboardRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/dashboard",
  tags: ["dashboard"],
  summary:
    "The leaders' dashboard as of a date: targets (tiles with series), tasks by status with the overdue named, agencies by timeliness, what falls due in 30 days",
  request: { params: PlanIdParam, query: AsOfQuery },
  responses: jsonResponses("The dashboard"),
});

const fileRoute = (ext: "xlsx" | "csv", type: string) =>
  createRoute({
    method: "get",
    path: `/api/plans/{id}/dashboard.${ext}`,
    tags: ["dashboard"],
    summary: `One table of the dashboard as ${ext.toUpperCase()} (targets, tasks, overdue, agencies, due)`,
    request: { params: PlanIdParam, query: ExportQuery },
    responses: {
      200: {
        description: `The table as ${ext.toUpperCase()}`,
        content: { [type]: { schema: z.any().openapi({ type: "string", format: "binary" }) } },
      },
      ...errorResponses,
    },
  });

async function load(c: Context<AppEnv>, planId: number, asOf: string | undefined) {
  authorize(c, "plan:read", { planId });
  const withRates = can(currentActor(c), "status:read-all", { planId });
  return planDashboard(c.get("database").db, planId, asOf ?? todayOf(c), { withRates });
}

export function registerDashboard(app: OpenAPIHono<AppEnv>) {
  app.openapi(dashboardRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await load(c, id, c.req.valid("query").asOf), 200);
  });
  for (const ext of ["xlsx", "csv"] as const) {
    const type = ext === "xlsx" ? XLSX : "text/csv; charset=utf-8";
    app.openapi(fileRoute(ext, type), async (c) => {
      const { id } = c.req.valid("param");
      const q = c.req.valid("query");
      const d = await load(c, id, q.asOf);
      const table = dashboardTable(d, q.table, q.lang ?? "vi");
      const bytes = ext === "xlsx" ? await tableToXlsx(table) : tableToCsv(table);
      return c.body(bytes as never, 200, {
        "content-type": type,
        "content-disposition": `attachment; filename="${tableFileName(q.table, d.asOf, ext)}"`,
      }) as never;
    });
  }
}
