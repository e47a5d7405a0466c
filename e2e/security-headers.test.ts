/**
 * The built web app and the API docs run under the Content-Security-Policy (issue 8 §7) in
 * Chromium: the pages work and the browser reports no violation (a `securitypolicyviolation`
 * listener installed before any page script, and the console); the built index.html has no
 * inline script; and another site cannot frame the app (frame-ancestors 'none').
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLL, signIn } from "./reporting-helpers.ts";
import {
  chromiumAvailable,
  launchBrowser,
  newContext,
  ROOT,
  type RunningApp,
  seen,
  startApp,
} from "./support.ts";

/** Records every CSP violation the page reports, and console lines that mention the policy. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on("console", (m) => {
    if (/content security policy|refused to/i.test(m.text())) consoleLines.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return async () => [
    ...consoleLines,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

describe.skipIf(!chromiumAvailable())("the app under its Content-Security-Policy in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let framer: http.Server;
  let framerUrl: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    // Another site (another origin) that tries to frame the app's plan page.
    framer = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><iframe id="app" src="${app.url}/plans/${app.planId}"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
    framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (framer ? framer.close(() => resolve()) : resolve()));
    await browser?.close();
    await app?.close();
  });

  it("the built index.html has no inline script", () => {
    const html = readFileSync(path.join(ROOT, "dist/web/index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe("");
    }
  });

  it("signs in and shows the plan, its targets with charts and map, and my work, with no violation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = await watchPolicy(page);
    const res = await page.goto(`${app.url}/`);
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    // lang.js (no longer inline) ran: the saved English choice is applied before React starts.
    await page.evaluate(() => localStorage.setItem("kehoach.lang", "en"));
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.evaluate(() => localStorage.setItem("kehoach.lang", "vi"));

    await signIn(page, app, "sct.dieuphoi");
    await page.goto(`${app.url}/plans/${app.planId}`);
    await expect.poll(() => page.locator('[data-testid="task-row"]').count(), POLL).toBeGreaterThan(0);
    await page.goto(`${app.url}/plans/${app.planId}/targets`);
    await expect.poll(() => page.getByTestId("tg-target").count(), POLL).toBe(6);
    expect(await page.locator("[data-testid=measure-chart] path").count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator("[data-testid=zone-map] path[data-testid=district]").count(), POLL)
      .toBe(7);
    await page.goto(`${app.url}/my`);
    await expect.poll(() => page.getByTestId("user-name").count(), POLL).toBe(1);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it("the API docs render under the same policy", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = await watchPolicy(page);
    const res = await page.goto(`${app.url}/api/docs`);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await expect.poll(() => page.locator(".swagger-ui .info .title").count(), POLL).toBe(1);
    expect(await seen(page.locator(".swagger-ui .info .title"))).toContain("kehoach API");
    await expect.poll(() => page.locator(".opblock").count(), POLL).toBeGreaterThan(10);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it("another site cannot frame the app", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/frame-ancestors|refused to (display|frame)/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(framerUrl);
    await expect.poll(() => refused.length, POLL).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // The frame never shows the app: no React root rendered in it.
    expect(
      await frame
        ?.locator("#root")
        .count()
        .catch(() => 0),
    ).toBe(0);
    await context.close();
  });
});
