import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../../env.ts";
import { can, currentActor } from "../../policies.ts";

const route = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["system"],
  summary:
    "Is the service up and its database reachable? (503 when not; the database kind is told to administrators only)",
  responses: {
    200: {
      description: "OK",
      content: {
        "application/json": {
          schema: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]).optional() }),
        },
      },
    },
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const database = c.get("database");
    await database.db.execute(sql`select 1`);
    // Monitoring needs "ok" (and the 503 of a lost database, error-handler.ts); which engine runs
    // is a detail of the deployment an anonymous caller has no use for (issue 10 §2).
    const admin = can(currentActor(c), "plan:publish");
    return c.json({ status: "ok" as const, ...(admin ? { database: database.kind } : {}) }, 200);
  });
}
