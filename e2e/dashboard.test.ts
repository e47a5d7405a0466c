/**
 * The leaders' dashboard and the public page in Chromium (issue 10 §2), on the demo with its
 * reporting history: the provincial viewer lands on the dashboard, sees the tiles and the overdue
 * tasks by name, moves the as-of date to 31/12/2023 and the numbers change, downloads a table
 * and reads the file back; the public page is "not found" until the administrator switches it
 * on, then an anonymous browser sees it. axe-clean at 1366 and 360 px.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, SCREENSHOTS } from "./axe.ts";
import { actor, open, POLL } from "./reporting-helpers.ts";
import {
  chromiumAvailable,
  launchBrowser,
  newContext,
  type RunningApp,
  seen,
  startApp,
  tmpFile,
} from "./support.ts";

async function fullShot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

const countsText = (page: Page) => seen(page.getByTestId("db-counts"));

describe.skipIf(!chromiumAvailable())("dashboard and public page in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ history: true }), launchBrowser()]);
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("lands the viewer on the dashboard; 31/12/2023 changes the numbers; a table downloads as XLSX", async () => {
    const viewer = await actor(browser, app, "lanhdao.tinh", 1366);
    const page = viewer.page;
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/plans/${app.planId}/dashboard`);
    await expect.poll(() => page.getByTestId("db-tile").count(), POLL).toBe(6);
    // Every tile says its evaluation in words, not colour alone.
    for (const s of await page.getByTestId("tile-status").allInnerTexts())
      expect(s.trim().length).toBeGreaterThan(3);
    const overdue = page.getByTestId("db-overdue-list").getByTestId("db-task-link");
    await expect.poll(() => overdue.count(), POLL).toBeGreaterThan(0);
    expect((await seen(overdue.first())).length).toBeGreaterThan(10);
    await expect
      .poll(() => page.getByTestId("db-ranking").locator("tbody tr").count(), POLL)
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("zone-dot").count(), POLL).toBeGreaterThan(0);
    expect(await seen(page.getByTestId("db-ended"))).toContain("31/12/2025");
    const check = await checkPage(page, "dashboard-1366");
    expect(check.violations).toEqual([]);
    await fullShot(page, "dashboard-1366-full");
    const today = await countsText(page);
    const todayRates = await page.getByTestId("db-rate").allInnerTexts();

    await page.getByTestId("db-as-of").fill("2023-12-31");
    await expect.poll(() => page.getByTestId("dashboard").getAttribute("data-asof"), POLL).toBe("2023-12-31");
    expect(new URL(page.url()).searchParams.get("asOf")).toBe("2023-12-31");
    await expect.poll(() => countsText(page), POLL).not.toBe(today);
    expect(await page.getByTestId("db-ended").count()).toBe(0);
    expect(await page.getByTestId("db-rate").allInnerTexts()).not.toEqual(todayRates);
    await fullShot(page, "dashboard-2023-1366-full");

    // The overdue table as of 31/12/2023, downloaded and read back.
    const shown = await page
      .getByTestId("db-overdue-list")
      .locator("tbody tr td:first-child")
      .allInnerTexts();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-overdue").getByText("XLSX").click(),
    ]);
    const file = tmpFile("dashboard-overdue.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet in the download");
    expect(ws.getCell("A1").value).toBe("Nhiệm vụ quá hạn");
    expect(String(ws.getCell("A2").value)).toContain("31/12/2023");
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 4) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toEqual(shown.map((s) => s.trim()));
    expect(codes.length).toBeGreaterThan(0);
    // Printing: A4, no navigation.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    await page.pdf({ path: tmpFile("dashboard.pdf"), format: "A4", printBackground: true });
    await page.emulateMedia({ media: "screen" });
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();

    const phone = await actor(browser, app, "lanhdao.tinh", 360);
    await open(phone.page, app, `/plans/${app.planId}/dashboard`, "db-tile");
    const small = await checkPage(phone.page, "dashboard-360");
    expect(small.violations).toEqual([]);
    expect(small.overflow).toBeNull();
    await fullShot(phone.page, "dashboard-360-full");
    await phone.context.close();
  }, 300_000);

  it("shows the public page only once the administrator switches it on", async () => {
    const anon = await newContext(browser, 1366, 900);
    const page = await anon.newPage();
    await page.goto(`${app.url}/public/plans/${app.planId}`);
    await expect.poll(() => page.getByTestId("public-not-found").count(), POLL).toBe(1);

    const admin = await actor(browser, app, "admin", 1366);
    await open(admin.page, app, `/plans/${app.planId}`, "public-setting");
    expect(await admin.page.getByTestId("public-setting").getAttribute("data-public")).toBe("false");
    expect((await seen(admin.page.getByTestId("public-state"))).toLowerCase()).toBe("chưa công khai");
    await admin.page.getByTestId("public-toggle").click();
    await expect
      .poll(() => admin.page.getByTestId("public-setting").getAttribute("data-public"), POLL)
      .toBe("true");
    expect((await seen(admin.page.getByTestId("public-state"))).toLowerCase()).toBe("đang công khai");
    await admin.context.close();

    await page.goto(`${app.url}/public/plans/${app.planId}`);
    await expect
      .poll(() => page.getByTestId("public-zones").locator("tbody tr").count(), POLL)
      .toBeGreaterThan(0);
    expect(await page.getByTestId("db-tile").count()).toBe(6);
    const text = await seen(page.locator("body"));
    expect(text).not.toMatch(/pglite|postgres|Cảnh báo khi nhập/i);
    const wide = await checkPage(page, "public-1366");
    expect(wide.violations).toEqual([]);
    await fullShot(page, "public-1366-full");
    await page.goto(`${app.url}/public`);
    await expect.poll(() => page.getByTestId("public-plans").locator("li").count(), POLL).toBe(1);
    await anon.close();

    const phoneCtx = await newContext(browser, 360, 780);
    const phone = await phoneCtx.newPage();
    await phone.goto(`${app.url}/public/plans/${app.planId}`);
    await expect.poll(() => phone.getByTestId("public-zones").count(), POLL).toBe(1);
    const small = await checkPage(phone, "public-360");
    expect(small.violations).toEqual([]);
    expect(small.overflow).toBeNull();
    await fullShot(phone, "public-360-full");
    await phoneCtx.close();
  }, 180_000);
});
