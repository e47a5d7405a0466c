/**
 * Accounts in the database: users and their roles (sign-in attempts: login-attempts.ts).
 * Every write runs in a transaction with an audit row; no password and no hash ever reaches the
 * audit log (the records written there are `UserRecord`s, which carry neither).
 */
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { AppError, type FieldProblem } from "../domain/errors.ts";
import type { Role, RoleGrant } from "../domain/roles.ts";
import { appendAudit, type Tx } from "./audit.ts";
import type { Db } from "./connection.ts";
import { agencies, plans, roleAssignments, sessions, users } from "./schema.ts";

type Q = Tx | Db;

/** Lower-case letters, digits and . _ - ; 3–64 characters, starting and ending with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{1,62})[a-z0-9]$/;

/** Usernames are compared case-insensitively: stored and looked up in lower case. */
export function normalizeUsername(username: string): string {
  return username.normalize("NFC").trim().toLowerCase();
}

/** A user as the API and the audit log see it: never the password hash. */
export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  agencyId: number | null;
  agencyName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  roles: RoleGrant[];
}

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  agencyId: users.agencyId,
  agencyName: agencies.name,
  disabledAt: users.disabledAt,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

type UserRow = {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  agencyId: number | null;
  agencyName: string | null;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  createdAt: Date;
};

async function rolesOf(q: Q, userIds: number[]): Promise<Map<number, RoleGrant[]>> {
  const byUser = new Map<number, RoleGrant[]>();
  if (userIds.length === 0) return byUser;
  const rows = await q
    .select()
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.id));
  for (const r of rows) {
    const list = byUser.get(r.userId) ?? [];
    list.push({ role: r.role as Role, planId: r.planId, agencyId: r.agencyId });
    byUser.set(r.userId, list);
  }
  return byUser;
}

function toRecord(row: UserRow, roles: RoleGrant[]): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    disabled: row.disabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
    roles,
  };
}

/** One user with roles and agency name, or null. */
export async function getUser(q: Q, id: number): Promise<UserRecord | null> {
  const [row] = await q
    .select(userColumns)
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, id));
  if (!row) return null;
  return toRecord(row, (await rolesOf(q, [id])).get(id) ?? []);
}

/** Every user, by username. */
export async function listUsers(q: Q): Promise<UserRecord[]> {
  const rows = await q
    .select(userColumns)
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .orderBy(asc(users.username));
  const roles = await rolesOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, roles.get(r.id) ?? []));
}

/** What sign-in needs about a username (with the hash), or null. */
export async function findUserForLogin(q: Q, username: string) {
  const [row] = await q
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.username, normalizeUsername(username)));
  return row ?? null;
}

/** The password hash of a user (for a password change), or null. */
export async function getPasswordHash(q: Q, userId: number): Promise<string | null> {
  const [row] = await q.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}

// ─── Roles ───────────────────────────────────────────────────────────────────────────────

export interface RoleInput {
  role: Role;
  planId?: number | null;
  agencyId?: number | null;
}

function invalid(fields: FieldProblem[]): AppError {
  const names = [...new Set(fields.map((f) => f.field))].join(", ");
  return new AppError(
    "VALIDATION",
    { en: `Invalid request: ${names}.`, vi: `Yêu cầu không hợp lệ: ${names}.` },
    { fields },
  );
}

async function exists(q: Q, table: typeof plans | typeof agencies, id: number): Promise<boolean> {
  const [row] = await q.select({ id: table.id }).from(table).where(eq(table.id, id));
  return row !== undefined;
}

/**
 * Roles as stored: the administrator holds everywhere (no plan, no agency); a reporter or leader
 * acts for an agency (the user's own unless given); plans and agencies must exist; duplicates go.
 */
async function normalizeRoles(q: Q, roles: RoleInput[], userAgencyId: number | null): Promise<RoleGrant[]> {
  const problems: FieldProblem[] = [];
  const out: RoleGrant[] = [];
  for (const [i, r] of roles.entries()) {
    let grant: RoleGrant;
    if (r.role === "administrator") grant = { role: r.role, planId: null, agencyId: null };
    else if (r.role === "reporter" || r.role === "leader") {
      grant = { role: r.role, planId: r.planId ?? null, agencyId: r.agencyId ?? userAgencyId };
      if (grant.agencyId === null) {
        problems.push({
          field: `roles.${i}.agencyId`,
          reason: "a reporter or leader acts for an agency: give agencyId or the user's agency",
          reasonVi:
            "người báo cáo hoặc lãnh đạo phải thuộc một đơn vị: cần agencyId hoặc đơn vị của người dùng",
        });
        continue;
      }
    } else grant = { role: r.role, planId: r.planId ?? null, agencyId: r.agencyId ?? null };
    if (grant.planId !== null && !(await exists(q, plans, grant.planId))) {
      problems.push({
        field: `roles.${i}.planId`,
        reason: `plan ${grant.planId} does not exist`,
        reasonVi: `không có kế hoạch ${grant.planId}`,
      });
    }
    if (grant.agencyId !== null && !(await exists(q, agencies, grant.agencyId))) {
      problems.push({
        field: `roles.${i}.agencyId`,
        reason: `agency ${grant.agencyId} does not exist`,
        reasonVi: `không có đơn vị ${grant.agencyId}`,
      });
    }
    if (!out.some((g) => g.role === grant.role && g.planId === grant.planId && g.agencyId === grant.agencyId))
      out.push(grant);
  }
  if (problems.length) throw invalid(problems);
  return out;
}

async function checkAgency(q: Q, agencyId: number | null | undefined): Promise<void> {
  if (agencyId === null || agencyId === undefined) return;
  if (!(await exists(q, agencies, agencyId))) {
    throw invalid([
      {
        field: "agencyId",
        reason: `agency ${agencyId} does not exist`,
        reasonVi: `không có đơn vị ${agencyId}`,
      },
    ]);
  }
}

async function replaceRoles(tx: Tx, userId: number, roles: RoleGrant[]): Promise<void> {
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (roles.length) await tx.insert(roleAssignments).values(roles.map((r) => ({ userId, ...r })));
}

// ─── Writes ──────────────────────────────────────────────────────────────────────────────

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  agencyId?: number | null;
  passwordHash: string;
  mustChangePassword?: boolean;
  roles?: RoleInput[];
}

/** Creates a user with roles; a taken username is a VALIDATION error on `username`. */
export async function createUser(db: Db, input: NewUser, actor: string): Promise<UserRecord> {
  const username = normalizeUsername(input.username);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) {
      throw invalid([
        {
          field: "username",
          reason: `username ${username} is taken`,
          reasonVi: `tên đăng nhập ${username} đã có người dùng`,
        },
      ]);
    }
    await checkAgency(tx, input.agencyId);
    const roles = await normalizeRoles(tx, input.roles ?? [], input.agencyId ?? null);
    const [row] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName,
        email: input.email ?? null,
        agencyId: input.agencyId ?? null,
        passwordHash: input.passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
      })
      .returning({ id: users.id });
    if (!row) throw new Error("insert user returned nothing");
    await replaceRoles(tx, row.id, roles);
    const created = await getUser(tx, row.id);
    if (!created) throw new Error("created user vanished");
    await appendAudit(tx, { actor, action: "user.create", entity: "user", entityId: row.id, after: created });
    return created;
  });
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  agencyId?: number | null;
  disabled?: boolean;
  roles?: RoleInput[];
}

/**
 * Changes a user; null when there is no such user. Disabling ends the user's sessions; an
 * administrator cannot disable themselves or drop their own administrator role (INVALID_STATE),
 * so the last administrator cannot lock everyone out by mistake.
 */
export async function updateUser(
  db: Db,
  id: number,
  patch: UserPatch,
  actor: { userId: number; username: string },
): Promise<UserRecord | null> {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    if (!before) return null;
    if (id === actor.userId) {
      const dropsAdmin =
        patch.roles !== undefined &&
        before.roles.some((r) => r.role === "administrator") &&
        !patch.roles.some((r) => r.role === "administrator");
      if (patch.disabled === true || dropsAdmin) {
        throw new AppError("INVALID_STATE", {
          en: "You cannot disable your own account or remove your own administrator role.",
          vi: "Không thể tự khóa tài khoản của mình hoặc tự bỏ quyền quản trị của mình.",
        });
      }
    }
    if (patch.agencyId !== undefined) await checkAgency(tx, patch.agencyId);
    const set: Partial<typeof users.$inferInsert> = {};
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.email !== undefined) set.email = patch.email;
    if (patch.agencyId !== undefined) set.agencyId = patch.agencyId;
    if (patch.disabled !== undefined && patch.disabled !== before.disabled)
      set.disabledAt = patch.disabled ? new Date() : null;
    if (Object.keys(set).length) await tx.update(users).set(set).where(eq(users.id, id));
    if (patch.roles !== undefined) {
      const agencyId = patch.agencyId !== undefined ? patch.agencyId : before.agencyId;
      await replaceRoles(tx, id, await normalizeRoles(tx, patch.roles, agencyId));
    }
    if (patch.disabled === true) await tx.delete(sessions).where(eq(sessions.userId, id));
    const after = await getUser(tx, id);
    await appendAudit(tx, {
      actor: actor.username,
      action: "user.update",
      entity: "user",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Stores a new password hash. A reset by an administrator ("user.password.reset") sets
 * mustChangePassword and ends every session of the user; a change by the user
 * ("user.password.change") clears it and ends the user's other sessions (keepSessionId stays).
 * Either way the browsers known to the account (auth/throttle.ts) are forgotten, their token being
 * signed with the old hash. The audit row names the event, never the password or hash.
 */
export async function setPassword(
  db: Db,
  userId: number,
  passwordHash: string,
  opts: { reset: boolean; keepSessionId?: number | null; actor: string },
): Promise<UserRecord | null> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: opts.reset })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0) return null;
    await tx
      .delete(sessions)
      .where(
        opts.keepSessionId
          ? and(eq(sessions.userId, userId), ne(sessions.id, opts.keepSessionId))
          : eq(sessions.userId, userId),
      );
    await appendAudit(tx, {
      actor: opts.actor,
      action: opts.reset ? "user.password.reset" : "user.password.change",
      entity: "user",
      entityId: userId,
      after: { mustChangePassword: opts.reset },
    });
    return getUser(tx, userId);
  });
}

/** The id of the user with this username (disabled or not), or null. */
export async function findUserIdByUsername(q: Q, username: string): Promise<number | null> {
  const [row] = await q
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, normalizeUsername(username)));
  return row?.id ?? null;
}
