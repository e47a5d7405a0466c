/**
 * The demo history `npm start` loads (src/db/seed-history.ts): the pages that were empty or all
 * overdue now show past rounds — "Việc của tôi" for Sở Công Thương's reporter, and the rates.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, open, POLL } from "./reporting-helpers.ts";
import { chromiumAvailable, launchBrowser, type RunningApp, seen, startApp } from "./support.ts";

describe.skipIf(!chromiumAvailable())("demo history in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ history: true }), launchBrowser()]);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows past accepted reports on /my, marked as demo data, and non-zero rates", async () => {
    const reporter = await actor(browser, app, "sct.baocao");
    const page = reporter.page;
    await open(page, app, "/my", "my-work");
    const accepted = page.getByTestId("my-accepted").getByTestId("work-item");
    await expect.poll(() => accepted.count(), POLL).toBeGreaterThan(10);
    expect(await seen(page.getByTestId("demo-badge").first())).toBe("Dữ liệu minh họa");
    expect(reporter.errors).toEqual([]);
    await reporter.context.close();
    // The rates as of today (the coordinator's page): received and on time are not all zero.
    const coordinator = await actor(browser, app, "sct.dieuphoi");
    await open(coordinator.page, app, `/plans/${app.planId}/rates`, "rate-row");
    const received = await coordinator.page.getByTestId("rate-received").allInnerTexts();
    expect(received.some((t) => /[1-9]/.test(t))).toBe(true);
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();
  }, 120_000);
});
