/**
 * The audit log and its chain check, scoped to the reader (issue 8): `?plan=N` gives plan N's
 * rows and its province's, to the plan's coordinators and administrators; without a plan an
 * administrator (or a coordinator of every plan) gets every row, any other coordinator the rows
 * of the plans it coordinates. Draft content is hidden from who may not read the draft
 * (audit-present.ts).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type AuditScope, listAudit, plansScope, verifyAuditChain } from "../../../db/queries/audit.ts";
import { plans } from "../../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { authorize, can, currentActor } from "../../policies.ts";
import { jsonResponses, QueryId, queryInt } from "../../schemas.ts";
import { presentAuditRow } from "./audit-present.ts";

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
  summary:
    "Recompute the whole hash chain; answer for the reader's scope: its rows, ok, the broken row only if the reader may read it",
  request: { query: z.object({ plan: QueryId.optional() }) },
  responses: ok,
});

/** The rows the reader may read: authorizes (403 for a reader with no audit right at all). */
async function scopeOf(c: Context<AppEnv>, plan: number | undefined): Promise<AuditScope> {
  const db = c.get("database").db;
  if (plan !== undefined) {
    authorize(c, "audit:read", { planId: plan });
    return plansScope(db, [plan]);
  }
  const actor = currentActor(c);
  if (can(actor, "audit:read")) return { all: true };
  const all = await db.select({ id: plans.id }).from(plans);
  const mine = all.map((p) => p.id).filter((planId) => can(actor, "audit:read", { planId }));
  if (mine.length === 0) authorize(c, "audit:read");
  return plansScope(db, mine);
}

export function registerAudit(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => {
    const { plan, ...q } = c.req.valid("query");
    const scope = await scopeOf(c, plan);
    const actor = currentActor(c);
    const rows = await listAudit(c.get("database").db, scope, q);
    return c.json(
      rows.map((r) => presentAuditRow(actor, r)),
      200,
    );
  });
  app.openapi(verify, async (c) => {
    const { plan } = c.req.valid("query");
    const scope = await scopeOf(c, plan);
    return c.json(await verifyAuditChain(c.get("database").db, scope), 200);
  });
}
