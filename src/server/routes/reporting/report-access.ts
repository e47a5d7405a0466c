/**
 * Every route on one agency's report asks the same question: may this user take `action` on it,
 * given its plan, its agency and its state (a draft stays with its agency; Decree 09/2019 Art. 8
 * makes the agency's head the sender)? Loads what policies.ts needs and authorizes, or throws.
 */
import type { Context } from "hono";
import { reportContext } from "../../../db/reporting/reports.ts";
import type { AppEnv } from "../../env.ts";
import { type Action, authorize } from "../../policies.ts";

export async function authorizeReport(c: Context<AppEnv>, action: Action, expectedReportId: number) {
  const ctx = await reportContext(c.get("database").db, expectedReportId);
  authorize(c, action, { planId: ctx.planId, agencyId: ctx.agencyId, reportState: ctx.state });
  return ctx;
}
