/**
 * The Hono application: API routes (thin: validate, authorize, query, present), the OpenAPI
 * document at /api/openapi.json, its docs page at /api/docs, and the web app.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Database } from "../db/connection.ts";
import { AppError, errorBody } from "../domain/errors.ts";
import { csrfProtection, sessionMiddleware } from "./auth/middleware.ts";
import { bodyLimits, refuseAnonymousWrites } from "./body-limits.ts";
import { compressJson } from "./compress-json.ts";
import { registerDocs } from "./docs-page.ts";
import type { AppEnv } from "./env.ts";
import { handleError } from "./error-handler.ts";
import { inputGuard } from "./input-guard.ts";
import { planClosedGuard } from "./plan-closed-guard.ts";
import { registerAgencyAdmin } from "./routes/agencies/admin.ts";
import { registerAgencies } from "./routes/agencies/index.ts";
import { registerAuth } from "./routes/auth/index.ts";
import { registerDashboard } from "./routes/dashboard/index.ts";
import { registerPublic } from "./routes/dashboard/public.ts";
import { registerDocuments } from "./routes/documents/index.ts";
import { registerGeo } from "./routes/geo/index.ts";
import { registerHealth } from "./routes/health/index.ts";
import { registerImports } from "./routes/imports/index.ts";
import { registerPlanClosing } from "./routes/plans/close.ts";
import { registerPlans } from "./routes/plans/index.ts";
import { registerProjects } from "./routes/projects/index.ts";
import { registerReorganisations } from "./routes/reorganisations/index.ts";
import { registerAttachments } from "./routes/reporting/attachments.ts";
import { registerAudit } from "./routes/reporting/audit.ts";
import { registerHandoffs } from "./routes/reporting/handoffs.ts";
import { registerHolidays } from "./routes/reporting/holidays.ts";
import { registerRegime } from "./routes/reporting/regime.ts";
import { registerReports } from "./routes/reporting/reports.ts";
import { registerStatus } from "./routes/reporting/status.ts";
import { registerTargets } from "./routes/targets/index.ts";
import { registerTasks } from "./routes/tasks/index.ts";
import { registerUrging } from "./routes/urging/index.ts";
import { registerUsers } from "./routes/users/index.ts";
import { registerZones } from "./routes/zones/index.ts";
import { securityHeaders } from "./security-headers.ts";
import { registerStatic } from "./static.ts";
import { validationHook } from "./validation.ts";

export interface AppOptions {
  database: Database;
  webRoot?: string;
  /** The clock; tests replay a reporting period "in 2022" with a fixed one. */
  now?: () => Date;
}

export function createApp({ database, webRoot, now }: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.use("*", securityHeaders);
  app.use("/api/*", compressJson);
  app.use("*", async (c, next) => {
    c.set("database", database);
    if (now) c.set("now", now);
    await next();
  });
  app.use("/api/*", sessionMiddleware);
  app.use("/api/*", csrfProtection);
  app.use("/api/*", refuseAnonymousWrites);
  app.use("/api/*", planClosedGuard);
  app.use("/api/*", bodyLimits);
  app.use("/api/*", inputGuard);
  app.onError(handleError);
  registerHealth(app);
  registerPlans(app);
  registerPlanClosing(app);
  registerTasks(app);
  registerAgencies(app);
  registerAuth(app);
  registerUsers(app);
  registerAgencyAdmin(app);
  registerReorganisations(app);
  registerUrging(app);
  registerRegime(app);
  registerReports(app);
  registerHandoffs(app);
  registerAttachments(app);
  registerStatus(app);
  registerHolidays(app);
  registerAudit(app);
  registerImports(app);
  registerTargets(app);
  registerZones(app);
  registerGeo(app);
  registerProjects(app);
  registerDashboard(app);
  registerPublic(app);
  registerDocuments(app);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "kehoach API",
      version: "0.1.0",
      description:
        "Kế hoạch, nhiệm vụ, đơn vị — plans, tasks and agencies. Errors carry a stable code and messages in Vietnamese and English.",
    },
  });
  registerDocs(app);
  app.all("/api/*", (c) => {
    const err = new AppError("NOT_FOUND", {
      en: `No API endpoint ${c.req.method} ${c.req.path}.`,
      vi: `Không có địa chỉ API ${c.req.method} ${c.req.path}.`,
    });
    return c.json(errorBody(err), 404);
  });
  registerStatic(app, webRoot);
  return app;
}
