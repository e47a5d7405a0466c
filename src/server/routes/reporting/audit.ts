import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listAudit, verifyAuditChain } from "../../../db/queries/audit.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { jsonResponses, QueryId, queryInt } from "../../schemas.ts";

const ok = jsonResponses();
const list = createRoute({
  method: "get",
  path: "/api/audit",
  tags: ["audit"],
  summary: "The append-only audit log: who, what, when, before and after (coordinator, administrator)",
  request: {
    query: z.object({
      plan: QueryId.optional(),
      entity: z.string().max(50).optional(),
      entityId: z.string().max(50).optional(),
      limit: queryInt(1, 1000).optional(),
    }),
  },
  responses: ok,
});
const verify = createRoute({
  method: "get",
  path: "/api/audit/verify",
  tags: ["audit"],
  summary: "Recompute the audit log's hash chain",
  request: { query: z.object({ plan: QueryId.optional() }) },
  responses: ok,
});

export function registerAudit(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    authorize(c, "audit:read", q.plan ? { planId: q.plan } : undefined);
    return c.json(await listAudit(c.get("database").db, q), 200);
  });
  app.openapi(verify, async (c) => {
    const { plan } = c.req.valid("query");
    authorize(c, "audit:read", plan ? { planId: plan } : undefined);
    return c.json(await verifyAuditChain(c.get("database").db), 200);
  });
}
