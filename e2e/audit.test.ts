/**
 * The audit page in Chromium (issue 8, defect 1): the coordinator reads its plan's log and the
 * chain check; another agency's draft save is listed — who, when, version and sizes — without
 * what it wrote, while its own agency's draft row keeps its digest.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/connection.ts";
import { type Actor, actor, apiAs, open, POLL, startAppWithDb } from "./reporting-helpers.ts";
import { chromiumAvailable, launchBrowser, type RunningApp } from "./support.ts";

const SECRET = "Nội dung nháp chưa được lãnh đạo Sở KH&ĐT duyệt";

interface Detail {
  report: { version: number };
  tasks: { id: number }[];
}

describe.skipIf(!chromiumAvailable())("audit page in Chromium", () => {
  let app: RunningApp & { database: Database };
  let browser: Browser;
  let coord: Actor | undefined;

  beforeAll(async () => {
    app = await startAppWithDb();
    browser = await launchBrowser();
    const coordinator = await apiAs(app, "sct.dieuphoi");
    await coordinator("POST", `/api/plans/${app.planId}/periods`, {
      frequency: "quarterly",
      label: "2022-Q1",
    });
    const list = await coordinator<{ items: { id: number; agency: { name: string } }[] }>(
      "GET",
      `/api/expected-reports?plan=${app.planId}`,
    );
    const id = list.items.find((e) => e.agency.name === "Sở Kế hoạch và Đầu tư")?.id;
    const reporter = await apiAs(app, "skhdt.baocao");
    const detail = await reporter<Detail>("GET", `/api/reports/${id}`);
    await reporter("PUT", `/api/reports/${id}`, {
      version: detail.report.version,
      summary: SECRET,
      updates: [{ taskId: detail.tasks[0]?.id, status: "in_progress", result: SECRET }],
    });
  });
  afterAll(async () => {
    await coord?.context.close();
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    expect(coord?.errors ?? []).toEqual([]);
  });

  it("lists the other agency's draft save with its sizes, not its content; the chain holds", async () => {
    coord = await actor(browser, app, "sct.dieuphoi");
    const { page } = coord;
    await open(page, app, `/plans/${app.planId}/audit`, "audit-table");
    await expect.poll(() => page.getByTestId("audit-chain").getAttribute("data-ok"), POLL).toBe("true");
    const save = page.locator('[data-testid="audit-row"][data-action="report.save"]');
    await expect.poll(() => save.count(), POLL).toBe(1);
    expect(await save.getAttribute("data-redacted")).toBe("true");
    await save.locator("summary").last().click();
    await expect.poll(() => save.textContent(), POLL).toContain("summaryChars");
    expect(await page.content()).not.toContain(SECRET);
    expect(await page.getByTestId("audit-table").textContent()).toContain("period.open");
  });
});
