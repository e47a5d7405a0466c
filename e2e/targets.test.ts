/**
 * The public targets page (/plans/:id/targets) in a real browser against the real server and a
 * freshly seeded database: six targets with status badges, measure charts (hand-written SVG),
 * the district map of Tuyên Quang with the zones and the boundaries' attribution; English labels.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

interface EvaluationAnswer {
  notes: unknown[];
  targets: { code: string; overall: { status: string; statusLabel: { vi: string; en: string } } }[];
}
interface GeoAnswer {
  attribution: string;
}

const POLL = { timeout: 10_000, interval: 100 };

describe.skipIf(!chromiumAvailable())("targets page in Chromium", () => {
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
    context = await newContext(browser, 1280, 1600);
    page = await context.newPage();
    errors = collectErrors(page);
  });
  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  it("shows six targets with badges, charts, the district map and its attribution; English labels", async () => {
    const plans = await apiGet<{ id: number; title: string }[] | { items: { id: number; title: string }[] }>(
      app,
      "/api/plans",
    );
    const list = Array.isArray(plans) ? plans : plans.items;
    const plan = list.find((p) => p.title.includes("Tuyên Quang"));
    expect(plan?.id).toBe(app.planId);
    const evaluation = await apiGet<EvaluationAnswer>(app, `/api/plans/${app.planId}/targets/evaluation`);
    expect(evaluation.targets).toHaveLength(6);
    const geo = await apiGet<GeoAnswer>(app, "/api/geo");

    // From the plan page's targets section.
    await page.goto(`${app.url}/plans/${app.planId}`);
    const link = page.getByTestId("targets-evaluation-link");
    await expect.poll(() => link.count(), POLL).toBe(1);
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/plans/${app.planId}/targets`);

    const targets = page.getByTestId("tg-target");
    await expect.poll(() => targets.count(), POLL).toBe(6);
    for (let i = 0; i < 6; i++) {
      const badge = targets.nth(i).locator(".tg-overall [data-testid=status-badge]");
      expect(await badge.count()).toBe(1);
      const want = evaluation.targets[i];
      expect(await badge.getAttribute("data-status")).toBe(want?.overall.status);
      expect(await seen(badge)).toBe(want?.overall.statusLabel.vi);
      expect(await badge.getAttribute("class")).toMatch(/tone-(green|amber|red|grey|blue)/);
    }
    expect(await seen(page.locator("main"))).toContain("27.700");

    const charts = page.getByTestId("measure-chart");
    expect(await charts.count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=measure-chart] path").count()).toBeGreaterThan(0);

    // Target 5 shows its working: the 2025 founding known only by its year is counted, and why.
    const t5 = page.locator('[data-testid=measure][data-code="5.1"]');
    await t5.locator("[data-testid=zone-working] summary").click();
    expect(await seen(t5.getByTestId("zone-counted"))).toContain(
      "An Hòa - Long Bình An — QĐ 08/QĐ-UBND (2025) (năm 2025, chưa rõ ngày)",
    );
    expect(await seen(t5.getByTestId("zone-ignored"))).toContain("Ninh Lai - Thiện Kế");
    expect(await page.getByTestId("occupancy-working").count()).toBe(1);
    // The figures' contradictions are listed, not hidden: the 2025-H1 figures of two territories.
    const notes = page.getByTestId("data-notes");
    expect(await notes.locator("li").count()).toBe(evaluation.notes.length);
    expect(await seen(notes.locator('li[data-code="several_scopes"]'))).toContain("12.827,6");

    const map = page.getByTestId("zone-map");
    await expect.poll(() => map.locator("path[data-testid=district]").count(), POLL).toBe(7);
    expect(await seen(page.locator("main"))).toContain("Sơn Dương");
    await expect.poll(() => page.getByTestId("map-attribution").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("map-attribution"))).toContain(geo.attribution);

    await page.screenshot({ path: tmpFile("targets-page.png"), fullPage: true });

    // English
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => seen(page.locator("h1")), POLL).toBe("Target evaluation");
    const first = targets.first().locator(".tg-overall [data-testid=status-badge]");
    expect(await seen(first)).toBe(evaluation.targets[0]?.overall.statusLabel.en);
    expect(await seen(page.locator("main"))).toContain("Growth still needed");
    expect(await seen(page.locator("#tg-map-heading"))).toBe("Map of industrial parks and clusters");
    expect(await seen(page.locator("main"))).toContain("27,700");
  });

  it("re-evaluates for an earlier 'as of' date", async () => {
    await page.goto(`${app.url}/plans/${app.planId}/targets`);
    await expect.poll(() => page.getByTestId("tg-target").count(), POLL).toBe(6);
    await page.getByTestId("as-of").fill("2022-12-31");
    await expect.poll(() => new URL(page.url()).searchParams.get("asOf"), POLL).toBe("2022-12-31");
    const before = await apiGet<EvaluationAnswer>(
      app,
      `/api/plans/${app.planId}/targets/evaluation?asOf=2022-12-31`,
    );
    await expect
      .poll(
        () =>
          page
            .locator("[data-testid=tg-target] .tg-overall [data-testid=status-badge]")
            .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.status)),
        POLL,
      )
      .toEqual(before.targets.map((t) => t.overall.status));
    expect(await page.getByTestId("as-of").inputValue()).toBe("2022-12-31");
  });
});
