/**
 * The projects page (/projects) in a real browser against the real server and a freshly seeded
 * database: the coordinator sees the plan's three projects (section 4.3), a milestone planned in
 * the past without an actual date puts a project under "Dự án chậm tiến độ", its actual date
 * takes it off; an anonymous visitor sees the table but no forms.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POLL, signIn } from "./reporting-helpers.ts";
import {
  apiGet,
  chromiumAvailable,
  collectErrors,
  launchBrowser,
  newContext,
  type RunningApp,
  seen,
  startApp,
  tmpFile,
} from "./support.ts";

const SEEDED = [
  "Dự án mở rộng Khu công nghiệp Long Bình An",
  "Dự án mở rộng Nhà máy bột giấy và giấy An Hòa",
  "Dự án mở rộng Nhà máy gang thép Tuyên Quang",
];
const STEEL = SEEDED[2] as string;

const names = (page: Page, testid: string) =>
  page
    .locator(`[data-testid="${testid}"]`)
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name ?? ""));

describe.skipIf(!chromiumAvailable())("projects page in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(async () => {
    context = await newContext(browser, 1400, 1600);
    page = await context.newPage();
    errors = collectErrors(page);
  });
  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  it("the coordinator chases a late milestone until its actual date is entered", async () => {
    await signIn(page, app, "sct.dieuphoi");
    await page.getByTestId("nav-projects").click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/projects");
    await expect.poll(() => names(page, "pj-row"), POLL).toEqual(SEEDED);
    const row = page.locator(`[data-testid="pj-row"][data-name="${STEEL}"]`);
    expect(await seen(row.getByTestId("pj-investor"))).toBe("chưa có thông tin");
    expect(await seen(row.getByTestId("pj-status"))).toBe("Chưa có tiến độ");
    await expect.poll(() => page.getByTestId("pj-behind-empty").count(), POLL).toBe(1);
    expect(await seen(page.locator("#pj-behind-heading"))).toBe("Dự án chậm tiến độ");

    // A construction start planned in the past, not done: the project is behind schedule.
    await row.locator("[data-testid=pj-actions] summary").click();
    const form = row.getByTestId("pj-milestone-form");
    await form.getByTestId("pj-ms-kind").selectOption("construction");
    await form.getByTestId("pj-ms-planned").fill("2024-01-31");
    await form.getByTestId("pj-ms-submit").click();
    await expect.poll(() => names(page, "pj-behind-item"), POLL).toEqual([STEEL]);
    await expect.poll(() => seen(row.getByTestId("pj-status")), POLL).toMatch(/^(Chậm tiến độ|Đình trệ)$/);
    expect(await seen(page.getByTestId("pj-behind"))).toContain("Khởi công xây dựng: kế hoạch 31/01/2024");
    await page.screenshot({ path: tmpFile("projects-behind.png"), fullPage: true });

    // The actual date entered: off the list, "done late" kept on the milestone.
    await form.getByTestId("pj-ms-actual").fill("2024-03-01");
    await form.getByTestId("pj-ms-submit").click();
    await expect.poll(() => page.getByTestId("pj-behind-empty").count(), POLL).toBe(1);
    expect(await names(page, "pj-behind-item")).toEqual([]);
    await expect.poll(() => seen(row.getByTestId("pj-status")), POLL).toBe("Đúng tiến độ");
    expect(await seen(row.getByTestId("pj-milestones"))).toContain("chậm 30 ngày");

    // The facts become known: a capital typed the Vietnamese way ("1.200" is 1200, not 1,2).
    const edit = row.getByTestId("pj-edit-form");
    await edit.getByTestId("pj-edit-investor").fill("Công ty CP Gang thép Tuyên Quang");
    await edit.getByTestId("pj-edit-registeredCapitalBillionVnd").fill("1.200");
    await edit.getByTestId("pj-edit-submit").click();
    await expect
      .poll(() => seen(row.getByTestId("pj-investor")), POLL)
      .toBe("Công ty CP Gang thép Tuyên Quang");
    const stored = await apiGet<{ items: { name: string; registeredCapitalBillionVnd: number | null }[] }>(
      app,
      "/api/projects",
    );
    expect(stored.items.find((p) => p.name === STEEL)?.registeredCapitalBillionVnd).toBe(1200);

    // English
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => seen(page.locator("h1")), POLL).toBe("Investment projects");
    expect(await seen(row.getByTestId("pj-investor"))).toBe("Công ty CP Gang thép Tuyên Quang");
    const other = page.locator(`[data-testid="pj-row"]:not([data-name="${STEEL}"])`);
    expect(await seen(other.first().getByTestId("pj-investor"))).toBe("not known yet");
  });

  it("an anonymous visitor sees the table but no forms nor the coordinator's list", async () => {
    await page.goto(`${app.url}/projects`);
    await expect.poll(() => names(page, "pj-row"), POLL).toEqual(SEEDED);
    expect(await page.getByTestId("login-link").count()).toBe(1);
    expect(await page.locator("form").count()).toBe(0);
    expect(await page.getByTestId("pj-actions").count()).toBe(0);
    expect(await page.getByTestId("pj-behind").count()).toBe(0);
    expect(await seen(page.locator("main"))).toContain("KCN Long Bình An");
  });
});
