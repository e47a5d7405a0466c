/**
 * The public targets page (/plans/:id/targets) in a real browser against the real server and a
 * freshly seeded database: six targets with status badges, measure charts (hand-written SVG),
 * the district map of Tuyên Quang with the zones and the boundaries' attribution; English labels.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeViolations, runAxe } from "./axe.ts";
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

    // The verdicts come first; the working is behind a closed disclosure per target.
    const t1 = targets.first();
    expect(await t1.getByTestId("target-working").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      false,
    );
    const verdicts = t1.getByTestId("measure-verdict");
    expect(await verdicts.count()).toBe(2);
    expect(await seen(verdicts.first())).toContain("Đã hết kỳ mục tiêu, chưa có số liệu năm 2025");
    expect(await seen(verdicts.first())).toContain(
      "năm 2024 đạt 23.730 tỷ đồng, bằng 85,7% mục tiêu trên 27.700 tỷ đồng",
    );
    // The rate target against its goal rate, never "có thể giảm tới …".
    expect(await seen(verdicts.nth(1))).toContain(
      "tăng bình quân đến năm 2024 là 16,56%/năm, mục tiêu trên 14%/năm",
    );
    expect(await seen(t1.getByTestId("awaiting"))).toContain("Đánh giá cuối cùng chờ số liệu năm 2025");
    expect(await seen(page.getByTestId("plan-ended"))).toContain(
      "Kỳ của kế hoạch đã kết thúc ngày 31/12/2025",
    );

    // The working: the annual 2024 figure is compared with the annual goal; the half-year is named as such.
    await t1.getByTestId("target-working").locator("summary").first().click();
    const m11 = page.locator('[data-testid=measure][data-code="1.1"]');
    expect(await seen(m11.getByTestId("measure-latest"))).toContain("23.730 tỷ đồng (Năm 2024, ước tính)");
    expect(await seen(m11.getByTestId("measure-part-year"))).toContain(
      "12.827,6 tỷ đồng (6 tháng đầu năm 2025, sơ bộ)",
    );
    expect(
      await page.locator('[data-testid=measure][data-code="1.2"] [data-testid=projection]').count(),
    ).toBe(0);
    expect(await page.getByTestId("growth-needed").count()).toBe(0);

    // Every word of the page (open or closed): no ISO date, period code, internal code, English, ">=".
    const all = (await page.locator("main").textContent()) ?? "";
    for (const bad of [
      /\d{4}-\d{2}-\d{2}/,
      /\b20\d\d-(Q[1-4]|H[12]|9M)\b/,
      /zone_occupancy|industrial_cluster/,
      /pre-merger|zone registry/,
      />=/,
      /năm còn lại|đánh giá theo tiến độ|có thể giảm tới/,
      /\d,\d+ (cụm|khu) công nghiệp/,
      /-\d+,\d+ –/,
      / \+ 0 × /,
    ])
      expect(all).not.toMatch(bad);

    // Target 5 shows its working: the 2025 founding known only by its year is counted, and why.
    const t5target = page.locator('[data-testid=tg-target][data-code="5"]');
    expect(await seen(t5target.getByTestId("measure-verdict"))).toBe(
      "Không đạt: đến hết năm 2025: 1 cụm công nghiệp, mục tiêu ít nhất 5 cụm công nghiệp (còn thiếu 4).",
    );
    await t5target.getByTestId("target-working").locator("summary").first().click();
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
    expect(await seen(notes.locator('li[data-code="several_scopes"]'))).toContain("6 tháng đầu năm 2025");

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
    expect(await seen(page.locator("main"))).toContain("The period is over, no 2025 figure yet");
    expect(await seen(page.locator("main"))).toContain("Likely met (final figure pending)");
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
    // In 2022 the plan runs: no "ended" note, the growth still needed in the years left.
    expect(await page.getByTestId("plan-ended").count()).toBe(0);
    const t1 = page.locator('[data-testid=tg-target][data-code="1"]');
    expect(await seen(t1.getByTestId("measure-verdict").first())).toContain("Năm 2022 đạt 17.670 tỷ đồng");
    await t1.getByTestId("target-working").locator("summary").first().click();
    const needed = t1.getByTestId("growth-needed");
    expect(await seen(needed.first())).toContain("Cần tăng bình quân 16,17%/năm trong 3 năm còn lại");
    expect(await seen(needed.nth(1))).toContain(
      "Để tăng bình quân 2021–2025 đạt 14%/năm, 3 năm còn lại cần tăng bình quân 11,89%/năm",
    );
    // A count that has not moved is not fitted with a line.
    const p5 = page.locator('[data-testid=measure][data-code="5.1"] [data-testid=projection]');
    expect(await p5.textContent()).toContain("nếu không có quyết định mới, năm 2025 vẫn là 0");
  });

  it("fits a 360 px screen and is axe-clean, verdicts and working alike", async () => {
    const narrow = await newContext(browser, 360, 780);
    const small = await narrow.newPage();
    const smallErrors = collectErrors(small);
    await small.goto(`${app.url}/plans/${app.planId}/targets`);
    await expect.poll(() => small.getByTestId("tg-target").count(), POLL).toBe(6);
    const width = () => small.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(360);
    expect(describeViolations(await runAxe(small))).toEqual([]);
    await small.screenshot({ path: tmpFile("targets-360.png") });
    for (const summary of await small.locator("[data-testid=target-working] > summary").all())
      await summary.click();
    expect(await width()).toBeLessThanOrEqual(360);
    expect(describeViolations(await runAxe(small))).toEqual([]);
    await small.screenshot({ path: tmpFile("targets-360-open.png"), fullPage: true });
    await narrow.close();
    expect(smallErrors).toEqual([]);
  });
});
