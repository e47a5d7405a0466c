/**
 * Helpers for the reporting-loop browser tests: one signed-in browser context per demo account,
 * and API calls made as that account (cookie + CSRF token) to check what the pages show.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { Database } from "../src/db/connection.ts";
import { collectErrors, newContext, type RunningApp, seen } from "./support.ts";

export const POLL = { timeout: 15_000, interval: 100 };

/** Like support.ts startApp (fresh database, demo plan and accounts), keeping the database at hand. */
/** `history: true` also writes the demo reporting history (src/db/seed-history.ts), as `npm start` does. */
export async function startAppWithDb(
  options: { history?: boolean } = {},
): Promise<RunningApp & { database: Database }> {
  const { seededTestDb } = await import("../src/db/test-db.ts");
  const { startServer } = await import("../src/server/serve.ts");
  // A copy of the seeded template: what seedDemo(database, log, options) writes, built once a run.
  const { database, planId } = await seededTestDb(options);
  try {
    const server = await startServer({ db: database, port: 0 });
    return {
      url: server.url,
      planId,
      database,
      async close() {
        await server.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

/**
 * A notification for a user, as a reminder run writes it. Reminders fall due only on working
 * days, so on a weekend the test puts one there itself to check the bell.
 */
export async function notify(database: Database, username: string, link: string): Promise<void> {
  const { eq } = await import("drizzle-orm");
  const { notifications, users } = await import("../src/db/schema.ts");
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new Error(`no user ${username}`);
  await database.db.insert(notifications).values({
    userId: user.id,
    key: `e2e:${Date.now()}`,
    kind: "reminder",
    title: "Nhắc gửi báo cáo Quý I/2022",
    body: "Hạn gửi báo cáo là hôm nay.",
    link,
  });
}

/** The demo password (src/db/seed-accounts.ts DEMO_PASSWORD). */
export async function demoPassword(): Promise<string> {
  const { DEMO_PASSWORD } = await import("../src/db/seed-accounts.ts");
  return DEMO_PASSWORD;
}

export interface Actor {
  username: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Errors the browser logs for answers a step expects (e.g. "409" for a version conflict). */
export function allow(actor: Actor, ...statuses: number[]): void {
  const rest = actor.errors.filter((e) => !statuses.some((s) => e.includes(`status of ${s}`)));
  actor.errors.splice(0, actor.errors.length, ...rest);
}

/** Signs in through the login page; ends on the page the app lands on. */
export async function signIn(page: Page, app: RunningApp, username: string, next?: string): Promise<void> {
  await page.goto(`${app.url}/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(await demoPassword());
  await page.getByTestId("login-submit").click();
  await expect.poll(() => page.getByTestId("user-name").count(), POLL).toBe(1);
}

/** A fresh browser context (own cookies and localStorage) signed in as `username`. */
export async function actor(
  browser: Browser,
  app: RunningApp,
  username: string,
  width = 1280,
): Promise<Actor> {
  const context = await newContext(browser, width, 900);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await signIn(page, app, username);
  return { username, context, page, errors };
}

/** Calls the API as a user (signs in with fetch: cookie and CSRF token). */
export async function apiAs(app: RunningApp, username: string) {
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: await demoPassword() }),
  });
  if (!res.ok) throw new Error(`sign-in ${username} → ${res.status}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(app.url + path, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status}: ${await r.text()}`);
    return (await r.json()) as T;
  };
}

/** Goes to a path inside the app and waits for a test id to be there. */
export async function open(page: Page, app: RunningApp, path: string, testid: string): Promise<void> {
  await page.goto(app.url + path);
  await expect.poll(() => page.getByTestId(testid).count(), POLL).toBeGreaterThan(0);
}

export async function textOf(page: Page, testid: string): Promise<string> {
  return seen(page.getByTestId(testid).first());
}

/** The report page's state and version, once it shows `state`. */
/**
 * Waits until the report page shows `state` at `version`: a save is asynchronous, and the state
 * alone ("draft" before and after) cannot tell whether it has landed.
 */
export async function reportAt(page: Page, state: string, version: number): Promise<void> {
  const report = page.getByTestId("report-page");
  await expect.poll(() => report.getAttribute("data-state"), POLL).toBe(state);
  await expect.poll(() => report.getAttribute("data-version"), POLL).toBe(String(version));
}

export async function reportState(page: Page, state: string): Promise<number> {
  const report = page.getByTestId("report-page");
  await expect.poll(() => report.getAttribute("data-state"), POLL).toBe(state);
  return Number(await report.getAttribute("data-version"));
}

/**
 * An answer for every task of the report (sending refuses a lead task left unreported, issue 9 §3):
 * `named` as given, every other task "in_progress" with a short result.
 */
export async function answerEveryTask(
  api: Awaited<ReturnType<typeof apiAs>>,
  reportId: number,
  named: { taskId: number; status: string; [k: string]: unknown }[] = [],
): Promise<{ taskId: number; status: string; [k: string]: unknown }[]> {
  const detail = await api<{ tasks: { id: number }[] }>("GET", `/api/reports/${reportId}`);
  const given = new Set(named.map((u) => u.taskId));
  return [
    ...named,
    ...detail.tasks
      .filter((t) => !given.has(t.id))
      .map((t) => ({
        taskId: t.id,
        status: "in_progress",
        progress: 50,
        result: "Đang triển khai theo kế hoạch.",
      })),
  ];
}

/** Reloads, opens the bell and waits for a notification whose text contains `title`; closes it. */
export async function bellShows(a: Actor, title: string): Promise<void> {
  await a.page.reload();
  await expect.poll(() => a.page.getByTestId("notif-bell").count(), POLL).toBe(1);
  await a.page.getByTestId("notif-bell").click();
  await expect
    .poll(() => a.page.getByTestId("notif-panel").getByText(title, { exact: false }).count(), POLL)
    .toBeGreaterThan(0);
  await a.page.getByTestId("notif-bell").click();
}
