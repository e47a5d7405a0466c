/**
 * A password that must change (set by an administrator at creation or reset) opens nothing but
 * the password change until it is changed: the server refuses the rest, not only the web app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ErrorJson, startTestApp, type TestApp } from "../test-app.ts";
import { call, login, send, type TestSession } from "../test-auth.ts";

let ctx: TestApp;
let admin: TestSession;

beforeAll(async () => {
  ctx = await startTestApp();
  admin = await login(ctx.app, "admin");
});
afterAll(async () => {
  await ctx?.close();
});

const codeOf = async (res: Promise<Response>) => {
  const r = await res;
  return `${r.status} ${((await r.json()) as Partial<ErrorJson>).error?.code ?? ""}`.trim();
};

/** Resets the user's password as the administrator and signs in with it. */
async function resetAndSignIn(username: string, temporary: string): Promise<TestSession> {
  const id = (await login(ctx.app, username)).user.id;
  const reset = await call(ctx.app, admin, "POST", `/api/users/${id}/reset-password`, {
    newPassword: temporary,
  });
  expect(reset.status).toBe(200);
  return login(ctx.app, username, temporary);
}

describe("a session whose password must change", () => {
  it("is refused everything else with 403 PASSWORD_CHANGE_REQUIRED, public reads and writes alike", async () => {
    const s = await resetAndSignIn("skhdt.baocao", "temporary-password-1");
    expect(s.user.mustChangePassword).toBe(true);
    const plan = ctx.planId;
    const refused = "403 PASSWORD_CHANGE_REQUIRED";
    expect(await codeOf(send(ctx.app, s, "GET", `/api/expected-reports?plan=${plan}`))).toBe(refused);
    expect(await codeOf(send(ctx.app, s, "GET", `/api/plans/${plan}`))).toBe(refused);
    expect(await codeOf(send(ctx.app, s, "GET", "/api/notifications"))).toBe(refused);
    expect(await codeOf(send(ctx.app, s, "PUT", "/api/reports/1", { version: 1, updates: [] }))).toBe(
      refused,
    );
    expect(await codeOf(send(ctx.app, s, "POST", `/api/users/${s.user.id}/reset-password`, {}))).toBe(
      refused,
    );
    // Without the session the public read answers as for anyone.
    expect((await send(ctx.app, null, "GET", `/api/plans/${plan}`)).status).toBe(200);
  });

  it("still reads who it is, checks CSRF on the change, changes the password, and then works", async () => {
    const s = await resetAndSignIn("skhdt.lanhdao", "temporary-password-2");
    const me = await call<{ user: { mustChangePassword: boolean } }>(ctx.app, s, "GET", "/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    expect((await send(ctx.app, s, "GET", "/api/health")).status).toBe(200);
    const body = { currentPassword: "temporary-password-2", newPassword: "my-own-password-22" };
    const noCsrf = ctx.app.request("/api/auth/password", {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(await codeOf(Promise.resolve(noCsrf))).toBe("403 CSRF");
    expect((await call(ctx.app, s, "POST", "/api/auth/password", body)).status).toBe(200);
    const plan = ctx.planId;
    expect((await send(ctx.app, s, "GET", `/api/expected-reports?plan=${plan}`)).status).toBe(200);
    expect((await send(ctx.app, s, "GET", `/api/plans/${plan}`)).status).toBe(200);
    expect(
      (await call<{ user: { mustChangePassword: boolean } }>(ctx.app, s, "GET", "/api/auth/me")).body.user,
    ).toMatchObject({ mustChangePassword: false });
  });

  it("may sign out", async () => {
    const s = await resetAndSignIn("sct.baocao", "temporary-password-3");
    expect((await send(ctx.app, s, "POST", "/api/auth/logout")).status).toBe(200);
    expect((await send(ctx.app, s, "GET", "/api/auth/me")).status).toBe(401);
  });

  it("applies to a user the administrator creates", async () => {
    const created = await call(ctx.app, admin, "POST", "/api/users", {
      username: "moi.taokhoan",
      displayName: "Người dùng mới",
      password: "first-password-11",
      roles: [{ role: "viewer", planId: ctx.planId }],
    });
    expect(created.status).toBe(201);
    const s = await login(ctx.app, "moi.taokhoan", "first-password-11");
    expect(await codeOf(send(ctx.app, s, "GET", `/api/plans/${ctx.planId}/task-status`))).toBe(
      "403 PASSWORD_CHANGE_REQUIRED",
    );
  });
});
