/**
 * Helpers for the browser tests: Debian's Chromium driven by playwright-core, and the real
 * server (fresh test database + demo plan) on a free port.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CHROMIUM = "/usr/bin/chromium";

/**
 * true when Chromium is installed. Missing under CI=true is an error (the suite must not pass by
 * skipping); on a developer machine the suite is skipped with a message saying why.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const msg = `${CHROMIUM} not found: install it with "apt-get install -y chromium" to run the browser tests.`;
  if (process.env.CI === "true") throw new Error(msg);
  console.warn(`[e2e] SKIPPING browser tests — ${msg}`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** A fresh browser context (own localStorage) in Vietnamese locale, as a user in Vietnam would have. */
export function newContext(browser: Browser, width = 1280, height = 900): Promise<BrowserContext> {
  return browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", viewport: { width, height } });
}

export interface RunningApp {
  url: string;
  planId: number;
  close(): Promise<void>;
}

/** A new migrated database with the Tuyên Quang demo plan, served with the built web app. */
/** `history: true` also writes the demo reporting history (src/db/seed-history.ts), as `npm start` does. */
export async function startApp(options: { history?: boolean } = {}): Promise<RunningApp> {
  const { seededTestDb } = await import("../src/db/test-db.ts");
  const { startServer } = await import("../src/server/serve.ts");
  // A copy of the seeded template: what seedDemo(db, log, options) writes, built once a run.
  const { database: db, planId } = await seededTestDb(options);
  try {
    const server = await startServer({ db, port: 0 });
    return {
      url: server.url,
      planId,
      async close() {
        await server.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

export async function apiGet<T>(app: RunningApp, p: string): Promise<T> {
  const res = await fetch(app.url + p);
  if (!res.ok) throw new Error(`GET ${p} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The task codes shown in the table, in order. */
export function rowCodes(page: Page, testid = "task-table"): Promise<string[]> {
  return page
    .locator(`[data-testid="${testid}"] [data-testid="task-row"]`)
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code ?? ""));
}

/** Uncaught page errors and console errors, to assert none happened. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export function tmpFile(name: string): string {
  const dir = path.join(ROOT, ".tmp");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** The text a user sees in an element (rendered text, as Playwright's innerText gives it). */
export function seen(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property
  return locator.innerText();
}
