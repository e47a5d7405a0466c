/**
 * Province-wide records (zones, investment projects) belong to no single plan: they are written
 * by a coordinator of any plan of their province, or an administrator (src/server/policies.ts).
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { plans } from "../db/schema.ts";
import type { AppEnv } from "./env.ts";
import { type Action, authorizeAny } from "./policies.ts";

export async function authorizeInProvince(
  c: Context<AppEnv>,
  action: Exclude<Action, "plan:read">,
  province: string,
): Promise<void> {
  const rows = await c
    .get("database")
    .db.select({ id: plans.id })
    .from(plans)
    .where(eq(plans.province, province));
  authorizeAny(
    c,
    action,
    rows.map((p) => ({ planId: p.id })),
  );
}
