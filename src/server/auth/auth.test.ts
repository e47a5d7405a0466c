/**
 * Accounts end to end through the API: sign-in, cookie, session, CSRF, sign-in throttle,
 * password change and reset, user and agency administration, and sessions shared by two app
 * instances over one database (several server processes).
 */
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, loginAttempts, sessions, users } from "../../db/schema.ts";
import { DEMO_ACCOUNTS } from "../../db/seed-accounts.ts";
import { createApp } from "../app.ts";
import { type ErrorJson, startTestApp, type TestApp } from "../test-app.ts";
import {
  call,
  DEMO_PASSWORD,
  login,
  type Requester,
  send,
  sessionCookieOf,
  type TestSession,
} from "../test-auth.ts";

let ctx: TestApp;
let planId: number;
let admin: TestSession;

type SessionJson = {
  user: {
    id: number;
    username: string;
    agencyId: number | null;
    agencyName: string | null;
    mustChangePassword: boolean;
    roles: { role: string; planId: number | null; agencyId: number | null }[];
  };
  csrfToken: string;
};
type UserJson = SessionJson["user"] & { disabled: boolean; displayName: string };

function tryLogin(username: string, password: string, address?: string, url = "http://localhost") {
  return ctx.app.request(
    `${url}/api/auth/login`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    },
    address ? { incoming: { socket: { remoteAddress: address } } } : undefined,
  );
}

async function statusOf(res: Response | Promise<Response>): Promise<{ status: number; code?: string }> {
  const r = await res;
  const body = (await r.json()) as Partial<ErrorJson>;
  return { status: r.status, code: body.error?.code };
}

const me = (s: TestSession | null, app: Requester = ctx.app) =>
  call<SessionJson>(app, s, "GET", "/api/auth/me");

async function userId(username: string): Promise<number> {
  const [row] = await ctx.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

beforeAll(async () => {
  ctx = await startTestApp();
  planId = ctx.planId;
  admin = await login(ctx.app, "admin");
});
afterAll(async () => {
  await ctx?.close();
});

describe("sign-in", () => {
  it("signs a reporter in and returns the user, the agency and the roles", async () => {
    const res = await tryLogin("skhdt.baocao", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as SessionJson;
    expect(body.user).toMatchObject({
      username: "skhdt.baocao",
      agencyName: "Sở Kế hoạch và Đầu tư",
      mustChangePassword: false,
    });
    expect(body.user.roles).toEqual([{ role: "reporter", planId, agencyId: body.user.agencyId }]);
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it("accepts the username in any case and with spaces around it", async () => {
    expect((await tryLogin("  SKHDT.LanhDao ", DEMO_PASSWORD)).status).toBe(200);
  });

  it("sets an HttpOnly, SameSite=Lax cookie holding a 32-byte token, and stores only its SHA-256", async () => {
    const res = await tryLogin("sgtvt.baocao", DEMO_PASSWORD);
    const line = res.headers.get("set-cookie") ?? "";
    expect(line).toMatch(/^kehoach_session=[\w-]+;/);
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/i);
    const token = (sessionCookieOf(res) ?? "").split("=")[1] ?? "";
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await ctx.database.db.select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.some((r) => r.tokenHash === createHash("sha256").update(token).digest("hex"))).toBe(true);
  });

  it("marks the cookie Secure over https", async () => {
    const res = await tryLogin("sgtvt.lanhdao", DEMO_PASSWORD, undefined, "https://kehoach.example");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });

  it("answers a wrong password and an unknown user with the same status and message", async () => {
    const wrong = await tryLogin("stnmt.baocao", "not-the-password");
    const unknown = await tryLogin("nobody.here", "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("records every attempt", async () => {
    const rows = await ctx.database.db
      .select({ success: loginAttempts.success })
      .from(loginAttempts)
      .where(eq(loginAttempts.username, "nobody.here"));
    expect(rows).toEqual([{ success: false }]);
  });

  it("refuses a request with no username or password as invalid", async () => {
    const res = await ctx.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin" }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error.fields?.[0]?.field).toBe("password");
  });
});

describe("the session", () => {
  it("says who is signed in, with the CSRF token", async () => {
    const s = await login(ctx.app, "sct.dieuphoi");
    const res = await me(s);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe("sct.dieuphoi");
    expect(res.body.user.roles[0]?.role).toBe("coordinator");
    expect(res.body.csrfToken).toBe(s.csrf);
  });

  it("answers 401 to nobody and to an unknown cookie", async () => {
    expect((await me(null)).status).toBe(401);
    const res = await ctx.app.request("/api/auth/me", { headers: { cookie: "kehoach_session=forged" } });
    expect(res.status).toBe(401);
  });

  it("ends at logout: the cookie no longer works and the row is gone", async () => {
    const s = await login(ctx.app, "bqlkcn.baocao");
    const res = await send(ctx.app, s, "POST", "/api/auth/logout");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/kehoach_session=;/);
    expect((await me(s)).status).toBe(401);
    const left = await ctx.database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, s.user.id));
    expect(left).toEqual([]);
  });

  it("expires 12 hours after it was last used, and each use extends it", async () => {
    const s = await login(ctx.app, "bqlkcn.lanhdao");
    const db = ctx.database.db;
    const hourAgo = new Date(Date.now() - 3600_000);
    await db
      .update(sessions)
      .set({ lastSeenAt: hourAgo, expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(sessions.userId, s.user.id));
    expect((await me(s)).status).toBe(200);
    const [slid] = await db.select().from(sessions).where(eq(sessions.userId, s.user.id));
    expect(slid?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11.9 * 3600_000);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, s.user.id));
    expect((await me(s)).status).toBe(401);
  });

  it("is shared by two app instances over one database (several server processes)", async () => {
    const first = ctx.app;
    const second = createApp({ database: ctx.database });
    const s = await login(first, "skhdt.lanhdao");
    const there = await me(s, second);
    expect(there.status).toBe(200);
    expect(there.body.user.username).toBe("skhdt.lanhdao");
    expect((await send(second, s, "POST", "/api/auth/logout")).status).toBe(200);
    expect((await me(s, first)).status).toBe(401);
  });
});

describe("CSRF", () => {
  it("refuses a write with the session cookie but without the header", async () => {
    const s = await login(ctx.app, "sct.baocao");
    const res = await ctx.app.request("/api/auth/logout", { method: "POST", headers: { cookie: s.cookie } });
    expect(await statusOf(res)).toEqual({ status: 403, code: "CSRF" });
    expect((await me(s)).status).toBe(200);
  });

  it("refuses a wrong token, and lets the right one through", async () => {
    const s = await login(ctx.app, "sct.baocao");
    const body = JSON.stringify({ currentPassword: "x", newPassword: "y" });
    const headers = { cookie: s.cookie, "content-type": "application/json" };
    const wrong = await ctx.app.request("/api/auth/password", {
      method: "POST",
      headers: { ...headers, "x-csrf-token": `${s.csrf}x` },
      body,
    });
    expect(await statusOf(wrong)).toEqual({ status: 403, code: "CSRF" });
    const other = await login(ctx.app, "sct.lanhdao");
    const stolen = await ctx.app.request("/api/auth/password", {
      method: "POST",
      headers: { ...headers, "x-csrf-token": other.csrf },
      body,
    });
    expect(await statusOf(stolen)).toEqual({ status: 403, code: "CSRF" });
    const right = await ctx.app.request("/api/auth/password", {
      method: "POST",
      headers: { ...headers, "x-csrf-token": s.csrf },
      body,
    });
    expect(await statusOf(right)).toEqual({ status: 400, code: "VALIDATION" });
  });

  it("does not apply to reads", async () => {
    const s = await login(ctx.app, "sct.baocao");
    const res = await ctx.app.request(`/api/plans/${planId}`, { headers: { cookie: s.cookie } });
    expect(res.status).toBe(200);
  });
});

describe("sign-in throttle (the detailed rules: throttle.test.ts)", () => {
  it("after 5 failures from one browser and address the next attempt waits, even with the right password", async () => {
    const name = "stnmt.lanhdao";
    for (let i = 0; i < 5; i++) expect((await statusOf(tryLogin(name, "wrong-password"))).status).toBe(401);
    const res = await tryLogin(name, DEMO_PASSWORD);
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(15);
    const body = (await res.json()) as ErrorJson & { error: { details?: { retryAfterSeconds?: number } } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.details?.retryAfterSeconds).toBe(retry);
    expect(body.error.messageVi).toContain(`chờ ${retry} giây`);
    // Fifteen seconds later (faked: the failures are moved into the past) the password works.
    const db = ctx.database.db;
    await db
      .update(loginAttempts)
      .set({ at: sql`${loginAttempts.at} - interval '20 seconds'` })
      .where(eq(loginAttempts.username, name));
    expect((await tryLogin(name, DEMO_PASSWORD)).status).toBe(200);
    // No account was locked: nothing but the attempts was written.
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "user.lock"));
    expect(audit).toEqual([]);
  });

  it("a success resets the count of failures", async () => {
    const name = "sct.lanhdao";
    for (let i = 0; i < 4; i++) expect((await tryLogin(name, "wrong-password")).status).toBe(401);
    expect((await tryLogin(name, DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await tryLogin(name, "wrong-password")).status).toBe(401);
    expect((await tryLogin(name, DEMO_PASSWORD)).status).toBe(200);
  });

  it("answers an unknown username exactly like a known one", async () => {
    const seen: string[] = [];
    for (const name of ["ghost.user", "sgtvt.lanhdao"]) {
      const answers: string[] = [];
      for (let i = 0; i < 8; i++) {
        const { status, code } = await statusOf(tryLogin(name, "wrong-password"));
        answers.push(`${status} ${code}`);
      }
      seen.push(answers.join(","));
    }
    expect(seen[0]).toBe(
      [...Array(5).fill("401 UNAUTHORIZED"), ...Array(3).fill("429 RATE_LIMITED")].join(","),
    );
    expect(seen[1]).toBe(seen[0]);
    // The wait holds for the right password too.
    expect(await statusOf(tryLogin("sgtvt.lanhdao", DEMO_PASSWORD))).toEqual({
      status: 429,
      code: "RATE_LIMITED",
    });
  });

  it("an address where 30 usernames failed within the hour waits (password spraying); others do not", async () => {
    const address = "203.0.113.9";
    for (let i = 0; i < 30; i++) {
      expect((await tryLogin(`guess.${i}`, "wrong-password", address)).status).toBe(401);
    }
    expect(await statusOf(tryLogin("skhdt.baocao", DEMO_PASSWORD, address))).toEqual({
      status: 429,
      code: "RATE_LIMITED",
    });
    expect((await tryLogin("skhdt.baocao", DEMO_PASSWORD, "203.0.113.10")).status).toBe(200);
  });

  it("counts only failures: many sign-ins of one user are fine", async () => {
    for (let i = 0; i < 12; i++)
      expect((await tryLogin("admin", DEMO_PASSWORD, "198.51.100.1")).status).toBe(200);
  });
});

describe("passwords", () => {
  it("changes a password only with the current one, and by the policy", async () => {
    const s = await login(ctx.app, "bqlkcn.baocao");
    const other = await login(ctx.app, "bqlkcn.baocao");
    const change = (currentPassword: string, newPassword: string) =>
      call<ErrorJson>(ctx.app, s, "POST", "/api/auth/password", { currentPassword, newPassword });
    const wrong = await change("not-the-password", "a-new-password-1");
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields?.map((f) => f.field)).toEqual(["currentPassword"]);
    const short = await change(DEMO_PASSWORD, "short");
    expect(short.status).toBe(400);
    expect(short.body.error.fields?.[0]).toMatchObject({ field: "newPassword" });
    expect(short.body.error.fields?.[0]?.reasonVi).toContain("10 ký tự");
    const same = await change(DEMO_PASSWORD, "BQLKCN.BAOCAO");
    expect(same.status).toBe(400);
    expect(same.body.error.fields?.[0]?.reason).toContain("username");
    expect((await change(DEMO_PASSWORD, "a-new-password-1")).status).toBe(200);
    expect((await tryLogin("bqlkcn.baocao", DEMO_PASSWORD)).status).toBe(401);
    expect((await tryLogin("bqlkcn.baocao", "a-new-password-1")).status).toBe(200);
    // This session goes on; the user's other sessions end.
    expect((await me(s)).status).toBe(200);
    expect((await me(other)).status).toBe(401);
  });

  it("stores argon2id hashes", async () => {
    const [row] = await ctx.database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.username, "bqlkcn.baocao"));
    expect(row?.hash).toMatch(/^\$argon2id\$v=19\$/);
  });

  it("an administrator resets a password: the user's sessions end and the user must change it", async () => {
    const victim = await login(ctx.app, "stnmt.baocao");
    const id = victim.user.id;
    const weak = await call<ErrorJson>(ctx.app, admin, "POST", `/api/users/${id}/reset-password`, {
      newPassword: "123",
    });
    expect(weak.status).toBe(400);
    const res = await call<UserJson>(ctx.app, admin, "POST", `/api/users/${id}/reset-password`, {
      newPassword: "temporary-password-9",
    });
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(true);
    expect((await me(victim)).status).toBe(401);
    const again = await login(ctx.app, "stnmt.baocao", "temporary-password-9");
    expect(again.user.mustChangePassword).toBe(true);
    expect(
      (
        await call(ctx.app, again, "POST", "/api/auth/password", {
          currentPassword: "temporary-password-9",
          newPassword: "my-own-password-7",
        })
      ).status,
    ).toBe(200);
    expect((await me(again)).body.user.mustChangePassword).toBe(false);
  });

  it("never writes a password or a hash into the audit log", async () => {
    const rows = await ctx.database.db.select().from(auditLog);
    const text = JSON.stringify(rows);
    expect(rows.some((r) => r.action === "user.password.reset")).toBe(true);
    for (const secret of [
      DEMO_PASSWORD,
      "temporary-password-9",
      "my-own-password-7",
      "a-new-password-1",
      "$argon2",
    ])
      expect(text).not.toContain(secret);
  });
});

describe("user administration", () => {
  it("is for administrators only", async () => {
    const reporter = await login(ctx.app, "skhdt.baocao");
    const coordinator = await login(ctx.app, "sct.dieuphoi");
    expect(await statusOf(send(ctx.app, null, "GET", "/api/users"))).toEqual({
      status: 401,
      code: "UNAUTHORIZED",
    });
    expect(await statusOf(send(ctx.app, reporter, "GET", "/api/users"))).toEqual({
      status: 403,
      code: "FORBIDDEN",
    });
    const create = { username: "x.y", displayName: "X", password: "long-enough-password" };
    expect((await send(ctx.app, coordinator, "POST", "/api/users", create)).status).toBe(403);
    expect(
      (await send(ctx.app, reporter, "PATCH", `/api/users/${reporter.user.id}`, { disabled: true })).status,
    ).toBe(403);
    expect(
      (
        await send(ctx.app, reporter, "POST", `/api/users/${admin.user.id}/reset-password`, {
          newPassword: "p".repeat(12),
        })
      ).status,
    ).toBe(403);
  });

  it("lists every demo account with its roles", async () => {
    const res = await call<{ items: UserJson[]; total: number }>(ctx.app, admin, "GET", "/api/users");
    expect(res.status).toBe(200);
    expect(res.body.items.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    const viewer = res.body.items.find((u) => u.username === "lanhdao.tinh");
    expect(viewer?.roles).toEqual([{ role: "viewer", planId, agencyId: viewer?.agencyId }]);
  });

  it("creates a user, who must change the password, and refuses a taken username", async () => {
    const skhdt = (await me(await login(ctx.app, "skhdt.baocao"))).body.user.agencyId;
    const res = await call<UserJson>(ctx.app, admin, "POST", "/api/users", {
      username: "SKHDT.BaoCao2",
      displayName: "Cán bộ báo cáo 2",
      email: "baocao2@example.vn",
      agencyId: skhdt,
      password: "first-password-1",
      roles: [{ role: "reporter", planId }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: "skhdt.baocao2", mustChangePassword: true, agencyId: skhdt });
    expect(res.body.roles).toEqual([{ role: "reporter", planId, agencyId: skhdt }]);
    const s = await login(ctx.app, "skhdt.baocao2", "first-password-1");
    expect(s.user.mustChangePassword).toBe(true);
    const dup = await call<ErrorJson>(ctx.app, admin, "POST", "/api/users", {
      username: "skhdt.baocao2",
      displayName: "again",
      password: "first-password-1",
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.fields?.[0]?.field).toBe("username");
  });

  it("refuses a weak password, a bad username, an unknown plan or a reporter without an agency", async () => {
    const bad = async (body: Record<string, unknown>) =>
      (await call<ErrorJson>(ctx.app, admin, "POST", "/api/users", body)).body.error.fields?.map(
        (f) => f.field,
      );
    const base = { username: "new.user", displayName: "New", password: "long-enough-password" };
    expect(await bad({ ...base, password: "new.user" })).toContain("password");
    expect(await bad({ ...base, username: "a b" })).toContain("username");
    expect(await bad({ ...base, roles: [{ role: "viewer", planId: 99999 }] })).toEqual(["roles.0.planId"]);
    expect(await bad({ ...base, roles: [{ role: "reporter", planId }] })).toEqual(["roles.0.agencyId"]);
    expect(await bad({ ...base, roles: [{ role: "boss" }] })).toEqual(["roles.0.role"]);
  });

  it("changes roles and disables a user, whose sessions end", async () => {
    const id = await userId("sgtvt.baocao");
    const s = await login(ctx.app, "sgtvt.baocao");
    const roles = await call<UserJson>(ctx.app, admin, "PATCH", `/api/users/${id}`, {
      displayName: "Cán bộ GTVT",
      roles: [{ role: "viewer", planId }],
    });
    expect(roles.status).toBe(200);
    expect(roles.body).toMatchObject({
      displayName: "Cán bộ GTVT",
      roles: [{ role: "viewer", planId, agencyId: null }],
    });
    expect((await me(s)).body.user.roles).toEqual([{ role: "viewer", planId, agencyId: null }]);
    const off = await call<UserJson>(ctx.app, admin, "PATCH", `/api/users/${id}`, { disabled: true });
    expect(off.body.disabled).toBe(true);
    expect((await me(s)).status).toBe(401);
    const refused = await tryLogin("sgtvt.baocao", DEMO_PASSWORD);
    const unknown = await tryLogin("no.such.person", DEMO_PASSWORD);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(await unknown.json());
    await call(ctx.app, admin, "PATCH", `/api/users/${id}`, { disabled: false });
    expect((await tryLogin("sgtvt.baocao", DEMO_PASSWORD)).status).toBe(200);
  });

  it("does not let an administrator disable themselves or drop their own role", async () => {
    const self = await call<ErrorJson>(ctx.app, admin, "PATCH", `/api/users/${admin.user.id}`, {
      disabled: true,
    });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe("INVALID_STATE");
    const drop = await call<ErrorJson>(ctx.app, admin, "PATCH", `/api/users/${admin.user.id}`, {
      roles: [{ role: "viewer", planId }],
    });
    expect(drop.status).toBe(409);
  });

  it("answers 404 for an unknown user", async () => {
    expect((await send(ctx.app, admin, "PATCH", "/api/users/99999", { displayName: "x" })).status).toBe(404);
  });

  it("audits user writes", async () => {
    const actions = (
      await ctx.database.db.select({ action: auditLog.action, actor: auditLog.actor }).from(auditLog)
    ).filter((a) => a.action.startsWith("user.") && a.actor === "admin");
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(["user.create", "user.update", "user.password.reset"]),
    );
  });
});

describe("agency administration", () => {
  type AgencyJson = {
    id: number;
    name: string;
    aliases: string[];
    province: string | null;
    successorId: number | null;
    validFrom: string | null;
    validTo: string | null;
  };

  it("is for administrators only", async () => {
    const coordinator = await login(ctx.app, "sct.dieuphoi");
    expect((await send(ctx.app, coordinator, "POST", "/api/agencies", { name: "Sở Mới" })).status).toBe(403);
    expect((await send(ctx.app, null, "PATCH", "/api/agencies/1", { name: "Sở Mới" })).status).toBe(401);
  });

  it("creates an agency, refuses a name already used in the province, and renames keeping the old name", async () => {
    const created = await call<AgencyJson>(ctx.app, admin, "POST", "/api/agencies", {
      name: "Sở Du lịch",
      shortName: "SDL",
      kind: "department",
      level: "province",
      province: "Tuyên Quang",
      aliases: ["Sở DL"],
      validFrom: "2025-03-01",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Sở Du lịch", aliases: ["Sở DL"], province: "Tuyên Quang" });
    const dup = await call<ErrorJson>(ctx.app, admin, "POST", "/api/agencies", {
      name: "Sở Công Thương",
      province: "Tuyên Quang",
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.fields?.[0]?.field).toBe("name");
    const id = created.body.id;
    const renamed = await call<AgencyJson>(ctx.app, admin, "PATCH", `/api/agencies/${id}`, {
      name: "Sở Văn hóa, Thể thao và Du lịch",
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.aliases).toEqual(["Sở DL", "Sở Du lịch"]);
    const read = await call<{ name: string }>(ctx.app, null, "GET", `/api/agencies/${id}`);
    expect(read.body.name).toBe("Sở Văn hóa, Thể thao và Du lịch");
  });

  it("checks validity dates and successors", async () => {
    const { body: list } = await call<{ items: { id: number; name: string }[] }>(
      ctx.app,
      null,
      "GET",
      "/api/agencies",
    );
    const skhdt = list.items.find((a) => a.name === "Sở Kế hoạch và Đầu tư")?.id ?? 0;
    const stc = list.items.find((a) => a.name === "Sở Tài chính")?.id ?? 0;
    const field = async (body: Record<string, unknown>, id = skhdt) =>
      (await call<ErrorJson>(ctx.app, admin, "PATCH", `/api/agencies/${id}`, body)).body.error?.fields?.map(
        (f) => f.field,
      );
    expect(await field({ validFrom: "2025-05-01", validTo: "2025-01-01" })).toEqual(["validTo"]);
    expect(await field({ successorId: skhdt })).toEqual(["successorId"]);
    expect(await field({ successorId: 99999 })).toEqual(["successorId"]);
    // Sở KH&ĐT → Sở Tài chính already: Sở Tài chính cannot be succeeded by Sở KH&ĐT.
    expect(await field({ successorId: skhdt }, stc)).toEqual(["successorId"]);
    const ok = await call<AgencyJson>(ctx.app, admin, "PATCH", `/api/agencies/${skhdt}`, {
      validTo: "2025-02-28",
    });
    expect(ok.body).toMatchObject({ validTo: "2025-02-28", successorId: stc });
    const audit = await ctx.database.db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(eq(auditLog.entity, "agency"));
    expect(Number(audit[0]?.n)).toBe(3);
  });
});
