/**
 * Province-wide records (zones, investment projects) belong to no single plan: they are written
 * by a coordinator of any plan of their province, or an administrator (src/server/policies.ts).
 * An indicator figure belongs to the province its scope describes (src/domain/provinces.ts): it
 * is written only through the plans of that province, never by another province's coordinator.
 */
import { eq, inArray } from "drizzle-orm";
import type { Context } from "hono";
import { plans } from "../db/schema.ts";
import { AppError } from "../domain/errors.ts";
import { currentProvince, scopeProvince } from "../domain/provinces.ts";
import type { AppEnv } from "./env.ts";
import { type Action, authorize, authorizeAny, can, currentActor, type Resource } from "./policies.ts";

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

/** Does a plan of `planProvince` hold the territory `scope` describes? */
export function scopeInProvince(scope: string, planProvince: string): boolean {
  const p = scopeProvince(scope);
  return p !== null && p === currentProvince(planProvince);
}

/**
 * Authorizes writing a figure of `scope` for an indicator used by `candidatePlanIds` (all plans
 * when it is used by none): only through the candidates of the scope's province — their
 * coordinators, or the supplying agency there. Roles that hold in every plan (administrator) pass
 * whatever the scope. A user who could write the indicator only for another province gets a 403
 * naming the scope.
 */
export async function authorizeScopeWrite(
  c: Context<AppEnv>,
  scope: string,
  candidatePlanIds: number[] | "all",
  agencyId: number | undefined,
): Promise<void> {
  const db = c.get("database").db;
  const rows = await (candidatePlanIds === "all"
    ? db.select({ id: plans.id, province: plans.province }).from(plans)
    : candidatePlanIds.length
      ? db
          .select({ id: plans.id, province: plans.province })
          .from(plans)
          .where(inArray(plans.id, candidatePlanIds))
      : Promise.resolve([]));
  const resource = (planId?: number): Resource => ({ ...(planId ? { planId } : {}), agencyId });
  const inScope = rows.filter((p) => scopeInProvince(scope, p.province)).map((p) => resource(p.id));
  const actor = currentActor(c);
  if ([resource(), ...inScope].some((r) => can(actor, "indicator:write", r))) return;
  // Nobody signed in, or no right to this indicator anywhere: the usual 401 / 403 (always throws).
  if (!rows.some((p) => can(actor, "indicator:write", resource(p.id))))
    authorize(c, "indicator:write", resource());
  const province = scopeProvince(scope);
  const where = province ? `tỉnh ${province}` : "địa bàn đó";
  throw new AppError(
    "FORBIDDEN",
    {
      en: `You may not enter figures for "${scope}": they are entered through the plans of ${province || "that territory"}.`,
      vi: `Bạn không có quyền nhập số liệu cho phạm vi "${scope}": số liệu này do các kế hoạch của ${where} nhập.`,
    },
    {
      fields: [
        {
          field: "scope",
          reason: `not a territory of your plans' province`,
          reasonVi: "không thuộc địa bàn tỉnh của kế hoạch bạn phụ trách",
        },
      ],
    },
  );
}
