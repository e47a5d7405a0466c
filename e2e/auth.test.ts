/**
 * Signing in and out in a real browser against the real server (demo accounts): a protected page
 * sends a signed-out user to /login and back; a lost session does the same; a password change;
 * the wait after too many wrong passwords; a password set by an administrator keeps the user on
 * the password page; an off-site `next` is never followed.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, apiAs, POLL, signIn, textOf } from "./reporting-helpers.ts";
import {
  chromiumAvailable,
  collectErrors,
  launchBrowser,
  newContext,
  type RunningApp,
  startApp,
} from "./support.ts";

const SCT = "Sở Công Thương";

describe.skipIf(!chromiumAvailable())("accounts in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("sends a signed-out user to sign in and back; a lost session does the same", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${app.url}/my`);
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/my");
    await page.getByTestId("login-username").fill("sct.baocao");
    await page.getByTestId("login-password").fill("wrong password");
    await page.getByTestId("login-submit").click();
    await expect.poll(() => page.getByTestId("error").count(), POLL).toBe(1);
    expect(await textOf(page, "error")).toMatch(/mật khẩu|đăng nhập/i);
    await signIn(page, app, "sct.baocao", "/my");
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/my");
    expect(await textOf(page, "user-agency")).toBe(SCT);
    expect(await page.getByTestId("user-role").getAttribute("data-roles")).toBe("reporter");
    expect(await textOf(page, "user-role")).toBe("Cán bộ báo cáo");
    // The session ends on the server side (cookie gone): the next load goes to sign-in.
    await context.clearCookies();
    await page.reload();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/my");
    expect(errors.filter((e) => !/status of (401|429)/.test(e))).toEqual([]);
    await context.close();
  });

  it("changes a password, signs out and signs in with the new one", async () => {
    const user = await actor(browser, app, "skhdt.lanhdao");
    const { page } = user;
    await page.getByTestId("password-link").click();
    await expect.poll(() => page.getByTestId("password-form").count(), POLL).toBe(1);
    const { DEMO_PASSWORD } = await import("../src/db/seed-accounts.ts");
    await page.getByTestId("password-current").fill(DEMO_PASSWORD);
    await page.getByTestId("password-new").fill("mat-khau-moi-2025");
    await page.getByTestId("password-again").fill("mat-khau-khac-2025");
    await page.getByTestId("password-submit").click();
    expect(await textOf(page, "password-problem")).toContain("không khớp");
    await page.getByTestId("password-again").fill("mat-khau-moi-2025");
    await page.getByTestId("password-submit").click();
    await expect.poll(() => page.getByTestId("password-done").count(), POLL).toBe(1);
    await page.getByTestId("logout").click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/login");
    expect(await page.getByTestId("user-name").count()).toBe(0);
    await page.getByTestId("login-username").fill("skhdt.lanhdao");
    await page.getByTestId("login-password").fill("mat-khau-moi-2025");
    await page.getByTestId("login-submit").click();
    await expect.poll(() => page.getByTestId("user-name").count(), POLL).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/my");
    expect(user.errors).toEqual([]);
    await user.context.close();
  });
  it("after too many wrong passwords the sign-in page shows the wait and keeps the button off", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${app.url}/login`);
    await page.getByTestId("login-username").fill("stnmt.baocao");
    for (let i = 0; i < 6; i++) {
      await page.getByTestId("login-password").fill(`wrong password ${i}`);
      await page.getByTestId("login-submit").click();
      await expect.poll(() => page.getByTestId("error").count(), POLL).toBe(1);
      await expect.poll(() => page.getByTestId("login-submit").isEnabled(), POLL).toBe(i < 5);
    }
    expect(await textOf(page, "error")).toMatch(/chờ \d+ giây/);
    expect(await textOf(page, "login-wait")).toMatch(/Vui lòng chờ \d+ giây/);
    expect(errors.filter((e) => !/status of (401|429)/.test(e))).toEqual([]);
    await context.close();
  });

  it("a password set by an administrator keeps the user on the password page; an off-site next is not followed", async () => {
    const asAdmin = await apiAs(app, "admin");
    const { items } = await asAdmin<{ items: { id: number; username: string }[] }>("GET", "/api/users");
    const id = items.find((u) => u.username === "sgtvt.baocao")?.id;
    await asAdmin("POST", `/api/users/${id}/reset-password`, { newPassword: "mat-khau-tam-2025" });
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${app.url}/login?next=${encodeURIComponent("/\\evil.example/")}`);
    await page.getByTestId("login-username").fill("sgtvt.baocao");
    await page.getByTestId("login-password").fill("mat-khau-tam-2025");
    await page.getByTestId("login-submit").click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/password");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/my");
    // Any other page leads back to the password page (the server refuses it anyway).
    await page.goto(`${app.url}/plans/${app.planId}`);
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/password");
    await page.goto(`${app.url}/password?next=${encodeURIComponent("//evil.example/")}`);
    await page.getByTestId("password-current").fill("mat-khau-tam-2025");
    await page.getByTestId("password-new").fill("mat-khau-rieng-2025");
    await page.getByTestId("password-again").fill("mat-khau-rieng-2025");
    await page.getByTestId("password-submit").click();
    await expect.poll(() => page.getByTestId("password-done").count(), POLL).toBe(1);
    expect(await page.getByTestId("password-done").locator("a").count()).toBe(0);
    await page.goto(`${app.url}/plans/${app.planId}`);
    await expect.poll(() => page.getByTestId("plan-title").count(), POLL).toBe(1);
    expect(new URL(page.url()).pathname).toBe(`/plans/${app.planId}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
