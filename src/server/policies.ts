/**
 * The one place that decides permissions (docs/reporting-api.md, "Roles"). Every route asks
 * `authorize(c, action, resource)` before it touches data; `can` is the same decision as a
 * boolean, for presenters and lists. Roles are per plan (a role with planId null holds in every
 * plan); the administrator is global. A published plan is public: "plan:read" needs no sign-in.
 *
 * Scoping rules, so a route cannot widen a permission by forgetting a field:
 * - a plan-scoped action asked without `resource.planId` is granted only by a role that holds in
 *   every plan (planId null) — pass the plan;
 * - an agency-scoped action asked without `resource.agencyId` matches no agency;
 * - a reporter's or leader's agency is the role's agencyId, else the user's agencyId.
 */
import type { Context } from "hono";
import { AppError } from "../domain/errors.ts";
import type { Actor, Role, RoleGrant } from "../domain/roles.ts";

export type { Actor, Role, RoleGrant } from "../domain/roles.ts";
export { ROLES } from "../domain/roles.ts";

export const ACTIONS = [
  "plan:read",
  "plan:import",
  "plan:publish",
  "regime:edit",
  "period:open",
  "report:read",
  "report:draft",
  "report:submit",
  "report:hand-to-leader",
  "report:send-back",
  "report:review",
  "report:extend",
  "urge:send",
  "plan:close",
  "audit:read",
  "status:read-all",
  "user:manage",
  "agency:manage",
  "reorganisation:manage",
  "holiday:manage",
  "notification:read",
  "indicator:write",
  "zone:write",
  "project:write",
  "geo:manage",
  "document:write",
  "document:read",
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Resource {
  planId?: number;
  agencyId?: number;
  /** The report's state (not_started | draft | awaiting_leader | submitted | accepted | returned). */
  reportState?: string;
  /** A generated document's state (draft | final). */
  documentState?: "draft" | "final";
}

function holdsInPlan(g: RoleGrant, resource: Resource | undefined): boolean {
  return g.planId === null || (resource?.planId !== undefined && g.planId === resource.planId);
}

function grantAgency(actor: Actor, g: RoleGrant): number | null {
  return g.agencyId ?? actor.agencyId;
}

function grants(actor: Actor, roles: Role[], resource: Resource | undefined): RoleGrant[] {
  return actor.roles.filter((g) => roles.includes(g.role) && holdsInPlan(g, resource));
}

/** A reporter or leader (as `roles` says) of the resource's agency, in the resource's plan. */
function actsForAgency(actor: Actor, roles: Role[], resource: Resource | undefined): boolean {
  if (resource?.agencyId === undefined) return false;
  return grants(actor, roles, resource).some((g) => grantAgency(actor, g) === resource.agencyId);
}

function isCoordinator(actor: Actor, resource: Resource | undefined): boolean {
  return actor.isAdmin || grants(actor, ["coordinator"], resource).length > 0;
}

function canReadReport(actor: Actor, resource: Resource | undefined): boolean {
  // Its own agency reads its report in any state.
  if (actsForAgency(actor, ["reporter", "leader"], resource)) return true;
  const overseer = actor.isAdmin || grants(actor, ["coordinator", "viewer"], resource).length > 0;
  if (!overseer) return false;
  // An agency never reads another agency's draft: an overseer reads a draft only of the agency
  // it belongs to itself.
  if (resource?.reportState === "draft" || resource?.reportState === "awaiting_leader") {
    if (resource.agencyId === undefined) return false;
    const own = new Set<number | null>([actor.agencyId]);
    for (const g of grants(actor, ["coordinator", "viewer"], resource)) own.add(grantAgency(actor, g));
    return own.has(resource.agencyId);
  }
  return true;
}

/** May the actor (null: nobody signed in) do the action on the resource? */
export function can(actor: Actor | null, action: Action, resource?: Resource): boolean {
  if (action === "plan:read") return true;
  if (!actor) return false;
  switch (action) {
    case "notification:read":
      return true;
    case "plan:import":
    // Publishing a plan's public page (issue 10 §2) is a decision of the deployment, as importing is.
    case "plan:publish":
    case "user:manage":
    case "agency:manage":
    // Recording a reorganisation changes who owns every task of the agencies (REGULATIONS.md §5).
    case "reorganisation:manage":
    case "holiday:manage":
      return actor.isAdmin;
    case "regime:edit":
    case "period:open":
    case "report:review":
    case "report:extend":
    case "urge:send":
    // Closing a plan after its end (issue 10 §1): the administrator or the plan's coordinator.
    case "plan:close":
    case "audit:read":
      return isCoordinator(actor, resource);
    case "status:read-all":
      // Provincial leaders (viewers) read everything: rates and scorecards included.
      return isCoordinator(actor, resource) || grants(actor, ["viewer"], resource).length > 0;
    case "zone:write":
    case "project:write":
      // The coordinator follows the projects (plan tasks 4.3 and 8.9 lead: Sở Công Thương).
      return isCoordinator(actor, resource);
    case "geo:manage":
      // Replacing the boundary layer is a deployment decision, as importing a plan is.
      return actor.isAdmin;
    case "indicator:write":
      // The plan's coordinator, or a reporter/leader of the agency that supplies the indicator
      // (pass its supplier as `agencyId`; without one only coordinators qualify).
      return isCoordinator(actor, resource) || actsForAgency(actor, ["reporter", "leader"], resource);
    case "report:read":
      return canReadReport(actor, resource);
    case "document:write":
      // The aggregating agency writes and issues the plan's documents (Decree 09/2019 Art. 8).
      return isCoordinator(actor, resource);
    case "document:read":
      // A draft is the coordinator's working text; an issued document is read by everyone with a
      // role in the plan (provincial leaders, and the agencies it is sent to: its Nơi nhận).
      // Asked without a state, only the coordinator's answer (all documents) is given.
      if (isCoordinator(actor, resource)) return true;
      return resource?.documentState === "final" && actor.roles.some((g) => holdsInPlan(g, resource));
    case "report:draft":
      // While the draft waits for the leader, only the leader writes it (the reporter takes it
      // back first): issue 9 §2, src/domain/report-workflow.ts.
      return resource?.reportState === "awaiting_leader"
        ? actsForAgency(actor, ["leader"], resource)
        : actsForAgency(actor, ["reporter", "leader"], resource);
    case "report:hand-to-leader":
      // Sending the draft to the agency's leader, and taking it back: the reporter's steps.
      return actsForAgency(actor, ["reporter"], resource);
    case "report:submit":
    case "report:send-back":
      // The head of the agency sends its report (Decree 09/2019 Art. 8), or sends it back.
      return actsForAgency(actor, ["leader"], resource);
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The actor on the context (null when nobody is signed in or the session middleware did not run). */
export function currentActor(c: Context): Actor | null {
  return (c.get("actor") as Actor | null | undefined) ?? null;
}

/**
 * Throws UNAUTHORIZED (nobody signed in, for an action that needs someone) or FORBIDDEN unless
 * the action is allowed; returns the actor (null only for public actions such as "plan:read").
 */
export function authorize(c: Context, action: Action, resource?: Resource): Actor | null {
  const actor = currentActor(c);
  if (can(actor, action, resource)) return actor;
  if (!actor) {
    throw new AppError("UNAUTHORIZED", {
      en: "Please sign in first.",
      vi: "Vui lòng đăng nhập trước.",
    });
  }
  throw new AppError("FORBIDDEN", {
    en: "You may not do this.",
    vi: "Bạn không có quyền thực hiện thao tác này.",
  });
}

/** Like `authorize`, for actions that always need a signed-in user: the actor is never null. */
export function authorizeActor(c: Context, action: Exclude<Action, "plan:read">, resource?: Resource): Actor {
  const actor = authorize(c, action, resource);
  if (!actor)
    throw new AppError("UNAUTHORIZED", { en: "Please sign in first.", vi: "Vui lòng đăng nhập trước." });
  return actor;
}

/**
 * Allowed when any of `resources` allows it — e.g. the coordinator of any plan of a province
 * writes that province's zones and projects. Throws as `authorize` does otherwise. An empty list
 * (a province with no plan yet) is asked as one question naming no plan, so only a role that
 * holds in every plan (the administrator, a coordinator of every plan) is allowed.
 */
export function authorizeAny(c: Context, action: Exclude<Action, "plan:read">, resources: Resource[]): void {
  const actor = currentActor(c);
  const asked = resources.length ? resources : [{}];
  if (asked.some((r) => can(actor, action, r))) return;
  authorize(c, action, asked[0]);
  throw new AppError("FORBIDDEN", {
    en: "You may not do this.",
    vi: "Bạn không có quyền thực hiện thao tác này.",
  });
}
