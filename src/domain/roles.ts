/**
 * The roles of kehoach and the signed-in actor: used by the database layer (accounts, demo
 * logins) and by the server's policies alike, so they live below both (DEVELOPERS.md, "Shape").
 * Roles follow Decree 09/2019 Art. 8 and 16: the agency that aggregates (coordinator), the
 * agencies that report (reporter drafts, leader signs and sends), the leaders who read (viewer).
 */
export const ROLES = ["administrator", "coordinator", "reporter", "leader", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  /** null: every plan. */
  planId: number | null;
  /** The agency a reporter or leader acts for (null: the user's own agency). */
  agencyId: number | null;
}

/** The signed-in user, as the session middleware puts it on the context (`c.get("actor")`). */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  agencyId: number | null;
  isAdmin: boolean;
  roles: RoleGrant[];
}
