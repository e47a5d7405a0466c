// What the signed-in user may do, mirroring the server's policies (src/server/policies.ts) so
// the pages can hide buttons a role cannot use. The server still decides: it refuses the rest.
import type { Role, RoleGrant, SessionUser } from "./reporting-types.ts";

type User = SessionUser | null | undefined;

// An unknown plan (undefined) matches any grant: the page then shows what the role may do in
// some plan and the server decides for this one.
const inPlan = (g: RoleGrant, planId: number | undefined) =>
  planId === undefined || g.planId === null || g.planId === planId;

export function isAdmin(user: User): boolean {
  return Boolean(user?.roles.some((g) => g.role === "administrator"));
}

export function hasRole(user: User, roles: Role[], planId?: number): boolean {
  return Boolean(user?.roles.some((g) => roles.includes(g.role) && inPlan(g, planId)));
}

/** Reviews, opens periods, edits the regime, urges, grants extensions. */
export function isCoordinator(user: User, planId?: number): boolean {
  return isAdmin(user) || hasRole(user, ["coordinator"], planId);
}

/** May open the coordinator's pages (coordinators read and write; viewers read). */
export function isOverseer(user: User, planId?: number): boolean {
  return isCoordinator(user, planId) || hasRole(user, ["viewer"], planId);
}

/** The agencies the user reports for (as reporter or leader), with the plan of each grant. */
export function reportingAgencies(user: User, roles: Role[] = ["reporter", "leader"]) {
  const out: { agencyId: number; planId: number | null; role: Role }[] = [];
  for (const g of user?.roles ?? []) {
    const agencyId = g.agencyId ?? user?.agencyId ?? null;
    if (roles.includes(g.role) && agencyId !== null) out.push({ agencyId, planId: g.planId, role: g.role });
  }
  return out;
}

function actsFor(user: User, roles: Role[], planId: number | undefined, agencyId: number | undefined) {
  if (agencyId === undefined) return false;
  return reportingAgencies(user, roles).some(
    (a) => a.agencyId === agencyId && (planId === undefined || a.planId === null || a.planId === planId),
  );
}

export function canDraft(user: User, planId: number | undefined, agencyId: number | undefined): boolean {
  return actsFor(user, ["reporter", "leader"], planId, agencyId);
}

export function canSubmit(user: User, planId: number | undefined, agencyId: number | undefined): boolean {
  return actsFor(user, ["leader"], planId, agencyId);
}

/** The plan a user works on by default: the first plan named by one of their roles. */
export function defaultPlanId(user: User): number | null {
  return user?.roles.find((g) => g.planId !== null)?.planId ?? null;
}

/**
 * Where a user lands after signing in: a reporter or leader on their own work; a coordinator on
 * the reporting loop they run; a viewer (the provincial leader, who reads and decides nothing
 * in the loop, issue 9 §4) on the plan's dashboard (issue 10 §2: targets, tasks, agencies in one
 * screen) — not the regime form.
 */
export function homeOf(user: User): string {
  if (!user) return "/";
  if (reportingAgencies(user).length > 0) return "/my";
  const plan = defaultPlanId(user);
  if (plan !== null && isCoordinator(user, plan)) return `/plans/${plan}/reporting`;
  if (isOverseer(user) && plan !== null) return `/plans/${plan}/dashboard`;
  return "/";
}

/** The roles to show next to the user's name, most powerful first, once each. */
export function roleList(user: User): Role[] {
  const order: Role[] = ["administrator", "coordinator", "leader", "reporter", "viewer"];
  const held = new Set(user?.roles.map((g) => g.role));
  return order.filter((r) => held.has(r));
}
