/**
 * The administrator replaces the districts boundary layer with "official" data in a real browser
 * (real server, freshly seeded database): a file in VN-2000 metres is refused with the reason and
 * nothing changes; a valid file replaces the layer, and the public targets map then shows the new
 * attribution.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./reporting-helpers.ts";
import {
  apiGet,
  chromiumAvailable,
  collectErrors,
  launchBrowser,
  newContext,
  ROOT,
  type RunningApp,
  startApp,
  tmpFile,
} from "./support.ts";

const POLL = { timeout: 10_000, interval: 100 };
const DISTRICTS = "tuyen_quang_districts_pre2025.geojson";
const OFFICIAL = "Ranh giới: Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang (thử nghiệm)";

describe.skipIf(!chromiumAvailable())("map layers in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await (await newContext(browser, 1280, 1400)).newPage();
    errors = collectErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const form = () => page.locator(`[data-testid="map-form-${DISTRICTS}"]`);

  it("refuses VN-2000 metres, then replaces the districts layer; the targets map shows the new attribution", async () => {
    await signIn(page, app, "admin");
    await page.goto(`${app.url}/admin/map`);
    await expect.poll(() => page.getByTestId("map-layer").count(), POLL).toBe(4);

    const metres = tmpFile("vn2000.geojson");
    writeFileSync(
      metres,
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { name: "Sơn Dương" },
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [431000, 2410000],
                  [432000, 2410000],
                  [432000, 2411000],
                  [431000, 2410000],
                ],
              ],
            },
          },
        ],
      }),
    );
    await form().getByTestId("map-file").setInputFiles(metres);
    await form().getByTestId("map-attribution-input").fill(OFFICIAL);
    await form().getByTestId("map-source-input").fill("Bản đồ VN-2000");
    await form().getByTestId("map-replace").click();
    await expect
      .poll(() => form().getByTestId("field-error").first().textContent(), POLL)
      .toContain("VN-2000");
    expect((await apiGet<{ attribution: string }>(app, "/api/geo")).attribution).toContain("Who's On First");
    errors.splice(0, errors.length, ...errors.filter((e) => !e.includes("status of 400")));

    const official = JSON.parse(readFileSync(path.join(ROOT, "data/geo", DISTRICTS), "utf8"));
    const good = tmpFile("official.geojson");
    writeFileSync(good, JSON.stringify(official));
    await form().getByTestId("map-file").setInputFiles(good);
    await form().getByTestId("map-source-input").fill("Bản đồ hành chính tỉnh 2024");
    await form().getByTestId("map-replace").click();
    await expect.poll(() => page.getByTestId("map-notice").count(), POLL).toBe(1);
    const row = page.locator(`[data-testid="map-layer"][data-file="${DISTRICTS}"]`);
    await expect.poll(() => row.getByTestId("map-layer-origin").textContent(), POLL).toContain("Đã thay");

    const plans = await apiGet<{ items: { id: number; title: string }[] } | { id: number; title: string }[]>(
      app,
      "/api/plans",
    );
    const plan = (Array.isArray(plans) ? plans : plans.items).find((p) => p.title.includes("Tuyên Quang"));
    await page.goto(`${app.url}/plans/${plan?.id}/targets`);
    await expect.poll(() => page.getByTestId("map-attribution").textContent(), POLL).toContain(OFFICIAL);
    await expect.poll(() => page.getByTestId("district").count(), POLL).toBe(7);
    expect(errors).toEqual([]);
  });
});
