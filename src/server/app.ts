/**
 * The Hono application: API routes (thin: validate, authorize, query, present), the OpenAPI
 * document at /api/openapi.json, its docs page at /api/docs, and the web app.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Database } from "../db/connection.ts";
import { registerDocs } from "./docs-page.ts";
import type { AppEnv } from "./env.ts";
import { handleError } from "./error-handler.ts";
import { AppError, errorBody } from "./errors.ts";
import { registerAgencies } from "./routes/agencies/index.ts";
import { registerHealth } from "./routes/health/index.ts";
import { registerPlans } from "./routes/plans/index.ts";
import { registerTasks } from "./routes/tasks/index.ts";
import { registerStatic } from "./static.ts";
import { validationHook } from "./validation.ts";

export function createApp({ database, webRoot }: { database: Database; webRoot?: string }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.use("*", async (c, next) => {
    c.set("database", database);
    await next();
  });
  app.onError(handleError);
  registerHealth(app);
  registerPlans(app);
  registerTasks(app);
  registerAgencies(app);
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
