import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../../env.ts";

const route = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["system"],
  summary: "Is the service up and its database reachable?",
  responses: {
    200: {
      description: "OK",
      content: {
        "application/json": {
          schema: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }),
        },
      },
    },
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const database = c.get("database");
    await database.db.execute(sql`select 1`);
    return c.json({ status: "ok" as const, database: database.kind }, 200);
  });
}
