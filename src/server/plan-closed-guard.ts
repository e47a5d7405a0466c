/**
 * Every write through a closed plan is refused PLAN_CLOSED (409), here and only here (issue 10
 * §1: after closing, a plan is read-only and its final statuses frozen). A write is any POST,
 * PUT, PATCH or DELETE under /api whose path names a plan's resource (the table below: the plan's
 * own routes — periods, regime, reminders, urging, indicator uploads —, a report and its
 * hand-offs, review, extension and attachments, a measure's trajectory, a task). Closing itself
 * (POST /api/plans/{id}/close) answers its own refusal. A new write route under these paths is
 * guarded without a line of its own; a route under a new path must be added to WRITE_PATHS.
 */
import type { MiddlewareHandler } from "hono";
import { assertPlanOpen, type PlanResource, planOfResource } from "../db/plan-closing/guard.ts";
import type { AppEnv } from "./env.ts";

/** Path → which resource its id names. */
export const WRITE_PATHS: readonly [RegExp, PlanResource][] = [
  [/^\/api\/plans\/(\d+)(?:\/(?!close$).*)?$/u, "plan"],
  [/^\/api\/reports\/(\d+)(?:\/.*)?$/u, "expected_report"],
  [/^\/api\/expected-reports\/(\d+)(?:\/.*)?$/u, "expected_report"],
  [/^\/api\/attachments\/(\d+)(?:\/.*)?$/u, "attachment"],
  [/^\/api\/measures\/(\d+)(?:\/.*)?$/u, "measure"],
  [/^\/api\/tasks\/(\d+)(?:\/.*)?$/u, "task"],
];

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The resource a write request's path names, or null (not a plan's resource, or a read). */
export function writeTarget(method: string, path: string): { kind: PlanResource; id: number } | null {
  if (!WRITES.has(method.toUpperCase())) return null;
  for (const [pattern, kind] of WRITE_PATHS) {
    const m = pattern.exec(path);
    const id = m?.[1] ? Number(m[1]) : Number.NaN;
    if (Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647) return { kind, id };
  }
  return null;
}

export const planClosedGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const target = writeTarget(c.req.method, c.req.path);
  if (target) {
    const db = c.get("database").db;
    const planId = await planOfResource(db, target.kind, target.id);
    if (planId !== null) await assertPlanOpen(db, planId);
  }
  await next();
};
